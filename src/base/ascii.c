/* ascii.c: whole words and phrases matched ignoring ASCII case (see ascii.h). */
#include "base/ascii.h"

#include <string.h>

size_t ascii_word_at(const char *s, size_t len, const char *w)
{
    /* compared as w is walked, without measuring it first: most words differ at once */
    size_t n = 0;
    for (; w[n]; n++)
        if (n == len || ascii_lower(s[n]) != w[n])
            return 0;
    if (n < len && ascii_is_alnum(s[n]))
        return 0;
    return n;
}

size_t ascii_skip_spaces(const char *s, size_t len, size_t pos)
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

size_t ascii_phrase_at(const char *s, size_t len, const char *const *words, size_t n)
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
