/* lines.c: wrapping at display width with source offsets kept. */
#include "lines.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"

void lines_clear(struct lines *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i].s);
    free(l->v);
    memset(l, 0, sizeof *l);
}

void lines_add(struct lines *l, const char *s, size_t len, long src, int tag)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 64;
        struct line *v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v)
            return;
        l->v = v;
        l->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return;
    memcpy(copy, s, len);
    copy[len] = '\0';
    l->v[l->n++] = (struct line){copy, len, src, tag, -1};
}

/* Bytes of the next line of p: as much as fits, cut back to the last space when a word
 * would be split (a word longer than the line is split). */
static size_t next_line_bytes(const char *p, size_t len, int width)
{
    int used;
    size_t n = text_prefix_fitting(p, len, width, &used);
    if (n == 0)
        return 1;
    if (n < len && p[n] != ' ') {
        size_t cut = n;
        while (cut > 0 && p[cut] != ' ')
            cut--;
        if (cut > 0)
            n = cut;
    }
    return n;
}

static void wrap_paragraph(struct lines *l, const char *p, size_t len, int width, long src, int tag)
{
    if (len == 0) {
        lines_add(l, "", 0, src, tag);
        return;
    }
    const char *start = p;
    while (len > 0) {
        size_t n = next_line_bytes(p, len, width);
        lines_add(l, p, n, src < 0 ? -1 : src + (p - start), tag);
        p += n;
        len -= n;
        while (len > 0 && *p == ' ') {
            p++;
            len--;
        }
    }
}

void lines_wrap(struct lines *l, const char *text, size_t len, int width, long src_base, int tag)
{
    if (width < 1)
        width = 1;
    size_t i = 0;
    for (;;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        wrap_paragraph(l, text + i, end - i, width, src_base < 0 ? -1 : src_base + (long)i, tag);
        if (!nl)
            break;
        i = end + 1;
    }
}

int lines_find_offset(const struct lines *l, long offset)
{
    int best = -1;
    for (int i = 0; i < l->n; i++) {
        if (l->v[i].src < 0)
            continue;
        if (l->v[i].src > offset)
            break;
        best = i;
    }
    return best;
}

int lines_find_tag(const struct lines *l, int tag)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i].tag == tag)
            return i;
    return -1;
}
