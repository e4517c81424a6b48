/* list_pane.h: the article list. It never holds the collection: each paint reads only
 * the visible window (store/list_window.h). */
#ifndef SITREP_UI_LIST_PANE_H
#define SITREP_UI_LIST_PANE_H

#include <stdbool.h>
#include <stdint.h>

#include "draw.h"
#include "view.h"
#include "store/query.h"

struct store;

struct list_pane {
    int64_t count;  /* articles under the filter */
    int sel, top;   /* row positions */
    int rows;       /* visible rows at the last paint (below the headings) */
    int id_digits;  /* of the largest id, for the id column */
    int64_t sel_id; /* the selected article, 0 when none */
    int64_t marked; /* for comparison, 0 when none */
    bool filtered;  /* the filtered list is in the store's temporary list */
};

/* Counts the articles q selects (writing their ids in list order to the store's temporary
 * list when q filters) and keeps the selection inside. */
int list_pane_count(struct list_pane *l, struct store *s, const struct query *q, char *err,
                    size_t errlen);

/* Draws the column headings and the rows into r and sets sel_id. The columns are sized
 * from r's width: the title, then places and source, take what is left. */
void list_pane_draw(struct list_pane *l, struct store *s, const struct query *q,
                    const struct rect *r, const struct palette *pal);

/* Reads the selected article's id without drawing (when the list is hidden). */
void list_pane_resolve(struct list_pane *l, struct store *s, const struct query *q);

void list_pane_move(struct list_pane *l, long delta);

/* Selects the article with this id if the filter shows it; returns whether it did. */
bool list_pane_select_id(struct list_pane *l, struct store *s, const struct query *q, int64_t id);

/* The pane as a view of the main screen. */
extern const struct view_ops list_view;

#endif
