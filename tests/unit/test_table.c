/* test_table.c: the export writers' cells (CSV quoting and neutralising, JSON values), the
 * JSON reader and the sitrep record reader. */
#include <stdlib.h>
#include <string.h>

#include "base/json_read.h"
#include "export/csv.h"
#include "export/jsonl.h"
#include "export/table.h"
#include "read/records.h"
#include "testlib.h"

/* What a writer call prints, as a malloc'd string. */
static char *captured(void (*write)(FILE *out, const void *arg), const void *arg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    write(f, arg);
    fclose(f);
    return buf;
}

static void write_field(FILE *out, const void *arg)
{
    csv_write_field(out, arg);
}

static void csv_fields_follow_rfc4180_and_owasp(void)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "plain"},
        {"a,b", "\"a,b\""},
        {"say \"no\"", "\"say \"\"no\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
        {"@SUM(1+1)", "'@SUM(1+1)"},
        {"+cmd", "'+cmd"},
        {"-2+3", "'-2+3"},
        {"\tTAB", "'\tTAB"},
        {"\rCR", "\"'\rCR\""},
        {"-12", "-12"},
        {"+3.5", "+3.5"},
        {"1e3", "1e3"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = captured(write_field, cases[i].in);
        CHECK_STR(got, cases[i].out);
        free(got);
    }
    CHECK(!csv_needs_neutralising(NULL));
    CHECK(csv_needs_neutralising("=1+2"));
    CHECK(!csv_needs_neutralising("-40"));
}

static void write_table(FILE *out, const void *arg)
{
    static const char *const cols[] = {"name", "n", "lat", "ok", "none"};
    struct table t;
    table_begin(&t, *(const enum table_format *)arg, out, "row", cols, 5);
    struct cell a[] = {cell_text("Qaim, Anbar"), cell_int(14), cell_real(34.3925, 4),
                       cell_bool(true), cell_null()};
    struct cell b[] = {cell_text("=1"), cell_int_or_null(-1), cell_null(), cell_bool(false),
                       cell_text(NULL)};
    table_row(&t, a);
    table_row(&t, b);
    table_end(&t);
}

static void tables_in_each_format(void)
{
    enum table_format f = TABLE_CSV;
    char *csv = captured(write_table, &f);
    CHECK_STR(csv, "name,n,lat,ok,none\r\n\"Qaim, Anbar\",14,34.3925,true,\r\n'=1,,,false,\r\n");
    free(csv);
    f = TABLE_JSONL;
    char *jsonl = captured(write_table, &f);
    CHECK_STR(jsonl, "{\"sitrep\":1,\"type\":\"row\",\"name\":\"Qaim, Anbar\",\"n\":14,"
                     "\"lat\":34.3925,\"ok\":true,\"none\":null}\n"
                     "{\"sitrep\":1,\"type\":\"row\",\"name\":\"=1\",\"n\":null,\"lat\":null,"
                     "\"ok\":false,\"none\":null}\n");
    free(jsonl);
    CHECK_INT(table_format_from_path("out/events.GeoJSON"), TABLE_GEOJSON);
    CHECK_INT(table_format_from_path("a.csv"), TABLE_CSV);
    CHECK_INT(table_format_from_path("a.jsonl"), TABLE_JSONL);
    CHECK_INT(table_format_from_path("dir.csv/file"), -1);
    CHECK_INT(table_format_from_name("xlsx"), -1);
}

