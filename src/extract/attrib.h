/* attrib.h: who said it. Reads the attribution of one sentence of news text: "according to
 * X", "..., said X", "X said / told / reported / announced / claimed / confirmed ...",
 * "X was quoted as saying", and pronouns ("he said") carried over from the sentence before. */
#ifndef SITREP_ATTRIB_H
#define SITREP_ATTRIB_H

#include <stddef.h>

/* The source of one sentence (len bytes of UTF-8, need not be NUL-terminated), as
 * written, trimmed of surrounding punctuation and appositives: "Col. Christopher Garver",
 * "police", "the ministry", "a source within the army's 7th division" (a leading
 * "A"/"An"/"The" is lowercased, curly apostrophes become '). When the speaker is a pronoun
 * (he, she, they, it, we), returns a copy of previous_source (the source of the sentence
 * before, or NULL when unknown); with no previous source, "he told Reuters" gives the
 * outlet, "Reuters". Returns a malloc'd string the caller frees, or NULL when the sentence
 * attributes nothing. */
char *attrib_source(const char *sentence, size_t len, const char *previous_source);

#endif
