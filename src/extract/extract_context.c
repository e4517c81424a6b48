/* extract_context.c: places the text names as places but the gazetteer lacks ("the village
 * of Albu Jabir", "Albu Bali neighborhood"). */
#include "extract/extract_int.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- places the text names but the gazetteer lacks ---- */

/* Nouns the text calls a place by ("the village of X", "the Y neighborhood"), and the kind
 * each gives; the lists are parallel. */
static const char *const place_noun_words[] = {
    "village",      "town",        "city",   "district", "neighborhood", "neighbourhood",
    "area",         "region",      "suburb", "camp",     "field",        "oilfield",
    "site",         "market",      "bridge", "base",     "airbase",      "province",
    "governorate",  "subdistrict", "valley", "desert",   "mountains",    "island",
    "square",       "territory",   "zone",   "oblast",   "raion",        "commune",
    "municipality", "hamlet",      NULL};

static const enum place_kind place_noun_kinds[] = {
    PLACE_VILLAGE,      PLACE_TOWN,     PLACE_CITY,     PLACE_NEIGHBORHOOD, PLACE_NEIGHBORHOOD,
    PLACE_NEIGHBORHOOD, PLACE_REGION,   PLACE_REGION,   PLACE_NEIGHBORHOOD, PLACE_LANDMARK,
    PLACE_LANDMARK,     PLACE_LANDMARK, PLACE_LANDMARK, PLACE_LANDMARK,     PLACE_LANDMARK,
    PLACE_LANDMARK,     PLACE_LANDMARK, PLACE_ADMIN1,   PLACE_ADMIN1,       PLACE_REGION,
    PLACE_REGION,       PLACE_REGION,   PLACE_REGION,   PLACE_REGION,       PLACE_LANDMARK,
    PLACE_REGION,       PLACE_REGION,   PLACE_ADMIN1,   PLACE_REGION,       PLACE_TOWN,
    PLACE_TOWN,         PLACE_VILLAGE};
_Static_assert(sizeof place_noun_kinds / sizeof place_noun_kinds[0] ==
                   sizeof place_noun_words / sizeof place_noun_words[0] - 1,
               "a kind for every place noun");

static const char *const directions[] = {
    "north",      "south",      "east",       "west",       "northeast", "northwest",
    "southeast",  "southwest",  "northern",   "southern",   "eastern",   "western",
    "north-east", "north-west", "south-east", "south-west", NULL};

/* The roles a word plays in the rules below, besides a place noun's. */
enum context_role {
    ROLE_DIRECTION = 1,  /* "north", "south-west" */
    ROLE_DIVISION = 2,   /* "oblast", "province": division_word_after */
    ROLE_FACILITY = 4,   /* "post", "camp": context_facility_at */
    ROLE_TAKES_NAME = 8, /* "at", "attacked": context_name_in_place */
    ROLE_ASSAULT = 16,   /* "attack", "raid": "the attack on X" */
};

static const char *const divisions[] = {"oblast", "province",   "governorate", "region",
                                        "state",  "prefecture", "raion",       NULL};
static const char *const facilities[] = {
    "post",     "outpost",   "camp",     "base",    "checkpoint", "barracks", "garrison",
    "position", "positions", "airfield", "airport", "crossing",   NULL};
static const char *const name_takers[] = {
    "at",      "in",       "near",    "outside",    "from",     "attacked", "raided",
    "stormed", "shelled",  "bombed",  "overran",    "captured", "seized",   "recaptured",
    "retook",  "besieged", "entered", "surrounded", NULL};
/* "the attack on Solhan in northern Burkina Faso" */
static const char *const assaults[] = {"attack",  "attacks",  "raid",      "raids",
                                       "assault", "strike",   "strikes",   "airstrike",
                                       "ambush",  "massacre", "offensive", NULL};

/* Every word of the lists above and of place_noun_words, with its plural: one lookup of a
 * token answers all of them. Built once, then read-only. */
#define CONTEXT_WORDS_CAP 160
struct context_word {
    unsigned roles;
    int noun;        /* index in place_noun_words of the word, or -1 */
    int plural_noun; /* of the word less its final "s", or -1 */
};
static const char *context_words[CONTEXT_WORDS_CAP + 1];
static struct context_word context_info[CONTEXT_WORDS_CAP];
static size_t n_context_words;
static char plural_text[CONTEXT_WORDS_CAP][24];
static const struct word_table *context_table;
static pthread_once_t context_once = PTHREAD_ONCE_INIT;

