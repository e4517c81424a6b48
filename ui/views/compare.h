/* view_compare.h: two reports side by side (issue 5), as a self-contained view the app
 * embeds: it draws into any curses window and takes keys; the app owns the loop.
 *
 *   top:    A's and B's title, date and source, in two columns
 *   middle: the facts table: each figure kind with both reports' values and sources,
 *           marked agree / differ / only A / only B; then places, actors and dates
 *   bottom: both texts, one sentence per block; sentences carrying matching facts are
 *           bold, the pair being followed stands out. Scrolling one side scrolls the
 *           other to the sentence aligned with its top sentence.
 * Keys: Tab switch side, j/k/arrows line, PgDn/PgUp/space page, g/G top/end, n/N next or
 * previous aligned pair, q/Esc close. */
#ifndef SITREP_UI_VIEW_COMPARE_H
#define SITREP_UI_VIEW_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "actions.h"
#include "view.h"

struct app;
struct store;
struct compare_view;

/* Loads both articles and their facts and builds the comparison. NULL with a reason in err. */
struct compare_view *compare_view_open(struct store *s, int64_t a, int64_t b, char *err,
                                       size_t errlen);
void compare_view_close(struct compare_view *v);

/* The keys the hint line names: the app's, so a `bind` shows there (default keys until
 * set). */
void compare_view_set_keys(struct compare_view *v, const struct keymap *km);

/* Draws the whole view into w (any size; a tiny window gets a notice). */
void compare_view_draw(struct compare_view *v, WINDOW *w);

enum view_key_result {
    VIEW_KEY_UNHANDLED = -1,
    VIEW_KEY_HANDLED = 0,
    VIEW_KEY_CLOSE = 1,
    VIEW_KEY_REGROUP = 2, /* the events view asks for the collection to be grouped again */
    VIEW_KEY_READ = 3     /* the events view asks for the selected report to be read */
};

/* Handles one key (a curses key code). */
/* What act means in the comparison: close, switch side, scroll, the next or previous
 * aligned sentence. */
enum view_key_result compare_view_action(struct compare_view *v, enum action act);

/* For tests: the sentence at the top of each side's text pane. */
void compare_view_tops(const struct compare_view *v, int *sentence_a, int *sentence_b);

/* The comparison over the main screen: article left beside article right. */
extern const struct view_ops compare_screen;
void compare_screen_open(struct app *a, int64_t left, int64_t right);

#endif
