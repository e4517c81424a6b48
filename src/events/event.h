/* event.h: grouping reports of the same event, and what an event's reports say.
 *
 * Grouping never compares every pair: articles are blocked by place (each salient place and
 * its enclosing places) and, inside a block, sorted by date so each article is scored only
 * against a window of neighbours (sorted-neighbourhood blocking: O(n * window)). A pair is
 * scored on places (same or nested), dates (resolved figure dates, else publication dates),
 * the kind of event (trigger words) and TF-IDF cosine over the clean text, where places,
 * actors and figure kinds weigh more than plain words. Pairs above the threshold are joined
 * with union-find; every event keeps its score and the reasons that produced it.
 *
 * The module works on struct ev_doc, built from in-memory facts (tests, files) or loaded
 * from the rows the store gives (store/event_rows.h, which holds the SQL), so it knows
 * nothing of how facts are found. Its files and what they share: event_int.h. */
#ifndef SITREP_EVENT_H
#define SITREP_EVENT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "base/facts.h"

struct store;
struct correction;

/* The kinds of event the trigger words tell apart. */
enum ev_kind {
    EVK_AIRSTRIKE,
    EVK_BOMBING,
    EVK_CLASH,
    EVK_SHELLING,
    EVK_RECAPTURE,
    EVK_CONVOY,
    EVK_KIDNAPPING,
    EVK_EXECUTION,
    EVK_COUNT
};

const char *ev_kind_name(enum ev_kind k);

/* One place an article names, as grouping sees it: an id that is equal for the same place in
 * two articles, the ids of the places enclosing it, and how prominent it is in the article. */
struct ev_place {
    int64_t id;
    enum place_kind kind;
    char *name;
    double salience;
    int64_t *ancestors; /* enclosing places, not itself */
    size_t n_ancestors;
};

/* One stated figure, kept for the event's summary. */
struct ev_figure {
    enum figure_kind kind;
    long n, min, max; /* FACT_NONE = null */
    enum qualifier qualifier;
    char *source;
    char *place;
    char *text;
    int sentence;
    enum figure_role role; /* only an event figure of incident 0 is the report's own */
    int incident;
};

struct ev_doc {
    int64_t id;
    char *title;
    char *date;         /* publication date, ISO, or NULL */
    char *source;       /* outlet, or NULL */
    char *dateline;     /* the place the report is filed from ("BAGHDAD -"), or NULL */
    char *listed_place; /* the place the list shows for it (its most salient at import,
                           where its own toll was counted weighing most), or NULL */
    char *text;         /* clean text (may be NULL once the terms are built) */
    struct ev_place *places;
    size_t n_places;
    char **actors;
    size_t n_actors;
    struct ev_figure *figures; /* none when loaded for grouping only (EV_LOAD_LEAN) */
    size_t n_figures;
    uint32_t figure_kinds[FIG_KIND_COUNT]; /* stated figures of each kind, loaded or not */
    long own_killed;      /* the report's own killed figure (store.h), FACT_NONE when none */
    bool own_killed_open; /* it is a vague word ("scores", "dozens"), open upward */
    int32_t *event_days;  /* the resolved full dates the figures carry, as day numbers */
    size_t n_event_days;
    struct ev_prep *prep; /* kinds, days and terms: ev_prepare's work, private to grouping */
    /* Set when the doc lies in this one allocation (event_features.h decodes so):
     * ev_doc_free frees only it, and nothing of it is freed apart. */
    void *block;
};

/* Builds a doc from one article's facts (copies everything it keeps). Place ids are the
 * gazetteer ids where known, else a hash of the folded name and country. */
int ev_doc_from_facts(struct ev_doc *d, int64_t id, const char *title, const char *date,
                      const char *source, const char *text, const struct facts *f);
void ev_doc_free(struct ev_doc *d);

struct ev_member {
    size_t doc;   /* index into the docs grouped */
    double score; /* best link that brought it in (1 for the first) */
    char *reasons;
};

