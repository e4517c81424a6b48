/* ascii.h: ASCII character classes and whole-word matching for the parsers of dates,
 * quantities and attributions, which match English words byte by byte. All inline: they
 * run at every word of every sentence. Unlike <ctype.h> they ignore the locale and take a
 * plain char (a UTF-8 byte above 0x7F is in no class), so they cannot go wrong on negative
 * values. */
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
 * holds another word or a longer one ("kill" is not at "killed"). Inline: the date and
 * quantity parsers try dozens of words at every candidate, most differing at once. */
static inline size_t ascii_word_at(const char *s, size_t len, const char *w)
{
    size_t n = 0;
    for (; w[n]; n++)
        if (n == len || ascii_lower(s[n]) != w[n])
            return 0;
    if (n < len && ascii_is_alnum(s[n]))
        return 0;
    return n;
}

/* pos moved past the spaces there: space, tab, line breaks and the no-break space (C2 A0)
 * pasted pages carry. */
static inline size_t ascii_skip_spaces(const char *s, size_t len, size_t pos)
{
    while (pos < len) {
        if (ascii_is_space(s[pos]))
            pos++;
        else if (pos + 1 < len && (unsigned char)s[pos] == 0xC2 &&
                 (unsigned char)s[pos + 1] == 0xA0)
            pos += 2;
        else
            break;
    }
    return pos;
}

/* Bytes of the phrase at s: the first n words (or up to a NULL entry), separated by
 * spaces, each a whole word; 0 on any mismatch. */
static inline size_t ascii_phrase_at(const char *s, size_t len, const char *const *words, size_t n)
{
    size_t pos = 0;
    for (size_t i = 0; i < n && words[i]; i++) {
        if (i) {
            size_t sp = ascii_skip_spaces(s, len, pos);
            if (sp == pos)
                return 0;
            pos = sp;
        }
        size_t k = ascii_word_at(s + pos, len - pos, words[i]);
        if (!k)
            return 0;
        pos += k;
    }
    return pos;
}

#endif
