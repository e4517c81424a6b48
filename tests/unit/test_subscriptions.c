/* test_subscriptions.c: the OPML and newsboat urls readers, the OPML writer, feed
 * discovery in pages, and the browser opener (a fake $BROWSER records its argv). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fetch/browser.h"
#include "fetch/discover.h"
#include "fetch/opml.h"
#include "fetch/sublist.h"
#include "fetch/urlsfile.h"
#include "testlib.h"

static void test_urls_file(void)
{
    const char *text = "# comment\n"
                       "\n"
                       "http://a.example/feed.xml news \"armed groups\" ~Alpha\n"
                       "https://b.example/rss  \"~Beta \\\"quoted\\\" name\" ! syria\r\n"
                       "query:unread:unread = \"yes\"\n"
                       "exec:~/bin/feed\n"
                       "http://c.example/x";
    struct sub_list l = {0};
    CHECK_INT(urls_parse(text, strlen(text), &l), 3);
    if (l.n == 3) {
        CHECK_STR(l.items[0].url, "http://a.example/feed.xml");
        CHECK_STR(l.items[0].name, "Alpha");
        CHECK_INT(l.items[0].n_tags, 2);
        CHECK_STR(l.items[0].tags[1], "armed groups");
        CHECK_STR(l.items[1].name, "Beta \"quoted\" name");
        CHECK_INT(l.items[1].n_tags, 1);
        CHECK_STR(l.items[1].tags[0], "syria");
        CHECK_STR(l.items[2].name, NULL);
    }
    CHECK_INT(l.n_notes, 2);
    if (l.n_notes)
        CHECK_STR(l.notes[0], "line 5: not an http or https feed URL, skipped");
    sub_list_free(&l);
}

static void test_opml_read(void)
{
    const char *doc =
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>"
        "<outline text=\"Iraq\"><outline text=\"Rudaw\" xmlUrl=\"https://r.example/rss\" "
        "category=\"/kurds, news\"/></outline>"
        "<outline title=\"Two &amp; more\" text=\"x\" xmlUrl=\"http://t.example/\"/>"
        "<outline text=\"bad\" xmlUrl=\"file:///etc/passwd\"/></body></opml>";
    struct sub_list l = {0};
    char err[128] = "";
    CHECK_INT(opml_parse(doc, strlen(doc), &l, err, sizeof err), 2);
    if (l.n == 2) {
        CHECK_STR(l.items[0].name, "Rudaw");
        CHECK_INT(l.items[0].n_tags, 3);
        CHECK_STR(l.items[0].tags[0], "Iraq");
        CHECK_STR(l.items[0].tags[1], "kurds");
        CHECK_STR(l.items[1].name, "Two & more");
    }
    CHECK_INT(l.n_notes, 1);
    sub_list_free(&l);
    const char *evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><opml/>";
    CHECK_INT(opml_parse(evil, strlen(evil), &l, err, sizeof err), -1);
    CHECK(strstr(err, "entity") != NULL);
    const char *broken = "<opml><body><outline";
    CHECK_INT(opml_parse(broken, strlen(broken), &l, err, sizeof err), -1);
    sub_list_free(&l);
}

/* What opml_write writes, opml_parse reads back the same. */
static void test_opml_round_trip(void)
{
    char *tags[] = {"a <b>", "c\"d"};
    struct sub in[2] = {
        {.url = "http://x.example/?a=1&b=2", .name = "X & Y", .tags = tags, .n_tags = 2},
        {.url = "https://y.example/", .name = NULL}};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    opml_write(f, in, 2);
    fclose(f);
    struct sub_list l = {0};
    char err[128] = "";
    CHECK_INT(opml_parse(buf, len, &l, err, sizeof err), 2);
    if (l.n == 2) {
        CHECK_STR(l.items[0].url, in[0].url);
        CHECK_STR(l.items[0].name, "X & Y");
        CHECK_INT(l.items[0].n_tags, 2);
        CHECK_STR(l.items[0].tags[1], "c\"d");
        CHECK_STR(l.items[1].name, "https://y.example/");
    }
    sub_list_free(&l);
    free(buf);
}

