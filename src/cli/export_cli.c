/* export_cli.c: the export command: parses its arguments, opens the output and hands the
 * work to export/rows (export_to_path writes a file whole or not at all). */
#include "cli/export_cli.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/common.h"
#include "export/rows.h"
#include "store/query.h"
#include "store/store.h"

#ifndef SITREP_VERSION
#define SITREP_VERSION "0.1"
#endif

struct export_args {
    int kind;
    int format; /* -1 until chosen */
    const char *output;
    char *filter; /* the remaining words, joined */
};

static int append_word(char **filter, const char *word)
{
    size_t old = *filter ? strlen(*filter) : 0;
    char *g = realloc(*filter, old + strlen(word) + 2);
    if (!g)
        return -1;
    snprintf(g + old, strlen(word) + 2, "%s%s", old ? " " : "", word);
    *filter = g;
    return 0;
}

static int parse_option(int argc, char **argv, int *i, struct export_args *a)
{
    const char *opt = argv[*i];
    if ((strcmp(opt, "--format") == 0 || strcmp(opt, "-f") == 0) && *i + 1 < argc) {
        a->format = table_format_from_name(argv[++*i]);
        if (a->format < 0) {
            cli_usage_error("export: unknown format %s (csv, jsonl or geojson)", argv[*i]);
            return -1;
        }
        return 0;
    }
    if (strcmp(opt, "-o") == 0 && *i + 1 < argc) {
        a->output = argv[++*i];
        return 0;
    }
    cli_usage_error("export: unexpected argument %s", opt);
    return -1;
}

static int parse_args(int argc, char **argv, struct export_args *a)
{
    *a = (struct export_args){.kind = -1, .format = -1};
    if (argc < 2 || (a->kind = export_kind_from_name(argv[1])) < 0) {
        cli_usage_error("export: say what to export: events, reports or figures%s", "");
        return -1;
    }
    bool words_only = false;
    for (int i = 2; i < argc; i++) {
        if (!words_only && strcmp(argv[i], "--") == 0)
            words_only = true;
        else if (!words_only && argv[i][0] == '-' && argv[i][1]) {
            if (parse_option(argc, argv, &i, a) < 0)
                return -1;
        } else if (append_word(&a->filter, argv[i]) < 0) {
            return -1;
        }
    }
    if (a->format < 0 && a->output)
        a->format = table_format_from_path(a->output);
    if (a->format < 0)
        a->format = TABLE_CSV;
    if (a->format == TABLE_GEOJSON && a->kind != EXPORT_EVENTS) {
        cli_usage_error("export: GeoJSON holds events (points); %s have no point of their own",
                        export_kind_name(a->kind));
        return -1;
    }
    return 0;
}

static int run(const struct export_args *a, const struct query *q)
{
    struct store *s;
    int rc = cli_open_store(&s);
    if (rc)
        return rc;
    struct export_request r = {.kind = a->kind,
                               .format = a->format,
                               .filter = a->filter ? q : NULL,
                               .filter_text = a->filter,
                               .generator = "sitrep " SITREP_VERSION};
    struct export_result res;
    char err[256] = "";
    bool to_stdout = !a->output || strcmp(a->output, "-") == 0;
    bool ok = (to_stdout ? export_run(s, &r, stdout, &res, err, sizeof err)
                         : export_to_path(s, &r, a->output, &res, err, sizeof err)) == 0;
    if (!ok)
        fprintf(stderr, "sitrep: export: %s\n", err);
    if (res.skipped)
        fprintf(stderr, "sitrep: export: %zu event%s without coordinates left out of the GeoJSON\n",
                res.skipped, res.skipped == 1 ? "" : "s");
    if (to_stdout && fflush(stdout) != 0)
        ok = false;
    store_close(s);
    return ok ? EXIT_OK : EXIT_FAIL;
}

int cli_export(int argc, char **argv)
{
    struct export_args a;
    if (parse_args(argc, argv, &a) < 0) {
        free(a.filter);
        return EXIT_USAGE;
    }
    struct query q;
    query_init(&q);
    char err[256];
    int rc = EXIT_USAGE;
    if (a.filter && query_parse(&q, a.filter, err, sizeof err) < 0)
        fprintf(stderr, "sitrep: export: filter: %s\n", err);
    else
        rc = run(&a, &q);
    query_free(&q);
    free(a.filter);
    return rc;
}
