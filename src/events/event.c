/* event.c: docs built from facts, and the helpers the events files share (see event.h for
 * the method, event_int.h for the files). */
#include "events/event_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/timex.h"
#include "extract/salience.h"

/* ---- small helpers ---- */

uint64_t ev_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Folds a name so two spellings of one place or actor compare equal. */
void ev_fold_name(const char *s, char *out, size_t cap)
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
    text_name_key(name, buf, sizeof buf); /* as the store keys places the gazetteer lacks */
    uint64_t h = ev_hash_bytes(buf, strlen(buf));
    if (country_code)
        h ^= ev_hash_bytes(country_code, strlen(country_code)) * 31;
    /* negative, so it never collides with a gazetteer id */
    return -(int64_t)(h >> 2) - 1;
}

/* qsort that accepts an empty (possibly NULL) array. */
void ev_sort_n(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

int ev_prep_ensure(struct ev_doc *d)
{
    if (!d->prep)
        d->prep = calloc(1, sizeof *d->prep);
    return d->prep ? 0 : -1;
}

void ev_prep_free(struct ev_prep *p)
{
    if (!p)
        return;
    free(p->terms);
    free(p->weights);
    free(p->days);
    free(p);
}

/* ---- docs ---- */

/* Whether the padded title names the place by any of its spellings (salience.h). */
static bool title_names(const char *title_padded, const char *const *names, size_t n)
{
    for (size_t i = 0; title_padded && i < n; i++)
        if (salience_padded_names(title_padded, names[i]))
            return true;
    return false;
}

/* The same, with spellings as the store keeps them: a JSON array of strings. */
bool ev_title_names_json(const char *title_padded, const char *name, const char *json)
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
    ep->name = text_dup_or_null(p->name);
    const char *name = p->name ? p->name : "";
    bool in_title = title_names(title_padded, &name, 1) ||
                    title_names(title_padded, (const char *const *)p->surface, p->n_surface);
    ep->salience = salience_of_place(p->count, p->first_sentence, p->kind, in_title, false);
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
    ef->source = text_dup_or_null(g->source);
    ef->place = text_dup_or_null(g->place);
    ef->text = text_dup_or_null(g->text);
    ef->sentence = g->sentence;
    ef->role = g->role;
    ef->incident = g->incident;
}

int ev_doc_from_facts(struct ev_doc *d, int64_t id, const char *title, const char *date,
                      const char *source, const char *text, const struct facts *f)
{
    memset(d, 0, sizeof *d);
    d->id = id;
    d->title = strdup(title ? title : "");
    d->date = text_dup_or_null(date);
    d->source = text_dup_or_null(source);
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
    d->own_killed = FACT_NONE;
    const struct ev_figure *own = NULL;
    for (size_t i = 0; i < f->n_figures; i++) {
        fill_figure(&d->figures[d->n_figures++], &f->figures[i]);
        d->figure_kinds[f->figures[i].kind]++;
        if (timex_iso_days(f->figures[i].date) != INT32_MIN)
            d->event_days[d->n_event_days++] = (int32_t)timex_iso_days(f->figures[i].date);
    }
    own = ev_doc_best_figure(d, FIG_KILLED, NULL);
    if (own) {
        d->own_killed = own->n;
        d->own_killed_open = own->qualifier == Q_VAGUE;
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
    if (d->block) {
        free(d->block);
        memset(d, 0, sizeof *d);
        return;
    }
    free(d->title);
    free(d->date);
    free(d->source);
    free(d->dateline);
    free(d->listed_place);
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
    ev_prep_free(d->prep);
    memset(d, 0, sizeof *d);
}

void ev_docs_free(struct ev_doc *docs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ev_doc_free(&docs[i]);
    free(docs);
}
