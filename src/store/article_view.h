/* article_view.h: what the reader shows of one article, read as it needs it: the header
 * and text, where its sentences start, where its places and figures were found, the
 * spellings of its actors and dates, and one line per fact for the facts pane. Text comes
 * back as stored; the reader neutralises it before drawing. */
#ifndef SITREP_STORE_ARTICLE_VIEW_H
#define SITREP_STORE_ARTICLE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

struct store_article_head {
    char *date, *source, *dateline, *text; /* NULL when the article has none */
    size_t text_bytes;                     /* the stored text's length in bytes */
};

/* Returns 0, or -1 when there is no such article. Free with store_article_head_free. */
int store_article_head(struct store *s, int64_t id, struct store_article_head *out);
void store_article_head_free(struct store_article_head *h);

/* The byte offset at which each sentence starts, in order (malloc'd; *n of them). NULL
 * with *n 0 when none or on error. */
long *store_sentence_starts(struct store *s, int64_t id, int *n);

/* A place or figure as found in the text. */
struct store_mention_span {
    bool is_place; /* else a figure */
    int sentence;
    long start, len;
};

/* The article's place and figure mentions (malloc'd; *n of them). */
struct store_mention_span *store_mention_spans(struct store *s, int64_t id, int *n);

/* The distinct spellings of the article's actors, or the texts of its dates, as found in
 * it; at most STORE_MAX_SURFACES of them, none longer than 255 bytes. Adds them to
 * (*set, *n_set) (facts_add_surface); the caller frees each and the array. */
#define STORE_MAX_SURFACES 2000
void store_actor_surfaces(struct store *s, int64_t id, char ***set, size_t *n_set);
void store_date_surfaces(struct store *s, int64_t id, char ***set, size_t *n_set);

/* The facts pane's groups read as text (its figures are read as figures: store.h,
 * store_get_figures). */
enum store_fact_group { FACT_GROUP_PLACES, FACT_GROUP_ACTORS, FACT_GROUP_DATES, N_FACT_GROUPS };

/* One entry of a group: the sentence it points to and its text ("Qaim < Anbar < Iraq",
 * "on Tuesday = 2024-04-30"). */
struct store_fact_line {
    int sentence;
    char *text;
};

/* The entries of group g for the article (malloc'd; *n of them). Free with
 * store_fact_lines_free. */
struct store_fact_line *store_fact_lines(struct store *s, int64_t id, enum store_fact_group g,
                                         int *n);
void store_fact_lines_free(struct store_fact_line *v, int n);

/* Flips the article's read mark. Returns 0, or -1 with SQLite's reason in err. */
int store_toggle_read(struct store *s, int64_t id, char *err, size_t errlen);
/* Marks an article read (or unread) without waiting for the write lock: 0 when done, 1 when
 * another writer holds the lock (try again later), -1 on any other failure. For the
 * reader, whose screen must never freeze on a write. */
int store_set_read_now(struct store *s, int64_t id, bool read);

#endif
