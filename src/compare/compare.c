/* compare.c: two reports' facts side by side, and their aligned sentences. */
#include "compare/compare.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

const char *compare_status_name(enum compare_status s)
{
    static const char *const names[] = {"agree", "differ", "only A", "only B"};
    return (unsigned)s < 4 ? names[s] : "?";
}

const char *compare_presence_name(enum compare_status s)
{
    static const char *const names[] = {"both", "both", "only A", "only B"};
    return (unsigned)s < 4 ? names[s] : "?";
}

const char *compare_status_key(enum compare_status s)
{
    static const char *const names[] = {"agree", "differ", "only_a", "only_b"};
    return (unsigned)s < 4 ? names[s] : "?";
}

const char *compare_presence_key(enum compare_status s)
{
    static const char *const names[] = {"both", "both", "a", "b"};
    return (unsigned)s < 4 ? names[s] : "?";
}

/* ---- figures ---- */

/* The words news text uses for the vague counts FACTS.md maps to numbers. */
static const char *vague_word(long n)
{
    switch (n) {
    case 12:
        return "a dozen";
    case 24:
        return "dozens";
    case 40:
        return "scores";
    case 100:
        return "a hundred or more";
    case 200:
        return "hundreds";
    case 2000:
        return "thousands";
    default:
        return NULL;
    }
}

void compare_format_figure(const struct figure_fact *f, char *buf, size_t len)
{
    const char *w;
    switch (f->qualifier) {
    case Q_AT_LEAST:
        snprintf(buf, len, "at least %ld", f->n);
        break;
    case Q_MORE_THAN:
        snprintf(buf, len, "more than %ld", f->n);
        break;
    case Q_ABOUT:
        snprintf(buf, len, "some %ld", f->n);
        break;
    case Q_UP_TO:
        snprintf(buf, len, "up to %ld", f->max != FACT_NONE ? f->max : f->n);
        break;
    case Q_RANGE:
        snprintf(buf, len, "%ld-%ld", f->min, f->max);
        break;
    case Q_VAGUE:
        /* the word as the report wrote it ("many", "a few"), else the one its number names */
        w = f->text ? figure_vague_word(f->qualifier, f->n, f->text) : NULL;
        if (!w)
            w = f->n == FACT_NONE ? "several" : vague_word(f->n);
        if (w)
            snprintf(buf, len, "%s", w);
        else
            snprintf(buf, len, "%ld or more", f->n);
        break;
    default:
        snprintf(buf, len, "%ld", f->n);
    }
}

static bool bounded(const struct figure_fact *f)
{
    return f->qualifier == Q_EXACT || f->qualifier == Q_RANGE;
}

/* Two figures say the same thing: the same number, "about" within a tenth, or two bounded
 * ranges that meet. Open-ended figures ("more than 138") agree only on the same number, so
 * 138 against 260 reads as a difference, which is what a reader reconciling them needs. */
static bool same_figure(const struct figure_fact *a, const struct figure_fact *b)
{
    if (a->n == FACT_NONE || b->n == FACT_NONE)
        return a->n == b->n;
    if (a->n == b->n)
        return true;
    if (a->qualifier == Q_ABOUT || b->qualifier == Q_ABOUT) {
        long hi = a->n > b->n ? a->n : b->n, lo = a->n > b->n ? b->n : a->n;
        return (double)(hi - lo) <= 0.1 * (double)hi;
    }
    if (bounded(a) && bounded(b)) {
        long amin = a->min != FACT_NONE ? a->min : a->n, amax = a->max != FACT_NONE ? a->max : a->n;
        long bmin = b->min != FACT_NONE ? b->min : b->n, bmax = b->max != FACT_NONE ? b->max : b->n;
        return amin <= bmax && bmin <= amax;
    }
    return false;
}

