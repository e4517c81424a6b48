/* day_tally.c: figures summed by day, week or month in one pass (see day_tally.h). */
#include "store/day_tally.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/facts.h"

/* The report a bucket opens: compared killed first, then size, then the lower article. */
struct best {
    bool killed;
    long size;
    int64_t aid;
    int sentence;
};

/* One day of the article being read. */
struct article_day {
    char day[11];
    long killed, wounded; /* the article's own of each kind that day, -1 when none */
    int killed_sentence, wounded_sentence;
    struct best best;
};

struct bucket {
    char key[11]; /* empty: a free slot */
    long killed, wounded;
    int reports;
    int64_t last_aid; /* so that an article counts once per bucket */
    struct best best;
};

struct day_tally {
    enum zoom zoom;
    int64_t aid; /* the article being read, 0 before the first */
    /* the article's rows without a full date: its figures if no row of it has one, so an
     * undated report is counted under "undated" rather than dropped without a word */
    struct article_day undated;
    bool has_undated;
    struct article_day *days;
    size_t n_days, cap_days;
    struct bucket *buckets; /* open addressing; cap a power of two */
    size_t n_buckets, cap_buckets;
};

struct day_tally *day_tally_new(enum zoom zoom)
{
    struct day_tally *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->zoom = zoom;
    t->cap_buckets = 1024;
    t->buckets = calloc(t->cap_buckets, sizeof *t->buckets);
    if (!t->buckets) {
        free(t);
        return NULL;
    }
    return t;
}

void day_tally_free(struct day_tally *t)
{
    if (!t)
        return;
    free(t->days);
    free(t->buckets);
    free(t);
}

static bool better(const struct best *x, const struct best *y)
{
    if (x->killed != y->killed)
        return x->killed;
    if (x->size != y->size)
        return x->size > y->size;
    return x->aid < y->aid;
}

