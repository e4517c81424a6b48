/* test_compare.c: two reports of one convoy strike, with facts written by hand. */
#include "compare/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "base/text.h"

static void fig(struct facts *f, enum figure_kind k, long n, long min, long max, enum qualifier q,
                int sentence, const char *source)
{
    struct figure_fact *g = facts_add_figure(f);
    g->kind = k;
    g->n = n;
    g->min = min;
    g->max = max;
    g->qualifier = q;
    g->sentence = sentence;
    g->source = source ? strdup(source) : NULL;
}

static void place(struct facts *f, const char *name, int64_t gid, int first)
{
    struct place_fact *p = facts_add_place(f);
    p->name = strdup(name);
    p->gazetteer_id = gid;
    p->first_sentence = first;
    p->count = 1;
}

static void actor(struct facts *f, const char *name, int first)
{
    struct actor_fact *a = facts_add_actor(f);
    a->name = strdup(name);
    a->first_sentence = first;
    a->count = 1;
}

static void date(struct facts *f, const char *text, const char *value, const char *weekday,
                 int sentence)
{
    struct date_fact *d = facts_add_date(f);
    d->text = strdup(text);
    d->value = value ? strdup(value) : NULL;
    d->weekday = weekday ? strdup(weekday) : NULL;
    d->sentence = sentence;
}

/* Sentence 0 is the title. */
static const char *A_BODY =
    "Jets hit a convoy of militants fleeing the city of Ramadi on Tuesday.\n\n"
    "Scores of militants were killed, officials said.\n\n"
    "Helicopters destroyed more than 90 vehicles, General Karim said.\n\n"
    "In Baghdad, a bomb killed three people at a market.";
static const char *B_BODY =
    "The army retook two districts near Ramadi on Wednesday.\n\n"
    "Air raids on the fleeing convoy killed some 150 militants and destroyed some 140 "
    "vehicles.\n\n"
    "The convoy had left Ramadi at night, a spokesman said.";

/* The clean text as article.h lays it out: the title, a blank line, the body. Built here
 * so the test depends only on the sentence splitter. */
static struct article *make_article(const char *title, const char *body)
{
    struct article *a = calloc(1, sizeof *a);
    size_t len = strlen(title) + strlen(body) + 3;
    a->title = strdup(title);
    a->text = malloc(len);
    snprintf(a->text, len, "%s\n\n%s", title, body);
    a->text_len = strlen(a->text);
    a->n_sentences = text_split_sentences(a->text, a->text_len, &a->sentences);
    return a;
}

static void build(struct article **pa, struct facts *fa, struct article **pb, struct facts *fb)
{
    struct article *a = *pa = make_article("Jets strike fleeing convoy", A_BODY);
    struct article *b = *pb = make_article("Army retakes districts near Ramadi", B_BODY);
    CHECK_INT(a->n_sentences, 5);
    CHECK_INT(b->n_sentences, 4);
    facts_init(fa);
    facts_init(fb);
    fig(fa, FIG_KILLED, 40, 40, FACT_NONE, Q_VAGUE, 2, "officials");
    fig(fa, FIG_DESTROYED, 90, 91, FACT_NONE, Q_MORE_THAN, 3, "General Karim");
    fig(fa, FIG_KILLED, 3, 3, 3, Q_EXACT, 4, NULL);
    place(fa, "Ramadi", 500, 1);
    place(fa, "Baghdad", 501, 4);
    actor(fa, "Islamic State", 1);
    date(fa, "on Tuesday", NULL, "Tuesday", 1);
    fig(fb, FIG_KILLED, 150, 150, 150, Q_ABOUT, 2, NULL);
    fig(fb, FIG_DESTROYED, 140, 140, 140, Q_ABOUT, 2, NULL);
    place(fb, "Ramadi", 500, 0);
    place(fb, "Anbar", 502, 3);
    actor(fb, "Iraqi Army", 1);
    actor(fb, "Islamic State", 2);
    date(fb, "on Wednesday", NULL, "Wednesday", 1);
}

static void teardown(struct article *a, struct facts *fa, struct article *b, struct facts *fb)
{
    article_free(a);
    article_free(b);
    facts_free(fa);
    facts_free(fb);
}

