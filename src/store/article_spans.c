/* article_spans.c: packing an article's sentences and mentions into blobs (article_spans.h). */
#include "store/article_spans.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The first byte of every blob: a later layout takes another number, and a reader meeting
 * one it does not know reports damage instead of reading nonsense. */
enum { SPANS_FORMAT = 1, VARINT_MAX = 10 };

/* ---- writing ---- */

struct packer {
    unsigned char *buf;
    size_t len;
};

/* A buffer with room for a format byte and `fields` varints per entry. */
static bool packer_init(struct packer *p, size_t entries, size_t fields)
{
    p->len = 0;
    p->buf = malloc(1 + entries * fields * VARINT_MAX);
    if (!p->buf)
        return false;
    p->buf[p->len++] = SPANS_FORMAT;
    return true;
}

static void put_unsigned(struct packer *p, uint64_t v)
{
    while (v >= 0x80) {
        p->buf[p->len++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    p->buf[p->len++] = (unsigned char)v;
}

/* Zigzag: -1 (no sentence, no index) takes one byte, as 0 does. */
static void put_signed(struct packer *p, int64_t v)
{
    put_unsigned(p, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

/* Room for a string: its length varint and its bytes. */
static size_t string_room(const char *str)
{
    return VARINT_MAX + (str ? strlen(str) : 0);
}

static void put_string(struct packer *p, const char *str)
{
    size_t n = str ? strlen(str) : 0;
    put_unsigned(p, str ? n + 1 : 0);
    memcpy(p->buf + p->len, str ? str : "", n);
    p->len += n;
}

unsigned char *spans_pack_sentences(const struct text_span *v, size_t n, size_t *len)
{
    struct packer p;
    if (!packer_init(&p, n, 2))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        put_unsigned(&p, v[i].start);
        put_unsigned(&p, v[i].len);
    }
    *len = p.len;
    return p.buf;
}

unsigned char *spans_pack_mentions(const struct mention *v, size_t n, size_t *len)
{
    struct packer p;
    if (!packer_init(&p, n, 5))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        put_unsigned(&p, (uint64_t)v[i].type);
        put_signed(&p, v[i].index);
        put_signed(&p, v[i].sentence);
        put_unsigned(&p, v[i].start);
        put_unsigned(&p, v[i].len);
    }
    *len = p.len;
    return p.buf;
}

unsigned char *spans_pack_dates(const struct date_fact *v, size_t n, size_t *len)
{
    size_t room = 1;
    for (size_t i = 0; i < n; i++)
        room += VARINT_MAX + string_room(v[i].text) + string_room(v[i].value) +
                string_room(v[i].weekday);
    struct packer p = {.buf = malloc(room)};
    if (!p.buf)
        return NULL;
    p.buf[p.len++] = SPANS_FORMAT;
    for (size_t i = 0; i < n; i++) {
        put_signed(&p, v[i].sentence);
        put_string(&p, v[i].text);
        put_string(&p, v[i].value);
        put_string(&p, v[i].weekday);
    }
    *len = p.len;
    return p.buf;
}

/* ---- reading ---- */

struct unpacker {
    const unsigned char *at, *end;
    bool bad; /* a varint ran past the end or past 64 bits */
};

static uint64_t get_unsigned(struct unpacker *u)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (u->at == u->end)
            break;
        unsigned char b = *u->at++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    u->bad = true;
    return 0;
}

static int64_t get_signed(struct unpacker *u)
{
    uint64_t z = get_unsigned(u);
    return (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
}

/* Checks the format byte; the entries follow. An empty blob is an empty list, and so is a
 * NULL column (SQLite gives NULL for it, and NULL plus even 0 is undefined in C). */
static bool unpacker_init(struct unpacker *u, const void *blob, size_t len)
{
    u->at = blob ? blob : "";
    u->end = u->at + (blob ? len : 0);
    u->bad = false;
    return len == 0 || *u->at++ == SPANS_FORMAT;
}

/* Room for at most as many entries as the blob has bytes: every varint takes one. */
static void *entries_for(size_t blob_len, size_t size)
{
    return malloc((blob_len + 1) * size);
}

/* Reads one entry of a list at *entry. */
typedef void (*get_entry_fn)(struct unpacker *u, void *entry);

/* Every entry of a blob into *out (malloc'd, *n of them, entries of `size` bytes; NULL
 * when none): -1 when the blob is damaged or memory runs out. */
static int unpack_entries(const void *blob, size_t len, size_t size, get_entry_fn get, void **out,
                          size_t *n)
{
    *out = NULL;
    *n = 0;
    struct unpacker u;
    if (!unpacker_init(&u, blob, len))
        return -1;
    if (u.at == u.end)
        return 0;
    unsigned char *v = entries_for(len, size);
    if (!v)
        return -1;
    size_t k = 0;
    while (u.at < u.end && !u.bad)
        get(&u, v + size * k++);
    if (u.bad) {
        free(v);
        return -1;
    }
    *out = v;
    *n = k;
    return 0;
}

static void get_sentence(struct unpacker *u, void *entry)
{
    struct text_span *t = entry;
    t->start = (size_t)get_unsigned(u);
    t->len = (size_t)get_unsigned(u);
}

int spans_unpack_sentences(const void *blob, size_t len, struct text_span **out, size_t *n)
{
    void *v;
    int rc = unpack_entries(blob, len, sizeof **out, get_sentence, &v, n);
    *out = v;
    return rc;
}

static bool int_fits(int64_t v)
{
    return v >= INT32_MIN && v <= INT32_MAX;
}

static void get_mention(struct unpacker *u, void *entry)
{
    struct mention *m = entry;
    uint64_t type = get_unsigned(u);
    int64_t index = get_signed(u), sentence = get_signed(u);
    m->start = (size_t)get_unsigned(u);
    m->len = (size_t)get_unsigned(u);
    if (type > MENTION_SOURCE || !int_fits(index) || !int_fits(sentence))
        u->bad = true;
    m->type = (enum mention_type)type;
    m->index = (int)index;
    m->sentence = (int)sentence;
}

/* A string (malloc'd) or NULL; *ok false when it runs past the end or memory runs out. */
static char *get_string(struct unpacker *u, bool *ok)
{
    uint64_t n = get_unsigned(u);
    if (u->bad || n == 0)
        return NULL;
    n--;
    if (n > (uint64_t)(u->end - u->at)) {
        u->bad = true;
        return NULL;
    }
    char *str = malloc(n + 1);
    if (!str) {
        *ok = false;
        return NULL;
    }
    memcpy(str, u->at, n);
    str[n] = '\0';
    u->at += n;
    return str;
}

int spans_unpack_dates(const void *blob, size_t len, struct facts *f)
{
    struct unpacker u;
    if (!unpacker_init(&u, blob, len))
        return -1;
    bool ok = true;
    while (ok && u.at < u.end && !u.bad) {
        int64_t sentence = get_signed(&u);
        char *text = get_string(&u, &ok), *value = get_string(&u, &ok);
        char *weekday = get_string(&u, &ok);
        struct date_fact *d = ok && !u.bad && int_fits(sentence) ? facts_add_date(f) : NULL;
        if (!d) {
            free(text);
            free(value);
            free(weekday);
            return -1;
        }
        *d = (struct date_fact){text, value, weekday, (int)sentence};
    }
    return ok && !u.bad ? 0 : -1;
}

int spans_unpack_mentions(const void *blob, size_t len, struct mention **out, size_t *n)
{
    void *v;
    int rc = unpack_entries(blob, len, sizeof **out, get_mention, &v, n);
    *out = v;
    return rc;
}

/* ---- the aggregates the schema step runs ---- */

/* One row of the old tables, with the number that orders it: a sentence uses m's start
 * and len, a mention m, a date d (its strings owned). */
struct span_row {
    int64_t order;
    struct mention m;
    struct date_fact d;
};

struct row_list {
    struct span_row *rows;
    size_t n, cap;
};

/* A new row of the group, zeroed; NULL (with the error set) when memory runs out. */
static struct span_row *row_push(sqlite3_context *ctx)
{
    struct row_list *l = sqlite3_aggregate_context(ctx, sizeof *l);
    if (l && l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        struct span_row *grown = realloc(l->rows, cap * sizeof *grown);
        if (grown) {
            l->rows = grown;
            l->cap = cap;
        }
    }
    if (!l || l->n == l->cap) {
        sqlite3_result_error_nomem(ctx);
        return NULL;
    }
    struct span_row *r = &l->rows[l->n++];
    memset(r, 0, sizeof *r);
    return r;
}

static void sentence_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct span_row *r = row_push(ctx);
    if (!r)
        return;
    r->order = sqlite3_value_int64(argv[0]);
    r->m.start = (size_t)sqlite3_value_int64(argv[1]);
    r->m.len = (size_t)sqlite3_value_int64(argv[2]);
}

static void mention_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct span_row *r = row_push(ctx);
    if (!r)
        return;
    r->order = sqlite3_value_int64(argv[0]);
    r->m.type = mention_type_from_name((const char *)sqlite3_value_text(argv[1]));
    r->m.index = sqlite3_value_int(argv[2]);
    r->m.sentence = sqlite3_value_int(argv[3]);
    r->m.start = (size_t)sqlite3_value_int64(argv[4]);
    r->m.len = (size_t)sqlite3_value_int64(argv[5]);
}

