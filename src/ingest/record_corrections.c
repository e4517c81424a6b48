/* record_corrections.c: replays correction records (record_corrections.h). */
#include "ingest/record_corrections.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json_read.h"
#include "read/article.h"
#include "read/records.h"
#include "store/corrections.h"
#include "store/store.h"

bool record_corrections_maybe(const char *path)
{
    if (strcmp(path, "-") == 0)
        return false; /* stdin was read once already */
    FILE *f = fopen(path, "rb");
    char head[16] = "";
    size_t n = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    const char *p = head;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        n -= 3;
    }
    return n >= 10 && memcmp(p, "{\"sitrep\":", 10) == 0;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, used = 0;
    char *buf = malloc(cap);
    while (buf) {
        used += fread(buf + used, 1, cap - used, f);
        if (used < cap || cap > ARTICLE_MAX_INPUT)
            break;
        char *g = realloc(buf, cap * 2);
        if (!g) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = g;
        cap *= 2;
    }
    fclose(f);
    *len = used;
    return buf;
}

struct replay {
    struct store *s;
    struct correction *existing;
    long n_existing;
    struct record_corrections_stats *st;
};

static bool same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool already_there(const struct replay *r, const struct correction *c)
{
    for (long i = 0; i < r->n_existing; i++) {
        const struct correction *e = &r->existing[i];
        if (e->op == c->op && e->article == c->article && e->other == c->other &&
            e->kind == c->kind && e->n == c->n && same_text(e->value, c->value))
            return true;
    }
    return false;
}

static int64_t article_by_hash(struct store *s, const char *hash)
{
    return hash && strlen(hash) == 64 ? store_find_hash(s, hash) : 0;
}

/* A record as a correction; false when it is malformed or names an article not stored. */
static bool correction_from_record(struct store *s, const struct jvalue *v, struct correction *c)
{
    memset(c, 0, sizeof *c);
    int op = correction_op_from_name(jget_string(v, "op"));
    c->article = article_by_hash(s, jget_string(v, "article"));
    const char *other = jget_string(v, "other");
    c->other = other ? article_by_hash(s, other) : 0;
    const char *kind = jget_string(v, "kind");
    int k = kind ? figure_kind_from_name(kind) : -1;
    if (op < 0 || c->article <= 0 || (other && c->other <= 0) || (kind && k < 0))
        return false;
    c->op = (enum correction_op)op;
    c->kind = k < 0 ? FIG_KILLED : (enum figure_kind)k;
    c->n = (long)jget_number(v, "n", (double)FACT_NONE);
    const char *value = jget_string(v, "value");
    c->value = value ? strdup(value) : NULL;
    return !value || c->value;
}

static int replay_one(const struct jvalue *v, void *ctx)
{
    struct replay *r = ctx;
    if (jget_bool(v, "undone", false))
        return 0; /* what was tried and taken back stays with its author */
    struct correction c;
    char err[160];
    if (!correction_from_record(r->s, v, &c))
        r->st->failed++;
    else if (already_there(r, &c))
        r->st->present++;
    else if (corrections_add(r->s, &c, err, sizeof err) == 0)
        r->st->added++;
    else
        r->st->failed++;
    correction_clear(&c);
    return 0;
}

int record_corrections_apply(struct store *s, const char *path, struct record_corrections_stats *st,
                             char *err, size_t errlen)
{
    size_t len = 0;
    char *buf = read_file(path, &len);
    if (!buf) {
        snprintf(err, errlen, "%s", errno ? strerror(errno) : "out of memory");
        return -1;
    }
    struct replay r = {.s = s, .st = st};
    r.n_existing = corrections_load(s, 0, &r.existing);
    if (r.n_existing < 0) {
        free(buf);
        snprintf(err, errlen, "cannot read the collection's corrections");
        return -1;
    }
    records_each(buf, len, "correction", replay_one, &r);
    corrections_free(r.existing, (size_t)r.n_existing);
    free(buf);
    return 0;
}
