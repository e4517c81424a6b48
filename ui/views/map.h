/* map.h: the events of the current filter on a Braille map of the country outlines
 * (map/scene.h), zoomed to their places; each event a point sized by its toll and
 * numbered as in the events view. The cursor moves from point to point (h j k l, arrows)
 * and the line under the map shows its event; Enter filters the list to its place. The
 * map is fitted again when the terminal changes size. */
#ifndef SITREP_UI_MAP_H
#define SITREP_UI_MAP_H

#include "view.h"

struct app;

extern const struct view_ops map_screen;

/* Opens the map of the events the current filter selects (a message when it cannot). */
void map_screen_open(struct app *a);

#endif
