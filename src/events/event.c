/* event.c: grouping reports of one event (see event.h for the method). */
#include "events/event.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/salience.h"
#include "store/store.h"
#include "base/text.h"

/* ---- small helpers ---- */

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Folds a name so two spellings of one place or actor compare equal. */
static void fold_name(const char *s, char *out, size_t cap)
{
    if (!s) {
        out[0] = 0;
        return;
    }
    text_fold(s, strlen(s), out, cap);
}

static int64_t name_id(const char *name, const char *country_code)
{
    char buf[256];
    fold_name(name, buf, sizeof buf);
    uint64_t h = hash_bytes(buf, strlen(buf));
    if (country_code)
        h ^= hash_bytes(country_code, strlen(country_code)) * 31;
    /* negative, so it never collides with a gazetteer id */
    return -(int64_t)(h >> 2) - 1;
}

/* Days since 1970-01-01 of an ISO date, or INT32_MIN when not a full date. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static long iso_days(const char *s)
{
    /* called for every pair scored: parsed by hand, not with sscanf */
    if (!s || !s[0] || !s[1] || !s[2] || !s[3] || s[4] != '-' || !s[5] || !s[6] || s[7] != '-' ||
        !s[8] || !s[9])
        return INT32_MIN;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31)
        return INT32_MIN;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* qsort that accepts an empty (possibly NULL) array. */
static void sort_n(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/* Reasons text, appended to a fixed buffer. */
static void add_reason(char *buf, size_t len, const char *fmt, const char *arg, double v)
{
    if (!buf || !len)
        return;
    size_t used = strlen(buf);
    if (used + 4 >= len)
        return;
    if (used)
        used += (size_t)snprintf(buf + used, len - used, "; ");
    if (used >= len)
        return;
    if (arg)
        snprintf(buf + used, len - used, fmt, arg, v);
    else
        snprintf(buf + used, len - used, fmt, v);
}

/* ---- docs ---- */

/* Whether the padded title names the place by any of its spellings (salience.h). */
static bool title_names(const char *title_padded, const char *const *names, size_t n)
{
    for (size_t i = 0; title_padded && i < n; i++)
        if (padded_names(title_padded, names[i]))
            return true;
    return false;
}

/* The same, with spellings as the store keeps them: a JSON array of strings. */
static bool title_names_json(const char *title_padded, const char *name, const char *json)
{
    const char *one[1] = {name ? name : ""};
    if (title_names(title_padded, one, 1))
        return true;
    for (const char *p = json ? strchr(json, '"') : NULL; p; p = strchr(p, '"')) {
        const char *e = ++p;
        while (*e && *e != '"')
            e += *e == '\\' && e[1] ? 2 : 1;
        char *w = strndup(p, (size_t)(e - p));
        const char *cw = w;
        bool hit = w && title_names(title_padded, &cw, 1);
        free(w);
        if (hit)
            return true;
        p = *e ? e + 1 : e;
    }
    return false;
}

static int64_t chain_id(const struct place_ref *r, const char *cc)
{
    return r->gazetteer_id > 0 ? r->gazetteer_id : name_id(r->name, cc);
}

static int fill_place(struct ev_place *ep, const struct place_fact *p, const char *title_padded)
{
    ep->id = p->gazetteer_id > 0 ? p->gazetteer_id : name_id(p->name, p->country_code);
    ep->kind = p->kind;
    ep->name = dup_or_null(p->name);
    const char *name = p->name ? p->name : "";
    bool in_title = title_names(title_padded, &name, 1) ||
                    title_names(title_padded, (const char *const *)p->surface, p->n_surface);
    ep->salience = place_salience(p->count, p->first_sentence, p->kind, in_title, false);
    ep->ancestors = calloc(p->n_chain + 2, sizeof *ep->ancestors);
    if (!ep->ancestors)
        return -1;
    for (size_t j = 0; j < p->n_chain; j++)
        if (p->chain[j].kind != PLACE_COUNTRY)
            ep->ancestors[ep->n_ancestors++] = chain_id(&p->chain[j], p->country_code);
    /* without a chain, the admin1 name still tells us it nests */
    if (p->n_chain == 0 && p->admin1)
        ep->ancestors[ep->n_ancestors++] = name_id(p->admin1, p->country_code);
    return 0;
}

static void fill_figure(struct ev_figure *ef, const struct figure_fact *g)
{
    ef->kind = g->kind;
    ef->n = g->n;
    ef->min = g->min;
    ef->max = g->max;
    ef->qualifier = g->qualifier;
    ef->source = dup_or_null(g->source);
    ef->place = dup_or_null(g->place);
    ef->text = dup_or_null(g->text);
    ef->sentence = g->sentence;
}

int ev_doc_from_facts(struct ev_doc *d, int64_t id, const char *title, const char *date,
                      const char *source, const char *text, const struct facts *f)
{
    memset(d, 0, sizeof *d);
    d->id = id;
    d->title = strdup(title ? title : "");
    d->date = dup_or_null(date);
    d->source = dup_or_null(source);
    d->text = strdup(text ? text : "");
    d->places = calloc(f->n_places + 1, sizeof *d->places);
    d->actors = calloc(f->n_actors + 1, sizeof *d->actors);
    d->figures = calloc(f->n_figures + 1, sizeof *d->figures);
    d->event_days = calloc(f->n_figures + 1, sizeof *d->event_days);
    if (!d->title || !d->text || !d->places || !d->actors || !d->figures || !d->event_days)
        return -1;
    char *title_padded = salience_padded(d->title);
    for (size_t i = 0; i < f->n_places; i++)
        if (fill_place(&d->places[d->n_places++], &f->places[i], title_padded) < 0) {
            free(title_padded);
            return -1;
        }
    free(title_padded);
    for (size_t i = 0; i < f->n_actors; i++)
        d->actors[d->n_actors++] = strdup(f->actors[i].name ? f->actors[i].name : "");
    for (size_t i = 0; i < f->n_figures; i++) {
        fill_figure(&d->figures[d->n_figures++], &f->figures[i]);
        d->figure_kinds[f->figures[i].kind]++;
        if (iso_days(f->figures[i].date) != INT32_MIN)
            d->event_days[d->n_event_days++] = (int32_t)iso_days(f->figures[i].date);
    }
    return 0;
}

static void free_figure(struct ev_figure *f)
{
    free(f->source);
    free(f->place);
    free(f->text);
}

void ev_doc_free(struct ev_doc *d)
{
    free(d->title);
    free(d->date);
    free(d->source);
    free(d->dateline);
    free(d->text);
    for (size_t i = 0; i < d->n_places; i++) {
        free(d->places[i].name);
        free(d->places[i].ancestors);
    }
    free(d->places);
    for (size_t i = 0; i < d->n_actors; i++)
        free(d->actors[i]);
    free(d->actors);
    for (size_t i = 0; i < d->n_figures; i++)
        free_figure(&d->figures[i]);
    free(d->figures);
    free(d->event_days);
    free(d->terms);
    free(d->weights);
    free(d->days);
    memset(d, 0, sizeof *d);
}

void ev_docs_free(struct ev_doc *docs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ev_doc_free(&docs[i]);
    free(docs);
}

/* ---- kinds of event, from trigger words (stems over folded text) ---- */

static const char *const kind_names[EVK_COUNT] = {
    "airstrike", "bombing", "clash", "shelling", "recapture", "convoy", "kidnapping", "execution",
};

const char *ev_kind_name(enum ev_kind k)
{
    return (unsigned)k < EVK_COUNT ? kind_names[k] : "event";
}

struct trigger {
    const char *stem;
    enum ev_kind kind;
};

/* Stems match the start of a folded word; two-word triggers match across one space. */
static const struct trigger triggers[] = {
    {"airstrike", EVK_AIRSTRIKE},
    {"air strike", EVK_AIRSTRIKE},
    {"air raid", EVK_AIRSTRIKE},
    {"warplane", EVK_AIRSTRIKE},
    {"jets", EVK_AIRSTRIKE},
    {"helicopter", EVK_AIRSTRIKE},
    {"drone", EVK_AIRSTRIKE},
    {"aircraft", EVK_AIRSTRIKE},
    {"bombard", EVK_AIRSTRIKE},
    {"sortie", EVK_AIRSTRIKE},
    {"aviation", EVK_AIRSTRIKE},
    {"bomb", EVK_BOMBING},
    {"suicide", EVK_BOMBING},
    {"explosi", EVK_BOMBING},
    {"blast", EVK_BOMBING},
    {"ied", EVK_BOMBING},
    {"detonat", EVK_BOMBING},
    {"explode", EVK_BOMBING},
    {"clash", EVK_CLASH},
    {"fighting", EVK_CLASH},
    {"gunmen", EVK_CLASH},
    {"gunfight", EVK_CLASH},
    {"firefight", EVK_CLASH},
    {"ambush", EVK_CLASH},
    {"battle", EVK_CLASH},
    {"skirmish", EVK_CLASH},
    {"shelling", EVK_SHELLING},
    {"shelled", EVK_SHELLING},
    {"artillery", EVK_SHELLING},
    {"mortar", EVK_SHELLING},
    {"rocket", EVK_SHELLING},
    {"missile", EVK_SHELLING},
    {"recaptur", EVK_RECAPTURE},
    {"retook", EVK_RECAPTURE},
    {"retake", EVK_RECAPTURE},
    {"liberat", EVK_RECAPTURE},
    {"regain", EVK_RECAPTURE},
    {"seized control", EVK_RECAPTURE},
    {"took control", EVK_RECAPTURE},
    {"captured", EVK_RECAPTURE},
    {"convoy", EVK_CONVOY},
    {"fleeing", EVK_CONVOY},
    {"fled", EVK_CONVOY},
    {"column of", EVK_CONVOY},
    {"kidnap", EVK_KIDNAPPING},
    {"abduct", EVK_KIDNAPPING},
    {"hostage", EVK_KIDNAPPING},
    {"execut", EVK_EXECUTION},
    {"behead", EVK_EXECUTION},
};

static bool word_start(const char *text, const char *p)
{
    return p == text || p[-1] == ' ' || p[-1] == '\n';
}

/* Counts triggers in folded text; the title (the first `title_len` bytes) counts thrice. */
static void count_kinds(const char *folded, size_t title_len, double kinds[EVK_COUNT])
{
    for (size_t t = 0; t < sizeof triggers / sizeof triggers[0]; t++) {
        size_t sl = strlen(triggers[t].stem);
        for (const char *p = strstr(folded, triggers[t].stem); p;
             p = strstr(p + sl, triggers[t].stem)) {
            if (!word_start(folded, p))
                continue;
            /* exact short stems ("jets", "ied") must end the word */
            if (sl <= 4 && p[sl] && p[sl] != ' ' && p[sl] != '\n')
                continue;
            kinds[triggers[t].kind] += (size_t)(p - folded) < title_len ? 3.0 : 1.0;
        }
    }
}

/* ---- terms: a string -> id table for the TF-IDF vocabulary ---- */

struct vocab {
    size_t n_stop; /* ids below this are stopwords */
    char **words;
    uint64_t *hashes;
    int32_t *slots; /* open addressing: index into words, -1 empty */
    size_t n, cap_words, n_slots;
    int32_t *df;
};

static const char *const stopwords[] = {
    "the",       "and",      "that",     "with",     "from",    "for",       "was",    "were",
    "have",      "has",      "had",      "this",     "they",    "their",     "them",   "said",
    "says",      "which",    "who",      "its",      "his",     "her",       "are",    "been",
    "not",       "but",      "also",     "after",    "into",    "over",      "than",   "more",
    "other",     "some",     "about",    "would",    "will",    "there",     "when",   "where",
    "while",     "all",      "one",      "two",      "out",     "most",      "such",   "being",
    "during",    "before",   "since",    "under",    "could",   "what",      "those",  "these",
    "then",      "only",     "both",     "any",      "him",     "she",       "our",    "can",
    "may",       "did",      "does",     "very",     "upon",    "per",       "told",   "according",
    "added",     "news",     "reported", "report",   "reports", "statement", "monday", "tuesday",
    "wednesday", "thursday", "friday",   "saturday", "sunday",  "week",      "day",    "days",
    "year",      "years",    "month",    "late",     "early",   "last",      "new",    "now",
};

static int32_t vocab_id(struct vocab *v, const char *w, size_t len, bool add);

static int vocab_init(struct vocab *v)
{
    memset(v, 0, sizeof *v);
    v->n_slots = 1 << 16;
    v->slots = malloc(v->n_slots * sizeof *v->slots);
    if (!v->slots)
        return -1;
    memset(v->slots, 0xff, v->n_slots * sizeof *v->slots);
    /* stopwords take the first ids, so skipping one is a comparison */
    for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
        if (vocab_id(v, stopwords[i], strlen(stopwords[i]), true) < 0)
            return -1;
    v->n_stop = v->n;
    return 0;
}

static void vocab_free(struct vocab *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->words[i]);
    free(v->words);
    free(v->hashes);
    free(v->slots);
    free(v->df);
}

