/* test_markup.c: HTML pages and RSS/Atom feeds through reader_load and reader_parse:
 * metadata from meta tags, the story without page furniture, one article per feed item,
 * and the refusal of hostile or broken XML. Expectations are read off tests/data/import. */
#include <stdlib.h>
#include <string.h>

#include "read/article.h"
#include "read/reader.h"
#include "read/html.h"
#include "testlib.h"

#define DATA "tests/data/import/"

struct got {
    struct article *items[8];
    int count;
};

static int keep_all(struct article *a, void *ctx)
{
    struct got *g = ctx;
    if (g->count < 8)
        g->items[g->count++] = a;
    else
        article_free(a);
    return 0;
}

static void release(struct got *g)
{
    for (int i = 0; i < g->count; i++)
        article_free(g->items[i]);
    g->count = 0;
}

static int load(const char *path, struct got *g, char *err, size_t errlen)
{
    return reader_load(path, FORMAT_AUTO, keep_all, g, err, errlen);
}

static bool has(const struct article *a, const char *s)
{
    return strstr(a->text, s) != NULL;
}

static void html_page(void)
{
    struct got g = {0};
    char err[256] = "";
    CHECK_INT(load(DATA "page.html", &g, err, sizeof err), 1);
    if (g.count != 1)
        return;
    struct article *a = g.items[0];
    CHECK_INT(a->format, FORMAT_HTML);
    CHECK_STR(a->title, "Car bomb kills 12 in market town");
    CHECK_STR(a->date, "2023-03-14");
    CHECK_STR(a->source, "Example News");
    CHECK_STR(a->author, "Jane Reporter");
    CHECK_STR(a->url, "https://news.example/2023/03/car-bomb");
    CHECK_STR(a->text, "Car bomb kills 12 in market town\n\n"
                       "A car bomb exploded in a crowded market on Tuesday, killing 12 people, "
                       "officials said.\n\n"
                       "Police said at least 30 others were wounded & taken to hospital.");
    CHECK_INT((int)a->n_sentences, 3);
    CHECK(!has(a, "tracking") && !has(a, "Home") && !has(a, "Leave a Reply"));
    CHECK(!has(a, "Copyright") && !has(a, "Related") && !has(a, "market after"));
    release(&g);
}

static void html_without_meta(void)
{
    const char page[] = "<html><head><title>Page title</title></head><body>"
                        "<div><p>Short teaser.</p></div>"
                        "<div id=\"story\"><p>First paragraph of the story.</p>"
                        "<p>Second one, <b>bold</b> and <time datetime=\"2021-07-04\">July "
                        "4</time>.</p></div></body></html>";
    struct got g = {0};
    char err[256] = "";
    CHECK_INT(
        reader_parse(page, sizeof page - 1, FORMAT_AUTO, "p.html", keep_all, &g, err, sizeof err),
        1);
    if (g.count != 1)
        return;
    CHECK_STR(g.items[0]->title, "Page title");
    CHECK_STR(g.items[0]->date, "2021-07-04");
    CHECK_STR(g.items[0]->text, "Page title\n\nFirst paragraph of the story.\n\n"
                                "Second one, bold and July 4.");
    release(&g);
}

/* The story's first paragraph states the date, place and outlet; page furniture written
 * as ordinary paragraphs and the comment section after it are gone. */
static void html_dateline_and_furniture(void)
{
    struct got g = {0};
    char err[256] = "";
    CHECK_INT(load(DATA "page-dateline.html", &g, err, sizeof err), 1);
    if (g.count != 1)
        return;
    struct article *a = g.items[0];
    CHECK_STR(a->title, "Blast hits market");
    CHECK_STR(a->date, "2016-06-30");
    CHECK_STR(a->source, "UPI");
    CHECK_STR(a->dateline, "Baghdad");
    CHECK_STR(a->text, "Blast hits market\n\n"
                       "BAGHDAD, June 30, 2016 (UPI) -- A bomb exploded in a market on "
                       "Thursday, killing nine people.\n\n"
                       "Police said the bomb was hidden in a parked car.");
    release(&g);
}

static void rss_two_items(void)
{
    struct got g = {0};
    char err[256] = "";
    CHECK_INT(load(DATA "feed.rss", &g, err, sizeof err), 2);
    if (g.count != 2)
        return;
    struct article *a = g.items[0], *b = g.items[1];
    CHECK_STR(a->title, "Two soldiers killed in ambush");
    CHECK_STR(a->date, "2024-05-01");
    CHECK_STR(a->url, "https://wire.example/a1");
    CHECK_STR(a->author, "Sam Writer");
    CHECK_STR(a->source, "Example Wire");
    CHECK_STR(a->origin, DATA "feed.rss#1");
    CHECK_STR(a->text, "Two soldiers killed in ambush\n\n"
                       "Two soldiers were killed in an ambush on Monday.\n\n"
                       "The army said three were wounded.");
    CHECK_STR(b->date, "2024-05-02");
    CHECK_STR(b->origin, DATA "feed.rss#2");
    CHECK_STR(b->text, "Aid convoy reaches city\n\nAn aid convoy of 40 trucks reached the city.");
    CHECK(strcmp(a->hash, b->hash) != 0);
    release(&g);
}