static bool is_digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* "YYYY-MM-DD" at the start of s. */
static bool is_day(const char *s)
{
    return s && strlen(s) >= 10 && is_digits(s, 4) && s[4] == '-' && is_digits(s + 5, 2) &&
           s[7] == '-' && is_digits(s + 8, 2);
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back: the usual arithmetic over
 * 400-year eras counted from March, so that the leap day falls at the end of a year. */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* The bucket a day falls in: itself, its week's Monday, or its month. */
static void bucket_key(enum zoom zoom, const char *day, char key[11])
{
    if (strcmp(day, DAY_TALLY_UNDATED) == 0) {
        snprintf(key, 11, "%s", DAY_TALLY_UNDATED);
        return;
    }
    if (zoom == ZOOM_MONTH) {
        memcpy(key, day, 7);
        key[7] = '\0';
        return;
    }
    memcpy(key, day, 10);
    key[10] = '\0';
    if (zoom != ZOOM_WEEK)
        return;
    long z = days_from_civil(atol(day), atol(day + 5), atol(day + 8));
    long weekday = ((z % 7) + 7 + 3) % 7; /* 0 Monday: 1970-01-01 was a Thursday */
    long y, m, d;
    civil_from_days(z - weekday, &y, &m, &d);
    /* (the day came from four digits, so the Monday before it has four too) */
    snprintf(key, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
}

static size_t hash_key(const char *key)
{
    size_t h = 5381;
    for (; *key; key++)
        h = h * 33 + (unsigned char)*key;
    return h;
}

static struct bucket *find_slot(struct bucket *v, size_t cap, const char *key)
{
    size_t i = hash_key(key) & (cap - 1);
    while (v[i].key[0] && strcmp(v[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &v[i];
}

static int grow_buckets(struct day_tally *t)
{
    size_t cap = t->cap_buckets * 2;
    struct bucket *v = calloc(cap, sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < t->cap_buckets; i++)
        if (t->buckets[i].key[0])
            *find_slot(v, cap, t->buckets[i].key) = t->buckets[i];
    free(t->buckets);
    t->buckets = v;
    t->cap_buckets = cap;
    return 0;
}

static struct bucket *bucket_for(struct day_tally *t, const char *key)
{
    if (2 * (t->n_buckets + 1) > t->cap_buckets && grow_buckets(t) < 0)
        return NULL;
    struct bucket *b = find_slot(t->buckets, t->cap_buckets, key);
    if (!b->key[0]) {
        memset(b, 0, sizeof *b);
        snprintf(b->key, sizeof b->key, "%s", key);
        t->n_buckets++;
    }
    return b;
}

/* What the article offers its bucket to open: its own killed figure, else its own
 * wounded one, else (no casualty figure that day) the best of its other rows. */
static struct best own_best(const struct article_day *ad, int64_t aid)
{
    if (ad->killed >= 0)
        return (struct best){true, ad->killed, aid, ad->killed_sentence};
    if (ad->wounded >= 0)
        return (struct best){false, ad->wounded, aid, ad->wounded_sentence};
    return ad->best;
}

/* Adds the days of the article just read to their buckets. */
static int flush_article(struct day_tally *t)
{
    if (t->n_days == 0 && t->has_undated) {
        t->days[0] = t->undated; /* the array has room: see start_undated */
        t->n_days = 1;
    }
    t->has_undated = false;
    for (size_t i = 0; i < t->n_days; i++) {
        const struct article_day *ad = &t->days[i];
        char key[11];
        bucket_key(t->zoom, ad->day, key);
        struct bucket *b = bucket_for(t, key);
        if (!b)
            return -1;
        if (b->last_aid != t->aid) {
            b->reports++;
            b->last_aid = t->aid;
        }
        b->killed += ad->killed > 0 ? ad->killed : 0;
        b->wounded += ad->wounded > 0 ? ad->wounded : 0;
        struct best own = own_best(ad, t->aid);
        if (b->best.aid == 0 || better(&own, &b->best))
            b->best = own;
    }
    t->n_days = 0;
    return 0;
}

static struct article_day *day_of_article(struct day_tally *t, const char *day)
{
    for (size_t i = 0; i < t->n_days; i++)
        if (memcmp(t->days[i].day, day, 10) == 0)
            return &t->days[i];
    if (t->n_days == t->cap_days) {
        size_t cap = t->cap_days ? t->cap_days * 2 : 8;
        struct article_day *v = realloc(t->days, cap * sizeof *v);
        if (!v)
            return NULL;
        t->days = v;
        t->cap_days = cap;
    }
    struct article_day *ad = &t->days[t->n_days++];
    memcpy(ad->day, day, 10);
    ad->day[10] = '\0';
    ad->killed = ad->wounded = -1;
    ad->best.aid = 0;
    return ad;
}

/* The current article's undated rows, kept apart until the article ends; makes sure the
 * days array can take them then. */
static struct article_day *undated_of_article(struct day_tally *t)
{
    if (t->cap_days == 0) {
        t->days = malloc(4 * sizeof *t->days);
        if (!t->days)
            return NULL;
        t->cap_days = 4;
    }
    if (!t->has_undated) {
        memset(&t->undated, 0, sizeof t->undated);
        snprintf(t->undated.day, sizeof t->undated.day, "%s", DAY_TALLY_UNDATED);
        t->undated.killed = t->undated.wounded = -1;
        t->has_undated = true;
    }
    return &t->undated;
}

/* Keeps the figure (size, sentence) in *own when it is the report's own rather than
 * *own's (figure_outranks): the headline's 14 killed, not the "hundreds" recalled below. */
static void keep_own(long *own, int *own_sentence, long size, int sentence)
{
    if (*own < 0 || figure_outranks(size, sentence, *own, *own_sentence)) {
        *own = size;
        *own_sentence = sentence;
    }
}

int day_tally_add(struct day_tally *t, int64_t aid, const char *day, enum tally_kind kind,
                  long size, int sentence)
{
    if (aid != t->aid) {
        if (flush_article(t) < 0)
            return -1;
        t->aid = aid;
    }
    struct article_day *ad;
    if (!is_day(day)) {
        ad = undated_of_article(t);
        if (!ad)
            return -1;
    } else {
        ad = day_of_article(t, day);
    }
    if (!ad)
        return -1;
    if (kind == TALLY_KILLED)
        keep_own(&ad->killed, &ad->killed_sentence, size, sentence);
    if (kind == TALLY_WOUNDED)
        keep_own(&ad->wounded, &ad->wounded_sentence, size, sentence);
    struct best b = {kind == TALLY_KILLED, size, aid, sentence};
    if (ad->best.aid == 0 || better(&b, &ad->best))
        ad->best = b;
    return 0;
}

/* Newest first, the undated reports last. */
static int newest_first(const void *a, const void *b)
{
    const char *x = ((const struct timeline_row *)a)->bucket;
    const char *y = ((const struct timeline_row *)b)->bucket;
    bool ux = strcmp(x, DAY_TALLY_UNDATED) == 0, uy = strcmp(y, DAY_TALLY_UNDATED) == 0;
    if (ux || uy)
        return ux - uy;
    return strcmp(y, x);
}

int day_tally_finish(struct day_tally *t, struct timeline_row **rows)
{
    *rows = NULL;
    if (flush_article(t) < 0)
        return -1;
    struct timeline_row *v = calloc(t->n_buckets ? t->n_buckets : 1, sizeof *v);
    if (!v)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < t->cap_buckets; i++) {
        const struct bucket *b = &t->buckets[i];
        if (!b->key[0])
            continue;
        struct timeline_row *r = &v[n++];
        snprintf(r->bucket, sizeof r->bucket, "%s", b->key);
        r->killed = b->killed;
        r->wounded = b->wounded;
        r->reports = b->reports;
        r->best_article = b->best.aid;
        r->best_sentence = b->best.sentence;
    }
    qsort(v, n, sizeof *v, newest_first);
    *rows = v;
    return (int)n;
}
