/* reader.c: reads inputs, refuses what is not an article, detects the format and hands
 * the bytes to the format's reader (plain text, HTML, feed), which passes each article it
 * finds to a sink. */
#include "read/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "base/json.h"
#include "read/feed.h"
#include "read/html.h"
#include "read/plaintext.h"
#include "read/records.h"

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

/* JSON data (an export, a gold file, a config) left in a directory of articles: it opens
 * with an object holding a quoted key or an array of values, and closes its bracket. */
static bool looks_like_json(const char *buf, size_t len)
{
    const char *end = buf + len, *s = skip_blank_and_bom(buf, end);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
        end--;
    if (end - s < 2 || !((*s == '{' && end[-1] == '}') || (*s == '[' && end[-1] == ']')))
        return false;
    const char *first = skip_blank_and_bom(s + 1, end);
    if (*s == '{')
        return first < end && (*first == '"' || *first == '}');
    return first < end && strchr("{[\"-0123456789]tfn", *first) != NULL;
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
    if (starts_ci(s, end, "<?xml") || starts_ci(s, end, "<!doctype") || starts_ci(s, end, "<rss") ||
        starts_ci(s, end, "<feed") || starts_ci(s, end, "<rdf"))
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

static int parse_text(const char *buf, size_t len, const char *origin, article_sink sink, void *ctx,
                      char *err, size_t errlen)
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

struct signature {
    const char *magic;
    size_t len, offset;
    const char *name;
};

/* Signatures of what people save by mistake beside their articles. Each is specific enough
 * that no article starts with it. */
static const struct signature signatures[] = {
    {"%PDF-", 5, 0, "PDF document"},
    {"\x1f\x8b", 2, 0, "gzip-compressed file"},
    {"PK\x03\x04", 4, 0, "zip archive (or office document)"},
    {"PK\x05\x06", 4, 0, "zip archive (empty)"},
    {"\x89PNG\r\n\x1a\n", 8, 0, "PNG image"},
    {"\xff\xd8\xff", 3, 0, "JPEG image"},
    {"GIF87a", 6, 0, "GIF image"},
    {"GIF89a", 6, 0, "GIF image"},
    {"\177ELF", 4, 0, "ELF executable"}, /* octal: "\x7fE" would be one escape */
    {"BZh", 3, 0, "bzip2-compressed file"},
    {"\3757zXZ\0", 6, 0, "xz-compressed file"},
    {"\x28\xb5\x2f\xfd", 4, 0, "zstd-compressed file"},
    {"7z\xbc\xaf\x27\x1c", 6, 0, "7-Zip archive"},
    {"Rar!\x1a\x07", 6, 0, "RAR archive"},
    {"SQLite format 3", 16, 0, "SQLite database"},
    {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, 0, "Microsoft Office document"},
    {"{\\rtf", 5, 0, "RTF document"},
    {"ftyp", 4, 4, "MP4 or QuickTime media"},
    {"\xff\xfe\0\0", 4, 0, "UTF-32 text (not supported: convert it to UTF-8)"},
    {"\0\0\xfe\xff", 4, 0, "UTF-32 text (not supported: convert it to UTF-8)"},
};

const char *reader_known_binary(const char *buf, size_t len)
{
    for (size_t i = 0; i < sizeof signatures / sizeof signatures[0]; i++) {
        const struct signature *g = &signatures[i];
        if (len >= g->offset + g->len && memcmp(buf + g->offset, g->magic, g->len) == 0)
            return g->name;
    }
    return NULL;
}

/* UTF-16 without a BOM, as some exports write it, is recognised when its text is mostly
 * ASCII: then nearly every other byte is NUL and the rest are printable. Returns 'l' or
 * 'b' for the byte order, 0 when buf does not look so. */
static char guess_utf16_order(const unsigned char *u, size_t len)
{
    size_t pairs = (len < 4096 ? len : 4096) / 2;
    if (pairs < 4)
        return 0;
    size_t nul_even = 0, nul_odd = 0, text_even = 0, text_odd = 0;
    for (size_t i = 0; i < pairs; i++) {
        unsigned char even = u[2 * i], odd = u[2 * i + 1];
        nul_even += even == 0;
        nul_odd += odd == 0;
        text_even += (even >= 0x20 && even < 0x7F) || even == '\n' || even == '\r' || even == '\t';
        text_odd += (odd >= 0x20 && odd < 0x7F) || odd == '\n' || odd == '\r' || odd == '\t';
    }
    if (nul_odd * 10 >= pairs * 9 && text_even * 10 >= pairs * 9)
        return 'l';
    if (nul_even * 10 >= pairs * 9 && text_odd * 10 >= pairs * 9)
        return 'b';
    return 0;
}

/* Text saved as UTF-16 (Windows editors, some exports) is read once decoded; its BOM, or
 * failing that its NUL bytes, say which byte order. Returns the decoded copy, or NULL
 * when buf is not UTF-16 (or, with *out_of_memory set, when memory ran out). */
static char *decode_utf16(const char *buf, size_t len, size_t *out_len, bool *out_of_memory)
{
    const unsigned char *u = (const unsigned char *)buf;
    *out_of_memory = false;
    size_t skip = 2;
    char order = len >= 2 && u[0] == 0xFF && u[1] == 0xFE   ? 'l'
                 : len >= 2 && u[0] == 0xFE && u[1] == 0xFF ? 'b'
                                                            : 0;
    if (!order) {
        order = guess_utf16_order(u, len);
        skip = 0;
    }
    if (!order)
        return NULL;
    char *utf8 = text_from_utf16(buf + skip, len - skip, order == 'b', out_len);
    *out_of_memory = utf8 == NULL;
    return utf8;
}

/* decoded: buf is the UTF-8 made from a UTF-16 input, not to be decoded again. */
static int parse_input(const char *buf, size_t len, enum article_format fmt, const char *origin,
                       article_sink sink, void *ctx, char *err, size_t errlen, bool decoded)
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
    const char *kind = reader_known_binary(buf, len);
    if (kind) {
        snprintf(err, errlen, "%s, not an article (sitrep reads text, HTML and feeds)", kind);
        return -1;
    }
    size_t utf8_len;
    bool out_of_memory = false;
    char *utf8 = decoded ? NULL : decode_utf16(buf, len, &utf8_len, &out_of_memory);
    if (utf8 || out_of_memory) {
        int rc = utf8 ? parse_input(utf8, utf8_len, fmt, origin, sink, ctx, err, errlen, true) : -1;
        if (!utf8)
            snprintf(err, errlen, "out of memory");
        free(utf8);
        return rc;
    }
    if (text_looks_binary(buf, len)) {
        snprintf(err, errlen, "binary file");
        return -1;
    }
    /* sitrep's own records are the one kind of JSON read; other JSON data is refused */
    if (fmt == FORMAT_AUTO && records_sniff(buf, len))
        return records_parse(buf, len, origin, sink, ctx, err, errlen);
    if (fmt == FORMAT_AUTO && looks_like_json(buf, len)) {
        snprintf(err, errlen, "JSON data, not an article (sitrep reads text, HTML and feeds)");
        return -1;
    }
    if (fmt == FORMAT_AUTO)
        fmt = detect_format(buf, len);
    switch (fmt) {
    case FORMAT_HTML:
        return html_parse(buf, len, origin, sink, ctx, err, errlen);
    case FORMAT_FEED:
        return feed_parse(buf, len, origin, sink, ctx, err, errlen);
    default:
        return parse_text(buf, len, origin, sink, ctx, err, errlen);
    }
}

int reader_parse(const char *buf, size_t len, enum article_format fmt, const char *origin,
                 article_sink sink, void *ctx, char *err, size_t errlen)
{
    return parse_input(buf, len, fmt, origin, sink, ctx, err, errlen, false);
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

int reader_load(const char *path, enum article_format fmt, article_sink sink, void *ctx, char *err,
                size_t errlen)
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
    int rc = reader_parse(buf, len, fmt, path, sink, ctx, err, errlen);
    free(buf);
    return rc;
}
