/* extract.c: from an article's clean text to its facts. Three passes over the sentences:
 * (1) tokens, actors, place candidates, dates and sources; (2) the article's country from
 * the unambiguous mentions, then each place resolved against it; (3) figures, which take
 * their place, date and source from the sentence or its neighbours. */
#include "extract/extract_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/paths.h"
#include "base/text.h"
#include "base/timex.h"
#include "extract/attrib.h"
#include "extract/figures.h"
#include "extract/quantity.h"
#include "extract/toll.h"

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
    free(x->kept);
    free(x->kept_from);
    free(x->pm);
    free(x->context);
    free(x);
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
    char *s = text_dup_span(surface, len);
    if (s)
        facts_add_surface(&a->surface, &a->n_surface, s);
    free(s);
}

/* Whether a lexicon name may start at token i: false only when every span from i is sure to
 * fold to a key whose first word no alias has. That first word is token i's own, folded,
 * when its fold already holds a space or the span ends with it, or when a plain ASCII
 * separator follows it (an apostrophe would join the next letters to it, and characters
 * beyond ASCII may fold to letters: then every span is looked up). */
static bool may_open_name(struct extractor *x, const char *text, size_t i)
{
    const struct tokens *t = &x->toks;
    if (!x->lex || x->lex_words < 1)
        return false;
    size_t s = t->tok[i].start, e = s + t->tok[i].len;
    char key[FOLD_CAP];
    size_t kl = text_fold(text + s, e - s, key, sizeof key);
    if (kl == 0 || kl >= FOLD_CAP - 1)
        return true;
    size_t first = strcspn(key, " ");
    unsigned char next = (unsigned char)text[e];
    bool separated = first < kl || i + 1 == t->n || x->lex_words < 2 ||
                     (next < 0x80 && next != '\'' && next != '"' && next != '`');
    return !separated || lexicon_may_start(x->lex, key, first);
}

/* Most spans a name can take: lexicons with longer names fold each span afresh. */
#define NAME_SPANS 16

/* The lexicon entry of the longest name starting at token i and its tokens in *n, or -1.
 * For ASCII text one fold of the longest span gives every shorter span's key: its prefix. */
static int longest_name(struct extractor *x, const char *text, size_t i, size_t *n)
{
    const struct tokens *t = &x->toks;
    size_t maxn = (size_t)x->lex_words < t->n - i ? (size_t)x->lex_words : t->n - i;
    size_t s = t->tok[i].start, ends[NAME_SPANS], lens[NAME_SPANS];
    char key[FOLD_CAP];
    bool prefixes = false;
    if (maxn >= 1 && maxn <= NAME_SPANS) {
        for (size_t k = 0; k < maxn; k++)
            ends[k] = t->tok[i + k].start + t->tok[i + k].len - s;
        prefixes = text_fold_prefixes(text + s, ends[maxn - 1], ends, maxn, key, sizeof key, lens);
    }
    for (*n = maxn; *n >= 1; (*n)--) {
        size_t e = t->tok[i + *n - 1].start + t->tok[i + *n - 1].len;
        size_t kl = prefixes ? lens[*n - 1] : text_fold(text + s, e - s, key, sizeof key);
        int hit = lexicon_find(x->lex, key, kl, text + s, e - s);
        if (hit >= 0)
            return hit;
    }
    return -1;
}

/* Marks the tokens of every lexicon name; outlets are sources, so they are marked but not
 * listed as actors. */
