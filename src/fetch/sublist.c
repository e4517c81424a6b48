/* sublist.c: the growable list behind OPML and urls files. */
#include "fetch/sublist.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sub *sub_list_add(struct sub_list *l, const char *url, const char *name)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        struct sub *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown)
            return NULL;
        l->items = grown;
        l->cap = cap;
    }
    struct sub *s = &l->items[l->n];
    *s = (struct sub){.url = strdup(url), .name = name ? strdup(name) : NULL};
    if (!s->url || (name && !s->name)) {
        free(s->url);
        free(s->name);
        return NULL;
    }
    l->n++;
    return s;
}

int sub_add_tag(struct sub *s, const char *tag)
{
    for (size_t i = 0; i < s->n_tags; i++)
        if (strcmp(s->tags[i], tag) == 0)
            return 0;
    char **grown = realloc(s->tags, (s->n_tags + 1) * sizeof *grown);
    if (!grown)
        return -1;
    s->tags = grown;
    if (!(s->tags[s->n_tags] = strdup(tag)))
        return -1;
    s->n_tags++;
    return 0;
}

void sub_list_note(struct sub_list *l, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    char **grown = realloc(l->notes, (l->n_notes + 1) * sizeof *grown);
    if (!grown)
        return;
    l->notes = grown;
    if ((l->notes[l->n_notes] = strdup(line)))
        l->n_notes++;
}

void sub_list_free(struct sub_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].url);
        free(l->items[i].name);
        for (size_t t = 0; t < l->items[i].n_tags; t++)
            free(l->items[i].tags[t]);
        free(l->items[i].tags);
    }
    free(l->items);
    for (size_t i = 0; i < l->n_notes; i++)
        free(l->notes[i]);
    free(l->notes);
    memset(l, 0, sizeof *l);
}
