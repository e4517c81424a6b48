/* extract_resolve.c: each place mention resolved to one gazetteer place (or a place of the
 * text's own), against the country the article is about. */
#include "extract/extract_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"

/* A namesake abroad this close to a place of the article's country is the place meant
 * (Al-Qaim across the border from Al-Bukamal). */
#define NEIGHBOUR_KM 40.0
/* How far from the article's places a town it names ("the town of X") may lie abroad. */
#define BORDER_KM 600.0
/* A smallish namesake this far from every place of the article's country is not the place
 * meant: the text's place is one the gazetteer lacks (Delmas by Port-au-Prince is not
 * Delmas in South Africa). Cities this big are still themselves (Doha, Munich). */
#define FAR_KM         2500.0
#define FAR_POPULATION 250000

/* ---- resolution ---- */

struct country_vote {
    char cc[3];
    int votes;
    bool named; /* the text names the country itself */
};

static void vote(struct country_vote *v, size_t *n, const char *cc, int weight, bool named)
{
    if (!cc || !*cc)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strcmp(v[i].cc, cc) == 0) {
            v[i].votes += weight;
            v[i].named |= named;
            return;
        }
    if (*n < 32) {
        snprintf(v[*n].cc, sizeof v[*n].cc, "%s", cc);
        v[*n].votes = weight;
        v[(*n)++].named = named;
    }
}

static bool same_name(const char *text, const struct place_mention *m, const struct gaz_place *g)
{
    char a[FOLD_CAP], b[FOLD_CAP];
    text_fold(text + m->start, m->len, a, sizeof a);
    text_fold(g->name, strlen(g->name), b, sizeof b);
    return strcmp(a, b) == 0;
}

static int choose_candidate(const struct place_mention *m, const char *cc);

/* One place gives at most PLACE_VOTE_CAP votes however often it is named (a headline adds
 * to them): a village named five times in a story from Burkina Faso, which the headline
 * names, must not carry the article to Turkey, where the gazetteer knows its only
 * namesake; Israel named ten times in a story about Rafah must not carry it to Israel. */
enum { PLACES_CAPPED = 64, PLACE_VOTE_CAP = 4 };

struct place_votes {
    int64_t id;
    int votes;
};

/* The votes one more mention of place id may add, and that tally kept; past PLACES_CAPPED
 * distinct places, later ones go uncapped. */
static int capped_place_votes(struct place_votes *seen, size_t *n_seen, int64_t id, int weight)
{
    size_t k = 0;
    while (k < *n_seen && seen[k].id != id)
        k++;
    if (k == *n_seen) {
        if (*n_seen == PLACES_CAPPED)
            return weight;
        seen[(*n_seen)++] = (struct place_votes){id, 0};
    }
    int room = PLACE_VOTE_CAP - seen[k].votes;
    int add = weight < room ? weight : room > 0 ? room : 0;
    seen[k].votes += add;
    return add;
}

/* The country the article is about: its dateline, named countries, unambiguous places. */
static void article_country(struct extractor *x, const struct article *a, char cc[3])
{
    struct country_vote v[32];
    struct place_votes seen[PLACES_CAPPED];
    size_t n = 0, n_seen = 0;
    if (a->dateline) {
        char key[FOLD_CAP];
        struct gaz_place g[MAX_CANDIDATES];
        size_t kl = text_fold(a->dateline, strlen(a->dateline), key, sizeof key);
        if (kl && gazetteer_lookup(x->gaz, key, kl, g, MAX_CANDIDATES))
            vote(v, &n, g[0].country_code, 3, false);
    }
    for (size_t i = 0; i < x->n_pm; i++) {
        const struct place_mention *m = &x->pm[i];
        if (!m->n_cand || m->ambiguous || m->dropped || m->loose)
            continue;
        /* a demonym ("Saudi strikes") says nothing about where the article is */
        const struct gaz_place *g = &m->cand[choose_candidate(m, "")];
        if (g->kind == PLACE_COUNTRY && !same_name(a->text, m, g))
            continue;
        /* the headline names where the story is; a dateline may be a regional bureau's
         * ("DAKAR, Senegal (AP)" over a story from Burkina Faso) */
        int headline = m->sentence == 0 ? 1 : 0;
        bool country = g->kind == PLACE_COUNTRY;
        int weight = capped_place_votes(seen, &n_seen, g->id, country ? 2 : 1);
        vote(v, &n, g->country_code, weight + headline * (country ? 3 : 1), country);
    }
    /* a tie goes to a country the text names */
    cc[0] = '\0';
    int best = 0;
    bool best_named = false;
    for (size_t i = 0; i < n; i++)
        if (v[i].votes > best || (v[i].votes == best && v[i].named && !best_named)) {
            best = v[i].votes;
            best_named = v[i].named;
            memcpy(cc, v[i].cc, 3);
        }
}

