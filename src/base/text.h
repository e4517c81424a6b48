/* text.h: UTF-8 handling shared by every module: validation and repair, NFC, folding for
 * name matching, sentence splitting, display width, and neutralising text before it
 * reaches a terminal. Nothing here allocates hidden state; returned strings are malloc'd
 * and owned by the caller. */
#ifndef SITREP_TEXT_H
#define SITREP_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct text_span {
    size_t start, len; /* byte offsets */
};

/* Returns a NUL-terminated, valid, NFC copy of buf: invalid sequences and NUL bytes become
 * U+FFFD, CRLF/CR become LF. *n_repaired (may be NULL) counts replaced sequences. */
char *text_repair(const char *buf, size_t len, size_t *out_len, size_t *n_repaired);

/* True when buf looks like binary data rather than text (NUL bytes, mostly non-text). */
bool text_looks_binary(const char *buf, size_t len);

/* Folds a name for matching: compatibility-decomposed, marks stripped, case-folded,
 * apostrophes and quotes removed, hyphens and other punctuation turned to single spaces,
 * trimmed. "al-Qa'im" -> "al qaim", "Ḩadīthah" -> "hadithah". Returns the byte length
 * written (always NUL-terminated, truncated to outcap-1). */
size_t text_fold(const char *s, size_t len, char *out, size_t outcap);

/* For ASCII text, text_fold of s[0, len) into out, and in lens[k] the length text_fold gives
 * s[0, ends[k]) for each of n ascending ends (each at most len): the fold of ASCII text
 * extends the fold of each of its prefixes, so one pass answers for all of them. False,
 * with nothing written, when s[0, len) is not all ASCII. */
bool text_fold_prefixes(const char *s, size_t len, const size_t *ends, size_t n, char *out,
                        size_t outcap, size_t *lens);

/* A key under which the spellings a name takes in transliteration fall together, for
 * names no gazetteer knows: folded, the article particles of Arabic names dropped ("al",
 * "el", "ad", "ash"...), then the consonant skeleton (the first letter, later vowels and
 * doubled letters dropped, a final 'h' dropped): "Wad al-Noura", "Wad Al-Noora" and
 * "Wad al-Nourah" are all "wdnr". A skeleton shorter than four letters says too little
 * (Qaim, Qom), so then the key is the folded name's letters ("Pa Zi Gyi" and "Pazigyi" are
 * "pazigyi"). Always NUL-terminated. */
void text_name_key(const char *name, char *out, size_t outcap);

/* Splits text into sentences. Paragraph breaks (blank lines) always end a sentence;
 * abbreviations ("Lt. Gen.", "Col.", "U.S.", "Dr.", initials) and decimals do not. A run
 * of TEXT_MAX_SENTENCE bytes without an end is cut at the next space: no news sentence
 * is that long, and every later step works sentence by sentence (a 7.9 MB line without
 * a full stop took attribution over ten minutes). Returns the count; *out is malloc'd
 * (caller frees). Leading/trailing space is trimmed from each span; empty sentences are
 * dropped. */
#define TEXT_MAX_SENTENCE 2000
size_t text_split_sentences(const char *text, size_t len, struct text_span **out);

/* Columns the UTF-8 string occupies on a terminal (wide = 2, combining = 0). */
int text_width(const char *s, size_t len);

/* Bytes of the longest prefix of s that fits in `cols` columns, never splitting a
 * character or separating a base character from its combining marks. */
size_t text_prefix_fitting(const char *s, size_t len, int cols, int *used_cols);

/* Returns a copy safe to draw: C0 (except LF and TAB), C1, DEL and escape sequences are
 * replaced by U+FFFD-like visible marks or removed, and bidi controls (U+202A-202E,
 * U+2066-2069, U+200E/F, U+061C) are removed. */
char *text_sanitize(const char *s, size_t len);

/* Decodes UTF-16 (without its byte-order mark) to NUL-terminated UTF-8. Unpaired
 * surrogates and an odd final byte become U+FFFD, so the result is always valid UTF-8.
 * Returns NULL when out of memory. */
char *text_from_utf16(const char *buf, size_t len, bool big_endian, size_t *out_len);

/* A malloc'd NUL-terminated copy of the n bytes at s, or NULL when out of memory. */
char *text_dup_span(const char *s, size_t n);

/* strdup that passes NULL through. */
char *text_dup_or_null(const char *s);

/* ASCII-case-insensitive comparison helpers used by the parsers. */
bool text_starts_with_ci(const char *s, const char *prefix);

/* How many decimal digits v takes to print (1 for 0). */
int text_decimal_digits(uint64_t v);

/* A file name or origin made safe and unambiguous to print on one line: LF, CR and TAB
 * become \n, \r, \t; other C0 controls, DEL and bytes that are not UTF-8 become \xHH;
 * C1 and bidi controls become \uXXXX. Returns a malloc'd string, NULL when out of memory. */
char *text_display_name(const char *name);

#endif
