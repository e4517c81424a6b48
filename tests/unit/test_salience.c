/* test_salience.c: which place stands for an article, worked out by hand. */
#include <stdlib.h>
#include <string.h>

#include "base/facts.h"
#include "extract/salience.h"
#include "testlib.h"

static struct place_fact *add(struct facts *f, const char *name, const char *surface,
                              enum place_kind kind, int count, int first)
{
    struct place_fact *p = facts_add_place(f);
    p->name = strdup(name);
    facts_add_surface(&p->surface, &p->n_surface, surface);
    p->kind = kind;
    p->count = count;
    p->first_sentence = first;
    return p;
}

/* A dateline city named four times against the title's town named three: the title wins
 * (3 + 3 against 4 + 1.5 for the lead). */
static void title_outweighs_mentions(void)
{
    struct facts f;
    facts_init(&f);
    add(&f, "Baghdad", "BAGHDAD", PLACE_CITY, 4, 0);
    add(&f, "Al Fallujah", "Fallujah", PLACE_CITY, 3, 1);
    add(&f, "Iraq", "Iraq", PLACE_COUNTRY, 11, 0);
    const char *title = "Iraq Airstrikes Kill Islamic State Fighters Leaving Fallujah";
    const struct place_fact *p = most_salient_place(&f, title, NULL);
    CHECK(p != NULL && strcmp(p->name, "Al Fallujah") == 0);
    /* without the title, the most named */
    p = most_salient_place(&f, NULL, NULL);
    CHECK(p != NULL && strcmp(p->name, "Baghdad") == 0);
    facts_free(&f);
}

/* A province counts half a town: Anbar named five times loses to Qaim named three. */
static void finer_places_weigh_more(void)
{
    struct facts f;
    facts_init(&f);
    add(&f, "Al Anbar", "Anbar", PLACE_ADMIN1, 5, 4);
    add(&f, "Al Qa'im", "al-Qaim", PLACE_TOWN, 3, 5);
    const struct place_fact *p = most_salient_place(&f, "Clashes continue", NULL);
    CHECK(p != NULL && strcmp(p->name, "Al Qa'im") == 0);
    CHECK(salience_of_place(5, 4, PLACE_ADMIN1, false, false) == 2.5);
    CHECK(salience_of_place(3, 5, PLACE_TOWN, false, false) == 3.0);
    facts_free(&f);
}

/* Whole words, any spelling the text used, folded; countries alone give no place. */
static void title_matching(void)
{
    struct facts f;
    facts_init(&f);
    struct place_fact *q = add(&f, "Al Qa'im", "al-Qa'im", PLACE_TOWN, 1, 3);
    CHECK(salience_names_place("Jets strike AL-QAIM overnight", q));
    CHECK(!salience_names_place("Jets strike al-Qaimiya overnight", q));
    CHECK(!salience_names_place(NULL, q));
    /* a name longer than the stack copy holds (SHORT_NAME) is folded on the heap */
    char long_name[300], title[400];
    memset(long_name, 'x', 260);
    memcpy(long_name, "Ville ", 6);
    long_name[260] = '\0';
    snprintf(title, sizeof title, "Strike on %s today", long_name);
    CHECK(salience_padded_names(" strike on ville xx ", "Ville") == true);
    struct place_fact *longp = add(&f, long_name, long_name, PLACE_TOWN, 1, 2);
    CHECK(salience_names_place(title, longp));
    CHECK(!salience_names_place("Strike on Ville today", longp));
    facts_free(&f);
    facts_init(&f);
    add(&f, "Iraq", "Iraq", PLACE_COUNTRY, 9, 0);
    CHECK(most_salient_place(&f, "Iraq", NULL) == NULL);
    facts_free(&f);
}

/* The dateline is where the reporter files from: Niamey named there and nowhere else gives
 * way to the Tillaberi region named twice (2 x 0.5 against 0.2); a dateline place named
 * again keeps its other mentions but not the lead bonus (Kabul 3 - 1 = 2, against
 * Kunduz's 1 + 1.5 in the lead). */
static void dateline_counts_little(void)
{
    struct facts f;
    facts_init(&f);
    add(&f, "Niamey", "NIAMEY", PLACE_CITY, 1, 0);
    add(&f, "Tillaberi", "Tillaberi", PLACE_ADMIN1, 2, 1);
    const char *title = "Jihadists kill at least 20 soldiers in western Niger";
    const struct place_fact *p = most_salient_place(&f, title, "NIAMEY");
    CHECK(p != NULL && strcmp(p->name, "Tillaberi") == 0);
    p = most_salient_place(&f, title, NULL);
    CHECK(p != NULL && strcmp(p->name, "Niamey") == 0);
    CHECK(salience_of_place(1, 0, PLACE_CITY, false, true) == 0.2);
    CHECK(salience_of_place(3, 0, PLACE_CITY, false, true) == 2.0);
    CHECK(salience_of_place(1, 1, PLACE_CITY, false, false) == 2.5);
    /* a title naming the dateline city keeps it first: the report is about it */
    CHECK(salience_of_place(2, 0, PLACE_CITY, true, true) == 4.0);
    facts_free(&f);
}

/* Where the report's own toll was counted outweighs a city named more often: Quetta, where
 * the lede's 24 were killed, against Rawalpindi named twice in passing (1 + 3 against 2 +
 * 1.5). */
static void toll_site_weighs_more(void)
{
    struct facts f;
    facts_init(&f);
    add(&f, "Rawalpindi", "Rawalpindi", PLACE_CITY, 2, 2);
    add(&f, "Quetta", "Quetta", PLACE_CITY, 1, 4);
    struct figure_fact *g = facts_add_figure(&f);
    g->kind = FIG_KILLED;
    g->n = g->min = g->max = 24;
    g->qualifier = Q_EXACT;
    g->role = ROLE_EVENT;
    g->place = strdup("Quetta");
    const struct place_fact *p = most_salient_place(&f, "Suicide bomber kills 24", NULL);
    CHECK(p != NULL && strcmp(p->name, "Quetta") == 0);
    free(g->place);
    g->place = NULL;
    p = most_salient_place(&f, "Suicide bomber kills 24", NULL);
    CHECK(p != NULL && strcmp(p->name, "Rawalpindi") == 0);
    facts_free(&f);
}

int main(void)
{
    RUN(title_outweighs_mentions);
    RUN(finer_places_weigh_more);
    RUN(title_matching);
    RUN(dateline_counts_little);
    RUN(toll_site_weighs_more);
    return TESTS_DONE();
}
