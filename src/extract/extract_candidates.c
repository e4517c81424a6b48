/* extract_candidates.c: the spans of a sentence the gazetteer knows as places, with what
 * the words around them say (see extract_int.h). */
#include "extract/extract_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"

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
const char *const extract_not_places[] = {
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
const char *const extract_demonyms[] = {
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
const char *const extract_person_titles[] = {
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

size_t extract_lookup_any(struct extractor *x, const char *key, size_t kl, struct gaz_place *out,
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

struct place_mention *extract_new_mention(struct extractor *x)
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

/* "ELN", "SDF", "RSF": two to four capitals alone are an acronym, which a respelling of
 * a place name ("Elne") must not take. */
static bool short_acronym(const struct tokens *t, size_t i)
{
    const struct token *k = &t->tok[i];
    if (k->len < 2 || k->len > 4)
        return false;
    for (size_t j = 0; j < k->len; j++)
        if (t->text[k->start + j] < 'A' || t->text[k->start + j] > 'Z')
            return false;
    return true;
}

/* An acronym stands for a place only as the place's own name ("GAZA", "HIT") or a
 * country's ("US", "UAE"); "ELN" is not Elne, which GeoNames also spells "El'n". Keeps those
 * candidates, returns how many. */
static size_t keep_acronym_places(const char *text, const struct token *k, struct gaz_place *cand,
                                  size_t n)
{
    size_t kept = 0;
    for (size_t c = 0; c < n; c++) {
        const char *name = cand[c].name ? cand[c].name : "";
        if (cand[c].kind == PLACE_COUNTRY ||
            (strlen(name) == k->len && strncasecmp(name, text + k->start, k->len) == 0))
            cand[kept++] = cand[c];
    }
    return kept;
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
    if (n == 1 && words_find(extract_not_places, SIZE_MAX, key, kl) >= 0)
        return false;
    *n_cand = extract_lookup_any(x, key, kl, cand, loose);
    return *n_cand > 0;
}

/* "Said Salman", "Peter Hawkins": a run of capitals that starts with a word which is neither
 * a place nor a demonym or geographic word is a name; its later words are not places alone.
 * Headlines (sentence 0) capitalise every word, so they are exempt. */
bool extract_person_like_run(const struct tokens *t, size_t i, size_t run, int sentence)
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
    if (token_in(t, i, extract_not_places) || token_in(t, i, geographic) ||
        token_in(t, i, extract_demonyms) || (t->tok[i].flags & TOK_ARTICLE))
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
        struct place_mention *m = extract_new_mention(x);
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

void extract_gazetteer_places(struct extractor *x, const char *text, int sentence)
{
    const struct tokens *t = &x->toks;
    for (size_t i = 0; i < t->n;) {
        size_t run = gazetteer_run(t, i, (size_t)x->gaz_words);
        bool found = false;
        if (run && !(i > 0 && token_in(t, i - 1, extract_person_titles))) {
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
                if (n == 1 && short_acronym(t, i) &&
                    !(nc = keep_acronym_places(text, &t->tok[i], cand, nc)))
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
                struct place_mention *m = extract_new_mention(x);
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
            i += extract_person_like_run(t, i, caps, sentence) ? caps : 1;
        }
    }
}
