/* facts.c: ownership and names of the fact types. */
#include "base/facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void facts_init(struct facts *f)
{
    memset(f, 0, sizeof *f);
}

static void free_strings(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void facts_free(struct facts *f)
{
    for (size_t i = 0; i < f->n_places; i++) {
        struct place_fact *p = &f->places[i];
        free(p->name);
        free(p->admin1);
        free(p->country);
        free(p->country_code);
        free(p->parent);
        for (size_t j = 0; j < p->n_chain; j++)
            free(p->chain[j].name);
        free(p->chain);
        free_strings(p->surface, p->n_surface);
    }
    for (size_t i = 0; i < f->n_actors; i++) {
        free(f->actors[i].name);
        free_strings(f->actors[i].surface, f->actors[i].n_surface);
    }
    for (size_t i = 0; i < f->n_figures; i++) {
        struct figure_fact *g = &f->figures[i];
        free(g->who);
        free(g->place);
        free(g->date);
        free(g->source);
        free(g->text);
    }
    for (size_t i = 0; i < f->n_dates; i++) {
        free(f->dates[i].text);
        free(f->dates[i].value);
        free(f->dates[i].weekday);
    }
    free(f->places);
    free(f->actors);
    free(f->figures);
    free(f->dates);
    free(f->mentions);
    facts_init(f);
}

/* Grows an array by one zeroed element; the one growth policy all appenders share. */
static void *grow_one(void **items, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        void *p = realloc(*items, ncap * size);
        if (!p)
            return NULL;
        *items = p;
        *cap = ncap;
    }
    void *slot = (char *)*items + (*n)++ * size;
    memset(slot, 0, size);
    return slot;
}

struct place_fact *facts_add_place(struct facts *f)
{
    struct place_fact *p = grow_one((void **)&f->places, &f->n_places, &f->cap_places, sizeof *p);
    if (p)
        p->first_sentence = -1;
    return p;
}

struct actor_fact *facts_add_actor(struct facts *f)
{
    struct actor_fact *a = grow_one((void **)&f->actors, &f->n_actors, &f->cap_actors, sizeof *a);
    if (a)
        a->first_sentence = -1;
    return a;
}

struct figure_fact *facts_add_figure(struct facts *f)
{
    struct figure_fact *g =
        grow_one((void **)&f->figures, &f->n_figures, &f->cap_figures, sizeof *g);
    if (g)
        g->n = g->min = g->max = FACT_NONE;
    return g;
}

struct date_fact *facts_add_date(struct facts *f)
{
    return grow_one((void **)&f->dates, &f->n_dates, &f->cap_dates, sizeof(struct date_fact));
}

struct mention *facts_add_mention(struct facts *f)
{
    return grow_one((void **)&f->mentions, &f->n_mentions, &f->cap_mentions,
                    sizeof(struct mention));
}

int facts_add_surface(char ***list, size_t *n, const char *surface)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*list)[i], surface) == 0)
            return 0;
    char **p = realloc(*list, (*n + 1) * sizeof *p);
    if (!p)
        return -1;
    *list = p;
    p[*n] = strdup(surface);
    if (!p[*n])
        return -1;
    (*n)++;
    return 0;
}

static const char *const place_kind_names[PLACE_KIND_COUNT] = {
    "unknown", "country",      "admin1",   "admin2", "city",   "town",
    "village", "neighborhood", "landmark", "water",  "region",
};

const char *place_kind_name(enum place_kind k)
{
    return (unsigned)k < PLACE_KIND_COUNT ? place_kind_names[k] : "unknown";
}

enum place_kind place_kind_from_name(const char *name)
{
    for (int k = 0; k < PLACE_KIND_COUNT; k++)
        if (name && strcmp(name, place_kind_names[k]) == 0)
            return (enum place_kind)k;
    return PLACE_UNKNOWN;
}

bool figure_outranks(long value, int sentence, long other_value, int other_sentence)
{
    bool lead = sentence < FIGURE_LEAD_SENTENCES;
    bool other_lead = other_sentence < FIGURE_LEAD_SENTENCES;
    if (lead != other_lead)
        return lead;
    return value > other_value;
}

static const char *const figure_kind_names[FIG_KIND_COUNT] = {"killed", "wounded", "destroyed",
                                                              "captured"};

const char *figure_kind_name(enum figure_kind k)
{
    return (unsigned)k < FIG_KIND_COUNT ? figure_kind_names[k] : "killed";
}

int figure_kind_from_name(const char *name)
{
    for (int k = 0; k < FIG_KIND_COUNT; k++)
        if (name && strcmp(name, figure_kind_names[k]) == 0)
            return k;
    return -1;
}

static const char *const qualifier_names[Q_COUNT] = {
    "exact", "at_least", "more_than", "about", "up_to", "range", "vague",
};

const char *qualifier_name(enum qualifier q)
{
    return (unsigned)q < Q_COUNT ? qualifier_names[q] : "exact";
}

int qualifier_from_name(const char *name)
{
    for (int q = 0; q < Q_COUNT; q++)
        if (name && strcmp(name, qualifier_names[q]) == 0)
            return q;
    return -1;
}

const char *mention_type_name(enum mention_type t)
{
    static const char *const names[] = {"place", "actor", "figure", "date", "source"};
    return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "place";
}

enum mention_type mention_type_from_name(const char *name)
{
    for (int t = MENTION_PLACE; t <= MENTION_SOURCE; t++)
        if (name && strcmp(mention_type_name((enum mention_type)t), name) == 0)
            return (enum mention_type)t;
    return MENTION_PLACE;
}