struct ev_group {
    struct ev_member *members;
    size_t n_members;
    double score; /* mean of the links that joined it (0 for a single report) */
    char *reasons;
    char *label; /* "airstrike at Fallujah" */
    char *place; /* the most salient place the reports share */
    char *first_date, *last_date;
    char *corrections; /* the analyst's corrections that shaped it ("; "-joined), or NULL */
};

struct ev_set {
    struct ev_group *groups;
    size_t n_groups;
    size_t pairs_scored; /* for the benchmark: must grow linearly */
};

struct ev_text_terms; /* event_incr.h */

struct ev_options {
    double threshold; /* link when the pair score reaches it (default 0.45) */
    int window;       /* neighbours scored either side of an article in a block (default 15) */
    int max_day_gap;  /* dated reports further apart are different events (default 3) */
    /* when set and true, grouping stops early and fails (a reader no longer waiting) */
    const atomic_bool *stop;
    /* the analyst's corrections (store/corrections.h), active ones oldest first, replayed
     * over every grouping; none by default */
    const struct correction *corrections;
    size_t n_corrections;
    /* catch-up only: leave the label, place and score of the events a batch touched to
     * ev_describe_stale (dates are kept at once: later batches' joins test them) */
    bool defer_describe;
    /* catch-up only: a new report's words counted beforehand (ev_text_terms_new; an
     * import's extracting threads do it, so the writing thread does not fold every text
     * again), or NULL to count them from its stored text. NULL text_terms: never. */
    const struct ev_text_terms *(*text_terms)(void *ctx, int64_t article_id);
    void *text_terms_ctx;
};

void ev_options_default(struct ev_options *o);

/* Loads the collection's active corrections into o (ev_options_release frees them).
 * Returns 0, or -1 when they cannot be read. */
int ev_options_load_corrections(struct ev_options *o, struct store *s);
void ev_options_release(struct ev_options *o);

/* The pair score in [0,1] and its reasons ("same place Fallujah; same day; ..."). The docs
 * must have gone through ev_prepare (terms and kinds). reasons may be NULL. */
double ev_pair_score(const struct ev_doc *a, const struct ev_doc *b, const struct ev_options *o,
                     char *reasons, size_t reasons_len);

/* Computes kinds and TF-IDF terms for all docs (idf over this set), from the texts they
 * hold (docs built with ev_doc_from_facts, or loaded with EV_LOAD_TEXT); frees the texts
 * when drop_text is set. The program itself prepares through ev_prepare_db; this one
 * serves docs built in memory (the tests, the grouping benchmark) and is the reference
 * the streamed preparation is tested against. */
int ev_prepare(struct ev_doc *docs, size_t n, bool drop_text);

/* The same for docs loaded from db without their texts (ev_load_db without EV_LOAD_TEXT):
 * each text is read from db when its turn comes, so only one is held at a time. */
int ev_prepare_db(sqlite3 *db, struct ev_doc *docs, size_t n);

/* Groups prepared docs into events. Groups are ordered by their first doc. */
int ev_group(struct ev_doc *docs, size_t n, const struct ev_options *o, struct ev_set *out);
void ev_set_free(struct ev_set *s);

/* What the reports of one event say about one kind of figure. */
struct ev_kind_summary {
    enum figure_kind kind;
    size_t n_reports;  /* reports stating it */
    long low, high;    /* range over all reports (Iraq Body Count style min and max) */
    long conservative; /* the least any report's best figure commits to (ACLED style) */
    /* the vague word ("dozens") the low or high end was stated with, else NULL: shown as
     * the word, its number (the word's minimum) only for ranges and filters */
    const char *low_word, *high_word;
    bool disagree; /* the reports' best figures cannot all be true together: their
                    * ranges do not meet ("about" allows a tenth either way, open
                    * figures such as "scores" or "more than 20" have no upper end) */
};

/* Summarises the figures of the given docs: out[kind] for each figure kind; n_reports is 0
 * when no report states that kind. Figures placed outside the event's places are left out
 * when place_filter is given (a different event the same article also reports). */