static void find_actors(struct extractor *x, const char *text, int sentence, struct facts *f)
{
    struct tokens *t = &x->toks;
    for (size_t i = 0; i < t->n;) {
        int hit = -1;
        size_t n = 0;
        if ((t->tok[i].flags & (TOK_CAP | TOK_ARTICLE)) && may_open_name(x, text, i))
            hit = longest_name(x, text, i, &n);
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
        d->text = text_dup_span(s + tm[i].start, tm[i].len);
        d->value = extract_dup_nonempty(tm[i].value);
        d->weekday = extract_dup_nonempty(tm[i].weekday);
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
    return text_dup_span(t->text + s, e - s);
}

/* The word that ends just before text[end] (spaces skipped): its start, and its length in
 * *len (0 when there is none within the sentence's reach). */
static size_t word_before(const char *text, size_t end, size_t *len)
{
    size_t e = end;
    while (e > 0 && text[e - 1] == ' ')
        e--;
    size_t s = e;
    while (s > 0 && e - s < 16 && (isalnum((unsigned char)text[s - 1]) || text[s - 1] == '-'))
        s--;
    *len = e - s;
    return s;
}

static bool word_is_one_of(const char *w, size_t len, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == len && strncasecmp(w, *list, len) == 0)
            return true;
    return false;
}

/* "14 km from Sebba", "50 miles north of Baghdad", "south-west of Kirkuk": a place the text
 * measures from is a reference point, not where the figure's event happened. */
static bool distance_reference(const char *text, size_t start)
{
    static const char *const links[] = {"from", "of", NULL};
    static const char *const bearings[] = {"north",      "south",      "east",       "west",
                                           "northeast",  "northwest",  "southeast",  "southwest",
                                           "north-east", "north-west", "south-east", "south-west",
                                           NULL};
    static const char *const units[] = {"km",        "kms",       "kilometres", "kilometers",
                                        "kilometre", "kilometer", "miles",      "mile",
                                        "mi",        NULL};
    size_t len, w = word_before(text, start, &len);
    if (!len || !word_is_one_of(text + w, len, links))
        return false;
    w = word_before(text, w, &len);
    if (len && word_is_one_of(text + w, len, bearings)) {
        /* "in the north of Syria" is in it */
        w = word_before(text, w, &len);
        return !(len == 3 && strncasecmp(text + w, "the", 3) == 0);
    }
    /* "14km" as one word */
    size_t digits = 0;
    while (digits < len && isdigit((unsigned char)text[w + digits]))
        digits++;
    return len > digits && word_is_one_of(text + w + digits, len - digits, units);
}

/* "near the border with Syria": the country across the border is where the figure's event
 * did not happen. */
static bool border_reference(const char *text, size_t start)
{
    static const char *const borders[] = {"border", "borders", "frontier", NULL};
    size_t len, w = word_before(text, start, &len);
    if (len != 4 || strncasecmp(text + w, "with", 4) != 0)
        return false;
    w = word_before(text, w, &len);
    return len && word_is_one_of(text + w, len, borders);
}

/* The place of a figure: the nearest place mentioned in its sentence, else the one before;
 * a place the text only measures distance from counts as far away, and a country across a
 * border the text names not at all. */
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
            if ((p->kind == PLACE_COUNTRY && best) || m->is_dateline ||
                border_reference(x->toks.text, m->start))
                continue;
            size_t d = m->start > offset ? m->start - offset : offset - m->start;
            if (distance_reference(x->toks.text, m->start))
                d += (size_t)1 << 40;
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

/* The figure already taken with this kind, number and qualifier, or NULL. */
static struct figure_fact *duplicate_figure(struct facts *f, int kind, const struct quantity *q)
{
    for (size_t i = 0; i < f->n_figures; i++) {
        struct figure_fact *g = &f->figures[i];
        if ((int)g->kind == kind && g->n == q->n && g->qualifier == q->qualifier &&
            g->n != FACT_NONE)
            return g;
    }
    return NULL;
}

/* No place, or a whole country, province or region. */
static bool coarse_place(const struct facts *f, const char *name)
{
    const struct place_fact *p = facts_place_named(f, name);
    return !p || p->kind == PLACE_COUNTRY || p->kind == PLACE_ADMIN1 || p->kind == PLACE_REGION;
}

/* A headline's figure told again in the lede ("kills 51 at wake in Kharkiv region village";
 * "killing 51 ... in the village of Hroza") takes the lede's place when the headline's is
 * none or a whole region. */