/* A division and its seat often share a name (Baghdad, Kabul); news means the city unless
 * it says "province". */
static int prefer_seat(const struct place_mention *m, int k)
{
    const struct gaz_place *d = &m->cand[k];
    if (d->kind != PLACE_ADMIN1 && d->kind != PLACE_ADMIN2)
        return k;
    for (size_t j = 0; j < m->n_cand; j++) {
        const struct gaz_place *c = &m->cand[j];
        /* every candidate answers to the name looked up, so the seat may be spelled
         * otherwise in the gazetteer: Damascus in Dimashq */
        bool inside = !strcmp(c->name, d->name) || c->parent_id == d->id ||
                      (d->kind == PLACE_ADMIN1 && !strcmp(c->admin1, d->name));
        if ((c->kind == PLACE_CITY || c->kind == PLACE_TOWN) && c->population >= 100000 &&
            strcmp(c->country_code, d->country_code) == 0 && inside)
            return (int)j;
    }
    return k;
}

/* The division among the candidates, in the article's country when it has one there. */
static int division_candidate(const struct place_mention *m, const char *cc)
{
    int any = -1;
    for (size_t k = 0; k < m->n_cand; k++) {
        enum place_kind kind = m->cand[k].kind;
        if (kind != PLACE_ADMIN1 && kind != PLACE_ADMIN2)
            continue;
        if (*cc && strcmp(m->cand[k].country_code, cc) == 0)
            return (int)k;
        if (any < 0)
            any = (int)k;
    }
    return any;
}

/* "Gaza" is the city of 410,000 before Mozambique's Gaza province or a GeoNames subdistrict
 * of that name: a division without a seat yields to a big city answering to the same name.
 * At home (in the article's country) only a subdistrict yields; abroad any division. */
static int salient_city(const struct place_mention *m, int k, bool at_home)
{
    enum place_kind kind = m->cand[k].kind;
    if (kind != PLACE_ADMIN2 && (at_home || kind != PLACE_ADMIN1))
        return k;
    int best = -1;
    for (size_t j = 0; j < m->n_cand; j++) {
        const struct gaz_place *c = &m->cand[j];
        if ((c->kind == PLACE_CITY || c->kind == PLACE_TOWN) && c->population >= FAR_POPULATION &&
            (best < 0 || c->population > m->cand[best].population))
            best = (int)j;
    }
    return best >= 0 ? best : k;
}

static int choose_candidate(const struct place_mention *m, const char *cc)
{
    /* "the Red Sea" is the sea, not Egypt's or Sudan's Red Sea province */
    for (size_t k = 0; m->water_name && !m->division_len && k < m->n_cand; k++)
        if (m->cand[k].kind == PLACE_WATER)
            return (int)k;
    int division = m->division_len ? division_candidate(m, cc) : -1;
    if (division >= 0)
        return division;
    for (size_t k = 0; k < m->n_cand; k++)
        if (*cc && strcmp(m->cand[k].country_code, cc) == 0)
            return salient_city(m, prefer_seat(m, (int)k), true);
    return salient_city(m, prefer_seat(m, 0), false);
}

