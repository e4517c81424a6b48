/* export.h: x, from the main screen, the events screen or the map: a line asking for a
 * file name, then what is shown written there (the filtered list as reports, else the
 * events of the filter), the format taken from the name's extension (.csv, .jsonl,
 * .geojson). The screen it opened over stays under it. */
#ifndef SITREP_UI_EXPORT_H
#define SITREP_UI_EXPORT_H

#include "view.h"

struct app;

extern const struct view_ops export_view;

void export_view_open(struct app *a);

#endif