/* The entry of word, added when new. */
static struct context_word *context_entry(const char *word)
{
    for (size_t k = 0; k < n_context_words; k++)
        if (strcmp(context_words[k], word) == 0)
            return &context_info[k];
    if (n_context_words == CONTEXT_WORDS_CAP)
        abort(); /* the lists above outgrew CONTEXT_WORDS_CAP */
    context_words[n_context_words] = word;
    context_info[n_context_words] = (struct context_word){0, -1, -1};
    return &context_info[n_context_words++];
}

static void add_role_words(const char *const *words, unsigned role)
{
    for (size_t k = 0; words[k]; k++)
        context_entry(words[k])->roles |= role;
}

static void build_context_words(void)
{
    for (int k = 0; place_noun_words[k]; k++) {
        struct context_word *w = context_entry(place_noun_words[k]);
        if (w->noun < 0)
            w->noun = k; /* a word listed twice keeps its first index, as token_find did */
        char *plural = plural_text[k];
        if (strlen(place_noun_words[k]) + 2 > sizeof plural_text[k])
            abort();
        strcpy(plural, place_noun_words[k]);
        strcat(plural, "s");
        w = context_entry(plural);
        if (w->plural_noun < 0)
            w->plural_noun = k;
    }
    add_role_words(directions, ROLE_DIRECTION);
    add_role_words(divisions, ROLE_DIVISION);
    add_role_words(facilities, ROLE_FACILITY);
    add_role_words(name_takers, ROLE_TAKES_NAME);
    add_role_words(assaults, ROLE_ASSAULT);
    context_table = word_table_of(context_words, n_context_words);
}

/* What token i is to the rules: its roles and the place noun it is, if any. */
struct context_token {
    unsigned roles;
    int noun; /* index in place_noun_words, singular or plural ("the districts of X and Y"
                 names several), or -1 */
};

static struct context_token look_up_context(const struct tokens *t, size_t i)
{
    struct context_token c = {0, -1};
    if (i >= t->n)
        return c;
    const struct token *tk = &t->tok[i];
    int e = context_table
                ? token_find_in(t, i, context_table)
                : words_find(context_words, n_context_words, t->text + tk->start, tk->len);
    if (e < 0)
        return c;
    const struct context_word *w = &context_info[e];
    c.roles = w->roles;
    /* the plural is read off a lower-case "s" only, as the singular less its last byte */
    int plural = t->text[tk->start + tk->len - 1] == 's' ? w->plural_noun : -1;
    c.noun = w->noun < 0 || (plural >= 0 && plural < w->noun) ? plural : w->noun;
    return c;
}

/* Every token's, kept in x->context; none when out of memory (then asked token by token). */
static void note_context(struct extractor *x)
{
    const struct tokens *t = &x->toks;
    x->n_context = 0;
    if (t->n > x->cap_context) {
        struct context_token *p = realloc(x->context, t->n * sizeof *p);
        if (!p)
            return;
        x->context = p;
        x->cap_context = t->n;
    }
    for (size_t i = 0; i < t->n; i++)
        x->context[i] = look_up_context(t, i);
    x->n_context = t->n;
}

static struct context_token context_at(const struct extractor *x, size_t i)
{
    return i < x->n_context ? x->context[i] : look_up_context(&x->toks, i);
}

/* The index of the place noun token i is, in the singular or the plural, or -1. */
static int place_noun(const struct extractor *x, size_t i)
{
    return context_at(x, i).noun;
}

static bool has_role(const struct extractor *x, size_t i, enum context_role role)
{
    return (context_at(x, i).roles & role) != 0;
}

/* The gazetteer mention starting exactly at this offset, or -1. */
static int mention_at(const struct extractor *x, size_t first_pm, size_t start)
{
    for (size_t k = first_pm; k < x->n_pm; k++)
        if (x->pm[k].start == start && x->pm[k].n_cand)
            return (int)k;
    return -1;
}

static int mention_at_token(const struct extractor *x, size_t first_pm, size_t k)
{
    const struct tokens *t = &x->toks;
    if (token_is(t, k, "the") && place_noun(x, k + 1) >= 0 && token_is(t, k + 2, "of"))
        k += 3;
    else if (token_is(t, k, "the") && token_is(t, k + 1, "capital"))
        k += 2; /* "west of the capital, Mogadishu" */
    return k < t->n ? mention_at(x, first_pm, t->tok[k].start) : -1;
}

