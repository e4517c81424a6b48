/* json_read.c: a recursive-descent JSON parser building a tree. */
#include "base/json_read.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

struct parser {
    const char *s, *end, *start;
    int depth;
    char *err;
    size_t errlen;
    bool failed;
};

static void fail(struct parser *p, const char *why)
{
    if (!p->failed)
        snprintf(p->err, p->errlen, "%s at byte %td", why, p->s - p->start);
    p->failed = true;
}

static void skip_space(struct parser *p)
{
    while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
        p->s++;
}

static bool literal(struct parser *p, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n) != 0)
        return false;
    p->s += n;
    return true;
}

static int hex4(struct parser *p, unsigned *out)
{
    if (p->end - p->s < 4)
        return -1;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p->s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v * 16 + (unsigned)d;
    }
    p->s += 4;
    *out = v;
    return 0;
}

/* A \u escape, with a following low surrogate joined to a high one. */
static unsigned unicode_escape(struct parser *p)
{
    unsigned hi;
    if (hex4(p, &hi) < 0) {
        fail(p, "bad \\u escape");
        return 0xFFFD;
    }
    if (hi >= 0xD800 && hi < 0xDC00 && p->end - p->s >= 6 && p->s[0] == '\\' && p->s[1] == 'u') {
        const char *save = p->s;
        p->s += 2;
        unsigned lo;
        if (hex4(p, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000)
            return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
        p->s = save;
    }
    if ((hi >= 0xD800 && hi < 0xE000) || hi == 0)
        return 0xFFFD;
    return hi;
}

struct buf {
    char *data;
    size_t len, cap;
};

static bool buf_put(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d)
            return false;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return true;
}

static char simple_escape(char c)
{
    switch (c) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '/':
        return '/';
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    default:
        return 0;
    }
}

static bool string_escape(struct parser *p, struct buf *b)
{
    char c = *p->s++;
    if (c == 'u') {
        uint8_t enc[6];
        size_t n = sizeof enc;
        uint8_t *r = u32_to_u8((const uint32_t[]){unicode_escape(p)}, 1, enc, &n);
        return r == enc && buf_put(b, (const char *)enc, n);
    }
    char e = simple_escape(c);
    if (!e) {
        fail(p, "bad escape");
        return false;
    }
    return buf_put(b, &e, 1);
}

static char *parse_string(struct parser *p)
{
    struct buf b = {0};
    p->s++; /* the opening quote */
    if (!buf_put(&b, "", 0))
        return NULL;
    while (!p->failed) {
        const char *run = p->s;
        while (p->s < p->end && *p->s != '"' && *p->s != '\\' && (unsigned char)*p->s >= 0x20)
            p->s++;
        if (!buf_put(&b, run, (size_t)(p->s - run)))
            break;
        if (p->s >= p->end || (unsigned char)*p->s < 0x20) {
            fail(p, "unterminated string");
            break;
        }
        if (*p->s == '"') {
            p->s++;
            if (u8_check((const uint8_t *)b.data, b.len) == NULL)
                return b.data;
            fail(p, "invalid UTF-8 in string");
            break;
        }
        p->s++; /* the backslash */
        if (p->s >= p->end || !string_escape(p, &b))
            fail(p, "bad escape");
    }
    free(b.data);
    return NULL;
}

static int parse_value(struct parser *p, struct jvalue *v);

static bool grow(struct jvalue *v, size_t *cap, bool with_keys)
{
    if (v->n < *cap)
        return true;
    size_t cap2 = *cap ? *cap * 2 : 4;
    struct jvalue *items = realloc(v->items, cap2 * sizeof *items);
    if (!items)
        return false;
    v->items = items;
    if (with_keys) {
        char **keys = realloc(v->keys, cap2 * sizeof *keys);
        if (!keys)
            return false;
        v->keys = keys;
    }
    *cap = cap2;
    return true;
}

