/* article.c: reads inputs, refuses what is not an article, detects the format and hands
 * each article to a sink. The format parsers (plaintext, html, feed) build articles through
 * article_finish, so every article's text, sentences and hash are made the same way. */
#include "article.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "feed.h"
#include "html.h"
#include "plaintext.h"
#include "sha256.h"

static const char *skip_blank_and_bom(const char *s, const char *end)
{
    if (end - s >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        s += 3;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++;
    return s;
}

static bool starts_ci(const char *s, const char *end, const char *prefix)
{
    size_t n = strlen(prefix);
    return (size_t)(end - s) >= n && strncasecmp(s, prefix, n) == 0;
}

/* Markup is recognised by how the input begins: pages and feeds open with a tag. A text
 * that merely contains "<b>" somewhere is still text. */
static enum article_format detect_format(const char *buf, size_t len)
{
    const char *end = buf + len, *s = skip_blank_and_bom(buf, end);
    if (s == end || *s != '<')
        return FORMAT_TEXT;
    if (starts_ci(s, end, "<!doctype html") || starts_ci(s, end, "<html") ||
        starts_ci(s, end, "<head") || starts_ci(s, end, "<body") || starts_ci(s, end, "<meta"))
        return FORMAT_HTML;
    if (feed_sniff(buf, len))
        return FORMAT_FEED;
    /* Other XML (a declaration, a doctype, an unknown root) goes to the feed parser,
     * which explains what is wrong with it; other tags are a page fragment. */
    if (starts_ci(s, end, "<?xml") || starts_ci(s, end, "<!doctype") ||
        starts_ci(s, end, "<rss") || starts_ci(s, end, "<feed") || starts_ci(s, end, "<rdf"))
        return FORMAT_FEED;
    return FORMAT_HTML;
}

static bool only_whitespace(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return false;
    return true;
}

static int parse_text(const char *buf, size_t len, const char *origin, article_sink sink,
                      void *ctx, char *err, size_t errlen)
{
    size_t clean_len;
    char *clean = text_repair(buf, len, &clean_len, NULL);
    if (!clean) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    struct article *a = NULL;
    if (only_whitespace(clean, clean_len))
        snprintf(err, errlen, "empty file");
    else
        a = plaintext_parse(clean, clean_len, origin, err, errlen);
    free(clean);
    if (!a)
        return -1;
    sink(a, ctx);
    return 1;
}

int article_parse(const char *buf, size_t len, enum article_format fmt, const char *origin,
                  article_sink sink, void *ctx, char *err, size_t errlen)
{
    if (len == 0 || only_whitespace(buf, len)) {
        snprintf(err, errlen, "empty file");
        return -1;
    }
    if (len > ARTICLE_MAX_INPUT) {
        snprintf(err, errlen, "file too large (%.1f MB; limit %u MB)", len / 1048576.0,
                 ARTICLE_MAX_INPUT / 1048576u);
        return -1;
    }
    if (text_looks_binary(buf, len)) {
        snprintf(err, errlen, "binary file");
        return -1;
    }
    if (fmt == FORMAT_AUTO)
        fmt = detect_format(buf, len);
    switch (fmt) {
    case FORMAT_HTML: return html_parse(buf, len, origin, sink, ctx, err, errlen);
    case FORMAT_FEED: return feed_parse(buf, len, origin, sink, ctx, err, errlen);
    default: return parse_text(buf, len, origin, sink, ctx, err, errlen);
    }
}

/* Reads up to cap + 1 bytes, so that an input over the cap is recognised without reading
 * all of it. */
static char *read_capped(int fd, size_t cap, size_t *out_len)
{
    size_t size = 65536, len = 0;
    char *buf = malloc(size);
    while (buf) {
        if (len == size) {
            size = size * 2 > cap + 1 ? cap + 1 : size * 2;
            char *p = len < size ? realloc(buf, size) : NULL;
            if (!p)
                break;
            buf = p;
        }
        ssize_t got = read(fd, buf + len, size - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            free(buf);
            return NULL;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    *out_len = len;
    return buf;
}

static int open_input(const char *path, char *err, size_t errlen)
{
    if (strcmp(path, "-") == 0)
        return STDIN_FILENO;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "is a directory");
    } else if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
               (unsigned long long)st.st_size > ARTICLE_MAX_INPUT) {
        snprintf(err, errlen, "file too large (%.1f MB; limit %u MB)",
                 (double)st.st_size / 1048576.0, ARTICLE_MAX_INPUT / 1048576u);
    } else {
        return fd;
    }
    close(fd);
    return -1;
}

int article_load(const char *path, enum article_format fmt, article_sink sink, void *ctx,
                 char *err, size_t errlen)
{
    int fd = open_input(path, err, errlen);
    if (fd < 0)
        return -1;
    size_t len = 0;
    errno = 0;
    char *buf = read_capped(fd, ARTICLE_MAX_INPUT, &len);
    int saved = errno;
    if (fd != STDIN_FILENO)
        close(fd);
    if (!buf) {
        snprintf(err, errlen, "%s", saved ? strerror(saved) : "out of memory");
        return -1;
    }
    int rc = article_parse(buf, len, fmt, path, sink, ctx, err, errlen);
    free(buf);
    return rc;
}

/* Stored text must be safe to print and valid: controls and escape sequences go, and
 * whatever a parser passed on is repaired once more. */
static char *clean_part(const char *s)
{
    size_t len;
    char *repaired = text_repair(s, strlen(s), &len, NULL);
    if (!repaired)
        return NULL;
    char *safe = text_sanitize(repaired, len);
    free(repaired);
    return safe;
}

static char *join_title_body(const char *title, const char *body)
{
    size_t tl = strlen(title), bl = strlen(body);
    char *text = malloc(tl + bl + 3);
    if (!text)
        return NULL;
    memcpy(text, title, tl);
    size_t at = tl;
    if (bl) {
        memcpy(text + at, "\n\n", 2);
        memcpy(text + at + 2, body, bl);
        at += 2 + bl;
    }
    text[at] = '\0';
    return text;
}

int article_finish(struct article *a, const char *title, const char *body)
{
    char *t = clean_part(title ? title : "");
    char *b = clean_part(body ? body : "");
    char *text = t && b ? join_title_body(t, b) : NULL;
    free(b);
    if (!text) {
        free(t);
        return -1;
    }
    free(a->title);
    a->title = t;
    free(a->text);
    a->text = text;
    a->text_len = strlen(text);
    free(a->sentences);
    a->n_sentences = text_split_sentences(text, a->text_len, &a->sentences);
    sha256_hex(text, a->text_len, a->hash);
    return 0;
}

void article_free(struct article *a)
{
    if (!a)
        return;
    free(a->title);
    free(a->date);
    free(a->source);
    free(a->url);
    free(a->author);
    free(a->dateline);
    free(a->origin);
    free(a->text);
    free(a->sentences);
    free(a);
}
