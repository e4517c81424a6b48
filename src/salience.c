/* salience.c: how much a place stands for an article (see salience.h). */
#include "salience.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

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

double place_salience(int count, int first_sentence, enum place_kind kind, bool in_title,
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

/* " folded words " of s, so that a whole-word search is a strstr; NULL out of memory. */
static char *fold_padded(const char *s)
{
    size_t len = strlen(s), cap = len * 3 + 8;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    out[0] = ' ';
    size_t n = 1 + text_fold(s, len, out + 1, cap - 2);
    out[n++] = ' ';
    out[n] = '\0';
    return out;
}

static bool padded_has(const char *title_padded, const char *name)
{
    char *w = name ? fold_padded(name) : NULL;
    bool hit = w && strlen(w) > 3 && strstr(title_padded, w) != NULL;
    free(w);
    return hit;
}

bool text_names_place(const char *text, const struct place_fact *p)
{
    char *t = text ? fold_padded(text) : NULL;
    bool hit = t && padded_has(t, p->name);
    for (size_t i = 0; t && !hit && i < p->n_surface; i++)
        hit = padded_has(t, p->surface[i]);
    free(t);
    return hit;
}

const struct place_fact *most_salient_place(const struct facts *f, const char *title,
                                            const char *dateline)
{
    const struct place_fact *best = NULL;
    double best_salience = 0;
    for (size_t i = 0; i < f->n_places; i++) {
        const struct place_fact *p = &f->places[i];
        if (p->kind == PLACE_COUNTRY || !p->name)
            continue;
        double s = place_salience(p->count, p->first_sentence, p->kind, text_names_place(title, p),
                                  text_names_place(dateline, p));
        /* ties go to the place named first */
        if (!best || s > best_salience ||
            (s == best_salience && p->first_sentence < best->first_sentence)) {
            best = p;
            best_salience = s;
        }
    }
    return best;
}
