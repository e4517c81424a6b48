/* export.c: the facts of one article as the single JSON line FACTS.md describes. */
#include "export/export.h"

#include "base/json.h"

static void write_strings(struct json *j, const char *key, char **list, size_t n)
{
    json_key(j, key);
    json_begin_array(j);
    for (size_t i = 0; i < n; i++)
        json_string(j, list[i]);
    json_end_array(j);
}

static void write_place(struct json *j, const struct place_fact *p)
{
    json_begin_object(j);
    json_kv_string(j, "name", p->name);
    json_kv_string(j, "kind", place_kind_name(p->kind));
    json_kv_string(j, "admin1", p->admin1);
    json_kv_string(j, "country", p->country);
    json_key(j, "lat");
    if (p->has_coords)
        json_double(j, p->lat, 4);
    else
        json_null(j);
    json_key(j, "lon");
    if (p->has_coords)
        json_double(j, p->lon, 4);
    else
        json_null(j);
    json_kv_int(j, "count", p->count);
    write_strings(j, "surface", p->surface, p->n_surface);
    json_end_object(j);
}

static void write_actor(struct json *j, const struct actor_fact *a)
{
    json_begin_object(j);
    json_kv_string(j, "name", a->name);
    json_kv_int(j, "count", a->count);
    write_strings(j, "surface", a->surface, a->n_surface);
    json_end_object(j);
}

static void write_figure(struct json *j, const struct figure_fact *g)
{
    json_begin_object(j);
    json_kv_string(j, "kind", figure_kind_name(g->kind));
    json_kv_int_or_null(j, "n", g->n);
    json_kv_int_or_null(j, "min", g->min);
    json_kv_int_or_null(j, "max", g->max);
    json_kv_string(j, "qualifier", qualifier_name(g->qualifier));
    json_kv_string(j, "who", g->who);
    json_kv_string(j, "place", g->place);
    json_kv_string(j, "date", g->date);
    json_kv_string(j, "source", g->source);
    json_kv_int(j, "sentence", g->sentence);
    json_kv_string(j, "text", g->text);
    json_kv_string(j, "role", figure_role_name(g->role));
    if (g->incident)
        json_kv_int(j, "incident", g->incident);
    json_end_object(j);
}

static void write_date(struct json *j, const struct date_fact *d)
{
    json_begin_object(j);
    json_kv_string(j, "text", d->text);
    json_kv_string(j, "value", d->value);
    if (d->weekday)
        json_kv_string(j, "weekday", d->weekday);
    json_kv_int(j, "sentence", d->sentence);
    json_end_object(j);
}

void export_facts_json(FILE *out, const char *file, const struct article *a, const struct facts *f)
{
    struct json j;
    json_init(&j, out);
    json_begin_object(&j);
    json_kv_string(&j, "file", file);
    json_kv_string(&j, "title", a->title);
    json_kv_string(&j, "date", a->date);
    json_kv_string(&j, "source", a->source);
    json_key(&j, "places");
    json_begin_array(&j);
    for (size_t i = 0; i < f->n_places; i++)
        write_place(&j, &f->places[i]);
    json_end_array(&j);
    json_key(&j, "actors");
    json_begin_array(&j);
    for (size_t i = 0; i < f->n_actors; i++)
        write_actor(&j, &f->actors[i]);
    json_end_array(&j);
    json_key(&j, "figures");
    json_begin_array(&j);
    for (size_t i = 0; i < f->n_figures; i++)
        write_figure(&j, &f->figures[i]);
    json_end_array(&j);
    json_key(&j, "dates");
    json_begin_array(&j);
    for (size_t i = 0; i < f->n_dates; i++)
        write_date(&j, &f->dates[i]);
    json_end_array(&j);
    json_end_object(&j);
    fputc('\n', out);
}
