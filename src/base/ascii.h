/* ascii.h: ASCII character classes and whole-word matching for the parsers of dates,
 * quantities and attributions, which match English words byte by byte. All inline: they
 * run at every word of every sentence. Unlike <ctype.h> they ignore the locale and take a
 * plain char (a UTF-8 byte above 0x7F is in no class), so they cannot go wrong on negative
 * values. */
#ifndef SITREP_BASE_ASCII_H
#define SITREP_BASE_ASCII_H

#include <stdbool.h>
#include <stddef.h>

/* Each byte's class, so that a test is one load instead of two or three range tests: the
 * parsers test every byte of every sentence. Bytes above 0x7F are in none. */
enum ascii_class {
    ASCII_CLASS_UPPER = 1,
    ASCII_CLASS_LOWER = 2,
    ASCII_CLASS_DIGIT = 4,
    ASCII_CLASS_SPACE = 8,
};
extern const unsigned char ascii_classes[256];

static inline bool ascii_in_class(char c, unsigned classes)
{
    return (ascii_classes[(unsigned char)c] & classes) != 0;
}

static inline bool ascii_is_upper(char c)
{
    return ascii_in_class(c, ASCII_CLASS_UPPER);
}

static inline bool ascii_is_alpha(char c)
{
    return ascii_in_class(c, ASCII_CLASS_UPPER | ASCII_CLASS_LOWER);
}

static inline bool ascii_is_digit(char c)
{
    return ascii_in_class(c, ASCII_CLASS_DIGIT);
}

static inline bool ascii_is_alnum(char c)
{
    return ascii_in_class(c, ASCII_CLASS_UPPER | ASCII_CLASS_LOWER | ASCII_CLASS_DIGIT);
}

/* Space, tab, line feed or carriage return. */
static inline bool ascii_is_space(char c)
{
    return ascii_in_class(c, ASCII_CLASS_SPACE);
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
