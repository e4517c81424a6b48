/* extract_int.h: what the files of the extractor share and no caller needs.
 *
 * One public header (extract.h) over four files, split along the passes, as SQLite splits
 * its query planner behind whereInt.h:
 *   extract.c             the extractor, actors, dates, figures and the article's passes
 *   extract_candidates.c  spans the gazetteer knows, with what the words around them say
 *   extract_context.c     places the text names but the gazetteer lacks
 *   extract_resolve.c     each mention resolved against the article's country */
#ifndef SITREP_EXTRACT_EXTRACT_INT_H
#define SITREP_EXTRACT_EXTRACT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "base/tokens.h"
#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"

#define MAX_CANDIDATES 8
#define FOLD_CAP       256
struct place_mention {
    int sentence;
    size_t start, len; /* surface in article text */
    struct gaz_place cand[MAX_CANDIDATES];
    size_t n_cand;
    bool ambiguous, after_place_word, after_preposition, sentence_initial;
    bool loose;                   /* found only through a transliteration variant */
    bool dropped;                 /* part of a longer name the text gives as a place */
    bool is_dateline;             /* the dateline the text keeps ("KABUL (Reuters) -") */
    bool name_follows;            /* another capitalised word follows: "Peter Hawkins" */
    bool outlet_follows;          /* a media word follows: "Levant Monitor", "Kabul Times" */
    bool text_names;              /* the text calls it a place ("the Zap region") */
    enum place_kind context_kind; /* from the text ("the village of X"), when unknown */
    size_t division_len;          /* bytes of a division word after it ("Sumy Oblast", "Donetsk
                                     region"): the text means the division, and says so */
    bool local_noun;    /* the text calls it a neighbourhood, camp or market: never a province */
    bool water_name;    /* its last word is "Sea", "Gulf", "River": the water, not a province */
    size_t bare_len;    /* when the gazetteer took the name with its division word ("Masisi
                           territory"), the bytes of the name alone, also a spelling */
    int parent_mention; /* index of a mention the text puts it in, or -1 */
    int chosen;         /* its candidate for the article's country, while resolving */
    bool home;          /* that candidate lies in the article's country, with coordinates, and
                           is no country: a place km_to_home measures from */
    int fact;           /* resolved place fact, or -1 when rejected */
};

struct sentence_info {
    char *source;
    char date[16];
};

struct extractor {
    struct gazetteer *gaz;
    struct lexicon *lex;
    int gaz_words, lex_words;
    struct tokens toks;
    /* Every sentence's tokens as tokens_scan gave them, before pass one marks them: the
     * figures pass reads them again instead of scanning twice. Sentence i's are
     * kept[kept_from[i], kept_from[i + 1]); kept_ok false after a failed allocation. */
    struct token *kept;
    size_t n_kept, cap_kept, *kept_from, cap_from;
    bool kept_ok;
    struct place_mention *pm;
    size_t n_pm, cap_pm;
    /* What each token of the sentence is to the context pass (extract_context.c): looked up
     * once a sentence instead of once a rule; n_context is 0 after a failed allocation. */
    struct context_token *context;
    size_t n_context, cap_context;
};

/* A copy of s, or NULL when s is NULL or empty (the facts keep no empty strings). */
static inline char *extract_dup_nonempty(const char *s)
{
    return s && *s ? strdup(s) : NULL;
}

/* Word lists the candidate and context passes share (NULL-terminated, lower case). */
extern const char *const extract_not_places[];
extern const char *const extract_demonyms[];
extern const char *const extract_person_titles[];

/* The gazetteer's places for a folded key, exact first, then loose (out holds
 * MAX_CANDIDATES). */
size_t extract_lookup_any(struct extractor *x, const char *key, size_t kl, struct gaz_place *out,
                          bool *loose);

/* A new mention at the end of x->pm (zeroed, no parent, no fact), or NULL when full. */
struct place_mention *extract_new_mention(struct extractor *x);

/* Whether a run of capitalised words looks like a person's name ("Col. Christopher
 * Garver"), not a place. */
bool extract_person_like_run(const struct tokens *t, size_t i, size_t run, int sentence);

/* Pass one over a tokenised sentence: mentions of gazetteer places (x->toks holds it). */
void extract_gazetteer_places(struct extractor *x, const char *text, int sentence);

/* Pass one, after the gazetteer: places the words around a name say it is. Mentions from
 * first_pm on are this sentence's. */
void extract_context_places(struct extractor *x, int sentence, size_t first_pm);

/* Pass two: every mention resolved (or rejected), the place facts added to f. */
void extract_resolve_places(struct extractor *x, const struct article *a, struct facts *f);

#endif
