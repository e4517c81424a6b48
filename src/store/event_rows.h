/* event_rows.h: the rows event grouping reads from a collection, and the events it saves.
 *
 * The store owns the SQL; events/ owns what the rows mean (salience, days, terms). Rows are
 * handed to a callback one at a time, in article id order, so no result set is held twice;
 * the strings in a row are valid only during the call. A callback returns 0 to go on, a
 * positive value to stop early (the read then succeeds), or a negative one to fail. */
#ifndef SITREP_STORE_EVENT_ROWS_H
#define SITREP_STORE_EVENT_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

/* articles: every string may be NULL; text only when asked for. */
struct event_article_row {
    int64_t id;
    const char *title, *date, *source, *text, *dateline;
    long killed;       /* the report's own killed figure (articles.killed), -1 when none */
    bool killed_open;  /* that figure is a vague word ("scores"), open upward */
    const char *place; /* the list's place (articles.places: "Quetta, Balochistan, ..."),
                          NULL where the query does not read it */
};

/* article_places joined with places. */
struct event_place_row {
    int64_t article_id, place_id;
    const char *name, *kind;
    int count;
    int first_sentence;  /* -1 when not stored */
    const char *surface; /* the spellings seen, as a JSON array of strings */
};

/* figures: the numbers are FACT_NONE where the column is NULL. */
struct event_figure_row {
    int64_t article_id;
    const char *kind, *qualifier, *source, *place, *text;
    long n, min, max;
    int sentence;
    const char *date; /* as stored: ISO, partial or NULL */
    const char *role; /* base/facts.h figure_role_name; NULL for rows stored before roles */
    int incident;
};

/* place_ancestors without the place itself and without countries (a country is too large
 * to tell two events apart). */
struct event_ancestor_row {
    int64_t place, ancestor;
};

typedef int (*event_article_fn)(void *ctx, const struct event_article_row *r);
typedef int (*event_place_fn)(void *ctx, const struct event_place_row *r);
typedef int (*event_actor_fn)(void *ctx, int64_t article_id, const char *name);
typedef int (*event_figure_fn)(void *ctx, const struct event_figure_row *r);

/* Every article, with its text when with_text is set. Returns 0, or -1 on a failed read
 * or a failing callback. */
int event_rows_articles(sqlite3 *db, bool with_text, event_article_fn fn, void *ctx);

/* The articles of one stored event, without their texts. */
int event_rows_event_articles(sqlite3 *db, int64_t event_id, event_article_fn fn, void *ctx);

/* Every article's id and text alone (row.text), for reading texts one at a time. */
int event_rows_texts(sqlite3 *db, event_article_fn fn, void *ctx);

int event_rows_places(sqlite3 *db, event_place_fn fn, void *ctx);
int event_rows_actors(sqlite3 *db, event_actor_fn fn, void *ctx);

/* Every figure (ordered by article, then as stored). Without detail only article_id, kind
 * and date are read: the rest is NULL or FACT_NONE. */
int event_rows_figures(sqlite3 *db, bool detail, event_figure_fn fn, void *ctx);

/* The figures of the articles of one stored event, in full. */
int event_rows_event_figures(sqlite3 *db, int64_t event_id, event_figure_fn fn, void *ctx);

/* The figures of one kind ("killed") of the articles of one stored event, in full, ordered
 * by article: what an event's summary of that kind reads, without the articles' rows. */
int event_rows_event_figures_of_kind(sqlite3 *db, int64_t event_id, const char *kind,
                                     event_figure_fn fn, void *ctx);

/* The same reads for the articles whose ids are in [lo, hi] alone: a catch-up's new
 * reports (events/event_incr.c). Articles come with their texts; figures lean. */
int event_rows_articles_range(sqlite3 *db, int64_t lo, int64_t hi, event_article_fn fn, void *ctx);
int event_rows_places_range(sqlite3 *db, int64_t lo, int64_t hi, event_place_fn fn, void *ctx);
int event_rows_actors_range(sqlite3 *db, int64_t lo, int64_t hi, event_actor_fn fn, void *ctx);
int event_rows_figures_range(sqlite3 *db, int64_t lo, int64_t hi, event_figure_fn fn, void *ctx);

/* The ancestor pairs ordered by place, in *out (malloc'd, the caller frees). */
int event_rows_ancestors(sqlite3 *db, struct event_ancestor_row **out, size_t *n_out);

/* One event to save, and the articles that report it. */
struct event_member_row {
    int64_t article_id;
    double score;
    const char *reasons;
};

struct event_row {
    const char *label, *first_date, *last_date, *place, *reasons;
    double score;
    const struct event_member_row *members;
    size_t n_members;
};

/* Replaces the events and event_articles tables with these events in one transaction that
 * this function alone opens and ends: committed when all is written, rolled back on every
 * failure (the write lock not obtained within the busy timeout among them), so the
 * connection is never left inside a transaction. Returns 0 or -1. */
int event_rows_replace(sqlite3 *db, const struct event_row *events, size_t n);

/* ---- reading the stored events one at a time (sitrep events) ---- */

/* One stored event; strings valid until the next call. */
struct event_stored_row {
    int64_t id;
    const char *label, *place, *first_date, *last_date, *reasons;
    double score;
};

/* One report of a stored event: the article (no text), its score and reasons. */
struct event_report_row {
    struct event_article_row article;
    double score;
    const char *reasons;
};
typedef int (*event_report_fn)(void *ctx, const struct event_report_row *r);

struct event_stream;

/* Events in the order of their first report (the order the full grouping gives). */
struct event_stream *event_stream_open(sqlite3 *db);
/* The next event: 1, 0 at the end, -1 on error. */
int event_stream_next(struct event_stream *es, struct event_stored_row *out);
/* The reports of an event, by article id; article.killed_open is left false (the
 * article's figures, read with event_stream_figures, tell it). */
int event_stream_reports(struct event_stream *es, int64_t event_id, event_report_fn fn, void *ctx);
/* The ids of an event's reports, ascending, into *ids (malloc'd; NULL when none): how many,
 * or -1. */
long event_stream_members(struct event_stream *es, int64_t event_id, int64_t **ids);
/* The figures of one article, in full. */
int event_stream_figures(struct event_stream *es, int64_t article_id, event_figure_fn fn,
                         void *ctx);
void event_stream_close(struct event_stream *es);

/* 1 when the events are up to date with the articles (events exist and every article is
 * in one), 0 when not, -1 on error. */
int event_rows_fresh(sqlite3 *db);

#endif