static bool same_country_elsewhere(const struct extractor *x, size_t self, const char *cc)
{
    for (size_t i = 0; i < x->n_pm; i++)
        if (i != self && x->pm[i].n_cand && !x->pm[i].ambiguous &&
            strcmp(x->pm[i].cand[0].country_code, cc) == 0)
            return true;
    return false;
}

/* "AlMada": a brand or a transliterated name, not how a place is written. */
static bool camel_case(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z')
            return true;
    return false;
}

/* The surface is the first word(s) of a longer name: "Saudi" of "Saudi Arabia". */
static bool name_prefix(const char *text, const struct place_mention *m, const struct gaz_place *g)
{
    char a[FOLD_CAP], b[FOLD_CAP];
    size_t al = text_fold(text + m->start, m->len, a, sizeof a);
    text_fold(g->name, strlen(g->name), b, sizeof b);
    return strlen(b) > al && strncmp(a, b, al) == 0 && b[al] == ' ';
}

static bool country_named_elsewhere(const struct extractor *x, size_t self, const char *cc)
{
    for (size_t i = 0; i < x->n_pm; i++)
        if (i != self && x->pm[i].n_cand && !x->pm[i].loose && !x->pm[i].ambiguous &&
            x->pm[i].cand[0].kind == PLACE_COUNTRY &&
            strcmp(x->pm[i].cand[0].country_code, cc) == 0)
            return true;
    return false;
}

static double km_between(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = 3.14159265358979 / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * 6371.0 * asin(sqrt(a < 1 ? a : 1));
}

/* How far g lies from the nearest place in the article's country that the text names
 * plainly (not a country: its centre says little), or -1 when the text names none. */
static double km_to_home(const struct extractor *x, size_t self, const struct gaz_place *g,
                         const char *cc)
{
    double best = -1;
    for (size_t j = 0; j < x->n_pm; j++) {
        const struct place_mention *o = &x->pm[j];
        if (j == self || !o->n_cand || o->dropped || o->ambiguous || o->loose || !o->home)
            continue;
        const struct gaz_place *h = &o->cand[o->chosen];
        double d = km_between(g->lat, g->lon, h->lat, h->lon);
        if (best < 0 || d < best)
            best = d;
    }
    return best;
}

/* A place outside the article's country is a real mention when it lies next to a place
 * the text names in that country, when the text names its country too, or when it is a
 * sizeable place called by its own name ("Aden"); otherwise it is more likely a word or a
 * person ("File", "Peter", "al-Abadi"). */
static bool plausible_abroad(const struct extractor *x, size_t i, const struct gaz_place *g,
                             const char *text, const char *cc)
{
    const struct place_mention *m = &x->pm[i];
    if (g->kind == PLACE_COUNTRY || g->kind == PLACE_WATER || !*g->country_code)
        return !m->loose || g->kind != PLACE_COUNTRY;
    double home = km_to_home(x, i, g, cc);
    if (home >= 0 && home <= NEIGHBOUR_KM && !m->sentence_initial && !m->name_follows)
        return true;
    if (m->loose)
        return false;
    /* "the town of X" abroad: across a border, or in a country the text names; a namesake
     * farther away is more likely a town here the gazetteer lacks (Merawi in Amhara is not
     * Merowe in Sudan) */
    if (m->after_place_word && !m->name_follows &&
        (country_named_elsewhere(x, i, g->country_code) || (home >= 0 && home <= BORDER_KM)))
        return true;
    if (country_named_elsewhere(x, i, g->country_code))
        return !m->name_follows;
    if (m->name_follows || m->sentence_initial || camel_case(text + m->start, m->len))
        return false;
    return same_name(text, m, g) && g->population >= 50000;
}