static int vocab_rehash(struct vocab *v)
{
    size_t ns = v->n_slots * 2;
    int32_t *slots = malloc(ns * sizeof *slots);
    if (!slots)
        return -1;
    memset(slots, 0xff, ns * sizeof *slots);
    for (size_t i = 0; i < v->n; i++) {
        size_t s = v->hashes[i] & (ns - 1);
        while (slots[s] >= 0)
            s = (s + 1) & (ns - 1);
        slots[s] = (int32_t)i;
    }
    free(v->slots);
    v->slots = slots;
    v->n_slots = ns;
    return 0;
}

/* The id of word (adding it when `add`), or -1. */
static int32_t vocab_id(struct vocab *v, const char *w, size_t len, bool add)
{
    uint64_t h = hash_bytes(w, len);
    size_t s = h & (v->n_slots - 1);
    for (; v->slots[s] >= 0; s = (s + 1) & (v->n_slots - 1)) {
        int32_t i = v->slots[s];
        if (v->hashes[i] == h && strncmp(v->words[i], w, len) == 0 && v->words[i][len] == 0)
            return i;
    }
    if (!add)
        return -1;
    if (v->n == v->cap_words) {
        size_t nc = v->cap_words ? v->cap_words * 2 : 4096;
        char **nw = realloc(v->words, nc * sizeof *nw);
        if (!nw)
            return -1;
        v->words = nw;
        uint64_t *nh = realloc(v->hashes, nc * sizeof *nh);
        if (!nh)
            return -1;
        v->hashes = nh;
        int32_t *nd = realloc(v->df, nc * sizeof *nd);
        if (!nd)
            return -1;
        v->df = nd;
        v->cap_words = nc;
    }
    v->words[v->n] = strndup(w, len);
    if (!v->words[v->n])
        return -1;
    v->hashes[v->n] = h;
    v->df[v->n] = 0;
    v->slots[s] = (int32_t)v->n;
    int32_t id = (int32_t)v->n++;
    if (v->n * 2 > v->n_slots && vocab_rehash(v) < 0)
        return -1;
    return id;
}

struct term_count {
    int32_t id;
    float tf;
};

struct term_buf {
    struct term_count *items;
    size_t n, cap;
};

static int term_push(struct term_buf *b, int32_t id, float tf)
{
    if (id < 0)
        return -1;
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 256;
        struct term_count *p = realloc(b->items, nc * sizeof *p);
        if (!p)
            return -1;
        b->items = p;
        b->cap = nc;
    }
    b->items[b->n++] = (struct term_count){id, tf};
    return 0;
}

static int cmp_term(const void *a, const void *b)
{
    const struct term_count *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* Sorts and merges equal ids (summing tf). */
static void term_merge(struct term_buf *b)
{
    sort_n(b->items, b->n, sizeof *b->items, cmp_term);
    size_t o = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (o && b->items[o - 1].id == b->items[i].id)
            b->items[o - 1].tf += b->items[i].tf;
        else
            b->items[o++] = b->items[i];
    }
    b->n = o;
}

/* Adds a prefixed fact token ("p:fallujah") with weight w. */
static int push_fact_token(struct vocab *v, struct term_buf *b, char prefix, const char *name,
                           float w, bool add)
{
    char buf[200];
    buf[0] = prefix;
    buf[1] = ':';
    fold_name(name, buf + 2, sizeof buf - 2);
    int32_t id = vocab_id(v, buf, strlen(buf), add);
    return id < 0 ? (add ? -1 : 0) : term_push(b, id, w);
}

/* The doc's terms with raw weights: words of the folded text (title words count twice),
 * then places, actors and figure kinds, which weigh more than plain words. */
