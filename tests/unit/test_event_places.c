/* test_event_places.c: where a report's events happened, worked out by hand from facts
 * built here (extract/event_places.h). */
#include <stdlib.h>
#include <string.h>

#include "base/facts.h"
#include "extract/event_places.h"
#include "testlib.h"

static void add_place(struct facts *f, const char *name, enum place_kind kind, int count, int first)
{
    struct place_fact *p = facts_add_place(f);
    p->name = strdup(name);
    facts_add_surface(&p->surface, &p->n_surface, name);
    p->kind = kind;
    p->count = count;
    p->first_sentence = first;
}

static void add_figure(struct facts *f, const char *place, enum figure_role role, int incident)
{
    struct figure_fact *g = facts_add_figure(f);
    g->kind = FIG_KILLED;
    g->n = g->min = g->max = 5;
    g->place = place ? strdup(place) : NULL;
    g->role = role;
    g->incident = incident;
    g->sentence = 1;
}

/* "Mosul/0 Kirkuk/1": each event place as name/incident, in order. */
static const char *places_of(const struct facts *f, const char *title, const char *dateline)
{
    static char out[256];
    struct event_place *ev = malloc((f->n_figures + 1) * sizeof *ev);
    size_t n = report_event_places(f, title, dateline, ev);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(out);
        snprintf(out + used, sizeof out - used, "%s%s/%d", i ? " " : "",
                 f->places[ev[i].place].name, ev[i].incident);
    }
    free(ev);
    return out;
}

/* A strike in Mosul that names Kirkuk in passing happened in Mosul only. */
static void passing_mention_is_no_event_place(void)
{
    struct facts f;
    facts_init(&f);
    add_place(&f, "Mosul", PLACE_CITY, 2, 0);
    add_place(&f, "Kirkuk", PLACE_CITY, 1, 2);
    add_place(&f, "Iraq", PLACE_COUNTRY, 1, 1);
    add_figure(&f, "Mosul", ROLE_EVENT, 0);
    CHECK_STR(places_of(&f, "Airstrike kills 20 in Mosul", NULL), "Mosul/0");
    facts_free(&f);
}

/* Filed from Kirkuk about Mosul: the dateline is where the reporter was. Named nowhere
 * else, it is the event's place only when nothing else is known; a figure in the lede
 * placed at it (the nearest name to the number) does not make it one. */
static void dateline_only_when_nothing_else(void)
{
    struct facts f;
    facts_init(&f);
    add_place(&f, "Kirkuk", PLACE_CITY, 1, 1);
    add_place(&f, "Mosul", PLACE_CITY, 2, 1);
    add_figure(&f, "Kirkuk", ROLE_EVENT, 0);
    CHECK_STR(places_of(&f, "Car bomb kills nine", "KIRKUK"), "Mosul/0");
    /* without the dateline the figure's place is where the own toll was counted: the
     * main event's (salience.h), over Mosul named twice */
    CHECK_STR(places_of(&f, "Car bomb kills nine", NULL), "Kirkuk/0");
    facts_free(&f);
    facts_init(&f);
    add_place(&f, "Kirkuk", PLACE_CITY, 1, 1);
    add_figure(&f, "Kirkuk", ROLE_EVENT, 0);
    CHECK_STR(places_of(&f, "Car bomb kills nine", "KIRKUK"), "Kirkuk/0");
    facts_free(&f);
}

/* A second incident told in the report happened at its figure's place, numbered; the main
 * event's own figure at the main place adds nothing. */
static void second_incident_adds_its_place(void)
{
    struct facts f;
    facts_init(&f);
    add_place(&f, "Mosul", PLACE_CITY, 2, 0);
    add_place(&f, "Kirkuk", PLACE_CITY, 1, 2);
    add_figure(&f, "Mosul", ROLE_EVENT, 0);
    add_figure(&f, "Kirkuk", ROLE_EVENT, 1);
    add_figure(&f, "Kirkuk", ROLE_EVENT, 1);
    CHECK_STR(places_of(&f, "Clashes kill 12 in Mosul", NULL), "Mosul/0 Kirkuk/1");
    facts_free(&f);
}

/* Only event figures place an event: a background total, another event's toll, a part
 * and a figure with no place add nothing; a figure placed in a whole country neither
 * ("near the border with Syria"); an event figure elsewhere in the report does (separate
 * bombings in Baghdad told in a report about Fallujah). */
static void only_event_figures_place_events(void)
{
    struct facts f;
    facts_init(&f);
    add_place(&f, "Al Fallujah", PLACE_CITY, 3, 0);
    add_place(&f, "Al Anbar", PLACE_ADMIN1, 1, 5);
    add_place(&f, "Ramadi", PLACE_CITY, 1, 6);
    add_place(&f, "Mosul", PLACE_CITY, 1, 7);
    add_place(&f, "Syria", PLACE_COUNTRY, 1, 1);
    add_place(&f, "Baghdad", PLACE_CITY, 1, 8);
    add_figure(&f, "Al Anbar", ROLE_BACKGROUND, 0);
    add_figure(&f, "Ramadi", ROLE_OTHER, 0);
    add_figure(&f, "Mosul", ROLE_PART, 0);
    add_figure(&f, NULL, ROLE_EVENT, 0);
    add_figure(&f, "Syria", ROLE_EVENT, 0);
    add_figure(&f, "Baghdad", ROLE_EVENT, 0);
    CHECK_STR(places_of(&f, "Airstrikes hit convoy leaving Fallujah", NULL),
              "Al Fallujah/0 Baghdad/0");
    facts_free(&f);
}

/* Only countries named: the first of them; nothing named: nothing. */
static void countries_alone_and_nothing(void)
{
    struct facts f;
    facts_init(&f);
    add_place(&f, "Syria", PLACE_COUNTRY, 1, 1);
    add_place(&f, "Iraq", PLACE_COUNTRY, 4, 0);
    CHECK_STR(places_of(&f, "Border clashes", NULL), "Syria/0");
    facts_free(&f);
    facts_init(&f);
    add_figure(&f, NULL, ROLE_EVENT, 0);
    CHECK_STR(places_of(&f, "Clashes", NULL), "");
    facts_free(&f);
}

int main(void)
{
    RUN(passing_mention_is_no_event_place);
    RUN(dateline_only_when_nothing_else);
    RUN(second_incident_adds_its_place);
    RUN(only_event_figures_place_events);
    RUN(countries_alone_and_nothing);
    return TESTS_DONE();
}
