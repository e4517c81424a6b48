/* extract.c: from an article's clean text to its facts. Three passes over the sentences:
 * (1) tokens, actors, place candidates, dates and sources; (2) the article's country from
 * the unambiguous mentions, then each place resolved against it; (3) figures, which take
 * their place, date and source from the sentence or its neighbours. */
#include "extract/extract.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/attrib.h"
#include "extract/figures.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "base/paths.h"
#include "extract/quantity.h"
#include "base/text.h"
#include "base/timex.h"
#include "base/tokens.h"

#define MAX_CANDIDATES 8
#define FOLD_CAP       256
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

struct place_mention {
    int sentence;
    size_t start, len; /* surface in article text */
    struct gaz_place cand[MAX_CANDIDATES];
    size_t n_cand;
    bool ambiguous, after_place_word, after_preposition, sentence_initial;
    bool loose;                   /* found only through a transliteration variant */
    bool dropped;                 /* part of a longer name the text gives as a place */
    bool name_follows;            /* another capitalised word follows: "Peter Hawkins" */
    bool outlet_follows;          /* a media word follows: "Levant Monitor", "Kabul Times" */
    bool text_names;              /* the text calls it a place ("the Zap region") */
    enum place_kind context_kind; /* from the text ("the village of X"), when unknown */
    size_t division_len;          /* bytes of a division word after it ("Sumy Oblast", "Donetsk
                                     region"): the text means the division, and says so */
    bool local_noun;    /* the text calls it a neighbourhood, camp or market: never a province */
    bool water_name;    /* its last word is "Sea", "Gulf", "River": the water, not a province */
    size_t bare_len;    /* when the gazetteer took the name with its division word ("Masisi
                           territory"), the bytes of the name alone, also a spelling */
    int parent_mention; /* index of a mention the text puts it in, or -1 */
    int fact;           /* resolved place fact, or -1 when rejected */
};

struct sentence_info {
    char *source;
    char date[16];
};

struct extractor {
    struct gazetteer *gaz;
    struct lexicon *lex;
    int gaz_words, lex_words;
    struct tokens toks;
    struct place_mention *pm;
    size_t n_pm, cap_pm;
};

struct extractor *extractor_open(char *err, size_t errlen)
{
    struct extractor *x = calloc(1, sizeof *x);
    if (!x) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    x->gaz = gazetteer_open(NULL, err, errlen);
    if (!x->gaz) {
        free(x);
        return NULL;
    }
    x->gaz_words = gazetteer_max_words(x->gaz);
    if (x->gaz_words > 6)
        x->gaz_words = 6;
    char *path = paths_asset("actors.tsv");
    char lerr[256];
    x->lex = path ? lexicon_load(path, lerr, sizeof lerr) : NULL;
    free(path);
    if (!x->lex)
        x->lex = lexicon_parse("", lerr, sizeof lerr);
    x->lex_words = x->lex ? lexicon_max_words(x->lex) : 0;
    return x;
}

void extractor_close(struct extractor *x)
{
    if (!x)
        return;
    gazetteer_close(x->gaz);
    lexicon_free(x->lex);
    tokens_free(&x->toks);
    free(x->pm);
    free(x);
}

/* ---- small helpers ---- */