static void test_discover(void)
{
    const char *page = "<!doctype html><html><head>"
                       "<link rel=\"stylesheet\" href=\"/s.css\">"
                       "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../feed\">"
                       "</head><body>hi</body></html>";
    CHECK(discover_is_page(page, strlen(page), NULL));
    CHECK(!discover_is_page("<rss/>", 6, "application/rss+xml"));
    char *link = discover_feed_link(page, strlen(page), "http://n.example/a/b/page.html");
    CHECK_STR(link, "http://n.example/a/feed");
    free(link);
    const char *none = "<html><body>no feed</body></html>";
    CHECK(discover_feed_link(none, strlen(none), "http://n.example/") == NULL);
}

/* A fake browser writes each argument on its own line. */
static char *fake_browser(char *dir)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/browser.sh", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return NULL;
    /* written whole, then renamed: a test waiting for the detached browser sees the file
     * only once all of it is there */
    fprintf(f,
            "#!/bin/sh\nfor a in \"$@\"; do printf '%%s\\n' \"$a\"; done > %s/argv.part &&\n"
            "mv %s/argv.part %s/argv\n",
            dir, dir, dir);
    fclose(f);
    chmod(path, 0755);
    return path;
}

static char *slurp(const char *path)
{
    static char buf[1024];
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    buf[n] = '\0';
    if (f)
        fclose(f);
    return buf;
}

static void test_browser(void)
{
    char dir[] = "/tmp/sitrep-browser.XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    char *script = fake_browser(dir), argv_file[300], err[256] = "";
    snprintf(argv_file, sizeof argv_file, "%s/argv", dir);
    setenv("BROWSER", script, 1);
    const char *url = "http://x.example/a;b c?q=$(touch /tmp/pwned)&x=`id`";
    CHECK_INT(browser_open(url, true, err, sizeof err), 0);
    char want[300];
    snprintf(want, sizeof want, "%s\n", url);
    CHECK_STR(slurp(argv_file), want);
    /* "%s" places the URL among other words */
    char cmd[400];
    snprintf(cmd, sizeof cmd, "%s --new-tab %%s --flag:other-browser", script);
    setenv("BROWSER", cmd, 1);
    CHECK_INT(browser_open("https://y.example/", true, err, sizeof err), 0);
    CHECK_STR(slurp(argv_file), "--new-tab\nhttps://y.example/\n--flag\n");
    /* detached: the browser still runs, and the call does not wait for it */
    unlink(argv_file);
    setenv("BROWSER", script, 1);
    CHECK_INT(browser_open("https://z.example/", false, err, sizeof err), 0);
    for (int i = 0; i < 500 && access(argv_file, F_OK) != 0; i++) /* up to 10 s */
        usleep(20000);
    CHECK_STR(slurp(argv_file), "https://z.example/\n");
    /* refused links and missing programs are errors, not silence */
    CHECK_INT(browser_open("file:///etc/passwd", true, err, sizeof err), -1);
    CHECK_INT(browser_open("javascript:alert(1)", true, err, sizeof err), -1);
    CHECK_INT(browser_open("http://x.example/\n", true, err, sizeof err), -1);
    setenv("BROWSER", "/nonexistent/browser", 1);
    CHECK_INT(browser_open("https://y.example/", true, err, sizeof err), -1);
    CHECK(strstr(err, "cannot run") != NULL);
    unlink(argv_file);
    unlink(script);
    rmdir(dir);
}

int main(void)
{
    RUN(test_urls_file);
    RUN(test_opml_read);
    RUN(test_opml_round_trip);
    RUN(test_discover);
    RUN(test_browser);
    return TESTS_DONE();
}