static int collect_kind(const struct facts *f, enum figure_kind k, const struct figure_fact ***out,
                        size_t *n)
{
    *out = calloc(f->n_figures + 1, sizeof **out);
    *n = 0;
    if (!*out)
        return -1;
    for (size_t i = 0; i < f->n_figures; i++)
        if (f->figures[i].kind == k)
            (*out)[(*n)++] = &f->figures[i];
    return 0;
}

static int figures_by_kind(const struct facts *fa, const struct facts *fb, struct comparison *c)
{
    for (int k = 0; k < FIG_KIND_COUNT; k++) {
        struct compare_figures *row = &c->figures[c->n_figures];
        row->kind = (enum figure_kind)k;
        if (collect_kind(fa, row->kind, &row->a, &row->n_a) < 0 ||
            collect_kind(fb, row->kind, &row->b, &row->n_b) < 0)
            return -1;
        if (!row->n_a && !row->n_b) {
            free(row->a);
            free(row->b);
            memset(row, 0, sizeof *row);
            continue;
        }
        if (!row->n_b)
            row->status = COMPARE_ONLY_A;
        else if (!row->n_a)
            row->status = COMPARE_ONLY_B;
        else {
            row->status = COMPARE_DIFFER;
            for (size_t i = 0; i < row->n_a; i++)
                for (size_t j = 0; j < row->n_b; j++)
                    if (same_figure(row->a[i], row->b[j]))
                        row->status = COMPARE_AGREE;
        }
        c->n_figures++;
    }
    return 0;
}

/* ---- names: places, actors, dates ---- */

struct named {
    const char *name;
    int64_t gid;
    int sentence;
};

static bool same_name(const struct named *x, const struct named *y)
{
    if (x->gid > 0 && y->gid > 0)
        return x->gid == y->gid;
    char a[256], b[256];
    text_fold(x->name, strlen(x->name), a, sizeof a);
    text_fold(y->name, strlen(y->name), b, sizeof b);
    return strcmp(a, b) == 0;
}

static int push_name(struct compare_name **list, size_t *n, const struct named *x,
                     enum compare_status st, int sa, int sb)
{
    struct compare_name *p = realloc(*list, (*n + 1) * sizeof *p);
    if (!p)
        return -1;
    *list = p;
    p[(*n)++] = (struct compare_name){x->name, st, sa, sb};
    return 0;
}

/* Both first (in A's order), then only A, then only B. */
static int compare_names(const struct named *a, size_t na, const struct named *b, size_t nb,
                         struct compare_name **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    bool *used = calloc(nb + 1, sizeof *used);
    int *match = calloc(na + 1, sizeof *match);
    if (!used || !match) {
        free(used);
        free(match);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < na; i++) {
        match[i] = -1;
        for (size_t j = 0; j < nb && match[i] < 0; j++)
            if (!used[j] && same_name(&a[i], &b[j])) {
                match[i] = (int)j;
                used[j] = true;
            }
    }
    for (size_t i = 0; i < na && rc == 0; i++)
        if (match[i] >= 0)
            rc = push_name(out, n_out, &a[i], COMPARE_AGREE, a[i].sentence, b[match[i]].sentence);
    for (size_t i = 0; i < na && rc == 0; i++)
        if (match[i] < 0)
            rc = push_name(out, n_out, &a[i], COMPARE_ONLY_A, a[i].sentence, -1);
    for (size_t j = 0; j < nb && rc == 0; j++)
        if (!used[j])
            rc = push_name(out, n_out, &b[j], COMPARE_ONLY_B, -1, b[j].sentence);
    free(used);
    free(match);
    return rc;
}

static struct named *places_of(const struct facts *f)
{
    struct named *n = calloc(f->n_places + 1, sizeof *n);
    for (size_t i = 0; n && i < f->n_places; i++)
        n[i] = (struct named){f->places[i].name ? f->places[i].name : "", f->places[i].gazetteer_id,
                              f->places[i].first_sentence};
    return n;
}