static char *dup_span(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static char *dup_or_null(const char *s)
{
    return s && *s ? strdup(s) : NULL;
}

/* ---- actors ---- */

static void add_actor(struct facts *f, const char *name, const char *surface, size_t len,
                      int sentence)
{
    struct actor_fact *a = NULL;
    for (size_t i = 0; i < f->n_actors; i++)
        if (strcmp(f->actors[i].name, name) == 0)
            a = &f->actors[i];
    if (!a) {
        a = facts_add_actor(f);
        if (!a)
            return;
        a->name = strdup(name);
        a->first_sentence = sentence;
    }
    a->count++;
    char *s = dup_span(surface, len);
    if (s)
        facts_add_surface(&a->surface, &a->n_surface, s);
    free(s);
}

/* Marks the tokens of every lexicon name; outlets are sources, so they are marked but not
 * listed as actors. */
static void find_actors(struct extractor *x, const char *text, int sentence, struct facts *f)
{
    struct tokens *t = &x->toks;
    char key[FOLD_CAP];
    for (size_t i = 0; i < t->n;) {
        int hit = -1;
        size_t n = 0;
        if (t->tok[i].flags & (TOK_CAP | TOK_ARTICLE)) {
            size_t maxn = (size_t)x->lex_words;
            for (n = maxn < t->n - i ? maxn : t->n - i; n >= 1; n--) {
                size_t s = t->tok[i].start, e = t->tok[i + n - 1].start + t->tok[i + n - 1].len;
                size_t kl = text_fold(text + s, e - s, key, sizeof key);
                hit = lexicon_find(x->lex, key, kl, text + s, e - s);
                if (hit >= 0)
                    break;
            }
        }
        if (hit < 0) {
            i++;
            continue;
        }
        size_t s = t->tok[i].start, e = t->tok[i + n - 1].start + t->tok[i + n - 1].len;
        for (size_t k = i; k < i + n; k++)
            t->tok[k].flags |= TOK_ACTOR;
        if (lexicon_category(x->lex, hit) == LEX_ACTOR)
            add_actor(f, lexicon_name(x->lex, hit), text + s, e - s, sentence);
        i += n;
    }
}

/* ---- place candidates ---- */

static const char *const place_words_before[] = {
    "town",     "city",         "village",     "villages",     "district",
    "province", "governorate",  "region",      "neighborhood", "neighbourhood",
    "area",     "suburb",       "camp",        "capital",      "county",
    "state",    "municipality", "subdistrict", "island",       "port",
    "valley",   "base",         NULL};

static const char *const prepositions[] = {
    "in", "near", "from",   "to",     "outside", "around", "toward", "towards",
    "at", "into", "across", "inside", "between", "and",    "of",     NULL};

/* Capitalised words that are never place mentions on their own. */
static const char *const not_places[] = {
    "the", "a", "an", "in", "on", "at", "of", "and", "but", "he", "she", "it", "they", "we", "this",
    "that", "these", "those", "there", "also", "after", "before", "during", "since", "when",
    "while", "over", "under", "now", "no", "police", "army", "government", "minister", "ministry",
    "president", "general", "gen", "col", "lt", "maj", "capt", "sgt", "mr", "mrs", "dr", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "islamic", "state", "forces", "force", "air", "security", "north", "south", "east",
    "west", "central", "western", "eastern", "northern", "southern", "leave", "reply", "email",
    "said", "says", "according", "local", "sources", "source", "meanwhile", "however", "earlier",
    "later", "today", "yesterday", "some", "many", "most", "all", "one", "two", "three",
    "officials", "military", "defense", "defence", "interior", "command", "operations", "coalition",
    "division", "brigade", "battalion", "regiment", "council", "committee", "agency", "news",
    "press", "international", "national", "united", "nations", "health", "his", "her", "their",
    "its", "our", "what", "who", "why", "how", "if", "as", "by", "for", "with", "from", "to", "not",
    "more", "than", "about", "ramadan", "christmas", "easter", "ashura",
    /* prepositions and adverbs that open sentences and bullet points: "Near Vovchansk, ..." */
    "near", "outside", "inside", "across", "along", "around", "between", "elsewhere", "separately",
    "despite", "following", "amid", "among", "toward", "towards", "into", "through", "throughout",
    "within", "against", "beyond", NULL};

/* Adjectives of nations, peoples and faiths: "the Iraqi province of Duhok" and "a mainly
 * Shi'ite neighbourhood" name no place. */
static const char *const demonyms[] = {
    "iraqi",    "syrian",   "kurdish",     "saudi",     "afghan",      "yemeni",    "somali",
    "nigerian", "sudanese", "russian",     "ukrainian", "turkish",     "iranian",   "israeli",
    "lebanese", "libyan",   "malian",      "pakistani", "palestinian", "egyptian",  "jordanian",
    "emirati",  "qatari",   "ethiopian",   "eritrean",  "kenyan",      "congolese", "burkinabe",
    "nigerien", "chadian",  "cameroonian", "american",  "british",     "french",    "german",
    "indian",   "chinese",  "arab",        "turkmen",   "yazidi",      "assyrian",  "hazara",
    "pashtun",  "tajik",    "uzbek",       "baluch",    "druze",       "alawite",   "sunni",
    "shia",     "shiite",   "shi'ite",     "shi'a",     "christian",   "muslim",    "jewish",
    "western",  "eastern",  "northern",    "southern",  "central",     NULL};

/* Words after a name that make it part of an outlet's name: "Levant Monitor". */
static const char *const outlet_words[] = {
    "monitor", "news",    "times",        "post",    "press",   "radio", "tv",    "television",
    "herald",  "tribune", "journal",      "online",  "digital", "daily", "today", "observer",
    "gazette", "channel", "broadcasting", "network", "media",   NULL};

/* Titles before a person's name: "Col. Christopher Garver" is not a place. */
static const char *const person_titles[] = {
    "gen",          "general", "col",       "colonel",   "lt",        "lieutenant",  "maj",
    "major",        "capt",    "captain",   "sgt",       "sergeant",  "mr",          "mrs",
    "ms",           "dr",      "president", "minister",  "spokesman", "spokeswoman", "commander",
    "sheikh",       "sheik",   "imam",      "brig",      "adm",       "admiral",     "gov",
    "governor",     "mayor",   "prince",    "king",      "emir",      "ayatollah",   "cleric",
    "premier",      "pm",      "chief",     "secretary", "envoy",     "ambassador",  "senator",
    "sen",          "rep",     "head",      "leader",    "director",  "chairman",    "chairwoman",
    "spokesperson", "deputy",  "lawmaker",  NULL};

static bool is_place_word(const struct tokens *t, size_t i)
{
    return token_in(t, i, place_words_before);
}

/* "Annah" = "Anah": romanisations double consonants freely. */
static size_t undouble(const char *key, size_t kl, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < kl; i++)
        if (!(i > 0 && key[i] == key[i - 1] && key[i] != ' ' && !strchr("aeiou", key[i])))
            out[n++] = key[i];
    out[n] = '\0';
    return n;
}

static size_t lookup_any(struct extractor *x, const char *key, size_t kl, struct gaz_place *out,
                         bool *loose)
{
    *loose = false;
    size_t n = gazetteer_lookup(x->gaz, key, kl, out, MAX_CANDIDATES);
    if (n)
        return n;
    /* The Arabic article is optional: "al qaim" finds Qaim, "qaim" finds Al Qaim. */
    static const char *const articles[] = {"al ", "el ", "ar ", "as ", "ash ",
                                           "ad ", "at ", "an ", "az ", NULL};
    for (const char *const *a = articles; *a; a++) {
        size_t al = strlen(*a);
        if (kl > al && memcmp(key, *a, al) == 0) {
            n = gazetteer_lookup(x->gaz, key + al, kl - al, out, MAX_CANDIDATES);
            if (n)
                return n;
        }
    }
    /* "West Kordofan" is listed as "West Kordofan State", "Anbar" may be "Anbar Province" */
    static const char *const divisions[] = {" state",  " province", " governorate",
                                            " region", " district", NULL};
    for (const char *const *d = divisions; *d; d++) {
        char with[FOLD_CAP];
        size_t dl = strlen(*d);
        if (kl < 4 || kl + dl >= sizeof with)
            break;
        memcpy(with, key, kl);
        memcpy(with + kl, *d, dl);
        if ((n = gazetteer_lookup(x->gaz, with, kl + dl, out, MAX_CANDIDATES)) > 0)
            return n;
    }
    *loose = true;
    char single[FOLD_CAP];
    size_t sl = undouble(key, kl, single);
    if (sl < kl && (n = gazetteer_lookup(x->gaz, single, sl, out, MAX_CANDIDATES)) > 0)
        return n;
    char lkey[FOLD_CAP];
    size_t ll = gazetteer_loose_key(key, kl, lkey, sizeof lkey);
    if (ll)
        n = gazetteer_lookup_loose(x->gaz, lkey, ll, out, MAX_CANDIDATES);
    if (n)
        return n;
    for (const char *const *a = articles; *a; a++) {
        size_t al = strlen(*a);
        if (kl > al && memcmp(key, *a, al) == 0) {
            ll = gazetteer_loose_key(key + al, kl - al, lkey, sizeof lkey);
            n = ll ? gazetteer_lookup_loose(x->gaz, lkey, ll, out, MAX_CANDIDATES) : 0;
            if (n)
                return n;
        }
    }
    return 0;
}

