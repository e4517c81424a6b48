/* corrections.h: the analyst's last word on the events, kept as a layer of its own beside
 * what was extracted and grouped (which is never overwritten). Each correction names
 * articles, never event ids or figure row ids, so it survives regrouping and re-extraction:
 * grouping runs as usual, then the corrections are replayed over its result in the order
 * they were made (events/corrections.h). Undo marks the newest active one undone; undone
 * corrections stay in the table as a record of what was tried.
 *
 * Table (schema version: see store.h):
 *   corrections(id INTEGER PRIMARY KEY, made_at INTEGER (Unix time), op TEXT NOT NULL,
 *               article_id INTEGER NOT NULL, other_id INTEGER, kind TEXT, n INTEGER,
 *               value TEXT, undone INTEGER NOT NULL DEFAULT 0)
 * Rows go with their article (ON DELETE CASCADE on both article columns). */
#ifndef SITREP_CORRECTIONS_H
#define SITREP_CORRECTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "base/facts.h"

struct store;

enum correction_op {
    CORR_MERGE,       /* the events of article and other are one */
    CORR_SPLIT,       /* article is an event of its own */
    CORR_MOVE,        /* article belongs to other's event (and leaves its own) */
    CORR_DROP_FIGURE, /* article's figure (kind, n) is not its event's */
    CORR_DATE,        /* article's publication date is value (ISO) */
    CORR_PLACE,       /* the event of article happened at value */
    CORR_KIND,        /* the event of article is of kind value ("airstrike") */
    CORR_OP_COUNT
};

struct correction {
    int64_t id; /* 0 until stored */
    int64_t made_at;
    enum correction_op op;
    int64_t article;
    int64_t other;         /* CORR_MERGE, CORR_MOVE; else 0 */
    enum figure_kind kind; /* CORR_DROP_FIGURE */
    long n;                /* CORR_DROP_FIGURE: the figure's stated number, FACT_NONE if none */
    char *value;           /* CORR_DATE, CORR_PLACE, CORR_KIND; else NULL */
    int undone;
};

/* The table's DDL, one step of the store's migrations. */
extern const char corrections_schema[];

/* "merge", "split", "move", "drop-figure", "date", "place", "kind"; -1 when unknown. */
const char *correction_op_name(enum correction_op op);
int correction_op_from_name(const char *name);

/* One line a person reads: "merge #12 with #40", "figure killed 24 of #7 is not its
 * event's". Writes into buf (always terminated). */
void correction_describe(const struct correction *c, char *buf, size_t len);

/* Stores c (its id and made_at filled in). Articles must exist. Returns 0, or -1 with
 * the reason in err ("no article #99"). */
int corrections_add(struct store *s, struct correction *c, char *err, size_t errlen);

/* The active corrections (all, with undone ones too when with_undone), oldest first, in
 * *out (the caller frees with corrections_free). Returns their number, or -1. A collection
 * from before corrections existed has none. */
long corrections_load(struct store *s, int with_undone, struct correction **out);

/* Marks the newest active correction undone and copies it into *undone (may be NULL;
 * free its value with correction_clear). Returns 1 when one was undone, 0 when none is
 * left, -1 on an error. */
int corrections_undo_last(struct store *s, struct correction *undone);

void correction_clear(struct correction *c);
void corrections_free(struct correction *list, size_t n);

#endif
