/* json.c: the streaming JSON writer. A writer owns its stream while it writes (one thread),
 * so everything goes out through the _unlocked calls, without a lock taken per piece: an
 * extraction's output is thousands of short pieces, and the locking cost more than the
 * writing.
 * Strings are written as UTF-8 with the characters JSON requires escaped; control characters (C0,
 * DEL, C1) and bidi controls become \u escapes, so no raw escape sequence or direction override
 * from an article reaches a terminal through JSON output, while a JSON reader still gets the text
 * back whole. */
#include "base/json.h"

#include <stdint.h>
#include <string.h>

#include <unistr.h>

void json_init(struct json *j, FILE *out)
{
    j->out = out;
    j->depth = 0;
    j->need_comma[0] = false;
    j->after_key = false;
}

/* Every value is preceded by a comma unless it is first in its container or follows a key. */
static void before_value(struct json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->need_comma[j->depth])
        putc_unlocked(',', j->out);
    j->need_comma[j->depth] = true;
}

static void open_container(struct json *j, char c)
{
    before_value(j);
    putc_unlocked(c, j->out);
    if (j->depth + 1 < JSON_MAX_DEPTH)
        j->depth++;
    j->need_comma[j->depth] = false;
}

static void close_container(struct json *j, char c)
{
    if (j->depth > 0)
        j->depth--;
    putc_unlocked(c, j->out);
}

void json_begin_object(struct json *j)
{
    open_container(j, '{');
}

void json_end_object(struct json *j)
{
    close_container(j, '}');
}

void json_begin_array(struct json *j)
{
    open_container(j, '[');
}

void json_end_array(struct json *j)
{
    close_container(j, ']');
}

bool json_char_needs_escape(unsigned long uc)
{
    return uc < 0x20 || (uc >= 0x7F && uc < 0xA0) || uc == 0x061C || uc == 0x200E || uc == 0x200F ||
           (uc >= 0x2028 && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069);
}

/* ASCII that JSON takes as it is: most of any text, so it is passed over in runs. */
static bool plain_ascii(uint8_t c)
{
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

/* Valid characters pass through as UTF-8 unless a terminal would act on them; an invalid
 * byte cannot be represented in JSON and becomes U+FFFD. Characters that pass through are
 * written a run at a time. The string is walked to its NUL once, not measured first. */
static void write_escaped(FILE *out, const char *s)
{
    putc_unlocked('"', out);
    const uint8_t *p = (const uint8_t *)s, *run = p;
    while (*p) {
        if (plain_ascii(*p)) {
            p++;
            continue;
        }
        ucs4_t uc;
        /* no character is longer than four bytes, and none holds a NUL */
        int n = u8_mbtoucr(&uc, p, strnlen((const char *)p, 4));
        bool escape = n < 0 || uc == '"' || uc == '\\' || json_char_needs_escape(uc);
        if (!escape) {
            p += n;
            continue;
        }
        fwrite_unlocked(run, 1, (size_t)(p - run), out);
        if (n < 0) {
            fputs_unlocked("\\ufffd", out);
            n = 1;
        } else if (uc == '"' || uc == '\\') {
            putc_unlocked('\\', out);
            putc_unlocked((int)uc, out);
        } else if (uc == '\n' || uc == '\t' || uc == '\r') {
            fputs_unlocked(uc == '\n' ? "\\n" : uc == '\t' ? "\\t" : "\\r", out);
        } else {
            fprintf(out, "\\u%04x", (unsigned)uc);
        }
        p += n;
        run = p;
    }
    fwrite_unlocked(run, 1, (size_t)(p - run), out);
    putc_unlocked('"', out);
}

void json_key(struct json *j, const char *key)
{
    before_value(j);
    write_escaped(j->out, key);
    putc_unlocked(':', j->out);
    j->after_key = true;
}

void json_string(struct json *j, const char *s)
{
    if (!s) {
        json_null(j);
        return;
    }
    before_value(j);
    write_escaped(j->out, s);
}

/* v in decimal, as "%lld" writes it, without printf's format parsing: a report's counts,
 * sentence numbers and years are most of the numbers an extraction writes. */
static void write_decimal(FILE *out, long long v)
{
    char digits[24];
    size_t at = sizeof digits;
    /* in unsigned arithmetic, so that LLONG_MIN negates without overflow */
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        digits[--at] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        digits[--at] = '-';
    fwrite_unlocked(digits + at, 1, sizeof digits - at, out);
}

void json_int(struct json *j, long long v)
{
    before_value(j);
    write_decimal(j->out, v);
}

void json_double(struct json *j, double v, int decimals)
{
    before_value(j);
    fprintf(j->out, "%.*f", decimals, v);
}

void json_bool(struct json *j, bool v)
{
    before_value(j);
    fputs_unlocked(v ? "true" : "false", j->out);
}

void json_null(struct json *j)
{
    before_value(j);
    fputs_unlocked("null", j->out);
}

void json_kv_string(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    json_string(j, s);
}

void json_kv_int(struct json *j, const char *key, long long v)
{
    json_key(j, key);
    json_int(j, v);
}

void json_kv_int_or_null(struct json *j, const char *key, long v)
{
    json_key(j, key);
    if (v < 0)
        json_null(j);
    else
        json_int(j, v);
}
