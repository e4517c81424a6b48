/* records.c: the sitrep record reader. */
#include "read/records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json_read.h"

static const char *line_end(const char *s, const char *end)
{
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    return nl ? nl : end;
}

static const char *skip_bom(const char *s, const char *end)
{
    if (end - s >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        return s + 3;
    return s;
}

/* The header's version, 0 when the line is not a sitrep header. */
static int header_version(const char *s, size_t len)
{
    struct jvalue v;
    char err[128];
    if (jparse(s, len, &v, err, sizeof err) < 0)
        return 0;
    const char *type = jget_string(&v, "type");
    double version = jget_number(&v, "sitrep", 0);
    int rc = type && strcmp(type, "header") == 0 && version >= 1 ? (int)version : 0;
    jfree(&v);
    return rc;
}

bool records_sniff(const char *buf, size_t len)
{
    const char *end = buf + len, *s = skip_bom(buf, end);
    /* cheap first: the writer always puts the version key first */
    if (end - s < 10 || memcmp(s, "{\"sitrep\":", 10) != 0)
        return false;
    return header_version(s, (size_t)(line_end(s, end) - s)) > 0;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static enum article_format format_of(const char *name)
{
    if (name && strcmp(name, "html") == 0)
        return FORMAT_HTML;
    if (name && strcmp(name, "feed") == 0)
        return FORMAT_FEED;
    return FORMAT_TEXT;
}

/* The body is the clean text after its first paragraph, the title (article.h); a text
 * edited by hand so that it no longer starts with the title is kept whole as the body. */
static const char *body_of(const char *title, const char *text)
{
    size_t tl = strlen(title);
    if (strncmp(text, title, tl) == 0 && (text[tl] == 0 || strncmp(text + tl, "\n\n", 2) == 0))
        return text[tl] ? text + tl + 2 : "";
    return text;
}

static struct article *article_from_record(const struct jvalue *v, const char *origin, long line,
                                           char *err, size_t errlen)
{
    const char *title = jget_string(v, "title"), *text = jget_string(v, "text");
    if (!title || !text) {
        snprintf(err, errlen, "line %ld: an article record needs a title and a text", line);
        return NULL;
    }
    struct article *a = calloc(1, sizeof *a);
    if (!a || article_finish(a, title, body_of(title, text)) < 0) {
        article_free(a);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    a->date = dup_or_null(jget_string(v, "date"));
    a->source = dup_or_null(jget_string(v, "source"));
    a->url = dup_or_null(jget_string(v, "url"));
    a->author = dup_or_null(jget_string(v, "author"));
    a->dateline = dup_or_null(jget_string(v, "dateline"));
    const char *from = jget_string(v, "origin");
    if (from) {
        a->origin = strdup(from);
    } else {
        size_t n = strlen(origin) + 24;
        if ((a->origin = malloc(n)))
            snprintf(a->origin, n, "%s#%ld", origin, line);
    }
    a->format = format_of(jget_string(v, "format"));
    a->is_read = jget_bool(v, "read", false);
    return a;
}

struct parse_state {
    const char *origin;
    article_sink sink;
    void *ctx;
    int articles;
    long bad;
    char first_bad[200];
    bool stopped;
};

static void note_bad(struct parse_state *st, const char *why)
{
    if (!st->bad++)
        snprintf(st->first_bad, sizeof st->first_bad, "%s", why);
}

static void take_record(struct parse_state *st, const char *s, size_t len, long line)
{
    struct jvalue v;
    char err[160], why[200];
    if (jparse(s, len, &v, err, sizeof err) < 0) {
        snprintf(why, sizeof why, "line %ld: %s", line, err);
        note_bad(st, why);
        return;
    }
    const char *type = jget_string(&v, "type");
    if (v.type != JOBJECT || !type) {
        snprintf(why, sizeof why, "line %ld: not a sitrep record", line);
        note_bad(st, why);
    } else if (strcmp(type, "article") == 0) {
        struct article *a = article_from_record(&v, st->origin, line, why, sizeof why);
        if (!a)
            note_bad(st, why);
        else if (st->sink(a, st->ctx) != 0)
            st->stopped = true;
        else
            st->articles++;
    }
    /* event, report and figure rows are derived; corrections wait until the articles they
     * name are stored (records_each); unknown types belong to a later writer */
    jfree(&v);
}

int records_parse(const char *buf, size_t len, const char *origin, article_sink sink, void *ctx,
                  char *err, size_t errlen)
{
    const char *end = buf + len, *s = skip_bom(buf, end), *eol = line_end(s, end);
    int version = header_version(s, (size_t)(eol - s));
    if (version < 1 || version > RECORDS_VERSION) {
        snprintf(err, errlen, "sitrep records of version %d (this sitrep reads up to %d)", version,
                 RECORDS_VERSION);
        return -1;
    }
    struct parse_state st = {.origin = origin ? origin : "-", .sink = sink, .ctx = ctx};
    long line = 1;
    for (s = eol; s < end && !st.stopped; s = eol) {
        s += *s == '\n';
        line++;
        eol = line_end(s, end);
        size_t n = (size_t)(eol - s);
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        if (n)
            take_record(&st, s, n, line);
    }
    if (st.bad) {
        snprintf(err, errlen, "%ld bad record%s (first: %s); the others were read", st.bad,
                 st.bad == 1 ? "" : "s", st.first_bad);
        return -1;
    }
    return st.articles;
}

long records_each(const char *buf, size_t len, const char *type,
                  int (*fn)(const struct jvalue *record, void *ctx), void *ctx)
{
    const char *end = buf + len, *s = skip_bom(buf, end), *eol = line_end(s, end);
    int version = header_version(s, (size_t)(eol - s));
    if (version < 1 || version > RECORDS_VERSION)
        return -1;
    long passed = 0;
    bool stop = false;
    for (s = eol; s < end && !stop; s = eol) {
        s += *s == '\n';
        eol = line_end(s, end);
        struct jvalue v;
        char err[160];
        if (jparse(s, (size_t)(eol - s), &v, err, sizeof err) < 0)
            continue;
        const char *t = jget_string(&v, "type");
        if (t && strcmp(t, type) == 0) {
            passed++;
            stop = fn(&v, ctx) != 0;
        }
        jfree(&v);
    }
    return passed;
}