static char *dup_value(sqlite3_value *v)
{
    const unsigned char *text = sqlite3_value_text(v);
    return text ? strdup((const char *)text) : NULL;
}

static void date_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct span_row *r = row_push(ctx);
    if (!r)
        return;
    r->order = sqlite3_value_int64(argv[0]);
    r->d = (struct date_fact){dup_value(argv[1]), dup_value(argv[2]), dup_value(argv[3]),
                              sqlite3_value_int(argv[4])};
}

static int cmp_order(const void *a, const void *b)
{
    const struct span_row *x = a, *y = b;
    return (x->order > y->order) - (x->order < y->order);
}

enum packed_list { PACK_SENTENCES, PACK_MENTIONS, PACK_DATES };

/* The group's rows in order, copied out as the list's entries and packed; NULL for none. */
static unsigned char *pack_rows(struct row_list *l, enum packed_list what, size_t *len)
{
    qsort(l->rows, l->n, sizeof *l->rows, cmp_order);
    size_t size = what == PACK_SENTENCES  ? sizeof(struct text_span)
                  : what == PACK_MENTIONS ? sizeof(struct mention)
                                          : sizeof(struct date_fact);
    unsigned char *v = malloc(l->n * size), *blob = NULL;
    for (size_t i = 0; v && i < l->n; i++) {
        const struct span_row *r = &l->rows[i];
        if (what == PACK_SENTENCES)
            ((struct text_span *)v)[i] = (struct text_span){r->m.start, r->m.len};
        else if (what == PACK_MENTIONS)
            ((struct mention *)v)[i] = r->m;
        else
            ((struct date_fact *)v)[i] = r->d;
    }
    if (v)
        blob = what == PACK_SENTENCES  ? spans_pack_sentences((void *)v, l->n, len)
               : what == PACK_MENTIONS ? spans_pack_mentions((void *)v, l->n, len)
                                       : spans_pack_dates((void *)v, l->n, len);
    free(v);
    return blob;
}