static struct named *actors_of(const struct facts *f)
{
    struct named *n = calloc(f->n_actors + 1, sizeof *n);
    for (size_t i = 0; n && i < f->n_actors; i++)
        n[i] = (struct named){f->actors[i].name ? f->actors[i].name : "", 0,
                              f->actors[i].first_sentence};
    return n;
}

/* A date is its resolved value, else its weekday, else its words; repeats count once. */
static struct named *dates_of(const struct facts *f, size_t *n_out)
{
    struct named *n = calloc(f->n_dates + 1, sizeof *n);
    size_t k = 0;
    for (size_t i = 0; n && i < f->n_dates; i++) {
        const struct date_fact *d = &f->dates[i];
        const char *v = d->value ? d->value : d->weekday ? d->weekday : d->text;
        if (!v)
            continue;
        bool dup = false;
        for (size_t j = 0; j < k && !dup; j++)
            dup = strcmp(n[j].name, v) == 0;
        if (!dup)
            n[k++] = (struct named){v, 0, d->sentence};
    }
    *n_out = k;
    return n;
}

static int compare_all_names(const struct facts *fa, const struct facts *fb, struct comparison *c)
{
    struct named *a = places_of(fa), *b = places_of(fb);
    int rc =
        a && b ? compare_names(a, fa->n_places, b, fb->n_places, &c->places, &c->n_places) : -1;
    free(a);
    free(b);
    a = actors_of(fa);
    b = actors_of(fb);
    if (rc == 0)
        rc =
            a && b ? compare_names(a, fa->n_actors, b, fb->n_actors, &c->actors, &c->n_actors) : -1;
    free(a);
    free(b);
    size_t na = 0, nb = 0;
    a = dates_of(fa, &na);
    b = dates_of(fb, &nb);
    if (rc == 0)
        rc = a && b ? compare_names(a, na, b, nb, &c->dates, &c->n_dates) : -1;
    free(a);
    free(b);
    return rc;
}

/* ---- sentence alignment ---- */

/* What one sentence carries: figure kinds (bits), places and actors (indexes into the
 * comparison's shared-name lists, as bits of up to 64), and its folded words. */
struct sent_facts {
    bool any_place; /* names some place, shared or not */
    unsigned kinds;
    uint64_t places, actors;
    long numbers[4];
    int n_numbers;
};

static void note_number(struct sent_facts *s, long n)
{
    if (n != FACT_NONE && s->n_numbers < 4)
        s->numbers[s->n_numbers++] = n;
}

/* Marks, for one side, which shared names each sentence mentions. Uses the mentions when
 * the extractor gave them, else each fact's first sentence. */
static void mark_names(struct sent_facts *sf, size_t n_sent, const struct facts *f,
                       const struct compare_name *names, size_t n_names, bool side_b, bool places)
{
    for (size_t k = 0; k < n_names && k < 64; k++) {
        if (names[k].status != COMPARE_AGREE)
            continue;
        struct named want = {names[k].name, 0, 0};
        bool any = false;
        for (size_t m = 0; m < f->n_mentions; m++) {
            const struct mention *mn = &f->mentions[m];
            if (mn->type != (places ? MENTION_PLACE : MENTION_ACTOR) || mn->sentence < 0 ||
                (size_t)mn->sentence >= n_sent)
                continue;
            size_t count = places ? f->n_places : f->n_actors;
            if (mn->index < 0 || (size_t)mn->index >= count)
                continue;
            struct named have = {places ? f->places[mn->index].name : f->actors[mn->index].name, 0,
                                 0};
            if (have.name && same_name(&have, &want)) {
                uint64_t bit = 1ULL << k;
                if (places)
                    sf[mn->sentence].places |= bit;
                else
                    sf[mn->sentence].actors |= bit;
                any = true;
            }
        }
        int first = side_b ? names[k].sentence_b : names[k].sentence_a;
        if (!any && first >= 0 && (size_t)first < n_sent) {
            if (places)
                sf[first].places |= 1ULL << k;
            else
                sf[first].actors |= 1ULL << k;
        }
    }
}

