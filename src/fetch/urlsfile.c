/* urlsfile.c: newsboat's urls file, read line by line. */
#include "fetch/urlsfile.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fetch/http.h"

/* The next field of a line: a run of non-blanks, or a double-quoted string in which \"
 * stands for a quote. Returns a malloc'd field and advances *at; NULL at the end of the
 * line or when out of memory (*oom set). */
static char *next_field(const char **at, const char *end, bool *oom)
{
    const char *s = *at;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
        s++;
    if (s == end) {
        *at = s;
        return NULL;
    }
    char *out = malloc((size_t)(end - s) + 1), *w = out;
    if (!out) {
        *oom = true;
        return NULL;
    }
    if (*s == '"') {
        for (s++; s < end && *s != '"'; s++) {
            if (*s == '\\' && s + 1 < end && (s[1] == '"' || s[1] == '\\'))
                s++;
            *w++ = *s;
        }
        s += s < end; /* the closing quote */
    } else {
        while (s < end && *s != ' ' && *s != '\t' && *s != '\r')
            *w++ = *s++;
    }
    *w = '\0';
    *at = s;
    return out;
}

/* Tags after the URL: "~Name" names the feed, "!" hides it in newsboat (meaningless here). */
static int take_tag(struct sub *s, char *field)
{
    if (field[0] == '~') {
        free(s->name);
        s->name = field[1] ? strdup(field + 1) : NULL;
        return field[1] && !s->name ? -1 : 0;
    }
    if (strcmp(field, "!") == 0 || field[0] == '\0')
        return 0;
    return sub_add_tag(s, field);
}

/* One line; 1 when it held a feed, 0 when skipped, -1 when out of memory. */
static int parse_line(const char *line, const char *end, int number, struct sub_list *out)
{
    bool oom = false;
    char *url = next_field(&line, end, &oom);
    if (!url)
        return oom ? -1 : 0;
    if (url[0] == '#') {
        free(url);
        return 0;
    }
    if (!http_url_ok(url)) {
        sub_list_note(out, "line %d: not an http or https feed URL, skipped", number);
        free(url);
        return 0;
    }
    struct sub *s = sub_list_add(out, url, NULL);
    free(url);
    if (!s)
        return -1;
    char *field;
    int rc = 1;
    while (rc == 1 && (field = next_field(&line, end, &oom))) {
        if (take_tag(s, field) < 0)
            rc = -1;
        free(field);
    }
    return oom ? -1 : rc;
}

int urls_parse(const char *buf, size_t len, struct sub_list *out)
{
    const char *s = buf, *end = buf + len;
    int count = 0, number = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *line_end = nl ? nl : end;
        int rc = parse_line(s, line_end, ++number, out);
        if (rc < 0)
            return -1;
        count += rc;
        s = nl ? nl + 1 : end;
    }
    return count;
}
