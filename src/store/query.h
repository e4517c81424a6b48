/* query.h: which articles the reader shows. The location picker, the search prompt and the
 * filter line each add conditions; they compile to one SQL WHERE clause over `articles`
 * whose values are bound as parameters, so user text never becomes SQL.
 *
 * The filter language (the `f` prompt), terms separated by spaces, all must hold:
 *   place:Anbar            reports of events at that place or inside it (any spelling the
 *                          store has): where each report's events happened
 *                          (extract/event_places.h), not every place it names
 *   mentions:Anbar         reports naming that place or a place inside it, in passing too
 *   actor:"Islamic State"  articles naming that actor (canonical name or a spelling seen)
 *   killed>=10  wounded>5  destroyed<3   the article's own figure of that kind (facts.h)
 *   since:2016-06  until:2016-07         publication date, by prefix (year, month or day)
 *   source:Reuters         the outlet, by substring
 *   read:yes / read:no     read or unread articles
 *   feed:"Alpha News"      articles from that subscription (its name, title or URL)
 *   tag:verify             articles carrying that tag (store/tags.h), any case
 *   other words            full-text search over title and text (FTS5); "quoted phrases"
 */
#ifndef SITREP_QUERY_H
#define SITREP_QUERY_H

#include <stddef.h>
#include <stdint.h>

/* the reader sees queries, never SQLite's types */
struct sqlite3;
struct sqlite3_stmt;

#define QUERY_MAX_PARAMS 32

struct query_param {
    int is_text;
    int64_t number;
    char *text;
};

struct query {
    char *where; /* "1" when empty, else conditions joined by AND */
    size_t where_len, where_cap;
    /* The same conditions, each place term written to be tested one article at a time
     * (EXISTS on the article's own rows) rather than as a set of ids built first: for a
     * walk of the list in order that stops after a screenful (query_where_by_row). */
    char *by_row;
    size_t by_row_len, by_row_cap;
    int n_sets; /* conditions that are sets of ids ("id IN (SELECT ...)": a place, words) */
    struct query_param params[QUERY_MAX_PARAMS];
    int n_params;
    uint32_t place_params;   /* bit i: params[i] is a place: or mentions: term's name */
    uint32_t mention_params; /* bit i: ...and it is a mentions: term's */
};

void query_init(struct query *q);
void query_free(struct query *q);

/* A deep copy (for a query run on another thread). Returns 0, or -1 out of memory with
 * dst empty. */
int query_copy(struct query *dst, const struct query *src);

/* What a place filter keeps: the reports of events there (place:, the default) or every
 * report that names the place (mentions:). */
enum place_meaning { PLACE_EVENTS, PLACE_MENTIONS };

/* Articles at the place with this store id or at a place inside it, in that meaning. */
int query_add_place(struct query *q, int64_t place_id, enum place_meaning meaning);

/* Full-text search for the words (each word quoted; a trailing '*' keeps prefix search). */
int query_add_words(struct query *q, const char *words);

/* Parses the filter language above. On a syntax error returns -1 with a message naming
 * the column in err, and leaves q as it was. */
int query_parse(struct query *q, const char *expr, char *err, size_t errlen);

/* The names the place: and mentions: terms gave, in order, into names (at most max), and
 * each one's meaning into meanings (unless NULL); returns how many. They point into q. */
int query_place_names(const struct query *q, const char **names, enum place_meaning *meanings,
                      int max);

/* The WHERE clause text (never empty). */
const char *query_where(const struct query *q);

/* The WHERE clause in its row-by-row form (see by_row): the same articles, the same
 * parameters in the same order. */
const char *query_where_by_row(const struct query *q);

/* Binds the parameters to st starting at parameter index first (1-based); returns the
 * next free index. */
int query_bind(const struct query *q, struct sqlite3_stmt *st, int first);

/* Prepares fmt, an SQL statement with one %s where q's WHERE clause goes, with q's
 * parameters bound from ?1 on. NULL when SQLite refuses it or memory runs out. */
struct sqlite3_stmt *query_prepare(struct sqlite3 *db, const struct query *q, const char *fmt);

/* query_prepare with the row-by-row form of the WHERE clause. */
struct sqlite3_stmt *query_prepare_by_row(struct sqlite3 *db, const struct query *q,
                                          const char *fmt);

/* Steps st to the end, its first column's ids into *ids (malloc'd, the caller frees, even
 * when the step fails); the last step's result in *rc (SQLITE_DONE when all were read,
 * SQLITE_NOMEM out of memory). Returns how many it read. */
long query_collect_ids(struct sqlite3_stmt *st, int64_t **ids, int *rc);

/* The ids of the articles q selects, ascending, in *ids (malloc'd, the caller frees; NULL
 * when none). Returns their number, or -1 with SQLite's reason in err. */
long query_article_ids(struct sqlite3 *db, const struct query *q, int64_t **ids, char *err,
                       size_t errlen);

/* The article an argument names: an id ("12"), or a unique piece of its origin (a file
 * name such as "004_"; a leading zero makes it a name). Returns the id, -1 when nothing
 * matches (or on an error), -2 when several do. */
int64_t query_resolve_article(struct sqlite3 *db, const char *arg);

#endif