static int doc_terms(struct vocab *v, const struct ev_doc *d, const char *folded, size_t title_len,
                     struct term_buf *b, bool add)
{
    b->n = 0;
    for (const char *p = folded; *p;) {
        while (*p == ' ' || *p == '\n')
            p++;
        const char *w = p;
        bool digit = false;
        while (*p && *p != ' ' && *p != '\n') {
            digit |= (*p >= '0' && *p <= '9');
            p++;
        }
        size_t len = (size_t)(p - w);
        if (len < 3 || len > 40 || digit)
            continue;
        int32_t id = vocab_id(v, w, len, add);
        if (id >= 0 && (size_t)id < v->n_stop)
            continue;
        if (id >= 0 && term_push(b, id, (size_t)(w - folded) < title_len ? 2.0f : 1.0f) < 0)
            return -1;
        if (id < 0 && add)
            return -1;
    }
    for (size_t i = 0; i < d->n_places; i++)
        if (push_fact_token(v, b, 'p', d->places[i].name, (float)(2.0 * d->places[i].salience),
                            add) < 0)
            return -1;
    for (size_t i = 0; i < d->n_actors; i++)
        if (push_fact_token(v, b, 'a', d->actors[i], 2.0f, add) < 0)
            return -1;
    for (int k = 0; k < FIG_KIND_COUNT; k++)
        if (d->figure_kinds[k] && push_fact_token(v, b, 'f', figure_kind_name((enum figure_kind)k),
                                                  1.5f * (float)d->figure_kinds[k], add) < 0)
            return -1;
    term_merge(b);
    return 0;
}

/* Folded title + "\n" + text; *title_len is where the body starts. */
/* True for the marks that join a word rather than split it: ’ ‘ ʼ. */
static bool is_joining_mark(const char *s, size_t len)
{
    return (len == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0x98 || (unsigned char)s[2] == 0x99)) ||
           (len == 2 && (unsigned char)s[0] == 0xCA && (unsigned char)s[1] == 0xBC);
}

static void put_space(char *out, size_t *n)
{
    if (*n && out[*n - 1] != ' ')
        out[(*n)++] = ' ';
}

/* Folds words as text_fold does, but handles ASCII itself (most of news text) and hands
 * only non-ASCII runs to text_fold, which is slow for whole articles. Words are separated
 * by single spaces. out must hold 3 * len + 8 bytes. */
static size_t fold_words(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 8 < cap;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out[n++] = (char)c;
            else if (c >= 'A' && c <= 'Z')
                out[n++] = (char)(c - 'A' + 'a');
            else if (c != '\'' && c != '`')
                put_space(out, &n);
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && (unsigned char)s[j] >= 0x80)
            j++;
        if (!is_joining_mark(s + i, j - i)) {
            size_t f = text_fold(s + i, j - i, out + n, cap - n);
            if (f == 0)
                put_space(out, &n);
            n += f;
        }
        i = j;
    }
    out[n] = 0;
    return n;
}

static char *fold_doc(const struct ev_doc *d, const char *text, size_t *title_len)
{
    const char *t = d->title ? d->title : "";
    const char *x = text ? text : "";
    size_t tl = strlen(t), xl = strlen(x);
    size_t cap = (tl + xl) * 3 + 16;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t n = fold_words(t, tl, out, cap);
    out[n++] = '\n';
    *title_len = n;
    fold_words(x, xl, out + n, cap - n);
    return out;
}

#define EV_MAX_TERMS 64

static int cmp_weight_desc(const void *a, const void *b)
{
    const struct term_count *x = a, *y = b;
    return (x->tf < y->tf) - (x->tf > y->tf);
}

/* Keeps the heaviest terms, unit length, sorted by id for merge-style cosine. */
static int doc_set_vector(struct ev_doc *d, struct term_buf *b, const struct vocab *v,
                          size_t n_docs)
{
    for (size_t i = 0; i < b->n; i++) {
        double idf = log((1.0 + (double)n_docs) / (1.0 + v->df[b->items[i].id])) + 1.0;
        b->items[i].tf = (float)((1.0 + log(b->items[i].tf)) * idf);
    }
    sort_n(b->items, b->n, sizeof *b->items, cmp_weight_desc);
    size_t k = b->n < EV_MAX_TERMS ? b->n : EV_MAX_TERMS;
    sort_n(b->items, k, sizeof *b->items, cmp_term);
    double norm = 0;
    for (size_t i = 0; i < k; i++)
        norm += (double)b->items[i].tf * b->items[i].tf;
    norm = norm > 0 ? sqrt(norm) : 1;
    free(d->terms);
    free(d->weights);
    d->terms = malloc((k + 1) * sizeof *d->terms);
    d->weights = malloc((k + 1) * sizeof *d->weights);
    if (!d->terms || !d->weights)
        return -1;
    for (size_t i = 0; i < k; i++) {
        d->terms[i] = b->items[i].id;
        d->weights[i] = (float)(b->items[i].tf / norm);
    }
    d->n_terms = k;
    return 0;
}

static int set_days(struct ev_doc *d);

/* Pass one for one doc: fold its text once, count its kinds of event, keep its raw term
 * counts (in terms/weights) and count document frequencies. */
static int count_doc_terms(struct ev_doc *d, const char *text, struct vocab *v, struct term_buf *b)
{
    size_t title_len;
    char *folded = fold_doc(d, text, &title_len);
    if (!folded)
        return -1;
    memset(d->kinds, 0, sizeof d->kinds);
    count_kinds(folded, title_len, d->kinds);
    if (set_days(d) < 0) {
        free(folded);
        return -1;
    }
    int rc = doc_terms(v, d, folded, title_len, b, true);
    free(folded);
    if (rc < 0)
        return -1;
    free(d->terms);
    free(d->weights);
    d->terms = malloc((b->n + 1) * sizeof *d->terms);
    d->weights = malloc((b->n + 1) * sizeof *d->weights);
    if (!d->terms || !d->weights)
        return -1;
    for (size_t k = 0; k < b->n; k++) {
        d->terms[k] = b->items[k].id;
        d->weights[k] = b->items[k].tf;
        v->df[b->items[k].id]++;
    }
    d->n_terms = b->n;
    return 0;
}

/* Pass two: TF-IDF from the kept counts, heaviest terms only. */
static int weigh_terms(struct ev_doc *docs, size_t n, const struct vocab *v, struct term_buf *b)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        b->n = 0;
        for (size_t k = 0; rc == 0 && k < docs[i].n_terms; k++)
            rc = term_push(b, docs[i].terms[k], docs[i].weights[k]);
        if (rc == 0)
            rc = doc_set_vector(&docs[i], b, v, n);
    }
    return rc;
}

int ev_prepare(struct ev_doc *docs, size_t n, bool drop_text)
{
    struct vocab v;
    struct term_buf b = {0};
    if (vocab_init(&v) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rc = count_doc_terms(&docs[i], docs[i].text, &v, &b);
        if (drop_text) {
            free(docs[i].text);
            docs[i].text = NULL;
        }
    }
    if (rc == 0)
        rc = weigh_terms(docs, n, &v, &b);
    free(b.items);
    vocab_free(&v);
    return rc;
}

/* Pass one with each text read from db as it is needed, so that only one is ever held
 * (100,000 generated articles: their 360 MB of text never in memory at once). docs are in
 * id order, as ev_load_db gives them; a row without a doc (added since) is passed over. */
static int count_terms_db(sqlite3 *db, struct ev_doc *docs, size_t n, struct vocab *v,
                          struct term_buf *b)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT id, text FROM articles ORDER BY id", -1, &st, NULL) !=
        SQLITE_OK)
        return -1;
    size_t i = 0;
    int rc = 0, step = SQLITE_DONE;
    while (rc == 0 && i < n && (step = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        for (; i < n && docs[i].id < id; i++)
            rc = count_doc_terms(&docs[i], NULL, v, b);
        if (rc == 0 && i < n && docs[i].id == id)
            rc = count_doc_terms(&docs[i++], (const char *)sqlite3_column_text(st, 1), v, b);
    }
    if (rc == 0 && i < n && step != SQLITE_DONE)
        rc = -1; /* interrupted or failed before every doc was read */
    sqlite3_finalize(st);
    for (; rc == 0 && i < n; i++)
        rc = count_doc_terms(&docs[i], NULL, v, b);
    return rc;
}

int ev_prepare_db(sqlite3 *db, struct ev_doc *docs, size_t n)
{
    struct vocab v;
    struct term_buf b = {0};
    if (vocab_init(&v) < 0)
        return -1;
    int rc = count_terms_db(db, docs, n, &v, &b);
    if (rc == 0)
        rc = weigh_terms(docs, n, &v, &b);
    free(b.items);
    vocab_free(&v);
    return rc;
}