static void json_reader_reads_what_the_writer_writes(void)
{
    const char *text =
        " {\"a\": [1, -2.5e1, true, false, null], \"s\": \"t\\u00e9\\n\\ud83d\\ude00\","
        " \"o\": {}, \"e\": []} ";
    struct jvalue v;
    char err[128];
    CHECK(jparse(text, strlen(text), &v, err, sizeof err) == 0);
    const struct jvalue *a = jget(&v, "a");
    CHECK(a && a->type == JARRAY && a->n == 5);
    if (a && a->n == 5) {
        CHECK(a->items[1].number == -25);
        CHECK(a->items[2].type == JBOOL && a->items[2].boolean);
        CHECK(a->items[3].type == JBOOL && !a->items[3].boolean);
        CHECK(a->items[4].type == JNULL);
    }
    CHECK_STR(jget_string(&v, "s"), "t\xc3\xa9\n\xf0\x9f\x98\x80");
    CHECK(jget(&v, "o")->type == JOBJECT && jget(&v, "e")->n == 0);
    CHECK(jget_string(&v, "missing") == NULL);
    CHECK(jget_number(&v, "s", 7) == 7);
    jfree(&v);
    /* a lone surrogate and a NUL become U+FFFD, so strings stay C strings */
    const char *odd = "\"\\ud800x\\u0000\"";
    CHECK(jparse(odd, strlen(odd), &v, err, sizeof err) == 0);
    CHECK_STR(v.string, "\xef\xbf\xbdx\xef\xbf\xbd");
    jfree(&v);
}

static void json_reader_refuses_broken_input(void)
{
    const char *bad[] = {"",         "{",       "{\"a\" 1}", "[1,]",   "[1 2]",   "\"abc",
                         "tru",      "01x",     "{} {}",     "\"\t\"", "\"\\x\"", "{1:2}",
                         "\"\xff\"", "[\"a\",", "-",         "nul"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct jvalue v;
        char err[128] = "";
        int rc = jparse(bad[i], strlen(bad[i]), &v, err, sizeof err);
        if (rc == 0)
            printf("#   accepted: %s\n", bad[i]);
        CHECK(rc < 0 && err[0]);
        CHECK(v.type == JNULL);
    }
    /* nesting deeper than the cap fails cleanly instead of exhausting the stack */
    size_t n = 100000;
    char *deep = malloc(n);
    memset(deep, '[', n);
    struct jvalue v;
    char err[128];
    CHECK(jparse(deep, n, &v, err, sizeof err) < 0);
    CHECK(strstr(err, "deeply") != NULL);
    free(deep);
}

struct collected {
    int n;
    char titles[4][64];
    bool read[4];
};

static int collect(struct article *a, void *ctx)
{
    struct collected *c = ctx;
    if (c->n < 4) {
        snprintf(c->titles[c->n], sizeof c->titles[0], "%s", a->title);
        c->read[c->n] = a->is_read;
    }
    c->n++;
    article_free(a);
    return 0;
}

static void records_give_back_articles(void)
{
    const char *recs =
        "{\"sitrep\":1,\"type\":\"header\"}\n"
        "{\"sitrep\":1,\"type\":\"article\",\"title\":\"One\",\"text\":\"One\\n\\nBody "
        "one.\",\"read\":true}\r\n"
        "\n"
        "{\"sitrep\":1,\"type\":\"event\",\"event_id\":1}\n"
        "{\"sitrep\":1,\"type\":\"article\",\"title\":\"Two\",\"text\":\"Two\"}\n";
    CHECK(records_sniff(recs, strlen(recs)));
    CHECK(!records_sniff("{\"sitrep\":1,\"type\":\"article\"}\n", 30));
    CHECK(!records_sniff("{\"events\":[]}", 13));
    struct collected c = {0};
    char err[256] = "";
    CHECK_INT(records_parse(recs, strlen(recs), "f.jsonl", collect, &c, err, sizeof err), 2);
    CHECK_STR(c.titles[0], "One");
    CHECK_STR(c.titles[1], "Two");
    CHECK(c.read[0] && !c.read[1]);
    const char *future = "{\"sitrep\":2,\"type\":\"header\"}\n";
    CHECK_INT(records_parse(future, strlen(future), "f", collect, &c, err, sizeof err), -1);
    CHECK(strstr(err, "version 2") != NULL);
}

int main(void)
{
    RUN(csv_fields_follow_rfc4180_and_owasp);
    RUN(tables_in_each_format);
    RUN(json_reader_reads_what_the_writer_writes);
    RUN(json_reader_refuses_broken_input);
    RUN(records_give_back_articles);
    return TESTS_DONE();
}