static bool accept_mention(const struct extractor *x, size_t i, const char *cc, const char *text)
{
    const struct place_mention *m = &x->pm[i];
    if (!m->n_cand)
        return true;
    if (m->outlet_follows)
        return false; /* "By Levant Monitor staff", "the Kabul Times" */
    const struct gaz_place *g = &m->cand[choose_candidate(m, cc)];
    /* a respelling opening a sentence, with no country to anchor it, is most likely an
     * ordinary capitalised word ("Aid convoy" is not Eid in Eritrea) */
    if (m->loose && m->sentence_initial && (!*cc || strcmp(g->country_code, cc) != 0))
        return false;
    if (*cc && strcmp(g->country_code, cc) != 0 && !plausible_abroad(x, i, g, text, cc))
        return false;
    if (g->kind == PLACE_COUNTRY && !same_name(text, m, g) &&
        (m->name_follows || name_prefix(text, m, g)))
        return false; /* "Saudi Hospital", "Saudi strikes": a demonym, not Saudi Arabia */
    if (m->name_follows && !same_name(text, m, g) && name_prefix(text, m, g))
        return false; /* "Jesus Christ" is not Jesus Carranza, whose first word it shares */
    if (!g->ambiguous)
        return true;
    if (m->after_place_word)
        return true;
    if (m->sentence_initial || !m->after_preposition || !*cc)
        return false;
    int k = choose_candidate(m, cc);
    return strcmp(m->cand[k].country_code, cc) == 0 && same_country_elsewhere(x, i, cc);
}

static void fill_chain(struct extractor *x, struct place_fact *p, int64_t parent_id)
{
    struct place_ref chain[8];
    size_t n = 0;
    struct gaz_place g;
    while (parent_id && n < 8 && gazetteer_get(x->gaz, parent_id, &g) == 0) {
        chain[n].name = strdup(g.name);
        chain[n].kind = g.kind;
        chain[n].gazetteer_id = g.id;
        n++;
        parent_id = g.parent_id;
    }
    if (!n)
        return;
    p->parent = strdup(chain[0].name);
    p->chain = malloc(n * sizeof *p->chain);
    if (!p->chain) {
        for (size_t i = 0; i < n; i++)
            free(chain[i].name);
        return;
    }
    for (size_t i = 0; i < n; i++)
        p->chain[i] = chain[n - 1 - i]; /* outermost first */
    p->n_chain = n;
}

static int place_from_gazetteer(struct extractor *x, struct facts *f, const struct gaz_place *g)
{
    for (size_t i = 0; i < f->n_places; i++)
        if (f->places[i].gazetteer_id == g->id)
            return (int)i;
    struct place_fact *p = facts_add_place(f);
    if (!p)
        return -1;
    p->name = strdup(g->name);
    p->kind = g->kind;
    p->admin1 = g->kind == PLACE_ADMIN1 || g->kind == PLACE_COUNTRY
                    ? NULL
                    : extract_dup_nonempty(g->admin1);
    p->country = extract_dup_nonempty(g->country);
    p->country_code = extract_dup_nonempty(g->country_code);
    p->lat = g->lat;
    p->lon = g->lon;
    p->has_coords = true;
    p->gazetteer_id = g->id;
    fill_chain(x, p, g->parent_id);
    return (int)(p - f->places);
}

/* The country its own sentence names last before a mention ("In neighbouring Mali, ... a
 * camp at Boulkessi"), or NULL. One named after it is more often a neighbour ("in Oudalan
 * province, close to the borders with Mali"). */
static const struct place_fact *
country_in_sentence(const struct extractor *x, const struct facts *f, const struct place_mention *m)
{
    const struct place_fact *best = NULL;
    size_t best_d = 0;
    for (size_t k = 0; k < x->n_pm; k++) {
        const struct place_mention *o = &x->pm[k];
        if (o->sentence != m->sentence || o->fact < 0 || o->start > m->start ||
            f->places[o->fact].kind != PLACE_COUNTRY)
            continue;
        size_t d = m->start - o->start;
        if (!best || d < best_d) {
            best = &f->places[o->fact];
            best_d = d;
        }
    }
    return best;
}