static void atom_entry(void)
{
    struct got g = {0};
    char err[256] = "";
    CHECK_INT(load(DATA "feed.atom", &g, err, sizeof err), 1);
    if (g.count != 1)
        return;
    struct article *a = g.items[0];
    CHECK_STR(a->title, "Flooding displaces thousands");
    CHECK_STR(a->date, "2022-08-09"); /* published, not updated */
    CHECK_STR(a->url, "https://atom.example/floods");
    CHECK_STR(a->author, "Ana Author");
    CHECK_STR(a->text, "Flooding displaces thousands\n\nFloods displaced 5,000 people.\n\nRescue "
                       "teams were sent.");
    release(&g);
}

static void hostile_and_broken_xml(void)
{
    struct got g = {0};
    char err[256] = "";
    const char *refused = "entity declarations refused (possible billion-laughs or external "
                          "entity)";
    CHECK_INT(load(DATA "lol.xml", &g, err, sizeof err), -1);
    CHECK_STR(err, refused);
    CHECK_INT(load(DATA "xxe.xml", &g, err, sizeof err), -1);
    CHECK_STR(err, refused);
    CHECK_INT(load(DATA "malformed.xml", &g, err, sizeof err), -1);
    CHECK_STR(err, "malformed XML: Opening and ending tag mismatch: title line 4 and item at "
                   "line 4");
    CHECK_INT(load(DATA "empty-feed.rss", &g, err, sizeof err), -1);
    CHECK_STR(err, "no articles in feed");
    CHECK_INT(g.count, 0);
}

static void xhtml_is_a_page(void)
{
    struct got g = {0};
    char err[256] = "";
    CHECK_INT(load(DATA "xhtml.html", &g, err, sizeof err), 1);
    if (g.count != 1)
        return;
    CHECK_INT(g.items[0]->format, FORMAT_HTML);
    CHECK_STR(g.items[0]->date, "2019-12-24");
    CHECK_STR(g.items[0]->text, "Bridge reopened after shelling\n\nThe bridge reopened on Monday.");
    release(&g);
}

static void feed_dates(void)
{
    char iso[16];
    CHECK(html_iso_date("2024-05-01T10:00:00Z", iso));
    CHECK_STR(iso, "2024-05-01");
    CHECK(html_iso_date("Sat, 21 Sep 2024 07:15:00 +0300", iso));
    CHECK_STR(iso, "2024-09-21");
    CHECK(!html_iso_date("yesterday", iso));
    CHECK(!html_iso_date("2024-13-45", iso));
    CHECK(html_iso_date("20240505", iso)); /* compact, as pubdate tags write it */
    CHECK_STR(iso, "2024-05-05");
    CHECK(!html_iso_date("20241399", iso));
}

/* Boxes of recommended, popular or trending stories inside the article are not the story. */
static void html_other_stories_left_out(void)
{
    const char page[] =
        "<html><head><title>Strike kills 12</title></head><body><article><h1>Strike kills "
        "12</h1><p>A strike killed 12 people on Sunday, medics said.</p><div "
        "class=\"recommended-stories\"><p>Attack on Rafah kills 40</p></div><ul "
        "class=\"most-read\"><li>Raid kills 7</li></ul><section "
        "class=\"trending-now\"><p>Drone wounds 15</p></section><p>The dead included four "
        "children.</p></article></body></html>";
    struct got g = {0};
    char err[256] = "";
    CHECK_INT(
        reader_parse(page, sizeof page - 1, FORMAT_AUTO, "p.html", keep_all, &g, err, sizeof err),
        1);
    if (g.count == 1)
        CHECK_STR(g.items[0]->text, "Strike kills 12\n\nA strike killed 12 people on Sunday, "
                                    "medics said.\n\nThe dead included four children.");
    release(&g);
}

/* Pages whose only date is in structured data or a "publish-date" tag. */
static void html_structured_dates(void)
{
    const char ld[] = "<html><head><title>Gunmen kill five</title><script "
                      "type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                      "\"datePublished\": \"2024-05-05T10:00:00+03:00\"}</script></head><body>"
                      "<p>Gunmen killed five people on Saturday.</p></body></html>";
    const char tag[] = "<html><head><title>Gunmen kill five</title><meta name=\"publish-date\" "
                       "content=\"2024-05-06\"></head><body><p>Gunmen killed five people on "
                       "Saturday.</p></body></html>";
    struct got g = {0};
    char err[256] = "";
    CHECK_INT(
        reader_parse(ld, sizeof ld - 1, FORMAT_AUTO, "p.html", keep_all, &g, err, sizeof err), 1);
    if (g.count == 1)
        CHECK_STR(g.items[0]->date, "2024-05-05");
    release(&g);
    CHECK_INT(
        reader_parse(tag, sizeof tag - 1, FORMAT_AUTO, "p.html", keep_all, &g, err, sizeof err),
        1);
    if (g.count == 1)
        CHECK_STR(g.items[0]->date, "2024-05-06");
    release(&g);
}

static void fragment_text(void)
{
    const char frag[] = "<p>One &amp; two.</p><script>x()</script><p>Three<br>four</p>";
    char *t = html_fragment_text(frag, sizeof frag - 1);
    CHECK_STR(t, "One & two.\n\nThree\n\nfour");
    free(t);
}

int main(void)
{
    RUN(html_page);
    RUN(html_without_meta);
    RUN(html_dateline_and_furniture);
    RUN(rss_two_items);
    RUN(atom_entry);
    RUN(hostile_and_broken_xml);
    RUN(xhtml_is_a_page);
    RUN(feed_dates);
    RUN(html_structured_dates);
    RUN(html_other_stories_left_out);
    RUN(fragment_text);
    return TESTS_DONE();
}