/* ---- pair scoring ---- */

static double text_cosine(const struct ev_doc *a, const struct ev_doc *b)
{
    double s = 0;
    size_t i = 0, j = 0;
    while (i < a->n_terms && j < b->n_terms) {
        if (a->terms[i] == b->terms[j])
            s += (double)a->weights[i++] * b->weights[j++];
        else if (a->terms[i] < b->terms[j])
            i++;
        else
            j++;
    }
    return s;
}

static bool has_ancestor(const struct ev_place *p, int64_t id)
{
    for (size_t i = 0; i < p->n_ancestors; i++)
        if (p->ancestors[i] == id)
            return true;
    return false;
}

/* 1 for the same place; when one holds the other (Qaim in Anbar) 0.6 for a city or district
 * around a neighbourhood or village, 0.3 for a whole province; else 0. */
static double place_match(const struct ev_place *x, const struct ev_place *y)
{
    if (x->id == y->id)
        return 1.0;
    const struct ev_place *outer = has_ancestor(x, y->id) ? y : has_ancestor(y, x->id) ? x : NULL;
    if (!outer)
        return 0.0;
    return outer->kind == PLACE_ADMIN1 || outer->kind == PLACE_REGION ||
                   outer->kind == PLACE_COUNTRY
               ? 0.3
               : 0.6;
}

/* The place an article is mostly about: the most salient one finer than a country. */
static const struct ev_place *main_place(const struct ev_doc *d)
{
    const struct ev_place *best = NULL;
    for (size_t i = 0; i < d->n_places; i++) {
        const struct ev_place *p = &d->places[i];
        bool fine = p->kind != PLACE_COUNTRY, best_fine = best && best->kind != PLACE_COUNTRY;
        if (!best || (fine && !best_fine) || (fine == best_fine && p->salience > best->salience))
            best = p;
    }
    return best;
}

/* How much of each report's places the other names too (or encloses, or lies in): the
 * share of a's place salience that b covers and the share of b's that a covers, as their
 * geometric mean, in one pass over the pairs of places (place_match is symmetric):
 * scoring 100,000 articles spends much of its time here. */
static double mutual_coverage(const struct ev_doc *a, const struct ev_doc *b)
{
    enum { ON_STACK = 64 };
    double stack[ON_STACK] = {0};
    double *best_for_b = b->n_places <= ON_STACK ? stack : calloc(b->n_places, sizeof *best_for_b);
    if (!best_for_b)
        return 0;
    double total_a = 0, found_a = 0, total_b = 0, found_b = 0;
    for (size_t i = 0; i < a->n_places; i++) {
        double m = 0;
        for (size_t j = 0; j < b->n_places; j++) {
            double v = place_match(&a->places[i], &b->places[j]);
            if (v > m)
                m = v;
            if (v > best_for_b[j])
                best_for_b[j] = v;
        }
        total_a += a->places[i].salience;
        found_a += m * a->places[i].salience;
    }
    for (size_t j = 0; j < b->n_places; j++) {
        total_b += b->places[j].salience;
        found_b += best_for_b[j] * b->places[j].salience;
    }
    if (best_for_b != stack)
        free(best_for_b);
    double cover_a = total_a > 0 ? found_a / total_a : 0;
    double cover_b = total_b > 0 ? found_b / total_b : 0;
    return sqrt(cover_a * cover_b);
}

/* Places: above all whether the two reports are mainly about the same place, then how much
 * of each one's places the other names too. Returns -1 when either names none. *best names
 * the shared place behind the score. */
static double place_score(const struct ev_doc *a, const struct ev_doc *b, const char **best)
{
    *best = NULL;
    const struct ev_place *ma = main_place(a), *mb = main_place(b);
    if (!ma || !mb)
        return -1;
    double main = place_match(ma, mb);
    /* "both about Ukraine" says much less than "both about Bakhmut" */
    if (ma->kind == PLACE_COUNTRY || mb->kind == PLACE_COUNTRY)
        main *= 0.3;
    else if (ma->kind == PLACE_ADMIN1 || mb->kind == PLACE_ADMIN1)
        main *= 0.7;
    if (main > 0)
        *best = ma->id == mb->id || has_ancestor(ma, mb->id) ? mb->name : ma->name;
    for (size_t i = 0; !*best && i < a->n_places; i++)
        for (size_t j = 0; !*best && j < b->n_places; j++)
            if (a->places[i].id == b->places[j].id && a->places[i].kind != PLACE_COUNTRY)
                *best = a->places[i].name;
    double cover = mutual_coverage(a, b);
    return 0.6 * main + 0.4 * cover;
}

static double kind_score(const struct ev_doc *a, const struct ev_doc *b, int *shared)
{
    double dot = 0, na = 0, nb = 0, top = 0;
    *shared = -1;
    for (int k = 0; k < EVK_COUNT; k++) {
        dot += a->kinds[k] * b->kinds[k];
        na += a->kinds[k] * a->kinds[k];
        nb += b->kinds[k] * b->kinds[k];
        if (a->kinds[k] * b->kinds[k] > top) {
            top = a->kinds[k] * b->kinds[k];
            *shared = k;
        }
    }
    if (na <= 0 || nb <= 0)
        return -1;
    return dot / sqrt(na * nb);
}

/* The closest two dates the docs give for what they report: figure dates, else publication
 * date. Returns the gap in days, or -1 when either doc has none. */
static long date_gap(const struct ev_doc *a, const struct ev_doc *b)
{
    long best = -1;
    for (size_t i = 0; i < a->n_days; i++)
        for (size_t j = 0; j < b->n_days; j++) {
            long g = labs((long)a->days[i] - (long)b->days[j]);
            if (best < 0 || g < best)
                best = g;
        }
    return best;
}

/* Day numbers of the dates a doc gives for what it reports, parsed once before scoring. */
static int set_days(struct ev_doc *d)
{
    free(d->days);
    d->n_days = 0;
    d->days = malloc((d->n_event_days + 1) * sizeof *d->days);
    if (!d->days)
        return -1;
    /* a report tells of recent events: dates long before (or after) its publication are
     * background ("since the offensive began in March"), not the event's own date */
    long pub = iso_days(d->date);
    for (size_t i = 0; i < d->n_event_days; i++) {
        long day = d->event_days[i];
        if (day != INT32_MIN && (pub == INT32_MIN || (day >= pub - 14 && day <= pub + 1)))
            d->days[d->n_days++] = (int32_t)day;
    }
    if (d->n_days == 0 && iso_days(d->date) != INT32_MIN)
        d->days[d->n_days++] = (int32_t)iso_days(d->date);
    return 0;
}

double ev_pair_score(const struct ev_doc *a, const struct ev_doc *b, const struct ev_options *o,
                     char *reasons, size_t reasons_len)
{
    if (reasons && reasons_len)
        reasons[0] = 0;
    long gap = date_gap(a, b);
    if (gap > o->max_day_gap) {
        add_reason(reasons, reasons_len, "%s%.0f days apart", "", (double)gap);
        return 0;
    }
    const char *best_place;
    double place = place_score(a, b, &best_place);
    double text = text_cosine(a, b);
    int shared_kind;
    double kind = kind_score(a, b, &shared_kind);
    double date = gap < 0 ? 0.5 : gap == 0 ? 1.0 : gap == 1 ? 0.9 : 0.6;

    double s = 0.35 * (place < 0 ? 0.3 : place) + 0.40 * text + 0.15 * (kind < 0 ? 0.3 : kind) +
               0.10 * date;
    /* two reports that both name places, none of them shared or nested, are two events */
    if (place >= 0 && place < 0.05)
        s *= 0.5;
    /* without dates, the same place and kind are not enough: the wording must agree too */
    if (gap < 0 && text < 0.2)
        s *= 0.6 + 2.0 * text;

    if (place < 0)
        add_reason(reasons, reasons_len, "%sno place known", "", 0);
    else if (best_place)
        add_reason(reasons, reasons_len, "place %s (%.2f)", best_place, place);
    else
        add_reason(reasons, reasons_len, "%sno shared place", "", 0);
    if (gap < 0)
        add_reason(reasons, reasons_len, "%sundated", "", 0);
    else if (gap == 0)
        add_reason(reasons, reasons_len, "%ssame day", "", 0);
    else
        add_reason(reasons, reasons_len, "%s%.0f day(s) apart", "", (double)gap);
    if (shared_kind >= 0 && kind >= 0.5)
        add_reason(reasons, reasons_len, "both %s (%.2f)", kind_names[shared_kind], kind);
    else if (kind >= 0)
        add_reason(reasons, reasons_len, "%sdifferent kinds (%.2f)", "", kind);
    add_reason(reasons, reasons_len, "%swording %.2f", "", text);
    return s > 1 ? 1 : s;
}

