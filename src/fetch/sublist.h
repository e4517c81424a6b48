/* sublist.h: subscriptions as read from or written to a file (OPML, newsboat's urls), and
 * the lines of such a file that were skipped, with why. */
#ifndef SITREP_FETCH_SUBLIST_H
#define SITREP_FETCH_SUBLIST_H

#include <stdbool.h>
#include <stddef.h>

struct sub {
    char *url;
    char *name; /* or NULL */
    char **tags;
    size_t n_tags;
};

struct sub_list {
    struct sub *items;
    size_t n, cap;
    char **notes; /* "line 4: not an http or https URL" */
    size_t n_notes;
};

/* Appends a subscription (copies url and name); returns it, NULL when out of memory. */
struct sub *sub_list_add(struct sub_list *l, const char *url, const char *name);
/* Appends a tag to s unless it has it already; -1 when out of memory. */
int sub_add_tag(struct sub *s, const char *tag);
/* Records why something was skipped (printf-style, one line). */
void sub_list_note(struct sub_list *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sub_list_free(struct sub_list *l);

#endif