static void test_figures_side_by_side(void)
{
    struct article *a, *b;
    struct facts fa, fb;
    build(&a, &fa, &b, &fb);
    struct comparison c;
    CHECK(compare_build(a, &fa, b, &fb, &c) == 0);
    CHECK_INT(c.n_figures, 2);
    CHECK_INT(c.figures[0].kind, FIG_KILLED);
    CHECK_INT(c.figures[0].n_a, 2);
    CHECK_INT(c.figures[0].n_b, 1);
    CHECK_INT(c.figures[0].status, COMPARE_DIFFER); /* scores against some 150 */
    CHECK_INT(c.figures[1].kind, FIG_DESTROYED);
    CHECK_INT(c.figures[1].status, COMPARE_DIFFER); /* more than 90 against some 140 */
    char buf[64];
    compare_format_figure(c.figures[0].a[0], buf, sizeof buf);
    CHECK_STR(buf, "scores");
    compare_format_figure(c.figures[1].a[0], buf, sizeof buf);
    CHECK_STR(buf, "more than 90");
    compare_format_figure(c.figures[1].b[0], buf, sizeof buf);
    CHECK_STR(buf, "some 140");
    compare_free(&c);
    teardown(a, &fa, b, &fb);
}

static void test_agreement_rules(void)
{
    struct article *a, *b;
    struct facts fa, fb;
    build(&a, &fa, &b, &fb);
    fig(&fb, FIG_WOUNDED, 10, 10, 10, Q_EXACT, 2, NULL);
    fig(&fa, FIG_DESTROYED, 145, 145, 145, Q_EXACT, 3, NULL); /* within a tenth of some 140 */
    struct comparison c;
    CHECK(compare_build(a, &fa, b, &fb, &c) == 0);
    CHECK_INT(c.n_figures, 3);
    /* rows follow the kinds' order: killed, wounded, destroyed */
    CHECK_INT(c.figures[1].kind, FIG_WOUNDED);
    CHECK_INT(c.figures[1].status, COMPARE_ONLY_B);
    CHECK_INT(c.figures[2].kind, FIG_DESTROYED);
    CHECK_INT(c.figures[2].status, COMPARE_AGREE);
    compare_free(&c);
    teardown(a, &fa, b, &fb);
}

static void test_names(void)
{
    struct article *a, *b;
    struct facts fa, fb;
    build(&a, &fa, &b, &fb);
    struct comparison c;
    CHECK(compare_build(a, &fa, b, &fb, &c) == 0);
    CHECK_INT(c.n_places, 3);
    CHECK_STR(c.places[0].name, "Ramadi");
    CHECK_INT(c.places[0].status, COMPARE_AGREE);
    CHECK_STR(c.places[1].name, "Baghdad");
    CHECK_INT(c.places[1].status, COMPARE_ONLY_A);
    CHECK_STR(c.places[2].name, "Anbar");
    CHECK_INT(c.places[2].status, COMPARE_ONLY_B);
    CHECK_INT(c.n_actors, 2);
    CHECK_STR(c.actors[0].name, "Islamic State");
    CHECK_INT(c.actors[0].status, COMPARE_AGREE);
    CHECK_STR(c.actors[1].name, "Iraqi Army");
    CHECK_INT(c.actors[1].status, COMPARE_ONLY_B);
    CHECK_INT(c.n_dates, 2);
    CHECK_STR(c.dates[0].name, "Tuesday");
    CHECK_INT(c.dates[0].status, COMPARE_ONLY_A);
    CHECK_STR(compare_presence_name(c.places[0].status), "both");
    compare_free(&c);
    teardown(a, &fa, b, &fb);
}

static void test_alignment(void)
{
    struct article *a, *b;
    struct facts fa, fb;
    build(&a, &fa, &b, &fb);
    struct comparison c;
    CHECK(compare_build(a, &fa, b, &fb, &c) == 0);
    /* B's sentence 2 states both tolls; A states them in 2 (killed) and 3 (destroyed). The
     * strongest pair takes B's 2; Ramadi's first mentions (A 1, B 0) pair by place. */
    bool found_toll = false;
    for (size_t i = 0; i < c.n_pairs; i++) {
        if (c.pairs[i].b == 2)
            found_toll = c.pairs[i].a == 2 || c.pairs[i].a == 3;
        CHECK(c.pairs[i].a != 4); /* the Baghdad bombing shares nothing with B */
    }
    CHECK(found_toll);
    CHECK(c.n_pairs >= 1);
    for (size_t i = 1; i < c.n_pairs; i++)
        CHECK(c.pairs[i - 1].a < c.pairs[i].a);
    /* following: from A's last sentence, B shows the last aligned one before it */
    int follow = compare_follow(&c, 4, 0);
    CHECK(follow >= 0);
    CHECK_INT(compare_follow(&c, -1, 0), -1);
    compare_free(&c);
    teardown(a, &fa, b, &fb);
}

int main(void)
{
    RUN(test_figures_side_by_side);
    RUN(test_agreement_rules);
    RUN(test_names);
    RUN(test_alignment);
    return TESTS_DONE();
}