/* The gazetteer place nearest to a mention in its sentence ("near the town of Djibo in Soum
 * province": Soum lies where Djibo does), or NULL. */
static const struct place_fact *known_place_beside(const struct extractor *x, const struct facts *f,
                                                   const struct place_mention *m)
{
    const struct place_fact *best = NULL;
    size_t best_d = 0;
    for (size_t k = 0; k < x->n_pm; k++) {
        const struct place_mention *o = &x->pm[k];
        if (o->sentence != m->sentence || o->fact < 0 || !o->n_cand ||
            !f->places[o->fact].country_code)
            continue;
        size_t d = o->start > m->start ? o->start - m->start : m->start - o->start;
        if (!best || d < best_d) {
            best = &f->places[o->fact];
            best_d = d;
        }
    }
    return best;
}

/* A place known only from the text: its name as written (without a leading "the"). */
static int place_from_text(struct extractor *x, struct facts *f, const char *text,
                           const struct place_mention *m, const char *cc)
{
    char key[FOLD_CAP], other[FOLD_CAP];
    text_fold(text + m->start, m->len, key, sizeof key);
    for (size_t i = 0; i < f->n_places; i++) {
        if (f->places[i].gazetteer_id)
            continue;
        text_fold(f->places[i].name, strlen(f->places[i].name), other, sizeof other);
        if (strcmp(key, other) == 0)
            return (int)i;
    }
    struct place_fact *p = facts_add_place(f);
    if (!p)
        return -1;
    int idx = (int)(p - f->places);
    p->name = text_dup_span(text + m->start, m->len);
    p->kind = m->context_kind;
    const struct place_fact *parent = m->parent_mention >= 0 && x->pm[m->parent_mention].fact >= 0
                                          ? &f->places[x->pm[m->parent_mention].fact]
                                          : NULL;
    const struct place_fact *land = parent ? NULL : country_in_sentence(x, f, m);
    const struct place_fact *beside = parent || land ? NULL : known_place_beside(x, f, m);
    if (parent) {
        p->parent = strdup(parent->name);
        p->admin1 = parent->kind == PLACE_ADMIN1 ? strdup(parent->name)
                                                 : extract_dup_nonempty(parent->admin1);
        p->country = extract_dup_nonempty(parent->country);
        p->country_code = extract_dup_nonempty(parent->country_code);
    } else if (land) {
        p->country = extract_dup_nonempty(land->name);
        p->country_code = extract_dup_nonempty(land->country_code);
    } else if (beside) {
        p->country = extract_dup_nonempty(beside->country);
        p->country_code = extract_dup_nonempty(beside->country_code);
    } else if (*cc) {
        struct gaz_place g;
        if (gazetteer_country(x->gaz, cc, &g) == 0) {
            p->country = strdup(g.name);
            p->country_code = strdup(cc);
        }
    }
    return idx;
}

static void record_mention(struct facts *f, int fact, const char *text,
                           const struct place_mention *m)
{
    struct place_fact *p = &f->places[fact];
    p->count++;
    if (p->first_sentence < 0)
        p->first_sentence = m->sentence;
    char *s = text_dup_span(text + m->start, m->len + m->division_len);
    if (s)
        facts_add_surface(&p->surface, &p->n_surface, s);
    free(s);
    if (m->bare_len && (s = text_dup_span(text + m->start, m->bare_len)) != NULL) {
        facts_add_surface(&p->surface, &p->n_surface, s);
        free(s);
    }
    struct mention *mm = facts_add_mention(f);
    if (mm) {
        mm->type = MENTION_PLACE;
        mm->index = fact;
        mm->sentence = m->sentence;
        mm->start = m->start;
        mm->len = m->len;
    }
}