void ev_summarise(const struct ev_doc *const *docs, size_t n, const char *place_filter,
                  struct ev_kind_summary out[FIG_KIND_COUNT]);

/* The figure one report gives as its own for a kind (facts_own_figure's rule: the largest
 * event figure of incident 0), or NULL. */
const struct ev_figure *ev_doc_best_figure(const struct ev_doc *d, enum figure_kind kind,
                                           const char *place_filter);

/* An event's range of a kind as a user reads it: "10-13", "dozens", "13 to dozens", "21";
 * "" when no report states it. */
const char *ev_range_text(const struct ev_kind_summary *s, char *buf, size_t cap);

/* What ev_load_store reads beyond what grouping needs (places, actors, how many figures of
 * each kind, their dates): grouping 100,000 articles needs neither, and their 1.5 million
 * figures cost about 250 MB. */
enum ev_load_extra {
    EV_LOAD_LEAN = 0,
    EV_LOAD_TEXT = 1,    /* each article's clean text (else see ev_prepare_db) */
    EV_LOAD_FIGURES = 2, /* the figures themselves, for summaries */
};

/* Loads every stored article as docs (one pass per table, no per-article queries); extra
 * is a set of enum ev_load_extra. */
int ev_load_store(struct store *s, struct ev_doc **docs_out, size_t *n_out, unsigned extra);

/* The same through any connection to a collection (a reader's background one). */
int ev_load_db(sqlite3 *db, struct ev_doc **docs_out, size_t *n_out, unsigned extra);

/* Loads (with the extra of enum ev_load_extra), prepares and groups the collection behind
 * db, saving nothing: the groups go to set and the docs they index to *docs_out
 * (ev_set_free and ev_docs_free them, even after a failure). Returns 0 or -1. */
int ev_compute_db(sqlite3 *db, const struct ev_options *o, unsigned extra, struct ev_doc **docs_out,
                  size_t *n_out, struct ev_set *set);

/* Replaces the events and event_articles tables with the groups of docs. */
int ev_save_store(struct store *s, const struct ev_doc *docs, const struct ev_set *set);

void ev_docs_free(struct ev_doc *docs, size_t n);

/* Groups the whole stored collection and saves the events (load, prepare, group, save).
 * *n_events (may be NULL) receives the number of events. */
int ev_regroup_store(struct store *s, const struct ev_options *o, size_t *n_events);

/* Loads the reports of one stored event as docs with their figures only (no text, no
 * places), for summaries: the caller frees them with ev_docs_free. */
int ev_load_event_reports(struct store *s, int64_t event_id, struct ev_doc **docs_out,
                          size_t *n_out);

/* The figures of one kind of the reports of one stored event, as docs holding only their
 * id and those figures (one doc per report that states that kind, by article id): enough
 * for ev_summarise of that kind, without reading the articles. ev_docs_free frees them. */
int ev_load_event_kind(struct store *s, int64_t event_id, enum figure_kind kind,
                       struct ev_doc **docs_out, size_t *n_out);

/* The stored events one at a time, in the order of their first report, each as a group
 * over its reports (figures loaded, no texts): fn gets the event's number from 1, the group
 * and the docs its members index, valid during the call, and returns 0 to go on. Only one
 * event's reports are held at a time. Returns 0 or -1. */
typedef int (*ev_stored_fn)(void *ctx, size_t num, const struct ev_group *g,
                            const struct ev_doc *docs);
int ev_stream_stored(struct store *s, ev_stored_fn fn, void *ctx);

/* Whether an event is wanted, from its reports' ids (ascending). */
typedef bool (*ev_members_test)(void *ctx, const int64_t *ids, size_t n);

/* ev_stream_stored, passing over the events `wanted` refuses before their reports and
 * figures are read (they keep their numbers): a filter that keeps a few events of
 * 1,000,000 reports reads only those. */
int ev_stream_stored_where(struct store *s, ev_members_test wanted, void *wanted_ctx,
                           ev_stored_fn fn, void *ctx);

#endif
