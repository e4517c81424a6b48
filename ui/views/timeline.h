/* timeline.h: the timeline pane. The articles under the current filter, by the date of
 * what they report: a figure's resolved date when the extractor found a full one, else the
 * article's publication date (so relative dates sit with their article). One row per day,
 * week or month with the killed and wounded reported and a bar; Enter opens the report
 * whose own figure is the row's largest, at its sentence. Each article counts once per day
 * with its own figure of each kind (its headline's or lede's, else its largest: see
 * figure_outranks in facts.h); outlets reporting the same event are all counted (the
 * events view, E, reconciles them). */
#ifndef SITREP_UI_TIMELINE_H
#define SITREP_UI_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "draw.h"
#include "view.h"
#include "store/day_tally.h"
#include "store/query.h"

struct store;
struct timeline_job;

struct timeline {
    struct timeline_row *rows;
    int n, sel, top;
    enum zoom zoom;
    bool loaded;
    struct timeline_job *job; /* a load running in the background, or NULL */
};

void timeline_free(struct timeline *t);

/* Forgets the rows and stops a background load (the filter or zoom changed). */
void timeline_invalidate(struct timeline *t);

/* Loads the rows for the articles q selects. Returns 0, or -1 with SQLite's reason. */
int timeline_load(struct timeline *t, struct store *s, const struct query *q, char *err,
                  size_t errlen);

/* Starts the same load on a thread with its own read-only connection to the collection's file, so
 * the keys stay live on a large collection. Returns 0, or -1 when it cannot (an in-memory database,
 * no thread): then load in the foreground. */
int timeline_load_async(struct timeline *t, struct store *s, const struct query *q);

bool timeline_pending(const struct timeline *t);

/* Takes the rows of a finished background load: 1 when they arrived (redraw), 0 when
 * nothing changed, -1 when the load failed (the reason in err). */
int timeline_poll(struct timeline *t, char *err, size_t errlen);

void timeline_draw(const struct timeline *t, const struct rect *r, const struct palette *pal,
                   bool focused);

void timeline_move(struct timeline *t, long delta, int rows);

/* The report to open for the selected row: the article with the largest own figure
 * (killed first, then the lowest id) dated in it, and that figure's sentence (0 when none).
 * Returns false when none. */
bool timeline_selected_report(const struct timeline *t, int64_t *article, int *sentence);

/* "day", "week", "month". */
const char *zoom_name(enum zoom z);

/* The pane as a view of the main screen. */
extern const struct view_ops timeline_view;

#endif