/* Place mentions an article may have: news has hundreds at most, and each costs about a
 * kilobyte of scratch (its candidates), so a hostile text of a million "Kabul." would
 * otherwise take a gigabyte. Later mentions are not looked at. */
#define MAX_PLACE_MENTIONS 20000

static struct place_mention *new_mention(struct extractor *x)
{
    if (x->n_pm >= MAX_PLACE_MENTIONS)
        return NULL;
    if (x->n_pm == x->cap_pm) {
        size_t cap = x->cap_pm ? x->cap_pm * 2 : 64;
        struct place_mention *p = realloc(x->pm, cap * sizeof *p);
        if (!p)
            return NULL;
        x->pm = p;
        x->cap_pm = cap;
    }
    struct place_mention *m = &x->pm[x->n_pm++];
    memset(m, 0, sizeof *m);
    m->parent_mention = -1;
    m->fact = -1;
    return m;
}

static void note_context(const struct tokens *t, size_t i, struct place_mention *m)
{
    m->sentence_initial = i == 0;
    if (i >= 2 && token_is(t, i - 1, "of") && is_place_word(t, i - 2))
        m->after_place_word = true;
    if (i >= 1 && token_in(t, i - 1, prepositions))
        m->after_preposition = true;
}

/* How many capitalised tokens from i can form one name (no punctuation between them). */
static size_t capital_run(const struct tokens *t, size_t i, size_t max)
{
    size_t n = 0;
    while (i + n < t->n && n < max && (t->tok[i + n].flags & (TOK_CAP | TOK_ARTICLE)) &&
           !(t->tok[i + n].flags & (TOK_ACTOR | TOK_PERSON))) {
        if (n > 0 && t->tok[i + n - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE))
            break;
        n++;
    }
    return n;
}

/* A lowercase word inside a name: "Democratic Republic of the Congo", "Gulf of Aden". */
static bool name_connector(const struct tokens *t, size_t i)
{
    /* and the Spanish, Portuguese, French and Italian ones: "Valle del Cauca", "Croix des
     * Bouquets", "Rio de Janeiro" */
    static const char *const connectors[] = {"of", "the", "de",  "del", "des", "du", "da",
                                             "do", "dos", "das", "la",  "le",  "di", NULL};
    return !(t->tok[i].flags & (TOK_CAP | TOK_BREAK_AFTER)) && token_in(t, i, connectors);
}

/* The capital run, continued over connectors when a capital follows them; the run never
 * ends on a connector. */
static size_t gazetteer_run(const struct tokens *t, size_t i, size_t max)
{
    size_t n = capital_run(t, i, max);
    while (n && i + n + 1 < t->n && n + 1 < max && name_connector(t, i + n) &&
           !(t->tok[i + n - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE))) {
        size_t c = 1;
        if (name_connector(t, i + n + 1))
            c = 2;
        size_t more = i + n + c < t->n ? capital_run(t, i + n + c, max - n - c) : 0;
        if (!more || n + c + more > max)
            break;
        n += c + more;
    }
    return n;
}

static bool probe_place(struct extractor *x, const char *text, size_t i, size_t n,
                        struct gaz_place *cand, size_t *n_cand, bool *loose)
{
    const struct tokens *t = &x->toks;
    size_t s = t->tok[i].start, e = t->tok[i + n - 1].start + t->tok[i + n - 1].len;
    char key[FOLD_CAP];
    size_t kl = text_fold(text + s, e - s, key, sizeof key);
    if (kl == 0 || kl >= FOLD_CAP - 1)
        return false;
    if (n == 1) {
        for (const char *const *w = not_places; *w; w++)
            if (strcmp(key, *w) == 0)
                return false;
    }
    *n_cand = lookup_any(x, key, kl, cand, loose);
    return *n_cand > 0;
}

/* "Said Salman", "Peter Hawkins": a run of capitals that starts with a word which is neither
 * a place nor a demonym or geographic word is a name; its later words are not places alone.
 * Headlines (sentence 0) capitalise every word, so they are exempt. */
static bool person_like_run(const struct tokens *t, size_t i, size_t run, int sentence)
{
    /* and the Arabic article or a settlement word opening a place name: "El Baraf", "Bir
     * Ali", "Kafr Nabl" */
    static const char *const geographic[] = {
        "mount", "lake", "camp", "wadi", "jebel",   "jabal", "tal",  "tall",  "greater", "upper",
        "lower", "new",  "old",  "port", "fort",    "cape",  "gulf", "north", "south",   "east",
        "west",  "al",   "el",   "bir",  "ain",     "ayn",   "ras",  "tell",  "kafr",    "deir",
        "dayr",  "beit", "bayt", "qasr", "khirbet", "jisr",  NULL};
    if (sentence == 0 || run < 2 || run > 3)
        return false;
    /* "Said" opening a run is a first name; the verb is never capitalised mid-run */
    if (token_is(t, i, "said"))
        return true;
    if (token_in(t, i, not_places) || token_in(t, i, geographic) || token_in(t, i, demonyms) ||
        (t->tok[i].flags & TOK_ARTICLE))
        return false;
    return true;
}

/* Words that open Arabic personal names. */
static const char *const name_openers[] = {"abu", "umm", "ibn", "bin", "abd", "abdul", NULL};

/* Last words of the names of seas, gulfs and rivers. */
static const char *const water_words[] = {"sea",   "gulf",  "river",     "lake",    "strait",
                                          "canal", "ocean", "reservoir", "straits", NULL};

/* Lowercase words after a name that the gazetteer may list with it ("Kurram District"). */
static const char *const division_nouns[] = {"district", "province",  "governorate",
                                             "region",   "oblast",    "state",
                                             "county",   "territory", NULL};

