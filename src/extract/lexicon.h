/* lexicon.h: the actor lexicon (assets/actors.tsv): armed groups, forces and institutions,
 * and news outlets, each a canonical name with aliases folded to it. */
#ifndef SITREP_LEXICON_H
#define SITREP_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

enum lexicon_category { LEX_ACTOR, LEX_SOURCE };

struct lexicon;

/* Loads a lexicon file: lines "category<TAB>Canonical<TAB>alias|alias|...", '#' comments.
 * NULL with a reason in err. */
struct lexicon *lexicon_load(const char *path, char *err, size_t errlen);
/* Builds one from a string in the same format (tests). */
struct lexicon *lexicon_parse(const char *text, char *err, size_t errlen);
void lexicon_free(struct lexicon *lx);

/* Longest alias in words. */
int lexicon_max_words(const struct lexicon *lx);

/* The entry whose alias folds to key (already folded with text_fold), or -1. surface is the
 * text as written: aliases written in capitals (IS, PMF) only match that exact spelling. */
int lexicon_find(const struct lexicon *lx, const char *key, size_t keylen, const char *surface,
                 size_t surfacelen);

/* Whether some alias's folded key begins with this word (folded, len bytes, no space):
 * when none does, no name starts there and the longer keys need not be folded. */
bool lexicon_may_start(const struct lexicon *lx, const char *word, size_t len);

const char *lexicon_name(const struct lexicon *lx, int entry);
enum lexicon_category lexicon_category(const struct lexicon *lx, int entry);

#endif
