/* list_pane.h: the article list. It never holds the collection's rows: each paint reads
 * only the visible window (store/list_window.h). A filtered list is held as its ids in
 * list order; its first screenfuls are found at once and the rest on a thread of its own
 * (store/background.h), so a filter that keeps 270,000 of 900,000 reports draws in the
 * time a few hundred take and the count follows. */
#ifndef SITREP_UI_LIST_PANE_H
#define SITREP_UI_LIST_PANE_H

#include <stdbool.h>
#include <stdint.h>

#include "draw.h"
#include "view.h"
#include "store/query.h"

struct store;

struct list_count;

struct list_pane {
    int64_t count;  /* articles under the filter (so far, while counting) */
    int sel, top;   /* row positions */
    int rows;       /* visible rows at the last paint (below the headings) */
    int id_digits;  /* of the largest id, for the id column */
    int64_t sel_id; /* the selected article, 0 when none */
    int64_t marked; /* for comparison, 0 when none */
    bool filtered;  /* the list is read by ids (a filter, or an order other than date) */
    int64_t *ids;   /* filtered: the ids in list order found so far, count of them */
    struct list_count *counting; /* the rest being found, NULL when count is whole */
    bool in_foreground;          /* find them all at once (scripts: no key loop to poll) */
};

/* Counts the articles q selects (their ids in list order when q filters: the first
 * screenfuls now, the rest in the background) and keeps the selection inside. */
int list_pane_count(struct list_pane *l, struct store *s, const struct query *q, char *err,
                    size_t errlen);

/* Draws the column headings and the rows into r and sets sel_id. The columns are sized
 * from r's width: the title, then places and source, take what is left. */
void list_pane_draw(struct list_pane *l, struct store *s, const struct query *q,
                    const struct rect *r, const struct palette *pal);

/* Reads the selected article's id without drawing (when the list is hidden). */
void list_pane_resolve(struct list_pane *l, struct store *s, const struct query *q);

void list_pane_move(struct list_pane *l, long delta);

/* Whether the rest of a filtered list is still being found. */
bool list_pane_counting(const struct list_pane *l);

/* Takes the whole list once its count is done (with wait, waits for it): 1 when it took
 * it (draw again), 0 when there is nothing yet, -1 with the reason in err when counting
 * failed (the list keeps what was found at once). */
int list_pane_take_count(struct list_pane *l, bool wait, char *err, size_t errlen);

/* The count as the status line shows it: "270,532", or "1,000+" while counting. */
void list_pane_count_text(const struct list_pane *l, char *out, size_t cap);

/* Stops counting and frees the ids. */
void list_pane_release(struct list_pane *l);

/* Selects the article with this id if the filter shows it; returns whether it did. */
bool list_pane_select_id(struct list_pane *l, struct store *s, const struct query *q, int64_t id);

/* The pane as a view of the main screen. */
extern const struct view_ops list_view;

#endif