static void sharpen_headline_place(const struct extractor *x, struct facts *f,
                                   struct figure_fact *g, int si, size_t offset)
{
    if (g->sentence != 0 || si == 0 || !coarse_place(f, g->place))
        return;
    const char *place = figure_place(x, f, si, offset);
    if (place && !coarse_place(f, place)) {
        free(g->place);
        g->place = strdup(place);
    }
}

static void add_figure(struct extractor *x, const struct article *a, int si,
                       const struct sentence_info *info, const struct quantity *q,
                       const struct figure_hit *h, size_t qi, struct facts *f)
{
    const struct tokens *t = &x->toks;
    struct figure_fact *same = duplicate_figure(f, h->kind, q);
    if (same) {
        sharpen_headline_place(x, f, same, si, t->tok[qi].start);
        return;
    }
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
    g->date = extract_dup_nonempty(date);
    g->source = extract_dup_nonempty(info[si].source);
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

/* Room for ns sentences' token ranges; false (and nothing kept) when out of memory. */
static bool keep_begin(struct extractor *x, size_t ns)
{
    x->n_kept = 0;
    x->kept_ok = false;
    if (ns + 1 > x->cap_from) {
        size_t *p = realloc(x->kept_from, (ns + 1) * sizeof *p);
        if (!p)
            return false;
        x->kept_from = p;
        x->cap_from = ns + 1;
    }
    x->kept_from[0] = 0;
    x->kept_ok = true;
    return true;
}

/* Keeps sentence si's tokens as scanned (x->toks, not yet marked). */
static void keep_tokens(struct extractor *x, size_t si)
{
    const struct tokens *t = &x->toks;
    if (!x->kept_ok)
        return;
    if (x->n_kept + t->n > x->cap_kept) {
        size_t cap = x->cap_kept ? x->cap_kept : 1024;
        while (cap < x->n_kept + t->n)
            cap *= 2;
        struct token *p = realloc(x->kept, cap * sizeof *p);
        if (!p) {
            x->kept_ok = false;
            return;
        }
        x->kept = p;
        x->cap_kept = cap;
    }
    if (t->n)
        memcpy(x->kept + x->n_kept, t->tok, t->n * sizeof *t->tok);
    x->n_kept += t->n;
    x->kept_from[si + 1] = x->n_kept;
}

/* Sentence si's tokens as tokens_scan gives them: kept from pass one, else scanned. */
static void sentence_tokens(struct extractor *x, const struct article *a, size_t si)
{
    const struct text_span *sp = &a->sentences[si];
    if (x->kept_ok) {
        size_t from = x->kept_from[si], to = x->kept_from[si + 1];
        if (tokens_set(&x->toks, a->text, x->kept + from, to - from))
            return;
    }
    tokens_scan(&x->toks, a->text, sp->start, sp->len);
}

static void figures_in_sentence(struct extractor *x, const struct article *a, int si,
                                const struct sentence_info *info, struct facts *f)
{
    const struct text_span *sp = &a->sentences[si];
    const char *s = a->text + sp->start;
    sentence_tokens(x, a, (size_t)si);
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
    keep_tokens(x, (size_t)si);
    find_actors(x, a->text, si, f);
    mark_nicknamed_people(&x->toks);
    mark_credited_people(&x->toks);
    size_t first_pm = x->n_pm;
    extract_gazetteer_places(x, a->text, si);
    extract_context_places(x, si, first_pm);
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
    keep_begin(x, ns);
    for (size_t i = 0; i < ns; i++) {
        const struct text_span *sp = &a->sentences[i];
        scan_sentence(x, a, (int)i, out);
        find_dates(a->text + sp->start, sp->len, (int)i, &pub, &anchor, out, &info[i]);
        info[i].source =
            attrib_source(a->text + sp->start, sp->len, i > 0 ? info[i - 1].source : NULL);
    }
    extract_resolve_places(x, a, out);
    for (size_t i = 0; i < ns; i++)
        figures_in_sentence(x, a, (int)i, info, out);
    toll_assign_roles(a, out);
    for (size_t i = 0; i < ns; i++)
        free(info[i].source);
    free(info);
    return 0;
}