/* "X, south of Y" / "X, 20 km north of Y" / "X near Y" / "X, west of the city of Y": the
 * known place that holds X, or -1. */
static int parent_after(const struct extractor *x, size_t first_pm, size_t j)
{
    const struct tokens *t = &x->toks;
    size_t k = j;
    if (token_is(t, k, "near") || token_is(t, k, "in") || token_is(t, k, "outside"))
        return mention_at_token(x, first_pm, k + 1);
    static const char *const approximately[] = {"some",   "about",         "around", "roughly",
                                                "nearly", "approximately", "just",   NULL};
    if (token_in(t, k, approximately) && k + 1 < t->n && (t->tok[k + 1].flags & TOK_DIGIT))
        k++; /* "some 70 km southwest of" */
    if (k < t->n && (t->tok[k].flags & TOK_DIGIT))
        k += 2; /* "20 km" */
    if (has_role(x, k, ROLE_DIRECTION) && token_is(t, k + 1, "of"))
        return mention_at_token(x, first_pm, k + 2);
    /* "X, a region of the town of Y" */
    if ((token_is(t, k, "a") || token_is(t, k, "the")) && place_noun(x, k + 1) >= 0 &&
        token_is(t, k + 2, "of"))
        return mention_at_token(x, first_pm, k + 3);
    return -1;
}

/* A word that can be part of a name: capitalised, not already a place or actor, and not an
 * adjective compound ("Daesh-held", "IS-controlled"). */
static bool name_token(const struct tokens *t, size_t i)
{
    /* "the Defense Ministry base", "the Security Council area": institutions, not places */
    static const char *const institutions[] = {
        "ministry",  "council",    "command",      "forces",       "force",      "army",
        "police",    "government", "committee",    "agency",       "office",     "headquarters",
        "party",     "group",      "front",        "brigade",      "brigades",   "division",
        "battalion", "university", "hospital",     "company",      "bank",       "school",
        "mosque",    "church",     "embassy",      "consulate",    "parliament", "court",
        "militia",   "movement",   "organization", "organisation", NULL};
    if (i >= t->n || !(t->tok[i].flags & (TOK_CAP | TOK_ARTICLE)) ||
        (t->tok[i].flags & (TOK_ACTOR | TOK_PERSON)) || token_in(t, i, institutions))
        return false;
    const char *w = t->text + t->tok[i].start;
    const char *dash = NULL;
    for (size_t k = 0; k < t->tok[i].len; k++)
        if (w[k] == '-')
            dash = w + k;
    if (!dash || !(dash[1] >= 'a' && dash[1] <= 'z'))
        return true;
    /* a Persian or Pashto connective ends a name's word: "Pul-e Sukhta", "Dasht-e Barchi" */
    return (size_t)(w + t->tok[i].len - dash) <= 3;
}

/* Length of the name starting at token i (at most 4 words, no punctuation inside). */
static size_t name_length(const struct tokens *t, size_t i)
{
    size_t n = 0;
    while (n < 4 && name_token(t, i + n)) {
        n++;
        if (t->tok[i + n - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE))
            break;
    }
    for (size_t k = 0; k < n; k++)
        if (n == 1 && token_in(t, i + k, extract_not_places))
            return 0;
    return n;
}

/* A gazetteer mention inside [start, end) of this sentence: the whole name (the gazetteer
 * knows it: nothing to add) or a part of it ("Wadi" of "Wadi Muweil": the longer name wins). */
static bool known_or_drop_parts(struct extractor *x, size_t first_pm, size_t start, size_t end,
                                enum place_kind kind, int parent)
{
    for (size_t k = first_pm; k < x->n_pm; k++) {
        struct place_mention *m = &x->pm[k];
        if (m->n_cand && !m->dropped && m->start <= start && m->start + m->len >= end &&
            m->len > end - start)
            return true; /* the gazetteer took it with its noun: "Kurram district" */
        if (!m->n_cand || m->dropped || m->start < start || m->start + m->len > end)
            continue;
        if (m->start == start && m->len == end - start) {
            /* should its only namesakes be abroad, the text's word still makes it a place */
            m->text_names = true;
            m->context_kind = kind;
            m->parent_mention = parent;
            return true;
        }
        m->dropped = true;
    }
    return false;
}

