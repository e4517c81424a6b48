/* test_ingest.c: the import pipeline without fact extraction: directories walked,
 * duplicates skipped, failures counted while the rest goes on, batches committed. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest.h"
#include "store.h"
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
    unlink(db);
    snprintf(path, sizeof path, "%s-wal", db);
    unlink(path);
    snprintf(path, sizeof path, "%s-shm", db);
    unlink(path);
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

int main(void)
{
    setup();
    RUN(test_directory_import);
    teardown();
    return TESTS_DONE();
}
