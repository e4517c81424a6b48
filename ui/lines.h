/* lines.h: text wrapped for a pane. Each display line remembers where it came from (a byte
 * offset into the source text, so facts found by the extractor can be highlighted on it)
 * and a tag (the sentence or fact it belongs to, so the panes can jump to one). */
#ifndef SITREP_UI_LINES_H
#define SITREP_UI_LINES_H

#include <stddef.h>

struct line {
    char *s;
    size_t len;
    long src; /* byte offset of s in the source text, or -1 */
    int tag;  /* caller's meaning; -1 when none */
    int kind; /* a second caller's value (the fact's element); -1 when none */
};

struct lines {
    struct line *v;
    int n, cap;
};

void lines_clear(struct lines *l);

/* Appends a copy of len bytes of s. */
void lines_add(struct lines *l, const char *s, size_t len, long src, int tag);

/* Wraps text (paragraphs separated by newlines) at word boundaries into lines of at most
 * width columns; src_base is the offset of text in the source (-1: not from the source). */
void lines_wrap(struct lines *l, const char *text, size_t len, int width, long src_base, int tag);

/* The first line whose source range holds offset, or -1. */
int lines_find_offset(const struct lines *l, long offset);

/* The first line with this tag, or -1. */
int lines_find_tag(const struct lines *l, int tag);

#endif