static void add_context_place(struct extractor *x, int sentence, size_t i, size_t n,
                              enum place_kind kind, int parent, size_t first_pm)
{
    struct tokens *t = &x->toks;
    size_t start = t->tok[i].start;
    size_t end = t->tok[i + n - 1].start + t->tok[i + n - 1].len;
    for (size_t k = first_pm; k < x->n_pm; k++)
        if (!x->pm[k].n_cand && x->pm[k].start == start)
            return;
    if (known_or_drop_parts(x, first_pm, start, end, kind, parent))
        return;
    struct place_mention *m = extract_new_mention(x);
    if (!m)
        return;
    m->sentence = sentence;
    m->start = start;
    m->len = end - start;
    m->context_kind = kind;
    m->parent_mention = parent;
    for (size_t k = i; k < i + n; k++)
        t->tok[k].flags |= TOK_PLACE;
}

/* Whether the gap after token i holds character c. */
static bool punctuation_after(const struct tokens *t, size_t i, char c)
{
    if (i + 1 >= t->n)
        return false;
    for (size_t p = t->tok[i].start + t->tok[i].len; p < t->tok[i + 1].start; p++)
        if (t->text[p] == c)
            return true;
    return false;
}

/* "the village of Albu Jabir", "the districts of Albu Ifan and al-Dhaviyah south of X" */
static void context_noun_of(struct extractor *x, int sentence, size_t i, size_t first_pm)
{
    const struct tokens *t = &x->toks;
    if ((t->tok[i].flags & TOK_CAP) || !token_is(t, i + 1, "of"))
        return;
    int pn = place_noun(x, i);
    if (pn < 0)
        return;
    size_t names[4][2], nn = 0, k = i + 2, by_comma = 0;
    bool closed = false;
    while (nn < 4) {
        size_t n = name_length(t, k);
        if (!n || token_in(t, k, extract_person_titles))
            break;
        names[nn][0] = k;
        names[nn][1] = n;
        nn++;
        k += n;
        closed = nn > 1 && by_comma < nn - 1;
        /* "the towns of Kfar Roummane, Zawtar al-Sharqiyah and Doueir" */
        if (punctuation_after(t, k - 1, ',') && name_length(t, k) && !token_is(t, k, "and")) {
            by_comma++;
            continue;
        }
        if (!(token_is(t, k, "and") || token_is(t, k, "or")) ||
            (t->tok[k - 1].flags & TOK_BREAK_AFTER && !token_is(t, k, "and")))
            break;
        k++;
    }
    /* names after commas count only in a list an "and" closes: "the city of Kherson,
     * Governor Oleksandr Prokudin said" is one place */
    if (by_comma && !closed)
        nn -= by_comma < nn ? by_comma : nn - 1;
    int parent = parent_after(x, first_pm, k);
    for (size_t q = 0; q < nn; q++)
        add_context_place(x, sentence, names[q][0], names[q][1], place_noun_kinds[pn], parent,
                          first_pm);
}

/* "the Qadisiya neighbourhood": a known name the text calls a neighbourhood, suburb, camp,
 * market or square is not the province or country that shares it. */
static void mark_local_noun(struct extractor *x, size_t s, size_t noun, size_t first_pm)
{
    static const char *const local[] = {
        "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "suburb", "suburbs",
        "camp",          "camps",        "market",         "square",        NULL};
    const struct tokens *t = &x->toks;
    if (!token_in(t, noun, local))
        return;
    size_t start = t->tok[s].start, end = t->tok[noun - 1].start + t->tok[noun - 1].len;
    for (size_t k = first_pm; k < x->n_pm; k++)
        if (x->pm[k].n_cand && x->pm[k].start == start && x->pm[k].start + x->pm[k].len == end)
            x->pm[k].local_noun = true;
}

/* "the Mugunga and Lac Vert sites", "the Shuhada and Qadisiya neighbourhoods": the name
 * before "and" shares the (plural) noun after the second. s is where the second begins. */