void ev_options_default(struct ev_options *o)
{
    o->threshold = 0.45;
    o->window = 15;
    o->max_day_gap = 3;
    o->stop = NULL;
}

/* ---- blocking and union-find ---- */

struct block_entry {
    int64_t key; /* a place id, or 0 for docs that name no place */
    long day;    /* for sorting inside the block; undated last */
    uint32_t doc;
};

static int cmp_block(const void *x, const void *y)
{
    const struct block_entry *a = x, *b = y;
    if (a->key != b->key)
        return (a->key > b->key) - (a->key < b->key);
    if (a->day != b->day)
        return (a->day > b->day) - (a->day < b->day);
    return (a->doc > b->doc) - (a->doc < b->doc);
}

static long doc_day(const struct ev_doc *d)
{
    long day = iso_days(d->date);
    for (size_t i = 0; day == INT32_MIN && i < d->n_event_days; i++)
        day = d->event_days[i];
    return day == INT32_MIN ? INT32_MAX : day;
}

static int cmp_salience_desc(const void *x, const void *y)
{
    const struct ev_place *a = x, *b = y;
    return (a->salience < b->salience) - (a->salience > b->salience);
}

#define EV_BLOCK_PLACES 2

/* Each doc joins the blocks of its most salient places and of the places enclosing them. */
static struct block_entry *make_blocks(struct ev_doc *docs, size_t n, size_t *n_out)
{
    size_t cap = n * 4 + 16, m = 0;
    struct block_entry *e = malloc(cap * sizeof *e);
    if (!e)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        struct ev_doc *d = &docs[i];
        sort_n(d->places, d->n_places, sizeof *d->places, cmp_salience_desc);
        long day = doc_day(d);
        size_t top = d->n_places < EV_BLOCK_PLACES ? d->n_places : EV_BLOCK_PLACES;
        size_t need = m + 1 + top * 4;
        for (size_t k = 0; k < top; k++)
            need += d->places[k].n_ancestors;
        if (need > cap) {
            cap = need * 2;
            struct block_entry *p = realloc(e, cap * sizeof *p);
            if (!p) {
                free(e);
                return NULL;
            }
            e = p;
        }
        if (top == 0)
            e[m++] = (struct block_entry){0, day, (uint32_t)i};
        for (size_t k = 0; k < top; k++) {
            e[m++] = (struct block_entry){d->places[k].id, day, (uint32_t)i};
            for (size_t a = 0; a < d->places[k].n_ancestors; a++)
                e[m++] = (struct block_entry){d->places[k].ancestors[a], day, (uint32_t)i};
        }
    }
    sort_n(e, m, sizeof *e, cmp_block);
    *n_out = m;
    return e;
}

struct link {
    uint32_t a, b;
    float score;
};

static size_t uf_find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static int push_link(struct link **links, size_t *n, size_t *cap, struct link l)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 1024;
        struct link *p = realloc(*links, nc * sizeof *p);
        if (!p)
            return -1;
        *links = p;
        *cap = nc;
    }
    (*links)[(*n)++] = l;
    return 0;
}

struct entry_pos {
    uint32_t doc;
    uint32_t pos; /* index into the sorted block entries */
};

static int cmp_entry_doc(const void *x, const void *y)
{
    const struct entry_pos *a = x, *b = y;
    return (a->doc > b->doc) - (a->doc < b->doc);
}

/* Scores each doc against the `window` docs either side of it in each block it is in.
 * Pairs are taken from the lower-numbered doc, once each: a stamp per doc marks the docs
 * already scored against the current one, so no set of pairs is kept. */
static int find_links(struct ev_doc *docs, size_t n, const struct block_entry *e, size_t m,
                      const struct ev_options *o, struct link **links, size_t *n_links,
                      size_t *pairs)
{
    struct entry_pos *by_doc = malloc((m + 1) * sizeof *by_doc);
    uint32_t *stamp = malloc((n + 1) * sizeof *stamp);
    if (!by_doc || !stamp) {
        free(by_doc);
        free(stamp);
        return -1;
    }
    for (size_t i = 0; i < m; i++)
        by_doc[i] = (struct entry_pos){e[i].doc, (uint32_t)i};
    sort_n(by_doc, m, sizeof *by_doc, cmp_entry_doc);
    memset(stamp, 0xff, (n + 1) * sizeof *stamp);
    size_t cap = 0;
    int rc = 0;
    for (size_t k = 0; k < m && rc == 0; k++) {
        if ((k & 1023) == 0 && o->stop && atomic_load(o->stop))
            rc = -1;
        uint32_t a = by_doc[k].doc;
        size_t p = by_doc[k].pos;
        size_t lo = p > (size_t)o->window ? p - (size_t)o->window : 0;
        size_t hi = p + (size_t)o->window < m - 1 ? p + (size_t)o->window : m - 1;
        for (size_t j = lo; j <= hi && rc == 0; j++) {
            uint32_t b = e[j].doc;
            if (b <= a || e[j].key != e[p].key || stamp[b] == a)
                continue;
            stamp[b] = a;
            (*pairs)++;
            double s = ev_pair_score(&docs[a], &docs[b], o, NULL, 0);
            if (s >= o->threshold)
                rc = push_link(links, n_links, &cap, (struct link){a, b, (float)s});
        }
    }
    free(by_doc);
    free(stamp);
    return rc;
}

/* ---- groups ---- */

static void group_free(struct ev_group *g)
{
    for (size_t i = 0; i < g->n_members; i++)
        free(g->members[i].reasons);
    free(g->members);
    free(g->reasons);
    free(g->label);
    free(g->place);
    free(g->first_date);
    free(g->last_date);
}

void ev_set_free(struct ev_set *s)
{
    for (size_t i = 0; i < s->n_groups; i++)
        group_free(&s->groups[i]);
    free(s->groups);
    memset(s, 0, sizeof *s);
}

struct place_sum {
    int64_t id;
    double salience;
    const char *name;
};

static int cmp_place_sum(const void *x, const void *y)
{
    const struct place_sum *a = x, *b = y;
    return (a->id > b->id) - (a->id < b->id);
}

/* The place the members name with most salience in total, and the dominant kind. */
static void group_label(struct ev_group *g, const struct ev_doc *docs)
{
    double kinds[EVK_COUNT] = {0};
    size_t total = 0;
    for (size_t i = 0; i < g->n_members; i++)
        total += docs[g->members[i].doc].n_places;
    struct place_sum *ps = malloc((total + 1) * sizeof *ps);
    size_t n = 0;
    for (size_t i = 0; i < g->n_members; i++) {
        const struct ev_doc *d = &docs[g->members[i].doc];
        for (int k = 0; k < EVK_COUNT; k++)
            kinds[k] += d->kinds[k];
        for (size_t p = 0; ps && p < d->n_places; p++)
            ps[n++] = (struct place_sum){d->places[p].id, d->places[p].salience, d->places[p].name};
    }
    sort_n(ps, n, sizeof *ps, cmp_place_sum);
    const char *best = NULL;
    double best_s = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        double sum = 0;
        for (; j < n && ps[j].id == ps[i].id; j++)
            sum += ps[j].salience;
        if (sum > best_s) {
            best_s = sum;
            best = ps[i].name;
        }
        i = j;
    }
    int kind = -1;
    for (int k = 0; k < EVK_COUNT; k++)
        if (kinds[k] > 0 && (kind < 0 || kinds[k] > kinds[kind]))
            kind = k;
    g->place = dup_or_null(best);
    free(ps);
    char buf[256];
    snprintf(buf, sizeof buf, "%s%s%s", kind >= 0 ? kind_names[kind] : "event", best ? " at " : "",
             best ? best : "");
    g->label = strdup(buf);
}

/* A day number back to an ISO date (the inverse of iso_days). */
static void days_to_iso(long z, char out[40])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, 40, "%04d-%02d-%02d", (int)((y + (m <= 2)) % 10000), (int)m, (int)d);
}