/* Items of an array or members of an object, up to the closing bracket. */
static int parse_container(struct parser *p, struct jvalue *v, char close)
{
    bool object = close == '}';
    size_t cap = 0;
    p->s++;
    skip_space(p);
    if (p->s < p->end && *p->s == close) {
        p->s++;
        return 0;
    }
    for (;;) {
        if (!grow(v, &cap, object)) {
            fail(p, "out of memory");
            return -1;
        }
        char *key = NULL;
        if (object) {
            skip_space(p);
            if (p->s >= p->end || *p->s != '"' || !(key = parse_string(p))) {
                fail(p, "expected a key");
                return -1;
            }
            skip_space(p);
            if (p->s >= p->end || *p->s++ != ':') {
                free(key);
                fail(p, "expected ':'");
                return -1;
            }
            v->keys[v->n] = key;
        }
        if (parse_value(p, &v->items[v->n]) < 0) {
            v->n++; /* what was parsed of it is freed with the container */
            return -1;
        }
        v->n++;
        skip_space(p);
        if (p->s < p->end && *p->s == ',') {
            p->s++;
            continue;
        }
        if (p->s < p->end && *p->s == close) {
            p->s++;
            return 0;
        }
        fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
        return -1;
    }
}

static int parse_number(struct parser *p, struct jvalue *v)
{
    const char *q = p->s;
    if (q < p->end && *q == '-')
        q++;
    if (q >= p->end || *q < '0' || *q > '9') {
        fail(p, "unexpected character");
        return -1;
    }
    while (q < p->end && strchr("0123456789+-.eE", *q))
        q++;
    char tmp[64];
    size_t n = (size_t)(q - p->s);
    if (n >= sizeof tmp) {
        fail(p, "number too long");
        return -1;
    }
    memcpy(tmp, p->s, n);
    tmp[n] = 0;
    char *endp;
    v->type = JNUMBER;
    v->number = strtod(tmp, &endp);
    if (*endp) {
        fail(p, "bad number");
        return -1;
    }
    p->s = q;
    return 0;
}

static int parse_value(struct parser *p, struct jvalue *v)
{
    *v = (struct jvalue){.type = JNULL};
    skip_space(p);
    if (p->s >= p->end) {
        fail(p, "unexpected end");
        return -1;
    }
    if (*p->s == '{' || *p->s == '[') {
        if (++p->depth > JSON_READ_MAX_DEPTH) {
            fail(p, "nested too deeply");
            return -1;
        }
        v->type = *p->s == '{' ? JOBJECT : JARRAY;
        int rc = parse_container(p, v, *p->s == '{' ? '}' : ']');
        p->depth--;
        return rc;
    }
    if (*p->s == '"') {
        v->string = parse_string(p);
        v->type = v->string ? JSTRING : JNULL;
        return v->string ? 0 : -1;
    }
    if (literal(p, "true") || literal(p, "false")) {
        v->type = JBOOL;
        v->boolean = p->s[-1] == 'e' && p->s[-2] == 'u';
        return 0;
    }
    if (literal(p, "null"))
        return 0;
    return parse_number(p, v);
}

int jparse(const char *buf, size_t len, struct jvalue *out, char *err, size_t errlen)
{
    struct parser p = {.s = buf, .end = buf + len, .start = buf, .err = err, .errlen = errlen};
    int rc = parse_value(&p, out);
    skip_space(&p);
    if (rc == 0 && p.s != p.end) {
        fail(&p, "text after the value");
        rc = -1;
    }
    if (rc < 0) {
        jfree(out);
        *out = (struct jvalue){.type = JNULL};
    }
    return rc;
}

void jfree(struct jvalue *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->n; i++) {
        jfree(&v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->string);
    *v = (struct jvalue){.type = JNULL};
}

const struct jvalue *jget(const struct jvalue *v, const char *key)
{
    if (!v || v->type != JOBJECT)
        return NULL;
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->keys[i], key) == 0)
            return &v->items[i];
    return NULL;
}

const char *jget_string(const struct jvalue *v, const char *key)
{
    const struct jvalue *m = jget(v, key);
    return m && m->type == JSTRING ? m->string : NULL;
}

double jget_number(const struct jvalue *v, const char *key, double fallback)
{
    const struct jvalue *m = jget(v, key);
    return m && m->type == JNUMBER ? m->number : fallback;
}

bool jget_bool(const struct jvalue *v, const char *key, bool fallback)
{
    const struct jvalue *m = jget(v, key);
    return m && m->type == JBOOL ? m->boolean : fallback;
}