static void coordinated_name_before(struct extractor *x, int sentence, size_t s, size_t noun,
                                    enum place_kind kind, size_t first_pm)
{
    const struct tokens *t = &x->toks;
    const struct token *nt = &t->tok[noun];
    bool plural = nt->len > 3 && t->text[nt->start + nt->len - 1] == 's';
    if (s < 2 || !token_is(t, s - 1, "and") || (t->tok[s - 2].flags & TOK_BREAK_AFTER))
        return;
    /* the names of "the A, B and C areas", back to the "the" that opens the list */
    size_t starts[4], lens[4], count = 0, end = s - 1;
    for (;;) {
        size_t b = end;
        while (b > 0 && end - b < 3 && name_token(t, b - 1) &&
               !(b < end && (t->tok[b - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE))))
            b--;
        if (b == end || b == 0 || count == 4)
            return;
        if (end - b == 1 &&
            (token_in(t, b, extract_not_places) || token_in(t, b, extract_demonyms)))
            return;
        starts[count] = b, lens[count++] = end - b;
        /* the list opens after "the", or after a verb or preposition when the noun is plural
         * ("attacked Dan Gulbi and Kwana villages") */
        if (token_is(t, b - 1, "the") ||
            (plural && !(t->tok[b - 1].flags & (TOK_CAP | TOK_DIGIT | TOK_BREAK_AFTER))))
            break;
        /* another item before a comma: "Ain Zara, Salah al-Din" */
        if (!punctuation_after(t, b - 1, ','))
            return;
        end = b;
    }
    for (size_t k = 0; k < count; k++)
        add_context_place(x, sentence, starts[k], lens[k], kind, -1, first_pm);
}

/* "the Albu Bali neighborhood", "the Khor Mor gas field" */
static void context_name_noun(struct extractor *x, int sentence, size_t i, size_t first_pm)
{
    const struct tokens *t = &x->toks;
    if (i == 0 || (t->tok[i].flags & TOK_CAP) || (t->tok[i - 1].flags & TOK_BREAK_AFTER))
        return;
    int pn = place_noun(x, i);
    if (pn < 0)
        return;
    size_t s = i;
    /* "the Khor Mor gas field": what the field holds stands between name and noun */
    if ((token_is(t, i, "field") || token_is(t, i, "fields")) &&
        (token_is(t, i - 1, "gas") || token_is(t, i - 1, "oil")) && i >= 2)
        s = --i;
    while (s > 0 && i - s < 3 && name_token(t, s - 1) &&
           !(s < i && (t->tok[s - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE))))
        s--;
    if (s == i || s == 0 || token_in(t, s - 1, extract_person_titles))
        return;
    if (i - s == 1 && (token_in(t, s, extract_not_places) || token_in(t, s, extract_demonyms)))
        return;
    /* "a mainly Shi'ite neighbourhood", "an Israeli base": a description, not a name */
    size_t before = s - 1;
    if (before > 0 && t->tok[before].len > 3 &&
        strncmp(t->text + t->tok[before].start + t->tok[before].len - 2, "ly", 2) == 0)
        before--;
    if (token_is(t, before, "a") || token_is(t, before, "an"))
        return;
    add_context_place(x, sentence, s, i - s, place_noun_kinds[pn], -1, first_pm);
    coordinated_name_before(x, sentence, s, i, place_noun_kinds[pn], first_pm);
    mark_local_noun(x, s, i, first_pm);
}

/* "at Dauran, a neighbouring community", "in Sabiid, a small village": after a
 * preposition, a name the next words describe as a place. */
static void described_place(struct extractor *x, int sentence, size_t i, size_t n, size_t first_pm)
{
    static const char *const preps[] = {"in",      "at",     "near",    "from", "to",
                                        "outside", "toward", "towards", "into", NULL};
    static const char *const settlements[] = {"community", "settlement", "hamlet", NULL};
    const struct tokens *t = &x->toks;
    size_t j = i + n;
    if (i == 0 || !token_in(t, i - 1, preps) || j >= t->n ||
        !(token_is(t, j, "a") || token_is(t, j, "an")))
        return;
    bool comma = false;
    for (size_t p = t->tok[j - 1].start + t->tok[j - 1].len; p < t->tok[j].start; p++)
        comma |= t->text[p] == ',';
    if (!comma)
        return;
    for (size_t k = j + 1; k < t->n && k <= j + 3; k++) {
        if (t->tok[k].flags & (TOK_CAP | TOK_DIGIT))
            return;
        int pn = place_noun(x, k);
        if (pn >= 0 || token_in(t, k, settlements)) {
            add_context_place(x, sentence, i, n, pn >= 0 ? place_noun_kinds[pn] : PLACE_VILLAGE, -1,
                              first_pm);
            return;
        }
        if (t->tok[k].flags & TOK_BREAK_AFTER)
            return;
    }
}