/* The event's dates: the same days grouping compared (background dates left out). */
static void group_dates(struct ev_group *g, const struct ev_doc *docs)
{
    long lo = INT32_MAX, hi = INT32_MIN;
    for (size_t i = 0; i < g->n_members; i++) {
        const struct ev_doc *d = &docs[g->members[i].doc];
        for (size_t k = 0; k < d->n_days; k++) {
            if (d->days[k] < lo)
                lo = d->days[k];
            if (d->days[k] > hi)
                hi = d->days[k];
        }
    }
    char buf[40];
    if (lo <= hi) {
        days_to_iso(lo, buf);
        g->first_date = strdup(buf);
        days_to_iso(hi, buf);
        g->last_date = strdup(buf);
    }
}

/* Member scores and reasons come from each member's strongest link; links[0..n_links) are
 * this group's links only. member_of maps a doc to its slot in the group. Reasons are
 * written once per member, after its strongest link is known. */
static void group_finish(struct ev_group *g, const struct ev_doc *docs, const struct link *links,
                         size_t n_links, const size_t *member_of, const struct ev_options *o)
{
    double sum = 0;
    const struct link *best = NULL;
    char buf[512];
    const struct link **member_best = calloc(g->n_members, sizeof *member_best);
    for (size_t l = 0; l < n_links; l++) {
        sum += links[l].score;
        if (!best || links[l].score > best->score)
            best = &links[l];
        uint32_t ends[2] = {links[l].a, links[l].b};
        for (int k = 0; k < 2; k++) {
            size_t m = member_of[ends[k]];
            if (links[l].score > g->members[m].score) {
                g->members[m].score = links[l].score;
                if (member_best)
                    member_best[m] = &links[l];
            }
        }
    }
    for (size_t m = 0; member_best && m < g->n_members; m++)
        if (member_best[m]) {
            ev_pair_score(&docs[member_best[m]->a], &docs[member_best[m]->b], o, buf, sizeof buf);
            g->members[m].reasons = strdup(buf);
        }
    free(member_best);
    g->score = n_links ? sum / (double)n_links : 0;
    if (best) {
        ev_pair_score(&docs[best->a], &docs[best->b], o, buf, sizeof buf);
        g->reasons = strdup(buf);
    } else {
        g->members[0].score = 1;
        g->reasons = strdup("single report");
    }
    group_label(g, docs);
    group_dates(g, docs);
}

static const size_t *sort_group_of; /* qsort has no context argument in C17 */

static int cmp_link_group(const void *x, const void *y)
{
    const struct link *a = x, *b = y;
    size_t ga = sort_group_of[a->a], gb = sort_group_of[b->a];
    return (ga > gb) - (ga < gb);
}

/* Fills out->groups from the union-find forest: groups in first-doc order. */
static int collect_members(size_t n, size_t *parent, size_t *doc_group, size_t *member_of,
                           struct ev_set *out)
{
    size_t *count = calloc(n + 1, sizeof *count), *root_group = malloc((n + 1) * sizeof(size_t));
    int rc = count && root_group ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++) {
        count[uf_find(parent, i)]++;
        root_group[i] = SIZE_MAX;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t r = uf_find(parent, i);
        if (root_group[r] == SIZE_MAX) {
            root_group[r] = out->n_groups++;
            out->groups[root_group[r]].members = calloc(count[r], sizeof *out->groups[0].members);
            if (!out->groups[root_group[r]].members)
                rc = -1;
        }
        struct ev_group *g = &out->groups[root_group[r]];
        doc_group[i] = root_group[r];
        if (g->members) {
            member_of[i] = g->n_members;
            g->members[g->n_members++].doc = i;
        }
    }
    free(count);
    free(root_group);
    return rc;
}

static int build_groups(struct ev_doc *docs, size_t n, size_t *parent, struct link *links,
                        size_t n_links, const struct ev_options *o, struct ev_set *out)
{
    size_t *doc_group = malloc((n + 1) * sizeof *doc_group);
    size_t *member_of = malloc((n + 1) * sizeof *member_of);
    out->groups = calloc(n + 1, sizeof *out->groups);
    int rc = doc_group && member_of && out->groups ? 0 : -1;
    if (rc == 0)
        rc = collect_members(n, parent, doc_group, member_of, out);
    if (rc == 0) {
        sort_group_of = doc_group;
        sort_n(links, n_links, sizeof *links, cmp_link_group);
        size_t l = 0;
        for (size_t k = 0; k < out->n_groups; k++) {
            size_t start = l;
            while (l < n_links && doc_group[links[l].a] == k)
                l++;
            group_finish(&out->groups[k], docs, links + start, l - start, member_of, o);
        }
    }
    free(doc_group);
    free(member_of);
    return rc;
}

static int cmp_link_score_desc(const void *x, const void *y)
{
    const struct link *a = x, *b = y;
    if (a->score != b->score)
        return (a->score < b->score) - (a->score > b->score);
    if (a->a != b->a)
        return (a->a > b->a) - (a->a < b->a);
    return (a->b > b->b) - (a->b < b->b);
}

/* Union-find over the links, strongest first. A join that would stretch an event's dated
 * reports over more than twice the day gap is refused: daily strikes on one city, each
 * close to the next, must not chain into one event spanning months. Returns the links
 * kept (those inside a group), compacted at the front. */
static size_t join_links(const struct ev_doc *docs, size_t n, size_t *parent, struct link *links,
                         size_t n_links, const struct ev_options *o)
{
    long *lo = malloc((n + 1) * sizeof *lo), *hi = malloc((n + 1) * sizeof *hi);
    for (size_t i = 0; i < n; i++) {
        parent[i] = i;
        if (lo && hi) {
            long d = doc_day(&docs[i]);
            lo[i] = d == INT32_MAX ? INT32_MAX : d;
            hi[i] = d == INT32_MAX ? INT32_MIN : d;
        }
    }
    sort_n(links, n_links, sizeof *links, cmp_link_score_desc);
    size_t kept = 0;
    long max_span = 2L * o->max_day_gap;
    for (size_t l = 0; l < n_links; l++) {
        size_t ra = uf_find(parent, links[l].a), rb = uf_find(parent, links[l].b);
        if (ra != rb && lo && hi) {
            long nlo = lo[ra] < lo[rb] ? lo[ra] : lo[rb], nhi = hi[ra] > hi[rb] ? hi[ra] : hi[rb];
            if (nlo != INT32_MAX && nhi - nlo > max_span)
                continue;
            size_t root = ra < rb ? ra : rb;
            parent[ra > rb ? ra : rb] = root;
            lo[root] = nlo;
            hi[root] = nhi;
        } else if (ra != rb) {
            parent[ra > rb ? ra : rb] = ra < rb ? ra : rb;
        }
        links[kept++] = links[l];
    }
    free(lo);
    free(hi);
    return kept;
}

int ev_group(struct ev_doc *docs, size_t n, const struct ev_options *o, struct ev_set *out)
{
    memset(out, 0, sizeof *out);
    size_t m = 0, n_links = 0;
    struct link *links = NULL;
    struct block_entry *e = make_blocks(docs, n, &m);
    size_t *parent = malloc((n + 1) * sizeof *parent);
    if (!e || !parent) {
        free(e);
        free(parent);
        return -1;
    }
    int rc = find_links(docs, n, e, m, o, &links, &n_links, &out->pairs_scored);
    free(e);
    if (rc == 0)
        n_links = join_links(docs, n, parent, links, n_links, o);
    if (rc == 0)
        rc = build_groups(docs, n, parent, links, n_links, o, out);
    free(parent);
    free(links);
    return rc;
}

/* ---- what an event's reports say ---- */

static long fig_low(const struct ev_figure *f)
{
    return f->min != FACT_NONE ? f->min : f->n;
}

static long fig_high(const struct ev_figure *f)
{
    return f->max != FACT_NONE ? f->max : f->n;
}

/* A figure placed somewhere else (another attack the same report mentions) is left out;
 * one with no place, or at the event's place, stays. */
static bool figure_in_place(const struct ev_figure *f, const char *place_filter)
{
    if (!place_filter || !f->place)
        return true;
    char a[200], b[200];
    fold_name(f->place, a, sizeof a);
    fold_name(place_filter, b, sizeof b);
    return strcmp(a, b) == 0;
}

