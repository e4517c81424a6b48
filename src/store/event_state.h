/* event_state.h: what incremental grouping keeps between imports, and the event rows it
 * updates one report at a time (the SQL; events/event_incr.c decides what it means).
 *
 *   event_features(article_id, data)   each grouped article's features as one BLOB
 *                                      (events/event_features.h gives the layout)
 *   event_df(term, n)                  in how many featured articles each term occurs;
 *                                      term 0 holds the number of featured articles
 *   event_blocks(place_id, day, article_id)  the blocks grouping sorts by day: a report
 *                                      finds its neighbours by two index seeks per block
 *   event_links(event_id, n_links, link_sum, best_link)  what an event's mean link score
 *                                      and its reasons grow from
 *
 * One struct event_state holds the prepared statements of one catch-up on one connection;
 * the caller owns the transaction around it. Functions return 0 (or a count) on success
 * and -1 on a failed statement. */
#ifndef SITREP_STORE_EVENT_STATE_H
#define SITREP_STORE_EVENT_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct event_state;

struct event_state *event_state_open(sqlite3 *db);
void event_state_close(struct event_state *st);

/* Up to max ids of articles in no event, ascending: those above every grouped article (an
 * import appends), else, when none is there but some article is left out, any such. */
int event_state_unassigned(struct event_state *st, size_t max, int64_t **ids, size_t *n);

/* ---- features, document frequencies, blocks ---- */

int event_state_put_features(struct event_state *st, int64_t article, const void *data, size_t len);
/* A malloc'd copy of the article's features in *data: 1 found, 0 none, -1 error. */
int event_state_get_features(struct event_state *st, int64_t article, void **data, size_t *len);

/* What describing an event sums over its members (events/event_sums.c), kept so that an
 * event a batch adds to is described without reading every member: put replaces, get is
 * as event_state_get_features, drop forgets (the sums are recomputed from the members
 * when next described). Deleting the event deletes them. */
int event_state_put_sums(struct event_state *st, int64_t event, const void *data, size_t len);
int event_state_get_sums(struct event_state *st, int64_t event, void **data, size_t *len);
int event_state_drop_sums(struct event_state *st, int64_t event);

/* The stored document frequency of term (0 when unknown), or -1. */
int64_t event_state_df(struct event_state *st, uint32_t term);
int event_state_add_df(struct event_state *st, uint32_t term, int64_t delta);

int event_state_add_block(struct event_state *st, int64_t place, int32_t day, int64_t article);
/* The articles of the block nearest to day: up to window on or before it, up to window
 * after it; ids appended to out (room for 2 * window). Returns how many, or -1. */
int event_state_neighbours(struct event_state *st, int64_t place, int32_t day, int window,
                           int64_t *out);

/* ---- events, one report at a time ---- */

struct event_link_stats {
    long n_links;
    double link_sum, best_link;
};

/* The event holding article: its id, 0 when none, -1 on error. */
int64_t event_state_event_of(struct event_state *st, int64_t article);
/* A new event without a label yet: its id, or -1. */
int64_t event_state_new_event(struct event_state *st);
int event_state_add_member(struct event_state *st, int64_t event, int64_t article, double score,
                           const char *reasons);
/* The member's score and whether it has reasons (a single report's has none): 1, 0 when
 * article is in no event, -1. */
int event_state_member(struct event_state *st, int64_t article, double *score, bool *has_reasons);
int event_state_set_member(struct event_state *st, int64_t article, double score,
                           const char *reasons);
/* The article ids of event, ascending, in *ids (malloc'd). Returns how many, or -1. */
long event_state_members(struct event_state *st, int64_t event, int64_t **ids);
/* Moves every member of from into to and deletes from. */
int event_state_merge(struct event_state *st, int64_t from, int64_t to);

/* An event's link statistics; an event grouped in full (no row kept) is taken as a tree of
 * links at its mean score. */
int event_state_links(struct event_state *st, int64_t event, struct event_link_stats *out);
int event_state_set_links(struct event_state *st, int64_t event, const struct event_link_stats *l);

/* The event's dates as stored (ISO, "" when none): 0 or -1. */
int event_state_dates(struct event_state *st, int64_t event, char first[16], char last[16]);
int event_state_set_dates(struct event_state *st, int64_t event, const char *first,
                          const char *last);
int event_state_set_reasons(struct event_state *st, int64_t event, const char *reasons);
/* Label, place and score, once the event's members are all in. */
int event_state_describe(struct event_state *st, int64_t event, const char *label,
                         const char *place, double score);

/* Events whose members changed, to be described later (an import describes each event
 * it touched once, at its end, not after every batch): marks one, reads up to max of them
 * (ids ascending; returns how many, or -1), and unmarks one once described. */
int event_state_mark_stale(struct event_state *s, int64_t event);
long event_state_stale(struct event_state *s, size_t max, int64_t *out);
int event_state_unmark_stale(struct event_state *s, int64_t event);

#endif
