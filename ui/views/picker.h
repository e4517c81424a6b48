/* picker.h: the location picker. The places of the collection as a tree (country,
 * province, district, town) with the number of articles at each place or inside it, in
 * the meaning chosen (store/query.h: the reports of events there, or every report naming
 * it; one key switches), narrowed as the user types: a place matches when its folded name contains
 * what was typed, or when the gazetteer knows what was typed as one of its names (any spelling:
 * Qaem, al-Qa'im and Qaim are one place). Matches show with their ancestors for context. */
#ifndef SITREP_UI_PICKER_H
#define SITREP_UI_PICKER_H

#include <stdbool.h>
#include <stdint.h>

#include "draw.h"
#include "store/query.h"
#include "view.h"

struct app;
struct gazetteer;
struct store;

struct pick {
    int64_t id, parent, gaz_id; /* gaz_id 0 for places the gazetteer lacks */
    int depth, parent_index;
    int events, mentions; /* reports of events there, reports naming it (or inside it) */
    int count;            /* the one of the two the picker's meaning counts */
    char *name, *folded, *label;
    const char *division; /* " province", " district" or "" (static) */
    bool match;
};

struct picker {
    struct pick *v;
    int n;
    int *shown; /* indexes into v, in tree order */
    int n_shown, sel, top;
    char input[256];
    enum place_meaning meaning; /* what the counts count, and Enter keeps */
    bool counted;               /* false: the places without their counts (pick counts -1) */
    struct gazetteer *gaz;      /* opened on first use; NULL when it cannot be */
};

/* Loads the places through s (the reader's connection, or a background job's), with their
 * counts or (not counted) without. Returns 0, or -1 with a reason in err. */
int picker_load(struct picker *p, struct store *s, bool counted, char *err, size_t errlen);

/* Takes the places loaded into from, which is left empty; what was typed, the meaning
 * and the selected place stay. */
void picker_adopt(struct picker *p, struct picker *from);

/* Shows the loaded places with an empty input. */
void picker_open(struct picker *p);
/* Forgets the places (the gazetteer stays open for the next use); picker_release frees
 * all. */
void picker_close(struct picker *p);
void picker_release(struct picker *p);

/* Counts, labels and orders the places in meaning (what Enter will keep), the selected
 * place staying selected. */
void picker_set_meaning(struct picker *p, enum place_meaning meaning);

/* Shows the places matching p->input (all when empty) and selects the best match: the
 * first whose name starts with it, else the first match. */
void picker_narrow(struct picker *p);

void picker_move(struct picker *p, long delta);
void picker_draw(struct picker *p, const struct rect *r, const struct palette *pal);

/* The selected place, or NULL. */
const struct pick *picker_selected(const struct picker *p);

/* ---- the picker as a view ---- */

extern const struct view_ops picker_view;

/* Counts the places in the background after the first paint; takes the count when it is
 * done (at once when wait); forgets it (the collection changed). */
void picker_view_start_counting(struct app *a);
bool picker_view_take_counted(struct app *a, bool wait); /* true: it took them */
void picker_view_forget(struct app *a);

/* Opens the picker (counting the places first if need be). */
void picker_view_open(struct app *a);

#endif