/* "west of the city", "20 km north of the capital": a bearing from a place the text has
 * already named, starting at token j. */
static bool direction_of_the_place(const struct extractor *x, size_t j)
{
    const struct tokens *t = &x->toks;
    if (j < t->n && (t->tok[j].flags & TOK_DIGIT))
        j += 2; /* "20 km" */
    return has_role(x, j, ROLE_DIRECTION) && token_is(t, j + 1, "of") &&
           token_is(t, j + 2, "the") &&
           (place_noun(x, j + 3) >= 0 || token_is(t, j + 3, "capital"));
}

/* "in Mutaibija, south of Tikrit", "at Wadi Muweil, west of the city of Ramadi",
 * "in al-Rabt, a region of the town of Qaem" */
static void context_apposition(struct extractor *x, int sentence, size_t i, size_t first_pm)
{
    const struct tokens *t = &x->toks;
    if (!(t->tok[i].flags & (TOK_CAP | TOK_ARTICLE)))
        return; /* no name starts here (name_length), so no list need be asked */
    /* after a preposition or a verb ("reached Mutaibija, south of Tikrit"), not a title */
    if (i == 0 || (t->tok[i - 1].flags & (TOK_CAP | TOK_DIGIT | TOK_BREAK_AFTER)) ||
        token_in(t, i - 1, extract_person_titles))
        return;
    size_t n = name_length(t, i);
    if (!n || !(t->tok[i + n - 1].flags & TOK_BREAK_AFTER))
        return;
    int parent = parent_after(x, first_pm, i + n);
    if (parent < 0 && direction_of_the_place(x, i + n)) {
        /* "near Um Sumeima, west of the city": placed, though not by name */
        add_context_place(x, sentence, i, n, PLACE_VILLAGE, -1, first_pm);
        return;
    }
    if (parent < 0) {
        described_place(x, sentence, i, n, first_pm);
        return;
    }
    int pn = place_noun(x, i + n + 1);
    add_context_place(x, sentence, i, n, pn >= 0 ? place_noun_kinds[pn] : PLACE_VILLAGE, parent,
                      first_pm);
}

/* A place mention so far (any sentence) written exactly as these tokens. */
static bool named_place(const struct extractor *x, size_t i, size_t n)
{
    const struct tokens *t = &x->toks;
    size_t start = t->tok[i].start, len = t->tok[i + n - 1].start + t->tok[i + n - 1].len - start;
    for (size_t k = 0; k < x->n_pm; k++) {
        const struct place_mention *m = &x->pm[k];
        if (!m->dropped && m->len == len &&
            strncasecmp(t->text + m->start, t->text + start, len) == 0)
            return true;
    }
    return false;
}

/* "between Sinune and Khanasor": beside a place the gazetteer or the text knows, the other
 * end of the road is a place too. */
static void context_between(struct extractor *x, int sentence, size_t i, size_t first_pm)
{
    const struct tokens *t = &x->toks;
    if (!token_is(t, i, "between") || i + 1 >= t->n)
        return;
    size_t a = i + 1, na = name_length(t, a);
    if (!na || !token_is(t, a + na, "and"))
        return;
    size_t b = a + na + 1, nb = name_length(t, b);
    if (!nb || b + nb > t->n)
        return;
    bool ka = named_place(x, a, na), kb = named_place(x, b, nb);
    if (ka && !kb)
        add_context_place(x, sentence, b, nb, PLACE_VILLAGE, -1, first_pm);
    else if (kb && !ka)
        add_context_place(x, sentence, a, na, PLACE_VILLAGE, -1, first_pm);
}

/* "an army post at Chatoumane", "a military camp at Boulkessi": what a post, camp or base
 * stands at is a place. */
static void context_facility_at(struct extractor *x, int sentence, size_t i, size_t first_pm)
{
    static const char *const preps[] = {"at", "in", "near", "outside", NULL};
    const struct tokens *t = &x->toks;
    if ((t->tok[i].flags & (TOK_CAP | TOK_BREAK_AFTER)) || !has_role(x, i, ROLE_FACILITY) ||
        !token_in(t, i + 1, preps))
        return;
    size_t n = name_length(t, i + 2);
    /* "a checkpoint at Kilometre 5" is a road mark */
    bool mark = i + 2 + n < t->n && (t->tok[i + 2 + n].flags & TOK_DIGIT);
    if (n && !mark && !extract_person_like_run(t, i + 2, n, sentence))
        add_context_place(x, sentence, i + 2, n, PLACE_VILLAGE, -1, first_pm);
}

