/* view_events.h: the events of the collection (issue 5), as a self-contained view the app
 * embeds (same pattern as view_compare.h): events with their number of reports, dates,
 * killed range and a disagreement mark; Enter opens one: its reasons, its reports, and each
 * figure kind's range, most conservative estimate and disagreement; there Space marks a
 * report and c compares the marked report with the selected one (or the first two).
 * Keys: j/k/arrows, PgUp/PgDn, g/G, Enter open, Space mark, c compare, r regroup (the
 * key returns VIEW_KEY_REGROUP for the app to start one), q/Esc back or close. */
#ifndef SITREP_UI_VIEW_EVENTS_H
#define SITREP_UI_VIEW_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "store/query.h"
#include "views/compare.h"

struct app;
struct store;
struct events_view;

/* Reads the stored events, grouping the collection first when they are stale (only those
 * with a report filter keeps, when it filters; NULL for all); or, with
 * waiting set, shows that a background grouping is under way (see event_grouping.h) until
 * events_view_reload. */
struct events_view *events_view_open(struct store *s, const struct query *filter, bool waiting,
                                     char *err, size_t errlen);

/* Reads the stored events again (a grouping has finished). Returns 0 or -1. */
int events_view_reload(struct events_view *v);

/* Shows the view as waiting for a grouping (after VIEW_KEY_REGROUP). */
void events_view_wait(struct events_view *v);
void events_view_close(struct events_view *v);

/* The keys the hint lines name: the app's, so a `bind` shows there (default keys until
 * set). */
void events_view_set_keys(struct events_view *v, const struct keymap *km);
void events_view_draw(struct events_view *v, WINDOW *w);
/* What act means in the events list, an event's reports or a comparison opened from them. */
enum view_key_result events_view_action(struct events_view *v, enum action act);

/* Shows text on the view's last line until the next key. */
void events_view_say(struct events_view *v, const char *text);

/* The report selected in the open event, 0 when none. */
int64_t events_view_report(const struct events_view *v);

/* Whether a comparison of two reports is open (it reads the compare screen's keys). */
bool events_view_comparing(const struct events_view *v);

/* ---- the events over the main screen ---- */

extern const struct view_ops events_screen;
void events_screen_open(struct app *a);
/* Takes a grouping finished in the background (saved, and shown when the screen waits
 * for it); returns whether one was. */
bool events_screen_take_grouping(struct app *a);
/* Applies the correction the prompt asked for (app->prompt_op about app->prompt_article)
 * with text its value. */
void events_screen_correct(struct app *a, const char *text);

#endif