/* The gazetteer's places for bytes [s, s+len) under their exact spelling (no loose
 * match), or 0. */
static size_t exact_places(struct extractor *x, const char *s, size_t len, struct gaz_place *cand)
{
    char key[FOLD_CAP];
    size_t kl = text_fold(s, len, key, sizeof key);
    if (kl == 0 || kl >= FOLD_CAP - 1)
        return 0;
    size_t n = gazetteer_lookup(x->gaz, key, kl, cand, MAX_CANDIDATES);
    return n && !cand[0].ambiguous ? n : 0;
}

static bool all_capitals(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return false;
    return true;
}

/* "the Kabul-Jalalabad highway", "the Iraq-Syria border": one word joining two places the
 * gazetteer knows by those exact names names both. */
static bool hyphen_pair(struct extractor *x, const char *text, size_t i, int sentence)
{
    const struct token *k = &x->toks.tok[i];
    const char *w = text + k->start;
    const char *dash = memchr(w, '-', k->len);
    if (!dash || dash - w < 3 || (size_t)(dash - w) + 4 > k->len ||
        !(dash[1] >= 'A' && dash[1] <= 'Z') ||
        memchr(dash + 1, '-', k->len - (size_t)(dash + 1 - w)))
        return false;
    struct gaz_place a[MAX_CANDIDATES], b[MAX_CANDIDATES];
    size_t la = (size_t)(dash - w), lb = k->len - la - 1;
    /* "Baghdad-INA" is a dateline's place and an agency: only the place is one */
    bool agency = all_capitals(dash + 1, lb);
    if (all_capitals(w, la))
        return false;
    size_t na = exact_places(x, w, la, a),
           nb = na && !agency ? exact_places(x, dash + 1, lb, b) : 0;
    if (!na || (!nb && !agency))
        return false;
    const struct {
        size_t start, len, n;
        const struct gaz_place *cand;
    } parts[2] = {{k->start, la, na, a}, {k->start + la + 1, lb, nb, b}};
    for (int p = 0; p < (agency ? 1 : 2); p++) {
        struct place_mention *m = new_mention(x);
        if (!m)
            return true;
        m->sentence = sentence;
        m->start = parts[p].start;
        m->len = parts[p].len;
        memcpy(m->cand, parts[p].cand, parts[p].n * sizeof *m->cand);
        m->n_cand = parts[p].n;
    }
    x->toks.tok[i].flags |= TOK_PLACE;
    return true;
}

static void find_gazetteer_places(struct extractor *x, const char *text, int sentence)
{
    const struct tokens *t = &x->toks;
    for (size_t i = 0; i < t->n;) {
        size_t run = gazetteer_run(t, i, (size_t)x->gaz_words);
        bool found = false;
        if (run && !(i > 0 && token_in(t, i - 1, person_titles))) {
            struct gaz_place cand[MAX_CANDIDATES];
            size_t nc = 0;
            bool loose = false;
            /* "Kurram district": the gazetteer may know the name with its division word */
            size_t w = i + run;
            size_t top = w < t->n && !(t->tok[w].flags & TOK_CAP) &&
                                 !(t->tok[w - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE)) &&
                                 token_in(t, w, division_nouns)
                             ? run + 1
                             : run;
            for (size_t n = top; n >= 1 && !found; n--) {
                if (name_connector(t, i + n - 1) || !probe_place(x, text, i, n, cand, &nc, &loose))
                    continue;
                if (n > run && loose)
                    continue;
                /* "Volodymyr Artiukh": a respelling matching the first word of a longer run of
                 * capitals is a given name, not Volodymyr-Volynskyi */
                if (n < run && loose)
                    continue;
                /* "Abu Mohammed al-Julani": a kunya or patronymic opening a longer name the
                 * gazetteer lacks is a person's (Abu Ghraib and Abu Kamal match whole) */
                if (n == 1 && run > 1 && token_in(t, i, name_openers))
                    continue;
                size_t bare_end = t->tok[i + run - 1].start + t->tok[i + run - 1].len;
                struct place_mention *m = new_mention(x);
                if (!m)
                    return;
                m->sentence = sentence;
                m->start = t->tok[i].start;
                m->len = t->tok[i + n - 1].start + t->tok[i + n - 1].len - m->start;
                memcpy(m->cand, cand, nc * sizeof *cand);
                m->n_cand = nc;
                m->bare_len = n > run ? bare_end - m->start : 0;
                m->water_name = token_in(t, i + n - 1, water_words);
                m->ambiguous = cand[0].ambiguous;
                note_context(t, i, m);
                m->loose = loose;
                /* "Peter Hawkins" but not "Kursk Oblast" */
                m->name_follows = i + n < t->n && (t->tok[i + n].flags & TOK_CAP) &&
                                  !(t->tok[i + n - 1].flags & TOK_BREAK_AFTER) &&
                                  !token_in(t, i + n, division_nouns);
                m->outlet_follows = m->name_follows && token_in(t, i + n, outlet_words);
                for (size_t k = i; k < i + n; k++)
                    x->toks.tok[k].flags |= TOK_PLACE;
                i += n;
                found = true;
            }
        }
        if (!found && run && hyphen_pair(x, text, i, sentence)) {
            i++;
            continue;
        }
        if (!found) {
            size_t caps = capital_run(t, i, (size_t)x->gaz_words);
            i += person_like_run(t, i, caps, sentence) ? caps : 1;
        }
    }
}

/* ---- places the text names but the gazetteer lacks ---- */