static struct sent_facts *sentence_facts(const struct article *art, const struct facts *f,
                                         const struct comparison *c, bool side_b)
{
    size_t n = art->n_sentences ? art->n_sentences : 1;
    struct sent_facts *sf = calloc(n, sizeof *sf);
    if (!sf)
        return NULL;
    for (size_t i = 0; i < f->n_figures; i++) {
        int s = f->figures[i].sentence;
        if (s >= 0 && (size_t)s < n) {
            sf[s].kinds |= 1u << f->figures[i].kind;
            note_number(&sf[s], f->figures[i].n);
        }
    }
    for (size_t m = 0; m < f->n_mentions; m++)
        if (f->mentions[m].type == MENTION_PLACE && f->mentions[m].sentence >= 0 &&
            (size_t)f->mentions[m].sentence < n)
            sf[f->mentions[m].sentence].any_place = true;
    for (size_t p = 0; p < f->n_places; p++)
        if (f->places[p].first_sentence >= 0 && (size_t)f->places[p].first_sentence < n)
            sf[f->places[p].first_sentence].any_place = true;
    mark_names(sf, n, f, c->places, c->n_places, side_b, true);
    mark_names(sf, n, f, c->actors, c->n_actors, side_b, false);
    return sf;
}

static int popcount64(uint64_t x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* Shared figure kinds weigh most (the sentences that state the tolls), then a shared
 * number, then places and actors in common. */
static double pair_score(const struct sent_facts *x, const struct sent_facts *y, char *why,
                         size_t len)
{
    unsigned kinds = x->kinds & y->kinds;
    uint64_t places = x->places & y->places, actors = x->actors & y->actors;
    /* two sentences set in different places report different things, whatever they count */
    if (x->any_place && y->any_place && !places)
        return 0;
    double s = 3.0 * popcount64(kinds) + 1.0 * popcount64(places) + 0.5 * popcount64(actors);
    bool same_number = false;
    for (int i = 0; i < x->n_numbers; i++)
        for (int j = 0; j < y->n_numbers; j++)
            same_number |= x->numbers[i] == y->numbers[j];
    if (same_number)
        s += 2;
    if (why && len) {
        why[0] = 0;
        size_t used = 0;
        for (int k = 0; k < FIG_KIND_COUNT; k++)
            if (kinds & (1u << k))
                used += (size_t)snprintf(why + used, used < len ? len - used : 0, "%s%s",
                                         used ? ", " : "", figure_kind_name((enum figure_kind)k));
        if (popcount64(places) && used < len)
            used += (size_t)snprintf(why + used, len - used, "%splaces", used ? ", " : "");
        if (popcount64(actors) && used < len)
            snprintf(why + used, len - used, "%sactors", used ? ", " : "");
    }
    return s;
}

static int pair_by_score_desc(const void *x, const void *y)
{
    const struct compare_pair *a = x, *b = y;
    if (a->score != b->score)
        return (a->score < b->score) - (a->score > b->score);
    return (a->a > b->a) - (a->a < b->a);
}

static int pair_by_sentence_a(const void *x, const void *y)
{
    const struct compare_pair *a = x, *b = y;
    return (a->a > b->a) - (a->a < b->a);
}

/* Sentences align when they share a figure kind, or a place and something more; each
 * sentence is used once, strongest pairs first. */
#define ALIGN_MIN 2.0

/* Sentences that carry something to align on, at most MAX_ALIGNED of them: a pair scores
 * only on shared facts, and every pair of sentences is scored, so two hostile texts of
 * 500,000 sentences each would otherwise take hours. News has a few dozen such
 * sentences. Returns the count; *out is malloc'd. */
#define MAX_ALIGNED 3000

static size_t factful_sentences(const struct sent_facts *sf, size_t n, size_t **out)
{
    size_t *v = malloc((n < MAX_ALIGNED ? n : MAX_ALIGNED) * sizeof *v + 1), k = 0;
    for (size_t i = 0; v && i < n && k < MAX_ALIGNED; i++)
        if (sf[i].kinds || sf[i].places || sf[i].actors || sf[i].n_numbers)
            v[k++] = i;
    *out = v;
    return k;
}

static int align(const struct article *a, const struct facts *fa, const struct article *b,
                 const struct facts *fb, struct comparison *c)
{
    size_t na = a->n_sentences ? a->n_sentences : 1, nb = b->n_sentences ? b->n_sentences : 1;
    struct sent_facts *sa = sentence_facts(a, fa, c, false), *sb = sentence_facts(b, fb, c, true);
    size_t *ia = NULL, *ib = NULL;
    size_t ka = sa ? factful_sentences(sa, na, &ia) : 0,
           kb = sb ? factful_sentences(sb, nb, &ib) : 0;
    struct compare_pair *cand = NULL;
    size_t n_cand = 0, cap = 0;
    int rc = sa && sb && ia && ib ? 0 : -1;
    for (size_t x = 0; x < ka && rc == 0; x++)
        for (size_t y = 0; y < kb && rc == 0; y++) {
            size_t i = ia[x], j = ib[y];
            struct compare_pair p = {(int)i, (int)j, 0, ""};
            p.score = pair_score(&sa[i], &sb[j], p.why, sizeof p.why);
            if (p.score < ALIGN_MIN)
                continue;
            if (n_cand == cap) {
                cap = cap ? cap * 2 : 64;
                struct compare_pair *g = realloc(cand, cap * sizeof *g);
                if (!g) {
                    rc = -1;
                    break;
                }
                cand = g;
            }
            cand[n_cand++] = p;
        }
    if (rc == 0 && n_cand) {
        qsort(cand, n_cand, sizeof *cand, pair_by_score_desc);
        bool *used_a = calloc(na, 1), *used_b = calloc(nb, 1);
        c->pairs = calloc(n_cand, sizeof *c->pairs);
        if (!used_a || !used_b || !c->pairs)
            rc = -1;
        for (size_t k = 0; rc == 0 && k < n_cand; k++) {
            if (used_a[cand[k].a] || used_b[cand[k].b])
                continue;
            used_a[cand[k].a] = used_b[cand[k].b] = true;
            c->pairs[c->n_pairs++] = cand[k];
        }
        if (c->pairs)
            qsort(c->pairs, c->n_pairs, sizeof *c->pairs, pair_by_sentence_a);
        free(used_a);
        free(used_b);
    }
    free(cand);
    free(ia);
    free(ib);
    free(sa);
    free(sb);
    return rc;
}

int compare_build(const struct article *a, const struct facts *fa, const struct article *b,
                  const struct facts *fb, struct comparison *out)
{
    memset(out, 0, sizeof *out);
    int rc = figures_by_kind(fa, fb, out);
    if (rc == 0)
        rc = compare_all_names(fa, fb, out);
    if (rc == 0)
        rc = align(a, fa, b, fb, out);
    if (rc < 0)
        compare_free(out);
    return rc;
}

void compare_free(struct comparison *c)
{
    for (size_t i = 0; i < c->n_figures; i++) {
        free(c->figures[i].a);
        free(c->figures[i].b);
    }
    free(c->places);
    free(c->actors);
    free(c->dates);
    free(c->pairs);
    memset(c, 0, sizeof *c);
}

int compare_follow(const struct comparison *c, int sentence, int from_b)
{
    int best = -1, best_key = -1;
    for (size_t i = 0; i < c->n_pairs; i++) {
        int key = from_b ? c->pairs[i].b : c->pairs[i].a;
        int other = from_b ? c->pairs[i].a : c->pairs[i].b;
        if (key <= sentence && key > best_key) {
            best_key = key;
            best = other;
        }
    }
    return best;
}