const struct ev_figure *ev_doc_best_figure(const struct ev_doc *d, enum figure_kind kind,
                                           const char *place_filter)
{
    const struct ev_figure *best = NULL;
    for (size_t i = 0; i < d->n_figures; i++) {
        const struct ev_figure *f = &d->figures[i];
        if (f->kind != kind || f->n == FACT_NONE || !figure_in_place(f, place_filter))
            continue;
        if (!best || figure_outranks(f->n, f->sentence, best->n, best->sentence))
            best = f;
    }
    return best;
}

/* Two reports agree when the ranges their figures allow meet; "about" allows 10% either
 * way and an open range (at least, more than, dozens) has no upper end. */
static bool figures_compatible(const struct ev_figure *a, const struct ev_figure *b)
{
    double alo = (double)fig_low(a),
           ahi = a->max == FACT_NONE && a->qualifier != Q_EXACT && a->qualifier != Q_ABOUT
                     ? 1e18
                     : (double)fig_high(a);
    double blo = (double)fig_low(b),
           bhi = b->max == FACT_NONE && b->qualifier != Q_EXACT && b->qualifier != Q_ABOUT
                     ? 1e18
                     : (double)fig_high(b);
    if (a->qualifier == Q_ABOUT) {
        alo *= 0.9;
        ahi *= 1.1;
    }
    if (b->qualifier == Q_ABOUT) {
        blo *= 0.9;
        bhi *= 1.1;
    }
    if (a->qualifier == Q_UP_TO)
        alo = 0;
    if (b->qualifier == Q_UP_TO)
        blo = 0;
    return alo <= bhi && blo <= ahi;
}

/* One kind's summary over the reports' best figures (NULL where a report has none). */
static void summarise_kind(const struct ev_figure *const *best, size_t n, enum figure_kind kind,
                           struct ev_kind_summary *s)
{
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->low = s->high = s->conservative = FACT_NONE;
    for (size_t i = 0; i < n; i++) {
        const struct ev_figure *f = best[i];
        if (!f)
            continue;
        s->n_reports++;
        long lo = fig_low(f) != FACT_NONE ? fig_low(f) : f->n;
        long hi = fig_high(f) != FACT_NONE ? fig_high(f) : f->n;
        if (s->low == FACT_NONE || lo < s->low)
            s->low = lo;
        if (s->high == FACT_NONE || hi > s->high)
            s->high = hi;
        /* the least the report commits to: "more than 20" is at least 21 */
        if (s->conservative == FACT_NONE || lo < s->conservative)
            s->conservative = lo;
        /* pairwise against every earlier report's best figure */
        for (size_t j = 0; j < i && !s->disagree; j++)
            if (best[j] && !figures_compatible(f, best[j]))
                s->disagree = true;
    }
}

void ev_summarise(const struct ev_doc *const *docs, size_t n, const char *place_filter,
                  struct ev_kind_summary out[FIG_KIND_COUNT])
{
    /* each report's best figure once (finding it folds place names), not once per pair */
    const struct ev_figure **best = calloc(n ? n : 1, sizeof *best);
    for (int k = 0; k < FIG_KIND_COUNT; k++) {
        if (!best) {
            memset(&out[k], 0, sizeof out[k]);
            out[k].kind = (enum figure_kind)k;
            out[k].low = out[k].high = out[k].conservative = FACT_NONE;
            continue;
        }
        for (size_t i = 0; i < n; i++)
            best[i] = ev_doc_best_figure(docs[i], (enum figure_kind)k, place_filter);
        summarise_kind(best, n, (enum figure_kind)k, &out[k]);
    }
    free(best);
}

/* ---- the store ---- */

static char *col_text(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? strdup((const char *)t) : NULL;
}

static long col_long(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL ? FACT_NONE
                                                       : (long)sqlite3_column_int64(st, col);
}

/* The doc with this article id (docs are sorted by id), or NULL. */
static struct ev_doc *doc_by_id(struct ev_doc *docs, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (docs[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && docs[lo].id == id ? &docs[lo] : NULL;
}

static void *grow(void *p, size_t n, size_t size)
{
    /* grow at powers of two so appending one at a time stays linear */
    if (n & (n - 1))
        return p;
    return realloc(p, (n ? n * 2 : 1) * size);
}

struct anc_pair {
    int64_t place, ancestor;
};

static int load_ancestors(sqlite3 *db, struct anc_pair **out, size_t *n_out)
{
    sqlite3_stmt *st;
    const char *sql = "SELECT pa.place_id, pa.ancestor_id FROM place_ancestors pa"
                      " JOIN places p ON p.id = pa.ancestor_id"
                      " WHERE pa.place_id != pa.ancestor_id AND coalesce(p.kind,'') != 'country'"
                      " ORDER BY pa.place_id";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    struct anc_pair *a = NULL;
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        struct anc_pair *p = grow(a, n, sizeof *a);
        if (!p)
            break;
        a = p;
        a[n++] = (struct anc_pair){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)};
    }
    sqlite3_finalize(st);
    *out = a;
    *n_out = n;
    return 0;
}

static void attach_ancestors(struct ev_place *p, const struct anc_pair *a, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid].place < p->id)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < n && a[end].place == p->id)
        end++;
    p->ancestors = calloc(end - lo + 1, sizeof *p->ancestors);
    for (size_t i = lo; p->ancestors && i < end; i++)
        p->ancestors[p->n_ancestors++] = a[i].ancestor;
}

static int load_places(sqlite3 *db, struct ev_doc *docs, size_t n)
{
    struct anc_pair *anc = NULL;
    size_t n_anc = 0;
    if (load_ancestors(db, &anc, &n_anc) < 0)
        return -1;
    sqlite3_stmt *st;
    const char *sql = "SELECT ap.article_id, p.id, p.name, p.kind, ap.count, ap.first_sentence,"
                      " ap.surface"
                      " FROM article_places ap JOIN places p ON p.id = ap.place_id"
                      " ORDER BY ap.article_id";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        free(anc);
        return -1;
    }
    struct ev_doc *title_doc = NULL;
    char *title_padded = NULL, *dateline_padded = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        struct ev_doc *d = doc_by_id(docs, n, sqlite3_column_int64(st, 0));
        if (!d)
            continue;
        struct ev_place *p = grow(d->places, d->n_places, sizeof *p);
        if (!p)
            break;
        d->places = p;
        p = &d->places[d->n_places++];
        memset(p, 0, sizeof *p);
        p->id = sqlite3_column_int64(st, 1);
        p->name = col_text(st, 2);
        const unsigned char *kind = sqlite3_column_text(st, 3);
        p->kind = place_kind_from_name(kind ? (const char *)kind : "");
        int first = sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 5);
        if (d != title_doc) { /* rows come grouped by article: fold each title once */
            free(title_padded);
            free(dateline_padded);
            title_padded = salience_padded(d->title);
            dateline_padded = d->dateline ? salience_padded(d->dateline) : NULL;
            title_doc = d;
        }
        const char *surface = (const char *)sqlite3_column_text(st, 6);
        bool in_title = title_names_json(title_padded, p->name, surface);
        bool in_dateline = title_names_json(dateline_padded, p->name, surface);
        p->salience =
            place_salience(sqlite3_column_int(st, 4), first, p->kind, in_title, in_dateline);
        attach_ancestors(p, anc, n_anc);
    }
    free(title_padded);
    free(dateline_padded);
    sqlite3_finalize(st);
    free(anc);
    return 0;
}

static int load_actors(sqlite3 *db, struct ev_doc *docs, size_t n)
{
    sqlite3_stmt *st;
    const char *sql = "SELECT aa.article_id, a.name FROM article_actors aa"
                      " JOIN actors a ON a.id = aa.actor_id";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        struct ev_doc *d = doc_by_id(docs, n, sqlite3_column_int64(st, 0));
        if (!d)
            continue;
        char **p = grow(d->actors, d->n_actors, sizeof *p);
        if (!p)
            break;
        d->actors = p;
        d->actors[d->n_actors++] = col_text(st, 1);
    }
    sqlite3_finalize(st);
    return 0;
}

/* Adds a figure row's date to the doc's event dates when it is a full date. */
static int add_event_date(struct ev_doc *d, const unsigned char *date)
{
    long day = date ? iso_days((const char *)date) : INT32_MIN;
    if (day == INT32_MIN)
        return 0;
    int32_t *p = grow(d->event_days, d->n_event_days, sizeof *p);
    if (!p)
        return -1;
    d->event_days = p;
    d->event_days[d->n_event_days++] = (int32_t)day;
    return 0;
}