static const struct {
    const char *word;
    enum place_kind kind;
} place_nouns[] = {
    {"village", PLACE_VILLAGE},
    {"town", PLACE_TOWN},
    {"city", PLACE_CITY},
    {"district", PLACE_NEIGHBORHOOD},
    {"neighborhood", PLACE_NEIGHBORHOOD},
    {"neighbourhood", PLACE_NEIGHBORHOOD},
    {"area", PLACE_REGION},
    {"region", PLACE_REGION},
    {"suburb", PLACE_NEIGHBORHOOD},
    {"camp", PLACE_LANDMARK},
    {"field", PLACE_LANDMARK},
    {"oilfield", PLACE_LANDMARK},
    {"site", PLACE_LANDMARK},
    {"market", PLACE_LANDMARK},
    {"bridge", PLACE_LANDMARK},
    {"base", PLACE_LANDMARK},
    {"airbase", PLACE_LANDMARK},
    {"province", PLACE_ADMIN1},
    {"governorate", PLACE_ADMIN1},
    {"subdistrict", PLACE_REGION},
    {"valley", PLACE_REGION},
    {"desert", PLACE_REGION},
    {"mountains", PLACE_REGION},
    {"island", PLACE_REGION},
    {"square", PLACE_LANDMARK},
    {"territory", PLACE_REGION},
    {"zone", PLACE_REGION},
    {"oblast", PLACE_ADMIN1},
    {"raion", PLACE_REGION},
    {"commune", PLACE_TOWN},
    {"municipality", PLACE_TOWN},
};

static int place_noun(const struct tokens *t, size_t i)
{
    if (i >= t->n)
        return -1;
    for (size_t k = 0; k < sizeof place_nouns / sizeof place_nouns[0]; k++) {
        const char *w = place_nouns[k].word;
        size_t wl = strlen(w);
        const struct token *tk = &t->tok[i];
        /* the plural names several: "the districts of X and Y" */
        if (token_is(t, i, w) || (tk->len == wl + 1 && t->text[tk->start + wl] == 's' &&
                                  strncasecmp(t->text + tk->start, w, wl) == 0))
            return (int)k;
    }
    return -1;
}

