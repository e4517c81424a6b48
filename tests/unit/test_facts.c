/* test_facts.c: fact containers grow, own their strings and name their enums both ways. */
#include <stdlib.h>
#include <string.h>

#include "base/facts.h"
#include "testlib.h"

static void appenders_initialise_nulls(void)
{
    struct facts f;
    facts_init(&f);
    for (int i = 0; i < 100; i++) {
        struct figure_fact *g = facts_add_figure(&f);
        CHECK(g != NULL);
        CHECK_INT(g->n, FACT_NONE);
        CHECK_INT(g->min, FACT_NONE);
        CHECK_INT(g->max, FACT_NONE);
        g->who = strdup("soldiers");
    }
    CHECK_INT(f.n_figures, 100);
    struct place_fact *p = facts_add_place(&f);
    CHECK_INT(p->first_sentence, -1);
    p->name = strdup("Qaim");
    CHECK_INT(facts_add_surface(&p->surface, &p->n_surface, "Qaim"), 0);
    CHECK_INT(facts_add_surface(&p->surface, &p->n_surface, "al-Qaim"), 0);
    CHECK_INT(facts_add_surface(&p->surface, &p->n_surface, "Qaim"), 0);
    CHECK_INT(p->n_surface, 2);
    CHECK_STR(p->surface[1], "al-Qaim");
    facts_free(&f);
    CHECK_INT(f.n_figures, 0);
    CHECK(f.figures == NULL);
}

static void names_round_trip(void)
{
    for (int k = 0; k < PLACE_KIND_COUNT; k++)
        CHECK_INT(place_kind_from_name(place_kind_name((enum place_kind)k)), k);
    for (int k = 0; k < FIG_KIND_COUNT; k++)
        CHECK_INT(figure_kind_from_name(figure_kind_name((enum figure_kind)k)), k);
    for (int q = 0; q < Q_COUNT; q++)
        CHECK_INT(qualifier_from_name(qualifier_name((enum qualifier)q)), q);
    CHECK_STR(qualifier_name(Q_MORE_THAN), "more_than");
    CHECK_STR(place_kind_name(PLACE_NEIGHBORHOOD), "neighborhood");
    CHECK_INT(figure_kind_from_name("exploded"), -1);
    CHECK_INT(qualifier_from_name(NULL), -1);
    CHECK_INT(place_kind_from_name("galaxy"), PLACE_UNKNOWN);
}

/* A report's own figure: one in the headline or lede (sentences 0-2) first, then the
 * larger. */
static void own_figure_order(void)
{
    CHECK(figure_outranks(14, 0, 200, 14)); /* the headline's 14, not "hundreds" later */
    CHECK(!figure_outranks(200, 14, 14, 0));
    CHECK(figure_outranks(30, 2, 12, 0)); /* both in the lede: the larger */
    CHECK(!figure_outranks(12, 0, 30, 2));
    CHECK(figure_outranks(50, 8, 9, 4)); /* none up there: the larger */
    CHECK(!figure_outranks(9, 4, 50, 8));
    CHECK(!figure_outranks(9, 8, 9, 8)); /* a tie keeps the first found */
}

int main(void)
{
    RUN(appenders_initialise_nulls);
    RUN(names_round_trip);
    RUN(own_figure_order);
    return TESTS_DONE();
}