/* Reads figure rows (article_id, kind, n, min, max, qualifier, source, place, text,
 * sentence, date) into the docs they belong to: their kinds and dates always, the figures
 * themselves when keep is set. */
static int read_figures(sqlite3_stmt *st, struct ev_doc *docs, size_t n, bool keep)
{
    while (sqlite3_step(st) == SQLITE_ROW) {
        struct ev_doc *d = doc_by_id(docs, n, sqlite3_column_int64(st, 0));
        const unsigned char *kind = sqlite3_column_text(st, 1);
        int k = figure_kind_from_name(kind ? (const char *)kind : "");
        if (!d || k < 0)
            continue;
        d->figure_kinds[k]++;
        if (add_event_date(d, sqlite3_column_text(st, 10)) < 0)
            return -1;
        if (!keep)
            continue;
        struct ev_figure *f = grow(d->figures, d->n_figures, sizeof *f);
        if (!f)
            return -1;
        d->figures = f;
        f = &d->figures[d->n_figures++];
        f->kind = (enum figure_kind)k;
        f->n = col_long(st, 2);
        f->min = col_long(st, 3);
        f->max = col_long(st, 4);
        const unsigned char *q = sqlite3_column_text(st, 5);
        int qi = qualifier_from_name(q ? (const char *)q : "");
        f->qualifier = qi < 0 ? Q_EXACT : (enum qualifier)qi;
        f->source = col_text(st, 6);
        f->place = col_text(st, 7);
        f->text = col_text(st, 8);
        f->sentence = sqlite3_column_int(st, 9);
    }
    return 0;
}

static int load_figures(sqlite3 *db, struct ev_doc *docs, size_t n, bool keep)
{
    sqlite3_stmt *st;
    const char *sql = keep ? "SELECT article_id, kind, n, min, max, qualifier, source, place,"
                             " text, sentence, date FROM figures ORDER BY article_id, id"
                           : "SELECT article_id, kind, NULL, NULL, NULL, NULL, NULL, NULL,"
                             " NULL, NULL, date FROM figures ORDER BY article_id, id";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = read_figures(st, docs, n, keep);
    sqlite3_finalize(st);
    return rc;
}

int ev_load_store(struct store *s, struct ev_doc **docs_out, size_t *n_out, unsigned extra)
{
    return ev_load_db(store_db(s), docs_out, n_out, extra);
}

/* Reads article rows (id, title, date, source, text, dateline) into new docs; finalizes
 * st. */
static int read_docs(sqlite3_stmt *st, struct ev_doc **docs_out, size_t *n_out)
{
    struct ev_doc *docs = NULL;
    size_t n = 0;
    int rc = 0;
    while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
        struct ev_doc *p = grow(docs, n, sizeof *docs);
        if (!p) {
            rc = -1;
            break;
        }
        docs = p;
        struct ev_doc *d = &docs[n++];
        memset(d, 0, sizeof *d);
        d->id = sqlite3_column_int64(st, 0);
        d->title = col_text(st, 1);
        d->date = col_text(st, 2);
        d->source = col_text(st, 3);
        d->text = col_text(st, 4);
        d->dateline = col_text(st, 5);
    }
    sqlite3_finalize(st);
    *docs_out = docs;
    *n_out = n;
    return rc;
}

int ev_load_db(sqlite3 *db, struct ev_doc **docs_out, size_t *n_out, unsigned extra)
{
    sqlite3_stmt *st;
    *docs_out = NULL;
    *n_out = 0;
    const char *sql = (extra & EV_LOAD_TEXT)
                          ? "SELECT id, title, date, source, text, dateline FROM articles"
                            " ORDER BY id"
                          : "SELECT id, title, date, source, NULL, dateline FROM articles"
                            " ORDER BY id";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    struct ev_doc *docs;
    size_t n;
    int rc = read_docs(st, &docs, &n);
    if (rc == 0)
        rc = load_places(db, docs, n);
    if (rc == 0)
        rc = load_actors(db, docs, n);
    if (rc == 0)
        rc = load_figures(db, docs, n, extra & EV_LOAD_FIGURES);
    *docs_out = docs;
    *n_out = n;
    return rc;
}

int ev_save_store(struct store *s, const struct ev_doc *docs, const struct ev_set *set)
{
    sqlite3 *db = store_db(s);
    sqlite3_stmt *ev = NULL, *ea = NULL;
    if (sqlite3_exec(db, "BEGIN; DELETE FROM event_articles; DELETE FROM events;", NULL, NULL,
                     NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_prepare_v2(db,
                                "INSERT INTO events(label, score, first_date, last_date, place,"
                                " reasons) VALUES(?,?,?,?,?,?)",
                                -1, &ev, NULL) == SQLITE_OK &&
                     sqlite3_prepare_v2(db,
                                        "INSERT OR IGNORE INTO event_articles(event_id,"
                                        " article_id, score, reasons) VALUES(?,?,?,?)",
                                        -1, &ea, NULL) == SQLITE_OK
                 ? 0
                 : -1;
    for (size_t g = 0; rc == 0 && g < set->n_groups; g++) {
        const struct ev_group *grp = &set->groups[g];
        sqlite3_bind_text(ev, 1, grp->label, -1, SQLITE_STATIC);
        sqlite3_bind_double(ev, 2, grp->score);
        sqlite3_bind_text(ev, 3, grp->first_date, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 4, grp->last_date, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 5, grp->place, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 6, grp->reasons, -1, SQLITE_STATIC);
        rc = sqlite3_step(ev) == SQLITE_DONE ? 0 : -1;
        sqlite3_reset(ev);
        int64_t event_id = sqlite3_last_insert_rowid(db);
        for (size_t m = 0; rc == 0 && m < grp->n_members; m++) {
            sqlite3_bind_int64(ea, 1, event_id);
            sqlite3_bind_int64(ea, 2, docs[grp->members[m].doc].id);
            sqlite3_bind_double(ea, 3, grp->members[m].score);
            sqlite3_bind_text(ea, 4, grp->members[m].reasons, -1, SQLITE_STATIC);
            rc = sqlite3_step(ea) == SQLITE_DONE ? 0 : -1;
            sqlite3_reset(ea);
        }
    }
    sqlite3_finalize(ev);
    sqlite3_finalize(ea);
    sqlite3_exec(db, rc == 0 ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

int ev_compute_db(sqlite3 *db, const struct ev_options *o, unsigned extra, struct ev_doc **docs_out,
                  size_t *n_out, struct ev_set *set)
{
    memset(set, 0, sizeof *set);
    int rc = ev_load_db(db, docs_out, n_out, extra & ~(unsigned)EV_LOAD_TEXT);
    if (rc == 0)
        rc = ev_prepare_db(db, *docs_out, *n_out);
    if (rc == 0)
        rc = ev_group(*docs_out, *n_out, o, set);
    return rc;
}

int ev_regroup_store(struct store *s, const struct ev_options *o, size_t *n_events)
{
    struct ev_doc *docs = NULL;
    size_t n = 0;
    struct ev_set set = {0};
    int rc = ev_compute_db(store_db(s), o, EV_LOAD_LEAN, &docs, &n, &set);
    if (rc == 0)
        rc = ev_save_store(s, docs, &set);
    if (n_events)
        *n_events = set.n_groups;
    ev_set_free(&set);
    ev_docs_free(docs, n);
    return rc;
}

int ev_load_event_reports(struct store *s, int64_t event_id, struct ev_doc **docs_out,
                          size_t *n_out)
{
    sqlite3 *db = store_db(s);
    sqlite3_stmt *st;
    *docs_out = NULL;
    *n_out = 0;
    if (sqlite3_prepare_v2(
            db,
            "SELECT a.id, a.title, a.date, a.source, NULL, a.dateline FROM event_articles ea"
            " JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = ?"
            " ORDER BY a.id",
            -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, event_id);
    struct ev_doc *docs;
    size_t n;
    int rc = read_docs(st, &docs, &n);
    /* figures of just these articles */
    if (rc == 0 && n &&
        sqlite3_prepare_v2(db,
                           "SELECT article_id, kind, n, min, max, qualifier, source, place, text,"
                           " sentence, date FROM figures WHERE article_id IN"
                           " (SELECT article_id FROM event_articles WHERE event_id = ?)"
                           " ORDER BY article_id, id",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, event_id);
        rc = read_figures(st, docs, n, true);
        sqlite3_finalize(st);
    }
    *docs_out = docs;
    *n_out = n;
    return rc;
}
