/* salience.c: how much a place stands for an article (see salience.h). */
#include "extract/salience.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* What the place of the report's own toll adds: as much as a headline. */
#define SALIENCE_TOLL_SITE 3.0

static double place_kind_weight(enum place_kind k)
{
    switch (k) {
    case PLACE_COUNTRY:
        return 0.15; /* a whole country says little about which event */
    case PLACE_ADMIN1:
    case PLACE_REGION:
    case PLACE_WATER:
        return 0.5;
    case PLACE_ADMIN2:
        return 0.7;
    default:
        return 1.0;
    }
}

double salience_of_place(int count, int first_sentence, enum place_kind kind, bool in_title,
                         bool in_dateline)
{
    double s = count > 0 ? count : 1;
    if (in_dateline)
        s = s > 1 ? s - 1 : 0.2; /* named nowhere else: next to nothing */
    if (in_title)
        s += 3;
    else if (!in_dateline && first_sentence >= 0 && first_sentence <= 2)
        s += 1.5;
    return s * place_kind_weight(kind);
}

/* text folded and padded with a space each side into out (cap bytes, at least 8 + three per
 * byte of text, since folding may lengthen), NUL-terminated; returns its length. */
static size_t pad_into(const char *text, size_t len, char *out, size_t cap)
{
    out[0] = ' ';
    size_t n = 1 + text_fold(text, len, out + 1, cap - 2);
    out[n++] = ' ';
    out[n] = '\0';
    return n;
}

char *salience_padded(const char *text)
{
    if (!text)
        return NULL;
    size_t len = strlen(text), cap = len * 3 + 8;
    char *out = malloc(cap);
    if (out)
        pad_into(text, len, out, cap);
    return out;
}

/* Names are short, and every place's every spelling is tried against the title and the
 * dateline: a name that fits is folded on the stack rather than in a malloc'd copy. */
#define SHORT_NAME 120

bool salience_padded_names(const char *padded, const char *name)
{
    if (!padded || !name)
        return false;
    size_t len = strlen(name);
    char local[SHORT_NAME * 3 + 8];
    size_t cap = len <= SHORT_NAME ? sizeof local : len * 3 + 8;
    char *w = cap == sizeof local ? local : malloc(cap);
    if (!w)
        return false;
    size_t n = pad_into(name, len, w, cap);
    bool hit = n > 3 && strstr(padded, w) != NULL;
    if (w != local)
        free(w);
    return hit;
}

/* The place by its name or any spelling, in text already padded. */
static bool padded_names_place(const char *padded, const struct place_fact *p)
{
    bool hit = salience_padded_names(padded, p->name);
    for (size_t i = 0; padded && !hit && i < p->n_surface; i++)
        hit = salience_padded_names(padded, p->surface[i]);
    return hit;
}

bool salience_names_place(const char *text, const struct place_fact *p)
{
    char *t = salience_padded(text);
    bool hit = padded_names_place(t, p);
    free(t);
    return hit;
}

/* The place of the report's own toll (killed, else wounded), when the text gives one: the
 * headline's "kills 24" has none, the lede's "killing at least 24 ... in Quetta" does. */
static const struct place_fact *own_toll_place(const struct facts *f)
{
    int own = facts_own_figure(f, FIG_KILLED);
    if (own < 0)
        own = facts_own_figure(f, FIG_WOUNDED);
    const char *name = NULL;
    for (size_t i = 0; own >= 0 && !name && i < f->n_figures; i++) {
        const struct figure_fact *g = &f->figures[i], *o = &f->figures[own];
        if (g->kind == o->kind && figure_is_own_candidate(g->role, g->incident) &&
            figure_sort_value(g->n, g->min, g->max, g->qualifier, g->text) ==
                figure_sort_value(o->n, o->min, o->max, o->qualifier, o->text))
            name = g->place;
    }
    return facts_place_named(f, name);
}

const struct place_fact *most_salient_place(const struct facts *f, const char *title,
                                            const char *dateline)
{
    const struct place_fact *best = NULL, *toll_site = own_toll_place(f);
    double best_salience = 0;
    char *title_padded = salience_padded(title), *dateline_padded = salience_padded(dateline);
    for (size_t i = 0; i < f->n_places; i++) {
        const struct place_fact *p = &f->places[i];
        if (p->kind == PLACE_COUNTRY || !p->name)
            continue;
        double s = salience_of_place(p->count, p->first_sentence, p->kind,
                                     padded_names_place(title_padded, p),
                                     padded_names_place(dateline_padded, p));
        /* where the report's own toll was counted is where its event happened */
        if (p == toll_site)
            s += SALIENCE_TOLL_SITE * place_kind_weight(p->kind);
        /* ties go to the place named first */
        if (!best || s > best_salience ||
            (s == best_salience && p->first_sentence < best->first_sentence)) {
            best = p;
            best_salience = s;
        }
    }
    free(title_padded);
    free(dateline_padded);
    return best;
}