/* The dateline ("BAGHDAD") is a place the article names even when the parser has taken it
 * out of the clean text. */
static int add_dateline_place(struct extractor *x, const struct article *a, const char *cc,
                              struct facts *f)
{
    if (!a->dateline || !*a->dateline)
        return -1;
    char key[FOLD_CAP];
    struct place_mention m;
    memset(&m, 0, sizeof m);
    size_t kl = text_fold(a->dateline, strlen(a->dateline), key, sizeof key);
    bool loose;
    m.n_cand = kl && kl < FOLD_CAP - 1 ? extract_lookup_any(x, key, kl, m.cand, &loose) : 0;
    if (!m.n_cand)
        return -1;
    size_t before = f->n_places;
    int fact = place_from_gazetteer(x, f, &m.cand[choose_candidate(&m, cc)]);
    if (fact < 0)
        return -1;
    struct place_fact *p = &f->places[fact];
    if (f->n_places > before) {
        p->count = 1;
        p->first_sentence = 0;
    }
    facts_add_surface(&p->surface, &p->n_surface, a->dateline);
    return fact;
}

/* "MEXICO CITY (AP) — Gunmen ...": the text keeps the dateline it was read from, so the
 * dateline place counted it once already; its mention there is not one more, and no
 * figure's place (figures take the nearest name, which a lede's first words are not). */
static void uncount_dateline_in_text(struct extractor *x, const struct article *a, int fact,
                                     struct facts *f)
{
    size_t dl = strlen(a->dateline);
    for (size_t i = 0; i < x->n_pm; i++) {
        struct place_mention *m = &x->pm[i];
        bool line_start = m->start == 0 || a->text[m->start - 1] == '\n';
        if (m->fact == fact && line_start && m->len == dl &&
            strncasecmp(a->text + m->start, a->dateline, dl) == 0) {
            if (f->places[fact].count > 1)
                f->places[fact].count--;
            m->is_dateline = true;
            return;
        }
    }
}

/* "flown to Texas" in a story from Mexico: a small place at home that shares its name with
 * a division or a big city of another country the text names is that division or city. */
static int prefer_named_abroad(const struct extractor *x, size_t i, int k)
{
    const struct place_mention *m = &x->pm[i];
    const struct gaz_place *home = &m->cand[k];
    if ((home->kind != PLACE_VILLAGE && home->kind != PLACE_TOWN) ||
        home->population >= FAR_POPULATION)
        return k;
    for (size_t j = 0; j < m->n_cand; j++) {
        const struct gaz_place *c = &m->cand[j];
        if (!strcmp(c->country_code, home->country_code))
            continue;
        bool big =
            c->kind == PLACE_ADMIN1 || (c->kind == PLACE_CITY && c->population >= FAR_POPULATION);
        if (big && country_named_elsewhere(x, i, c->country_code))
            return (int)j;
    }
    return k;
}

/* The chosen namesake is a smallish place abroad, far from every place of the article's
 * country the text names. */
static bool far_namesake(const struct extractor *x, size_t i, const char *cc)
{
    const struct place_mention *m = &x->pm[i];
    const struct gaz_place *g = &m->cand[choose_candidate(m, cc)];
    if (!*cc || !strcmp(g->country_code, cc) || g->kind == PLACE_COUNTRY ||
        g->kind == PLACE_ADMIN1 || g->kind == PLACE_WATER || g->kind == PLACE_REGION ||
        g->population >= FAR_POPULATION)
        return false;
    return km_to_home(x, i, g, cc) > FAR_KM;
}

/* Whether the text calls the same name a place elsewhere ("the attack on Solhan in
 * northern Burkina Faso"), which then holds for every mention of it ("Solhan attack toll
 * rises"). */
static bool text_names_elsewhere(const struct extractor *x, size_t self, const char *text)
{
    const struct place_mention *m = &x->pm[self];
    for (size_t i = 0; i < x->n_pm; i++) {
        const struct place_mention *o = &x->pm[i];
        if (i != self && o->text_names && !o->dropped && o->len == m->len &&
            strncasecmp(text + o->start, text + m->start, m->len) == 0)
            return true;
    }
    return false;
}

