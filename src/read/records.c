/* records.c: the sitrep record reader. */
#include "read/records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "base/json_read.h"
#include "base/text.h"

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

/* Metadata from a record is as untrusted as an article's text: made safe to draw, with
 * line breaks and tabs as spaces (they are one-line fields). */
static char *safe_field(const char *s)
{
    if (!s)
        return NULL;
    char *c = text_sanitize(s, strlen(s));
    for (char *p = c; p && *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    return c;
}

/* A stated date is ISO (2024, 2024-05 or 2024-05-01); anything else is no date. */
static char *iso_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    size_t n = s ? strlen(s) : 0;
    if (n != 4 && n != 7 && n != 10)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
            return NULL;
    return strdup(s);
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
    a->date = iso_date(jget_string(v, "date"));
    a->source = safe_field(jget_string(v, "source"));
    a->url = safe_field(jget_string(v, "url"));
    a->author = safe_field(jget_string(v, "author"));
    a->dateline = safe_field(jget_string(v, "dateline"));
    const char *from = jget_string(v, "origin");
    if (from) {
        a->origin = safe_field(from);
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

/* Lines of a stream without their end (LF or CRLF) and trailing blanks; a line longer than
 * ARTICLE_MAX_INPUT is read and dropped, reported as too long. */
struct line_reader {
    FILE *f;
    char *buf;
    size_t cap;
    long number;
};

/* The next line's length, or -1 at the end; *too_long when it was over the cap. */
static ssize_t next_line(struct line_reader *lr, bool *too_long)
{
    ssize_t n = getline(&lr->buf, &lr->cap, lr->f);
    if (n < 0)
        return -1;
    lr->number++;
    *too_long = (size_t)n > ARTICLE_MAX_INPUT;
    while (n > 0 && strchr("\r\n \t", lr->buf[n - 1]))
        n--;
    lr->buf[n] = '\0';
    return n;
}

/* The header's version from the first line (a byte-order mark skipped), 0 when none. */
static int read_header(struct line_reader *lr)
{
    bool too_long;
    ssize_t n = next_line(lr, &too_long);
    if (n < 0 || too_long)
        return 0;
    const char *s = skip_bom(lr->buf, lr->buf + n);
    return header_version(s, (size_t)(lr->buf + n - s));
}

static int refuse_version(int version, char *err, size_t errlen)
{
    snprintf(err, errlen, "sitrep records of version %d (this sitrep reads up to %d)", version,
             RECORDS_VERSION);
    return -1;
}

int records_parse_stream(FILE *f, const char *origin, article_sink sink, void *ctx, char *err,
                         size_t errlen)
{
    struct line_reader lr = {.f = f};
    int version = read_header(&lr);
    if (version < 1 || version > RECORDS_VERSION) {
        free(lr.buf);
        return refuse_version(version, err, errlen);
    }
    struct parse_state st = {.origin = origin ? origin : "-", .sink = sink, .ctx = ctx};
    bool too_long;
    ssize_t n;
    while (!st.stopped && (n = next_line(&lr, &too_long)) >= 0) {
        char why[80];
        snprintf(why, sizeof why, "line %ld: longer than %u MB", lr.number,
                 ARTICLE_MAX_INPUT / 1048576u);
        if (too_long)
            note_bad(&st, why);
        else if (n)
            take_record(&st, lr.buf, (size_t)n, lr.number);
    }
    free(lr.buf);
    if (st.bad) {
        snprintf(err, errlen, "%ld bad record%s (first: %s); the others were read", st.bad,
                 st.bad == 1 ? "" : "s", st.first_bad);
        return -1;
    }
    return st.articles;
}

int records_parse(const char *buf, size_t len, const char *origin, article_sink sink, void *ctx,
                  char *err, size_t errlen)
{
    FILE *f = len ? fmemopen((void *)buf, len, "r") : NULL;
    if (!f)
        return refuse_version(0, err, errlen);
    int rc = records_parse_stream(f, origin, sink, ctx, err, errlen);
    fclose(f);
    return rc;
}

long records_each_stream(FILE *f, const char *type,
                         int (*fn)(const struct jvalue *record, void *ctx), void *ctx)
{
    struct line_reader lr = {.f = f};
    int version = read_header(&lr);
    long passed = version < 1 || version > RECORDS_VERSION ? -1 : 0;
    bool too_long, stop = passed < 0;
    ssize_t n;
    while (!stop && (n = next_line(&lr, &too_long)) >= 0) {
        struct jvalue v;
        char err[160];
        if (too_long || !n || jparse(lr.buf, (size_t)n, &v, err, sizeof err) < 0)
            continue;
        const char *t = jget_string(&v, "type");
        if (t && strcmp(t, type) == 0) {
            passed++;
            stop = fn(&v, ctx) != 0;
        }
        jfree(&v);
    }
    free(lr.buf);
    return passed;
}

bool records_sniff_fd(int fd)
{
    char head[4096]; /* the header line is far shorter */
    ssize_t n = pread(fd, head, sizeof head, 0);
    return n > 0 && records_sniff(head, (size_t)n);
}
