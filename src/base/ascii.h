/* ascii.h: ASCII character classes and whole-word matching for the parsers of dates,
 * quantities and attributions, which match English words byte by byte. Unlike <ctype.h> they ignore
 * the locale and take a plain char (a UTF-8 byte above 0x7F is in no class), so they cannot go
 * wrong on negative values. */
#ifndef SITREP_BASE_ASCII_H
#define SITREP_BASE_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline bool ascii_is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static inline bool ascii_is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || ascii_is_upper(c);
}

static inline bool ascii_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline bool ascii_is_alnum(char c)
{
    return ascii_is_alpha(c) || ascii_is_digit(c);
}

/* Space, tab, line feed or carriage return. */
static inline bool ascii_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline char ascii_lower(char c)
{
    return ascii_is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* Bytes of the whole word w (lower case) at s, compared ignoring ASCII case, or 0 when s
 * holds another word or a longer one ("kill" is not at "killed"). */
size_t ascii_word_at(const char *s, size_t len, const char *w);

/* pos moved past the spaces there: space, tab, line breaks and the no-break space (C2 A0)
 * pasted pages carry. */
size_t ascii_skip_spaces(const char *s, size_t len, size_t pos);

/* Bytes of the phrase at s: the first n words (or up to a NULL entry), separated by
 * spaces, each a whole word; 0 on any mismatch. */
size_t ascii_phrase_at(const char *s, size_t len, const char *const *words, size_t n);

#endif
