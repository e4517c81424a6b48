/* view.h: every screen of the reader is a view (tig's struct view_ops): the four panes of
 * the main screen (list, article, facts, timeline) and the screens drawn over it (picker,
 * prompt, help, compare, events). The app finds the action a key means in the view's
 * keymap (actions.h) and hands it to the view; on the main screen, an action the focused
 * pane does not take is the app's (layout, filter, quit...). So `bind` and `?` reach every
 * screen, and a screen never reads keys of its own. Each view's header under views/
 * declares its ops (list_view, compare_screen, ...). */
#ifndef SITREP_UI_VIEW_H
#define SITREP_UI_VIEW_H

#include <stdbool.h>

#include "actions.h"

struct app;

struct view_ops {
    const char *title; /* for the help screen: "Compare (m, then c)" */
    enum view_id id;   /* its keymap */
    /* A pane draws its area of the main screen; any other view the whole screen. */
    void (*draw)(struct app *a);
    /* Does what act means here; key is the key pressed (the text of a prompt). Returns
     * whether the view took it. */
    bool (*action)(struct app *a, enum action act, int key);
    /* The keymap the next key is read with, when not the view's own (the events view
     * lends its keys to a comparison it opened); NULL for the own. */
    enum view_id (*keymap)(const struct app *a);
    /* The terminal changed size; NULL when the view lays itself out at each draw. */
    void (*resize)(struct app *a);
    /* Frees what the view holds when it closes; NULL when it holds nothing. */
    void (*close)(struct app *a);
    /* What act does here, for the help screen, when not what the action table says;
     * NULL (or a NULL answer) for the table's words. */
    const char *(*describe)(enum action act);
};

/* The moves every list-like view shares: how far DOWN, UP, PAGE_DOWN, PAGE_UP, TOP and
 * BOTTOM go in a view showing rows rows. Returns false for other actions. */
bool view_motion(enum action act, int rows, long *delta);

/* The position delta away from pos among count entries, kept inside them. */
int view_move_within(long pos, long delta, long count);

#endif