static const char *const figure_role_names[ROLE_COUNT] = {"event", "part", "background", "other",
                                                          "combined"};

const char *figure_role_name(enum figure_role r)
{
    return (unsigned)r < ROLE_COUNT ? figure_role_names[r] : "event";
}

int figure_role_from_name(const char *name)
{
    for (int r = 0; r < ROLE_COUNT; r++)
        if (name && strcmp(name, figure_role_names[r]) == 0)
            return r;
    return -1;
}

/* ---- own tolls and vague words ---- */

/* The vague words and the ranges they allow. The minimum is FACTS.md's n ("dozens" 24,
 * "scores" 40, "hundreds" 200, "thousands" 2000); the maximum is where the next word
 * would be used instead. Longer phrases first. */
static const struct vague_word {
    const char *word;
    long min, max;
} vague_words[] = {
    {"thousands", 2000, 9999},
    {"hundreds", 200, 999},
    {"scores", 40, 99},
    {"dozens", 24, 99},
    {"several", 3, 9},
    {"a few", 2, 5},
    {"a number of", FACT_NONE, FACT_NONE}, /* no number: shown, never a toll */
    {"many", FACT_NONE, FACT_NONE},
};
#define N_VAGUE_WORDS (sizeof vague_words / sizeof vague_words[0])

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether text holds word as a whole word, ignoring case. */
static bool has_word_ci(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; (p = strcasestr(p, word)) != NULL; p++)
        if ((p == text || !word_char(p[-1])) && !word_char(p[n]))
            return true;
    return false;
}

const char *figure_vague_word(enum qualifier q, long n, const char *text)
{
    if (q != Q_VAGUE)
        return NULL;
    for (size_t i = 0; text && i < N_VAGUE_WORDS; i++)
        if ((n == FACT_NONE || n == vague_words[i].min || vague_words[i].min == FACT_NONE) &&
            has_word_ci(text, vague_words[i].word))
            return vague_words[i].word;
    /* a vague count whose words were not kept: name it by the value FACTS.md gives it */
    for (size_t i = 0; i < N_VAGUE_WORDS; i++)
        if (n != FACT_NONE && n == vague_words[i].min)
            return vague_words[i].word;
    return "several";
}

void figure_vague_range(const char *word, long *min, long *max)
{
    *min = *max = FACT_NONE;
    for (size_t i = 0; word && i < N_VAGUE_WORDS; i++)
        if (strcmp(word, vague_words[i].word) == 0) {
            *min = vague_words[i].min;
            *max = vague_words[i].max;
            return;
        }
}

long figure_sort_value(long n, long min, long max, enum qualifier q, const char *text)
{
    if (q == Q_VAGUE) {
        long lo, hi;
        figure_vague_range(figure_vague_word(q, n, text), &lo, &hi);
        return lo;
    }
    if (n != FACT_NONE)
        return n;
    return max != FACT_NONE ? max : min;
}

bool figure_toll_outranks(long value, enum qualifier q, long other_value, enum qualifier other_q)
{
    if (value != other_value)
        return value > other_value;
    return q != Q_VAGUE && other_q == Q_VAGUE;
}

bool figure_is_own_candidate(enum figure_role role, int incident)
{
    return role == ROLE_EVENT && incident == 0;
}

int facts_own_figure(const struct facts *f, enum figure_kind kind)
{
    int best = -1;
    long best_value = 0;
    for (size_t i = 0; i < f->n_figures; i++) {
        const struct figure_fact *g = &f->figures[i];
        if (g->kind != kind || !figure_is_own_candidate(g->role, g->incident))
            continue;
        long v = figure_sort_value(g->n, g->min, g->max, g->qualifier, g->text);
        if (v == FACT_NONE)
            continue;
        if (best < 0 ||
            figure_toll_outranks(v, g->qualifier, best_value, f->figures[best].qualifier)) {
            best = (int)i;
            best_value = v;
        }
    }
    return best;
}

const char *figure_display(char *buf, size_t cap, long n, long min, long max, enum qualifier q,
                           const char *text)
{
    if (!cap)
        return buf;
    buf[0] = '\0';
    switch (q) {
    case Q_VAGUE:
        snprintf(buf, cap, "%s", figure_vague_word(q, n, text));
        break;
    case Q_AT_LEAST:
        if (n != FACT_NONE)
            snprintf(buf, cap, "%ld+", n);
        break;
    case Q_MORE_THAN:
        if (n != FACT_NONE)
            snprintf(buf, cap, "more than %ld", n);
        break;
    case Q_ABOUT:
        if (n != FACT_NONE)
            snprintf(buf, cap, "about %ld", n);
        break;
    case Q_UP_TO:
        if (n != FACT_NONE || max != FACT_NONE)
            snprintf(buf, cap, "up to %ld", max != FACT_NONE ? max : n);
        break;
    case Q_RANGE:
        if (min != FACT_NONE && max != FACT_NONE)
            snprintf(buf, cap, "%ld-%ld", min, max);
        else if (n != FACT_NONE)
            snprintf(buf, cap, "%ld", n);
        break;
    default:
        if (n != FACT_NONE)
            snprintf(buf, cap, "%ld", n);
        break;
    }
    return buf;
}

const struct place_fact *facts_place_named(const struct facts *f, const char *name)
{
    for (size_t i = 0; name && i < f->n_places; i++)
        if (f->places[i].name && strcmp(f->places[i].name, name) == 0)
            return &f->places[i];
    return NULL;
}
