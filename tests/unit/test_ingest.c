/* test_ingest.c: the import pipeline without fact extraction: directories walked,
 * duplicates skipped, failures counted while the rest goes on, batches committed. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "store/store.h"
#include "testlib.h"

static char dir[128], db[160];

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/sitrep-test-ingest-%ld", (long)getpid());
    snprintf(db, sizeof db, "%s.db", dir);
    mkdir(dir, 0700);
    char sub[200];
    snprintf(sub, sizeof sub, "%s/more", dir);
    mkdir(sub, 0700);
    write_file("a.txt", "Gunmen kill 3 in Kandahar\n\nGunmen killed 3 people in Kandahar.\n");
    write_file("b.txt", "Blast in Aden\n\nA blast wounded 12 people in Aden on Monday.\n");
    write_file("more/c.txt", "Shelling in Kharkiv\n\nShelling destroyed 4 houses in Kharkiv.\n");
    write_file("more/copy.txt",
               "Gunmen kill 3 in Kandahar\n\nGunmen killed 3 people in Kandahar.\n");
    write_file(".hidden.txt",
               "Hidden\n\nThis file is skipped because its name starts with a dot.\n");
    write_file("empty.txt", "");
}

static void teardown(void)
{
    const char *names[] = {"a.txt",         "b.txt",       "more/c.txt",
                           "more/copy.txt", ".hidden.txt", "empty.txt"};
    char path[256];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/more", dir);
    rmdir(path);
    rmdir(dir);
    testlib_unlink_db(db);
}

static void test_directory_import(void)
{
    struct store *s;
    char err[256];
    struct ingest_stats st;
    struct ingest_options opt = {.quiet = true};
    unlink(db);
    if (store_open(db, &s, err, sizeof err) < 0) {
        CHECK(!"store_open");
        return;
    }
    char missing[200];
    snprintf(missing, sizeof missing, "%s/nope.txt", dir);
    char *paths[] = {dir, missing};
    CHECK_INT(ingest_paths(s, NULL, paths, 2, &opt, &st), 1);
    /* a, b, c stored; copy.txt repeats a.txt; empty.txt and the missing path fail. */
    CHECK_INT(st.imported, 3);
    CHECK_INT(st.duplicates, 1);
    CHECK_INT(st.failed, 2);
    CHECK_INT(store_article_count(s), 3);
    /* Everything was committed: a second connection sees it. */
    struct store *other;
    if (store_open(db, &other, err, sizeof err) == 0) {
        CHECK_INT(store_article_count(other), 3);
        store_close(other);
    }
    /* Again: all duplicates, nothing failed this time. */
    char *again[] = {dir};
    unlink(missing);
    char empty[200];
    snprintf(empty, sizeof empty, "%s/empty.txt", dir);
    unlink(empty);
    CHECK_INT(ingest_paths(s, NULL, again, 1, &opt, &st), 0);
    CHECK_INT(st.imported, 0);
    CHECK_INT(st.duplicates, 4);
    CHECK_INT(st.failed, 0);
    store_close(s);
}

/* dir/loops holds a link to itself, two links naming each other, a link to a directory
 * read already (not a loop), a subdirectory linking back to it and one real file: the
 * file is imported once, each directory with loops is one failure, and the walk ends. */
static void test_symbolic_link_loops(void)
{
    char loops[200], path[260];
    snprintf(loops, sizeof loops, "%s/loops", dir);
    mkdir(loops, 0700);
    snprintf(path, sizeof path, "%s/sub", loops);
    mkdir(path, 0700);
    write_file("loops/only.txt", "Raid in Mosul\n\nA raid killed 2 fighters in Mosul.\n");
    const char *links[][2] = {
        {"self", "."}, {"a", "b"}, {"b", "a"}, {"more", "../more"}, {"sub/back", ".."}};
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", loops, links[i][0]);
        CHECK(symlink(links[i][1], path) == 0);
    }
    struct store *s;
    char err[256];
    struct ingest_stats st;
    struct ingest_options opt = {.quiet = true};
    unlink(db);
    if (store_open(db, &s, err, sizeof err) < 0) {
        CHECK(!"store_open");
        return;
    }
    char more[200];
    snprintf(more, sizeof more, "%s/more", dir);
    char *paths[] = {more, loops};
    CHECK_INT(ingest_paths(s, NULL, paths, 2, &opt, &st), 1);
    /* more/c.txt, more/copy.txt (new: a.txt is not imported here) and loops/only.txt. */
    CHECK_INT(st.imported, 3);
    CHECK_INT(st.duplicates, 0);
    CHECK_INT(st.failed, 2);
    store_close(s);
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", loops, links[i][0]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/only.txt", loops);
    unlink(path);
    snprintf(path, sizeof path, "%s/sub", loops);
    rmdir(path);
    rmdir(loops);
}

int main(void)
{
    setup();
    RUN(test_directory_import);
    RUN(test_symbolic_link_loops);
    teardown();
    return TESTS_DONE();
}
