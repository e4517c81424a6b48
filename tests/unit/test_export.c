/* test_export.c: the JSON line of FACTS.md: field order, nulls, weekday only when the date
 * stays relative, one line per article, strings escaped. */
#include <stdlib.h>
#include <string.h>

#include "read/article.h"
#include "export/export.h"
#include "base/facts.h"
#include "testlib.h"

static char *export_to_string(const struct article *a, const struct facts *f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    export_facts_json(out, "a \"quoted\" name.txt", a, f);
    fclose(out);
    return buf;
}

static void test_empty_article(void)
{
    struct article a = {0};
    a.title = "Title";
    struct facts f;
    facts_init(&f);
    char *s = export_to_string(&a, &f);
    CHECK_STR(s, "{\"file\":\"a \\\"quoted\\\" name.txt\",\"title\":\"Title\",\"date\":null,"
                 "\"source\":null,\"places\":[],\"actors\":[],\"figures\":[],\"dates\":[]}\n");
    free(s);
}

static void test_facts_fields(void)
{
    struct article a = {0};
    a.title = "T";
    a.date = "2024-05-01";
    struct facts f;
    facts_init(&f);
    struct place_fact *p = facts_add_place(&f);
    p->name = strdup("Qaim");
    p->kind = PLACE_TOWN;
    p->country = strdup("Iraq");
    p->count = 2;
    facts_add_surface(&p->surface, &p->n_surface, "al-Qaim");
    struct figure_fact *g = facts_add_figure(&f);
    g->kind = FIG_KILLED;
    g->n = 12;
    g->min = 12;
    g->qualifier = Q_AT_LEAST;
    g->sentence = 3;
    struct date_fact *d = facts_add_date(&f);
    d->text = strdup("on Tuesday");
    d->weekday = strdup("Tuesday");
    d->sentence = 2;
    char *s = export_to_string(&a, &f);
    CHECK(strstr(s, "{\"name\":\"Qaim\",\"kind\":\"town\",\"admin1\":null,\"country\":\"Iraq\","
                    "\"lat\":null,\"lon\":null,\"count\":2,\"surface\":[\"al-Qaim\"]}") != NULL);
    CHECK(strstr(s, "{\"kind\":\"killed\",\"n\":12,\"min\":12,\"max\":null,"
                    "\"qualifier\":\"at_least\",\"who\":null") != NULL);
    CHECK(strstr(s, "{\"text\":\"on Tuesday\",\"value\":null,\"weekday\":\"Tuesday\","
                    "\"sentence\":2}") != NULL);
    CHECK(strchr(s, '\n') == s + strlen(s) - 1);
    free(s);
    facts_free(&f);
}

int main(void)
{
    RUN(test_empty_article);
    RUN(test_facts_fields);
    return TESTS_DONE();
}