static const char *const directions[] = {
    "north",      "south",      "east",       "west",       "northeast", "northwest",
    "southeast",  "southwest",  "northern",   "southern",   "eastern",   "western",
    "north-east", "north-west", "south-east", "south-west", NULL};

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
    if (token_is(t, k, "the") && place_noun(t, k + 1) >= 0 && token_is(t, k + 2, "of"))
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
    if (token_in(t, k, directions) && token_is(t, k + 1, "of"))
        return mention_at_token(x, first_pm, k + 2);
    /* "X, a region of the town of Y" */
    if ((token_is(t, k, "a") || token_is(t, k, "the")) && place_noun(t, k + 1) >= 0 &&
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
        if (token_in(t, i + k, not_places) && n == 1)
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
    struct place_mention *m = new_mention(x);
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
    int pn = place_noun(t, i);
    if (pn < 0 || (t->tok[i].flags & TOK_CAP) || !token_is(t, i + 1, "of"))
        return;
    size_t names[4][2], nn = 0, k = i + 2, by_comma = 0;
    bool closed = false;
    while (nn < 4) {
        size_t n = name_length(t, k);
        if (!n || token_in(t, k, person_titles))
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
        add_context_place(x, sentence, names[q][0], names[q][1], place_nouns[pn].kind, parent,
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
        if (end - b == 1 && (token_in(t, b, not_places) || token_in(t, b, demonyms)))
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
    int pn = place_noun(t, i);
    if (pn < 0 || i == 0 || (t->tok[i].flags & TOK_CAP) || (t->tok[i - 1].flags & TOK_BREAK_AFTER))
        return;
    size_t s = i;
    /* "the Khor Mor gas field": what the field holds stands between name and noun */
    if ((token_is(t, i, "field") || token_is(t, i, "fields")) &&
        (token_is(t, i - 1, "gas") || token_is(t, i - 1, "oil")) && i >= 2)
        s = --i;
    while (s > 0 && i - s < 3 && name_token(t, s - 1) &&
           !(s < i && (t->tok[s - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE))))
        s--;
    if (s == i || s == 0 || token_in(t, s - 1, person_titles))
        return;
    if (i - s == 1 && (token_in(t, s, not_places) || token_in(t, s, demonyms)))
        return;
    /* "a mainly Shi'ite neighbourhood", "an Israeli base": a description, not a name */
    size_t before = s - 1;
    if (before > 0 && t->tok[before].len > 3 &&
        strncmp(t->text + t->tok[before].start + t->tok[before].len - 2, "ly", 2) == 0)
        before--;
    if (token_is(t, before, "a") || token_is(t, before, "an"))
        return;
    add_context_place(x, sentence, s, i - s, place_nouns[pn].kind, -1, first_pm);
    coordinated_name_before(x, sentence, s, i, place_nouns[pn].kind, first_pm);
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
        int pn = place_noun(t, k);
        if (pn >= 0 || token_in(t, k, settlements)) {
            add_context_place(x, sentence, i, n, pn >= 0 ? place_nouns[pn].kind : PLACE_VILLAGE, -1,
                              first_pm);
            return;
        }
        if (t->tok[k].flags & TOK_BREAK_AFTER)
            return;
    }
}

/* "west of the city", "20 km north of the capital": a bearing from a place the text has
 * already named, starting at token j. */
static bool direction_of_the_place(const struct tokens *t, size_t j)
{
    if (j < t->n && (t->tok[j].flags & TOK_DIGIT))
        j += 2; /* "20 km" */
    return token_in(t, j, directions) && token_is(t, j + 1, "of") && token_is(t, j + 2, "the") &&
           (place_noun(t, j + 3) >= 0 || token_is(t, j + 3, "capital"));
}

/* "in Mutaibija, south of Tikrit", "at Wadi Muweil, west of the city of Ramadi",
 * "in al-Rabt, a region of the town of Qaem" */
static void context_apposition(struct extractor *x, int sentence, size_t i, size_t first_pm)
{
    const struct tokens *t = &x->toks;
    /* after a preposition or a verb ("reached Mutaibija, south of Tikrit"), not a title */
    if (i == 0 || (t->tok[i - 1].flags & (TOK_CAP | TOK_DIGIT | TOK_BREAK_AFTER)) ||
        token_in(t, i - 1, person_titles))
        return;
    size_t n = name_length(t, i);
    if (!n || !(t->tok[i + n - 1].flags & TOK_BREAK_AFTER))
        return;
    int parent = parent_after(x, first_pm, i + n);
    if (parent < 0 && direction_of_the_place(t, i + n)) {
        /* "near Um Sumeima, west of the city": placed, though not by name */
        add_context_place(x, sentence, i, n, PLACE_VILLAGE, -1, first_pm);
        return;
    }
    if (parent < 0) {
        described_place(x, sentence, i, n, first_pm);
        return;
    }
    int pn = place_noun(t, i + n + 1);
    add_context_place(x, sentence, i, n, pn >= 0 ? place_nouns[pn].kind : PLACE_VILLAGE, parent,
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
    static const char *const facilities[] = {
        "post",     "outpost",   "camp",     "base",    "checkpoint", "barracks", "garrison",
        "position", "positions", "airfield", "airport", "crossing",   NULL};
    static const char *const preps[] = {"at", "in", "near", "outside", NULL};
    const struct tokens *t = &x->toks;
    if (!token_in(t, i, facilities) || (t->tok[i].flags & (TOK_CAP | TOK_BREAK_AFTER)) ||
        !token_in(t, i + 1, preps))
        return;
    size_t n = name_length(t, i + 2);
    /* "a checkpoint at Kilometre 5" is a road mark */
    bool mark = i + 2 + n < t->n && (t->tok[i + 2 + n].flags & TOK_DIGIT);
    if (n && !mark && !person_like_run(t, i + 2, n, sentence))
        add_context_place(x, sentence, i + 2, n, PLACE_VILLAGE, -1, first_pm);
}

/* "at Chatoumane in the Tillaberi region", "attacked El Baraf in Middle Shabelle": a name
 * the text puts inside a place it names, after a preposition or a verb of assault, is a
 * place too (groups the lexicon knows are never names here). */
static void context_name_in_place(struct extractor *x, int sentence, size_t i, size_t first_pm)
{
    static const char *const preps[] = {
        "at",      "in",       "near",    "outside",    "from",     "attacked", "raided",
        "stormed", "shelled",  "bombed",  "overran",    "captured", "seized",   "recaptured",
        "retook",  "besieged", "entered", "surrounded", NULL};
    const struct tokens *t = &x->toks;
    if (!token_in(t, i, preps) || (t->tok[i].flags & (TOK_CAP | TOK_BREAK_AFTER)))
        return;
    size_t n = name_length(t, i + 1);
    size_t j = i + 1 + n;
    if (!n || (t->tok[j - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE)) ||
        !(token_is(t, j, "in") || token_is(t, j, "near")))
        return;
    size_t k = token_is(t, j + 1, "the") ? j + 2 : j + 1;
    if (token_in(t, k, directions) || token_is(t, k, "central"))
        k++; /* "Moura in central Mali" */
    int parent = mention_at_token(x, first_pm, k);
    if (parent < 0 || person_like_run(t, i + 1, n, sentence))
        return;
    add_context_place(x, sentence, i + 1, n, PLACE_VILLAGE, parent, first_pm);
}

/* "Sumy Oblast", "the Donetsk region", "Rakhine State", "Duhok province": a known name
 * followed by a division word the gazetteer did not take with it. The mention is the
 * division (not its seat, which shares the name), and its surface includes the word. */
static void division_word_after(struct extractor *x, size_t i, size_t first_pm)
{
    static const char *const divisions[] = {"oblast", "province",   "governorate", "region",
                                            "state",  "prefecture", "raion",       NULL};
    const struct tokens *t = &x->toks;
    if (i == 0 || !token_in(t, i, divisions) ||
        (t->tok[i - 1].flags & (TOK_BREAK_AFTER | TOK_POSSESSIVE)))
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
    if (!(token_is(t, i, "near") || token_is(t, i, "outside")) ||
        (t->tok[i].flags & (TOK_CAP | TOK_BREAK_AFTER)) || i + 1 >= t->n)
        return;
    size_t k = i + 1;
    if (token_in(t, k, person_titles) || !name_token(t, k) || token_in(t, k, not_places) ||
        token_in(t, k, demonyms) || (t->tok[k].flags & (TOK_POSSESSIVE | TOK_PLACE)))
        return;
    /* "near Kilometre 40" is a road mark */
    bool more = k + 1 < t->n && (t->tok[k + 1].flags & (TOK_CAP | TOK_DIGIT)) &&
                !(t->tok[k].flags & TOK_BREAK_AFTER);
    if (!more)
        add_context_place(x, sentence, k, 1, PLACE_VILLAGE, -1, first_pm);
}

static void find_context_places(struct extractor *x, int sentence, size_t first_pm)
{
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

/* ---- resolution ---- */

struct country_vote {
    char cc[3];
    int votes;
};

static void vote(struct country_vote *v, size_t *n, const char *cc, int weight)
{
    if (!cc || !*cc)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strcmp(v[i].cc, cc) == 0) {
            v[i].votes += weight;
            return;
        }
    if (*n < 32) {
        snprintf(v[*n].cc, sizeof v[*n].cc, "%s", cc);
        v[(*n)++].votes = weight;
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

/* The country the article is about: its dateline, named countries, unambiguous places. */
static void article_country(struct extractor *x, const struct article *a, char cc[3])
{
    struct country_vote v[32];
    size_t n = 0;
    if (a->dateline) {
        char key[FOLD_CAP];
        struct gaz_place g[MAX_CANDIDATES];
        size_t kl = text_fold(a->dateline, strlen(a->dateline), key, sizeof key);
        if (kl && gazetteer_lookup(x->gaz, key, kl, g, MAX_CANDIDATES))
            vote(v, &n, g[0].country_code, 3);
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
        vote(v, &n, g->country_code, (g->kind == PLACE_COUNTRY ? 2 : 1) + headline);
    }
    cc[0] = '\0';
    int best = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i].votes > best) {
            best = v[i].votes;
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
        if (j == self || !o->n_cand || o->dropped || o->ambiguous || o->loose)
            continue;
        const struct gaz_place *h = &o->cand[choose_candidate(o, cc)];
        if (strcmp(h->country_code, cc) != 0 || h->kind == PLACE_COUNTRY ||
            (h->lat == 0 && h->lon == 0))
            continue;
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
    p->admin1 = g->kind == PLACE_ADMIN1 || g->kind == PLACE_COUNTRY ? NULL : dup_or_null(g->admin1);
    p->country = dup_or_null(g->country);
    p->country_code = dup_or_null(g->country_code);
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
    p->name = dup_span(text + m->start, m->len);
    p->kind = m->context_kind;
    const struct place_fact *parent = m->parent_mention >= 0 && x->pm[m->parent_mention].fact >= 0
                                          ? &f->places[x->pm[m->parent_mention].fact]
                                          : NULL;
    const struct place_fact *land = parent ? NULL : country_in_sentence(x, f, m);
    const struct place_fact *beside = parent || land ? NULL : known_place_beside(x, f, m);
    if (parent) {
        p->parent = strdup(parent->name);
        p->admin1 =
            parent->kind == PLACE_ADMIN1 ? strdup(parent->name) : dup_or_null(parent->admin1);
        p->country = dup_or_null(parent->country);
        p->country_code = dup_or_null(parent->country_code);
    } else if (land) {
        p->country = dup_or_null(land->name);
        p->country_code = dup_or_null(land->country_code);
    } else if (beside) {
        p->country = dup_or_null(beside->country);
        p->country_code = dup_or_null(beside->country_code);
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
    char *s = dup_span(text + m->start, m->len + m->division_len);
    if (s)
        facts_add_surface(&p->surface, &p->n_surface, s);
    free(s);
    if (m->bare_len && (s = dup_span(text + m->start, m->bare_len)) != NULL) {
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
static void add_dateline_place(struct extractor *x, const struct article *a, const char *cc,
                               struct facts *f)
{
    if (!a->dateline || !*a->dateline)
        return;
    char key[FOLD_CAP];
    struct place_mention m;
    memset(&m, 0, sizeof m);
    size_t kl = text_fold(a->dateline, strlen(a->dateline), key, sizeof key);
    bool loose;
    m.n_cand = kl && kl < FOLD_CAP - 1 ? lookup_any(x, key, kl, m.cand, &loose) : 0;
    if (!m.n_cand)
        return;
    size_t before = f->n_places;
    int fact = place_from_gazetteer(x, f, &m.cand[choose_candidate(&m, cc)]);
    if (fact < 0)
        return;
    struct place_fact *p = &f->places[fact];
    if (f->n_places > before) {
        p->count = 1;
        p->first_sentence = 0;
    }
    facts_add_surface(&p->surface, &p->n_surface, a->dateline);
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

static void resolve_places(struct extractor *x, const struct article *a, struct facts *f)
{
    char cc[3];
    article_country(x, a, cc);
    add_dateline_place(x, a, cc, f);
    for (size_t i = 0; i < x->n_pm; i++) {
        struct place_mention *m = &x->pm[i];
        if (!m->n_cand || m->dropped)
            continue;
        if (!accept_mention(x, i, cc, a->text)) {
            if (m->text_names && !m->outlet_follows)
                m->n_cand = 0; /* "the Zap region": a place here, whatever else shares it */
            continue;
        }
        enum place_kind chosen = m->cand[choose_candidate(m, cc)].kind;
        if (m->local_noun &&
            (chosen == PLACE_COUNTRY || chosen == PLACE_ADMIN1 || chosen == PLACE_ADMIN2)) {
            m->n_cand = 0; /* "the Qadisiya neighbourhood" of a city, not the province */
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
}

/* ---- dates and sources ---- */

static void find_dates(const char *s, size_t len, int sentence, const struct timex_date *pub,
                       struct timex_date *anchor, struct facts *f, struct sentence_info *info)
{
    struct timex_match tm[16];
    size_t n = timex_find(s, len, pub, anchor, tm, 16);
    for (size_t i = 0; i < n; i++) {
        struct date_fact *d = facts_add_date(f);
        if (!d)
            return;
        d->text = dup_span(s + tm[i].start, tm[i].len);
        d->value = dup_or_null(tm[i].value);
        d->weekday = dup_or_null(tm[i].weekday);
        d->sentence = sentence;
        if (!info->date[0] && strlen(tm[i].value) == 10)
            snprintf(info->date, sizeof info->date, "%s", tm[i].value);
    }
}

/* ---- figures ---- */

static char *tokens_text(const struct tokens *t, size_t from, size_t to)
{
    if (to <= from)
        return NULL;
    size_t s = t->tok[from].start, e = t->tok[to - 1].start + t->tok[to - 1].len;
    return dup_span(t->text + s, e - s);
}

/* The place of a figure: the nearest place mentioned in its sentence, else the one before. */
static const char *figure_place(const struct extractor *x, const struct facts *f, int si,
                                size_t offset)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (int s = si; s >= 0 && s >= si - 1 && !best; s--) {
        for (size_t i = 0; i < x->n_pm; i++) {
            const struct place_mention *m = &x->pm[i];
            if (m->sentence != s || m->fact < 0)
                continue;
            const struct place_fact *p = &f->places[m->fact];
            if (p->kind == PLACE_COUNTRY && best)
                continue;
            size_t d = m->start > offset ? m->start - offset : offset - m->start;
            if (s != si)
                d = (size_t)-2;
            if (!best || d < best_d ||
                (best && best_d != (size_t)-1 && p->kind != PLACE_COUNTRY && d <= best_d)) {
                best = p->name;
                best_d = d;
            }
        }
    }
    return best;
}

static bool duplicate_figure(const struct facts *f, int kind, const struct quantity *q)
{
    for (size_t i = 0; i < f->n_figures; i++) {
        const struct figure_fact *g = &f->figures[i];
        if ((int)g->kind == kind && g->n == q->n && g->qualifier == q->qualifier &&
            g->n != FACT_NONE)
            return true;
    }
    return false;
}

static void add_figure(struct extractor *x, const struct article *a, int si,
                       const struct sentence_info *info, const struct quantity *q,
                       const struct figure_hit *h, size_t qi, struct facts *f)
{
    const struct tokens *t = &x->toks;
    if (duplicate_figure(f, h->kind, q))
        return;
    struct figure_fact *g = facts_add_figure(f);
    if (!g)
        return;
    g->kind = (enum figure_kind)h->kind;
    g->n = q->n;
    g->min = q->min;
    g->max = q->max;
    g->qualifier = q->qualifier;
    g->who = tokens_text(t, h->who_from, h->who_to);
    size_t from = h->trigger < qi ? h->trigger : qi;
    size_t to = h->trigger < qi ? h->who_to : h->trigger + 1;
    if (to <= qi)
        to = qi + 1;
    g->text = tokens_text(t, from, to);
    const char *place = figure_place(x, f, si, t->tok[qi].start);
    g->place = place ? strdup(place) : NULL;
    const char *date = info[si].date[0] ? info[si].date : si > 0 ? info[si - 1].date : "";
    g->date = dup_or_null(date);
    g->source = dup_or_null(info[si].source);
    g->sentence = si;
    struct mention *m = facts_add_mention(f);
    if (m) {
        m->type = MENTION_FIGURE;
        m->index = (int)(g - f->figures);
        m->sentence = si;
        m->start = t->tok[from].start;
        m->len = t->tok[to - 1].start + t->tok[to - 1].len - m->start;
    }
}

static void figures_in_sentence(struct extractor *x, const struct article *a, int si,
                                const struct sentence_info *info, struct facts *f)
{
    const struct text_span *sp = &a->sentences[si];
    const char *s = a->text + sp->start;
    tokens_scan(&x->toks, a->text, sp->start, sp->len);
    const struct tokens *t = &x->toks;
    struct quantity q;
    size_t off = 0, at, n;
    while (off < sp->len && (n = quantity_find(s + off, sp->len - off, &q, &at)) > 0) {
        size_t qpos = off + at;
        off = qpos + n;
        struct figure_hit h;
        size_t qi;
        if (figure_read(t, s, sp->len, sp->start, &q, qpos, n, &h, &qi))
            add_figure(x, a, si, info, &q, &h, qi, f);
    }
}

/* ---- the article ---- */

/* Whether the gap after token i holds a double quote, straight or curly. */
static bool quote_after(const struct tokens *t, size_t i)
{
    if (i + 1 >= t->n)
        return false;
    for (size_t p = t->tok[i].start + t->tok[i].len; p < t->tok[i + 1].start; p++) {
        unsigned char c = (unsigned char)t->text[p];
        if (c == '"' ||
            (c == 0xE2 && p + 2 < t->tok[i + 1].start && (unsigned char)t->text[p + 1] == 0x80 &&
             ((unsigned char)t->text[p + 2] == 0x9C || (unsigned char)t->text[p + 2] == 0x9D)))
            return true;
    }
    return false;
}

/* Joaquin "El Chapo" Guzman, Ismael "El Mayo" Zambada: a quoted nickname between a first
 * name and a surname makes all of it a person, however many places share its words. */
static void mark_nicknamed_people(struct tokens *t)
{
    for (size_t i = 0; i + 2 < t->n; i++) {
        if (!(t->tok[i].flags & TOK_CAP) || !quote_after(t, i))
            continue;
        size_t k = i + 1;
        while (k < t->n && k - i <= 3 && (t->tok[k].flags & TOK_CAP) && !quote_after(t, k))
            k++;
        if (k >= t->n || k - i > 3 || !(t->tok[k].flags & TOK_CAP) || !quote_after(t, k) ||
            k + 1 >= t->n || !(t->tok[k + 1].flags & TOK_CAP))
            continue;
        for (size_t j = i; j <= k + 1; j++)
            t->tok[j].flags |= TOK_PERSON;
        if (i > 0 && (t->tok[i - 1].flags & TOK_CAP) && !(t->tok[i - 1].flags & TOK_BREAK_AFTER))
            t->tok[i - 1].flags |= TOK_PERSON; /* a second given name */
        i = k + 1;
    }
}

/* "(Reporting by Camillus Eboh in Abuja; Writing by Elisha Bala-Gbogbo)": the names after a
 * credit are the journalists', however many places share their words. */
static void mark_credited_people(struct tokens *t)
{
    static const char *const credits[] = {"reporting",  "writing",  "editing",  "edited",
                                          "written",    "compiled", "produced", "photo",
                                          "photograph", "photos",   "reported", NULL};
    for (size_t i = 0; i + 2 < t->n; i++) {
        if (!token_in(t, i, credits) || !token_is(t, i + 1, "by"))
            continue;
        for (size_t k = i + 2; k < t->n && k < i + 6 && (t->tok[k].flags & TOK_CAP); k++) {
            t->tok[k].flags |= TOK_PERSON;
            if (t->tok[k].flags & TOK_BREAK_AFTER)
                break;
        }
    }
}

static void scan_sentence(struct extractor *x, const struct article *a, int si, struct facts *f)
{
    const struct text_span *sp = &a->sentences[si];
    tokens_scan(&x->toks, a->text, sp->start, sp->len);
    find_actors(x, a->text, si, f);
    mark_nicknamed_people(&x->toks);
    mark_credited_people(&x->toks);
    size_t first_pm = x->n_pm;
    find_gazetteer_places(x, a->text, si);
    find_context_places(x, si, first_pm);
}

int extract_article(struct extractor *x, const struct article *a, struct facts *out)
{
    if (!x || !a || !a->text)
        return -1;
    x->n_pm = 0;
    size_t ns = a->n_sentences;
    struct sentence_info *info = calloc(ns ? ns : 1, sizeof *info);
    if (!info)
        return -1;
    struct timex_date pub = {0, 0, 0}, anchor;
    if (a->date)
        timex_parse_date(a->date, strlen(a->date), &pub);
    anchor = pub;
    for (size_t i = 0; i < ns; i++) {
        const struct text_span *sp = &a->sentences[i];
        scan_sentence(x, a, (int)i, out);
        find_dates(a->text + sp->start, sp->len, (int)i, &pub, &anchor, out, &info[i]);
        info[i].source =
            attrib_source(a->text + sp->start, sp->len, i > 0 ? info[i - 1].source : NULL);
    }
    resolve_places(x, a, out);
    for (size_t i = 0; i < ns; i++)
        figures_in_sentence(x, a, (int)i, info, out);
    for (size_t i = 0; i < ns; i++)
        free(info[i].source);
    free(info);
    return 0;
}