/* "at Chatoumane in the Tillaberi region", "attacked El Baraf in Middle Shabelle": a name
 * the text puts inside a place it names, after a preposition, a verb of assault or an
 * assault "on" it, is a place too (groups the lexicon knows are never names here). */
static void context_name_in_place(struct extractor *x, int sentence, size_t i, size_t first_pm)
{
    const struct tokens *t = &x->toks;
    bool assault_on = i > 0 && token_is(t, i, "on") && has_role(x, i - 1, ROLE_ASSAULT);
    if ((t->tok[i].flags & (TOK_CAP | TOK_BREAK_AFTER)) ||
        !(assault_on || has_role(x, i, ROLE_TAKES_NAME)))
        return;
    size_t n = name_length(t, i + 1);
    size_t j = i + 1 + n;
    if (!n || (t->tok[j - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE)) ||
        !(token_is(t, j, "in") || token_is(t, j, "near")))
        return;
    size_t k = token_is(t, j + 1, "the") ? j + 2 : j + 1;
    if (has_role(x, k, ROLE_DIRECTION) || token_is(t, k, "central"))
        k++; /* "Moura in central Mali" */
    int parent = mention_at_token(x, first_pm, k);
    if (parent < 0 || extract_person_like_run(t, i + 1, n, sentence))
        return;
    add_context_place(x, sentence, i + 1, n, PLACE_VILLAGE, parent, first_pm);
}

/* "Sumy Oblast", "the Donetsk region", "Rakhine State", "Duhok province": a known name
 * followed by a division word the gazetteer did not take with it. The mention is the
 * division (not its seat, which shares the name), and its surface includes the word. */
static void division_word_after(struct extractor *x, size_t i, size_t first_pm)
{
    const struct tokens *t = &x->toks;
    if (i == 0 || (t->tok[i - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE)) ||
        !has_role(x, i, ROLE_DIVISION))
        return;
    size_t end = t->tok[i - 1].start + t->tok[i - 1].len;
    for (size_t k = first_pm; k < x->n_pm; k++) {
        struct place_mention *m = &x->pm[k];
        if (m->n_cand && !m->dropped && m->start + m->len == end &&
            m->cand[0].kind != PLACE_COUNTRY) {
            m->division_len = t->tok[i].start + t->tok[i].len - end;
            return;
        }
    }
}

/* "a passenger boat on the Niger River near Banikane": "near" and "outside" take places
 * (and rarely anything else), so a name after them the gazetteer lacks is one too, unless a
 * title, a possessive or a second capitalised word makes it a person's. */
static void context_near_name(struct extractor *x, int sentence, size_t i, size_t first_pm)
{
    const struct tokens *t = &x->toks;
    if ((t->tok[i].flags & (TOK_CAP | TOK_BREAK_AFTER)) || i + 1 >= t->n ||
        !(token_is(t, i, "near") || token_is(t, i, "outside")))
        return;
    size_t k = i + 1;
    if (token_in(t, k, extract_person_titles) || !name_token(t, k) ||
        token_in(t, k, extract_not_places) || token_in(t, k, extract_demonyms) ||
        (t->tok[k].flags & (TOK_POSSESSIVE | TOK_PLACE)))
        return;
    /* "near Kilometre 40" is a road mark */
    bool more = k + 1 < t->n && (t->tok[k + 1].flags & (TOK_CAP | TOK_DIGIT)) &&
                !(t->tok[k].flags & TOK_BREAK_AFTER);
    if (!more)
        add_context_place(x, sentence, k, 1, PLACE_VILLAGE, -1, first_pm);
}

void extract_context_places(struct extractor *x, int sentence, size_t first_pm)
{
    pthread_once(&context_once, build_context_words);
    note_context(x);
    const struct tokens *t = &x->toks;
    for (size_t i = 0; i < t->n; i++) {
        context_near_name(x, sentence, i, first_pm);
        division_word_after(x, i, first_pm);
        context_facility_at(x, sentence, i, first_pm);
        context_name_in_place(x, sentence, i, first_pm);
        context_noun_of(x, sentence, i, first_pm);
        context_name_noun(x, sentence, i, first_pm);
        context_apposition(x, sentence, i, first_pm);
        context_between(x, sentence, i, first_pm);
    }
}
