/* prompt.h: the search (/) and filter (f) line at the foot of the main screen. */
#ifndef SITREP_UI_PROMPT_H
#define SITREP_UI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "state.h"

#include "view.h"

struct app;

extern const struct view_ops prompt_view;

/* Opens the line for kind (state.h) about article (tags, delete), starting with initial
 * (may be NULL). The saved-filter chooser says so when there are none. */
void prompt_view_open(struct app *a, enum prompt_kind kind, int64_t article, const char *initial);

/* Opens the line for search words, or for the filter starting with initial. */
void prompt_view_open_search(struct app *a);
void prompt_view_open_filter(struct app *a, const char *initial);

/* Edits a line of text with key (Backspace, C-u, a printable key); returns whether it
 * changed. The picker's input line uses it too. */
bool prompt_edit(char *buf, size_t cap, int key);

#endif