/* "the hamlet of La Mora in Sonora state": the text puts the place in a province, and no
 * namesake the gazetteer knows lies in it (its La Moras are in Jalisco and Michoacan), so it
 * is a place the gazetteer lacks, in that province. */
static bool outside_named_province(const struct extractor *x, size_t i)
{
    const struct place_mention *m = &x->pm[i];
    if (m->parent_mention < 0)
        return false;
    const struct place_mention *up = &x->pm[m->parent_mention];
    if (!up->n_cand || up->dropped)
        return false;
    const struct gaz_place *province = &up->cand[up->chosen];
    if (province->kind != PLACE_ADMIN1)
        return false;
    for (size_t k = 0; k < m->n_cand; k++) {
        const struct gaz_place *g = &m->cand[k];
        if (g->id == province->id || g->parent_id == province->id ||
            (strcmp(g->country_code, province->country_code) == 0 &&
             strcmp(g->admin1, province->name) == 0))
            return false;
    }
    return true;
}

/* Each mention's candidate for the article's country, and whether km_to_home measures from
 * it: km_to_home asks about every other mention for each one it judges, and a mention's
 * choice stays as it is while resolving (a rejected mention only loses its candidates). */
static void note_choices(struct extractor *x, const char *cc)
{
    for (size_t j = 0; j < x->n_pm; j++) {
        struct place_mention *o = &x->pm[j];
        o->chosen = o->n_cand ? choose_candidate(o, cc) : 0;
        const struct gaz_place *h = &o->cand[o->chosen];
        o->home = o->n_cand && strcmp(h->country_code, cc) == 0 && h->kind != PLACE_COUNTRY &&
                  !(h->lat == 0 && h->lon == 0);
    }
}

void extract_resolve_places(struct extractor *x, const struct article *a, struct facts *f)
{
    char cc[3];
    article_country(x, a, cc);
    note_choices(x, cc);
    int dateline_fact = add_dateline_place(x, a, cc, f);
    for (size_t i = 0; i < x->n_pm; i++) {
        struct place_mention *m = &x->pm[i];
        if (!m->n_cand || m->dropped)
            continue;
        if (!accept_mention(x, i, cc, a->text)) {
            if ((m->text_names || text_names_elsewhere(x, i, a->text)) && !m->outlet_follows)
                m->n_cand = 0; /* "the Zap region": a place here, whatever else shares it */
            continue;
        }
        enum place_kind chosen = m->cand[choose_candidate(m, cc)].kind;
        if (m->local_noun &&
            (chosen == PLACE_COUNTRY || chosen == PLACE_ADMIN1 || chosen == PLACE_ADMIN2)) {
            m->n_cand = 0; /* "the Qadisiya neighbourhood" of a city, not the province */
            continue;
        }
        if (outside_named_province(x, i)) {
            m->n_cand = 0; /* placed below from the text, in its province */
            continue;
        }
        if (far_namesake(x, i, cc)) {
            m->n_cand = 0; /* a place here the gazetteer lacks, named like one far away */
            continue;
        }
        int k = prefer_named_abroad(x, i, choose_candidate(m, cc));
        m->fact = place_from_gazetteer(x, f, &m->cand[k]);
        if (m->fact >= 0)
            record_mention(f, m->fact, a->text, m);
    }
    for (size_t i = 0; i < x->n_pm; i++) {
        struct place_mention *m = &x->pm[i];
        if (m->n_cand)
            continue;
        m->fact = place_from_text(x, f, a->text, m, cc);
        if (m->fact >= 0)
            record_mention(f, m->fact, a->text, m);
    }
    if (dateline_fact >= 0)
        uncount_dateline_in_text(x, a, dateline_fact, f);
}