static void pack_final(sqlite3_context *ctx, enum packed_list what)
{
    struct row_list *l = sqlite3_aggregate_context(ctx, 0);
    size_t len = 0;
    unsigned char *blob = l && l->n ? pack_rows(l, what, &len) : NULL;
    for (size_t i = 0; l && i < l->n; i++) {
        free(l->rows[i].d.text);
        free(l->rows[i].d.value);
        free(l->rows[i].d.weekday);
    }
    if (blob)
        sqlite3_result_blob(ctx, blob, (int)len, free);
    else if (l && l->n)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_null(ctx);
    if (l)
        free(l->rows);
}

static void sentence_final(sqlite3_context *ctx)
{
    pack_final(ctx, PACK_SENTENCES);
}

static void mention_final(sqlite3_context *ctx)
{
    pack_final(ctx, PACK_MENTIONS);
}

static void date_final(sqlite3_context *ctx)
{
    pack_final(ctx, PACK_DATES);
}

int spans_register_sql(sqlite3 *db)
{
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    return sqlite3_create_function(db, "sitrep_pack_sentences", 3, flags, NULL, NULL, sentence_step,
                                   sentence_final) == SQLITE_OK &&
                   sqlite3_create_function(db, "sitrep_pack_mentions", 6, flags, NULL, NULL,
                                           mention_step, mention_final) == SQLITE_OK &&
                   sqlite3_create_function(db, "sitrep_pack_dates", 5, flags, NULL, NULL, date_step,
                                           date_final) == SQLITE_OK
               ? 0
               : -1;
}
