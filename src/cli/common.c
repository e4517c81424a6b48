/* common.c: what every command shares: the collection's path (--db or the default),
 * opening it (with the samples on a new collection's first run), and messages that
 * print names escaped. */
#include "cli/common.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/paths.h"
#include "base/text.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "store/store.h"

static char *db_path;
static bool read_only_asked;

void cli_set_read_only(bool read_only)
{
    read_only_asked = read_only;
}

const char *cli_db_path(void)
{
    return db_path;
}

/* File names and arguments are printed escaped: they can hold newlines, escape sequences
 * and bidi overrides. */
void cli_print_name(FILE *out, const char *name)
{
    char *safe = text_display_name(name);
    fputs(safe ? safe : "?", out);
    free(safe);
}

/* "sitrep: NAME: reason" */
void cli_report_file(const char *name, const char *why)
{
    char *safe_name = text_display_name(name);
    char *safe_why = text_display_name(why);
    fprintf(stderr, "sitrep: %s: %s\n", safe_name ? safe_name : "?", safe_why ? safe_why : "?");
    free(safe_name);
    free(safe_why);
}

void cli_usage_error(const char *fmt, const char *arg)
{
    char *safe = text_display_name(arg);
    fputs("sitrep: ", stderr);
    fprintf(stderr, fmt, safe ? safe : "?");
    fputs("\nTry 'sitrep --help'.\n", stderr);
    free(safe);
}

int cli_open_store(struct store **out)
{
    char err[512];
    if (!db_path) {
        fputs("sitrep: no database path: set HOME or XDG_DATA_HOME, or use --db "
              "PATH\n",
              stderr);
        return EXIT_FAIL;
    }
    if (store_open_as(db_path, read_only_asked ? STORE_READ_ONLY : STORE_READ_WRITE, out, err,
                      sizeof err) < 0) {
        /* The reason names the database path, which the user chose. */
        char *safe = text_display_name(err);
        fprintf(stderr, "sitrep: %s\n", safe ? safe : err);
        free(safe);
        return EXIT_FAIL;
    }
    if (store_is_read_only(*out) && !read_only_asked) {
        fputs("sitrep: note: ", stderr);
        cli_print_name(stderr, db_path);
        fputs(" cannot be written; opened read-only\n", stderr);
    }
    return EXIT_OK;
}

/* The extractor needs the gazetteer; without it articles are still worth
 * storing. */
struct extractor *cli_open_extractor(void)
{
    char err[512] = "";
    struct extractor *x = extractor_open(err, sizeof err);
    if (!x)
        fprintf(stderr, "sitrep: facts will not be extracted: %s\n", err[0] ? err : "?");
    return x;
}

/* A new user's first look at an empty collection shows the bundled samples. */
static void import_samples(struct store *s)
{
    char *dir = paths_asset("samples");
    if (!dir)
        return;
    struct extractor *x = cli_open_extractor();
    struct ingest_options opt = {.quiet = true};
    struct ingest_stats st;
    char *paths[] = {dir};
    ingest_paths(s, x, paths, 1, &opt, &st);
    if (st.imported) {
        fprintf(stderr, "sitrep: new collection: imported %ld sample articles from ", st.imported);
        cli_print_name(stderr, dir);
        fputc('\n', stderr);
    }
    if (x)
        extractor_close(x);
    free(dir);
}

static bool db_is_new;

int cli_open_store_first_run(struct store **out)
{
    int rc = cli_open_store(out);
    if (rc == EXIT_OK && db_is_new && !store_is_read_only(*out) && store_article_count(*out) == 0)
        import_samples(*out);
    return rc;
}

void cli_set_db_path(const char *path)
{
    free(db_path);
    db_path = path ? strdup(path) : store_default_path();
    db_is_new = db_path && access(db_path, F_OK) != 0;
}

void cli_free_db_path(void)
{
    free(db_path);
    db_path = NULL;
}
