/* cli.c: the command line. One table lists every command with its synopsis and
 * help, so `sitrep --help`, `sitrep COMMAND --help` and dispatch cannot
 * disagree. */
#include "cli/cli.h"
#include "base/trace.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/common.h"
#include "cli/correct_cli.h"
#include "cli/export_cli.h"
#include "cli/map_cli.h"
#include "cli/tag_cli.h"
#include "read/article.h"
#include "read/reader.h"
#include "cli/event_cli.h"
#include "cli/feed_cli.h"
#include "export/export.h"
#include "extract/extract.h"
#include "base/facts.h"
#include "ingest/ingest.h"
#include "base/json.h"
#include "base/paths.h"
#include "store/list_window.h"
#include "store/store.h"
#include "base/text.h"

#ifndef SITREP_VERSION
#define SITREP_VERSION "0.1"
#endif

typedef int (*command_fn)(int argc, char **argv);

struct command {
    const char *name;
    const char *synopsis;
    const char *help;
    command_fn run;
};

static int cmd_import(int argc, char **argv);

static int cmd_list(int argc, char **argv);
static int cmd_show(int argc, char **argv);
static int cmd_extract(int argc, char **argv);

static const struct command commands[] = {
    {"import", "import [--no-extract] PATH...",
     "Adds articles to the collection: files, directories (recursively) and - "
     "for stdin.\n"
     "Plain text, HTML pages, RSS and Atom feeds. An article already stored "
     "(same text)\n"
     "is skipped. Bad inputs are reported one line each and the rest goes on.\n"
     "  --no-extract  store the articles without facts (for benchmarks)",
     cmd_import},
    {"list", "list [--json] [FILTER]",
     "Lists the collection, or the articles FILTER selects (the reader's filter language:\n"
     "place:Anbar for reports of events there, mentions:Anbar for any naming it,\n"
     "killed>=10 ...): id, stated date, title, place, killed.\n"
     "  --json  one JSON object per line",
     cmd_list},
    {"show", "show [--json] ID",
     "Prints one article: its metadata and clean text.\n"
     "  --json  its facts as one JSON object (as extract --json prints them)",
     cmd_show},
    {"extract", "extract [--json] FILE...",
     "Reads files and prints the facts found in each article, without storing "
     "anything.\n"
     "  --json  one JSON object per article per line: file, title, date, source, places,\n"
     "          actors, figures (with qualifier, source, sentence and role) and dates",
     cmd_extract},
    {"events", "events [--json] [--regroup] [FILTER]",
     "Lists the events: the articles that report the same event (place, date, figures)\n"
     "grouped, optionally only those matching FILTER. An import groups its articles as it\n"
     "stores them; articles left in no event are grouped first.\n"
     "  --json     one JSON object per event per line\n"
     "  --regroup  group the whole collection afresh",
     cli_events},
    {"correct", "correct OP ARGS... | undo | list [--json]",
     "The analyst's last word on the events, kept apart from what was extracted and\n"
     "replayed at every grouping: merge A B, split A, move A B, drop-figure A KIND [N],\n"
     "date A YYYY-MM-DD, place A PLACE, kind A KIND (reports by id or a piece of their\n"
     "file name; an event by any of its reports); undo takes back the newest one.",
     cli_correct},
    {"compare", "compare [--json] A B",
     "Puts two reports (ids, or pieces of their file names) side by side: "
     "where their\n"
     "facts agree and where their figures differ.\n"
     "  --json  the comparison as one JSON object",
     cli_compare},
    {"export", "export events|reports|figures [--format F] [-o FILE] [FILTER]",
     "Writes events (ACLED-like columns), reports (one per article, with its own toll) or\n"
     "figures (one per stated figure), optionally only those FILTER selects (the reader's\n"
     "filter language: place:Anbar killed>=10 since:2016-06 ...).\n"
     "  --format csv      RFC 4180, formula-like cells neutralised (the default)\n"
     "  --format jsonl    sitrep records: the articles and the rows; 'sitrep import' reads\n"
     "                    them back\n"
     "  --format geojson  events as Points (events without coordinates are left out)\n"
     "  -o FILE           write to FILE (the format follows its extension), else stdout",
     cli_export},
    {"map", "map [--size COLSxLINES] [FILTER]",
     "Draws the events FILTER selects (all when none) as points on a map of the country\n"
     "outlines (Natural Earth), zoomed to them; larger points for larger tolls, each\n"
     "numbered as in 'sitrep events', with a key below.\n"
     "  --size COLSxLINES  the map's size in cells (default: the terminal's)",
     cli_map},
    {"tag", "tag ID [TAG...]",
     "Adds tags (words of your own: verify, convoy-strike) to an article (an id or a piece\n"
     "of its file name) and prints its tags. 'tag:NAME' in a filter keeps the articles\n"
     "that carry it; tags compare without regard to case.",
     cli_tag},
    {"untag", "untag ID TAG...", "Removes tags from an article.", cli_untag},
    {"feed", "feed add|list|remove|import|export ...",
     "Subscriptions:\n"
     "  feed add URL [--name NAME] [--tag TAG]... [--full]\n"
     "                     subscribe; --full takes each item's text from its page when\n"
     "                     the feed gives only a summary\n"
     "  feed list [--json] name, URL, tags, last fetch and status, items, last error\n"
     "  feed remove URL|NAME   unsubscribe (the articles stay)\n"
     "  feed import FILE   subscribe to the feeds of an OPML file or a newsboat urls file\n"
     "  feed export        the subscriptions as OPML on stdout",
     cli_feed},
    {"fetch", "fetch [--no-extract] [NAME|TAG|URL...]",
     "Fetches the feeds (all, or those named or tagged) and imports their new and changed\n"
     "items. Each feed that fails gets one line on stderr and its error in 'feed list'.\n"
     "  --no-extract  store the articles without facts (for benchmarks)",
     cli_fetch},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void print_help(FILE *out)
{
    fputs("usage: sitrep [--db PATH] [--read-only] [--script FILE] [--dump FILE] [--size "
          "COLSxLINES]\n"
          "       sitrep [--db PATH] COMMAND [ARGS...]\n\n"
          "A terminal reader for conflict and crisis reporting. With no command "
          "it opens\n"
          "the reader on the collection.\n\ncommands:\n",
          out);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %s\n", commands[i].synopsis);
    fputs("\noptions:\n"
          "  --db PATH           the collection (default "
          "$XDG_DATA_HOME/sitrep/sitrep.db)\n"
          "  --read-only         never write to the collection (list, show, compare,\n"
          "                      events --json and the reader work; a collection that\n"
          "                      cannot be written is opened so anyway, with a note)\n"
          "  --script FILE       drive the reader from a key script (no terminal "
          "needed)\n"
          "  --dump FILE         where the script's dump commands write screens\n"
          "  --size COLSxLINES   screen size for --script\n"
          "  --help, --version\n\n"
          "'sitrep COMMAND --help' describes one command.\n",
          out);
}

static void print_command_help(const struct command *c)
{
    printf("usage: sitrep %s\n\n%s\n", c->synopsis, c->help);
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

/* ---- import ---- */

static int cmd_import(int argc, char **argv)
{
    bool extract = true;
    int first = 1;
    for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
        if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        }
        if (strcmp(argv[first], "--no-extract") == 0) {
            extract = false;
        } else {
            cli_usage_error("import: unknown option %s", argv[first]);
            return EXIT_USAGE;
        }
    }
    if (first >= argc) {
        cli_usage_error("import: %s", "no PATH given");
        return EXIT_USAGE;
    }
    struct store *s;
    if (cli_open_store(&s) != EXIT_OK)
        return EXIT_FAIL;
    if (store_is_read_only(s)) {
        fputs("sitrep: import: the collection is open read-only; nothing imported\n", stderr);
        store_close(s);
        return EXIT_FAIL;
    }
    struct extractor *x = extract ? cli_open_extractor() : NULL;
    struct ingest_options opt = {.show_progress = true};
    /* SITREP_BATCH: articles per transaction (the crash tests use small batches) */
    const char *batch = getenv("SITREP_BATCH");
    if (batch && *batch)
        opt.batch_articles = strtol(batch, NULL, 10);
    struct ingest_stats st;
    int rc = ingest_paths(s, x, argv + first, argc - first, &opt, &st);
    ingest_print_summary(stdout, &st);
    if (x)
        extractor_close(x);
    store_close(s);
    return rc ? EXIT_FAIL : EXIT_OK;
}

/* ---- list ---- */

static void json_kv_figure(struct json *j, const char *key, long v)
{
    json_key(j, key);
    if (v == FACT_NONE)
        json_null(j);
    else
        json_int(j, v);
}

/* "killed": the number, or the vague word as written ("dozens"); "killed_min" and
 * "killed_max" the range it allows (README, "A report's own toll, and vague words"; null =
 * open or unknown). */
static void json_kv_toll(struct json *j, const char *kind, long value, const char *word, long max)
{
    char key[32];
    if (word)
        json_kv_string(j, kind, word);
    else
        json_kv_figure(j, kind, value);
    snprintf(key, sizeof key, "%s_min", kind);
    json_kv_figure(j, key, value);
    snprintf(key, sizeof key, "%s_max", kind);
    json_kv_figure(j, key, max);
}

static void list_row_json(struct json *j, const struct store_list_row *r)
{
    json_begin_object(j);
    json_kv_int(j, "id", r->id);
    json_kv_string(j, "date", r->date);
    json_kv_string(j, "title", r->title);
    json_kv_string(j, "source", r->source);
    json_kv_string(j, "origin", r->origin);
    json_kv_string(j, "places", r->places);
    json_kv_toll(j, "killed", r->killed, r->killed_word, r->killed_max);
    json_kv_toll(j, "wounded", r->wounded, r->wounded_word, r->wounded_max);
    json_kv_toll(j, "destroyed", r->destroyed, r->destroyed_word, r->destroyed_max);
    json_key(j, "read");
    json_bool(j, r->is_read);
    json_end_object(j);
    fputc('\n', j->out);
}

/* Titles come from articles: neutralised before they reach a terminal. */
static void print_safe(const char *s)
{
    if (!s)
        return;
    char *safe = text_sanitize(s, strlen(s));
    fputs(safe ? safe : "", stdout);
    free(safe);
}

/* Prints at most `cols` columns of s (all of it when cols < 0), sanitised, with an
 * ellipsis when cut. */
static void print_fitted(const char *s, int cols)
{
    if (!s)
        return;
    char *safe = text_sanitize(s, strlen(s));
    if (!safe)
        return;
    size_t len = strlen(safe);
    if (cols < 0 || text_width(safe, len) <= cols) {
        fputs(safe, stdout);
    } else if (cols > 0) {
        int used = 0;
        size_t n = text_prefix_fitting(safe, len, cols - 1, &used);
        fwrite(safe, 1, n, stdout);
        fputs("\u2026", stdout);
    }
    free(safe);
}

/* On a terminal each row fits its width: the title gives way first, then the places. */
static void list_row_text(const struct store_list_row *r, int width)
{
    const char *date = r->date;
    const char *places = r->places;
    char killed[32] = "";
    if (r->killed_word)
        snprintf(killed, sizeof killed, "  killed %s", r->killed_word);
    else if (r->killed != FACT_NONE)
        snprintf(killed, sizeof killed, "  killed %ld", r->killed);
    printf("%6" PRId64 "  %-10s  ", r->id, date ? date : "-");
    int room = width > 0 ? width - 20 - (int)strlen(killed) : -1;
    int place_room = -1;
    if (room >= 0 && places) {
        place_room = room / 3 > 4 ? room / 3 : 0;
        room -= place_room;
    }
    print_fitted(r->title, room);
    if (places && place_room != 0) {
        fputs("  [", stdout);
        print_fitted(places, place_room < 0 ? -1 : place_room - 4);
        fputc(']', stdout);
    }
    fputs(killed, stdout);
    fputc('\n', stdout);
}

static int terminal_columns(void)
{
    struct winsize ws;
    if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_col < 40)
        return -1;
    return ws.ws_col;
}

struct list_out {
    bool as_json;
    int width;
};

static int list_row(const struct store_list_row *r, void *arg)
{
    const struct list_out *out = arg;
    if (out->as_json) {
        struct json j;
        json_init(&j, stdout);
        list_row_json(&j, r);
    } else {
        list_row_text(r, out->width);
    }
    return 0;
}

/* The words that are not options, joined by spaces into one filter expression ("" for
 * none); NULL out of memory. */
static char *filter_words(int argc, char **argv, bool *as_json)
{
    size_t len = 1;
    for (int i = 1; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *expr = calloc(len, 1);
    for (int i = 1; expr && i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            *as_json = true;
            continue;
        }
        if (expr[0])
            strcat(expr, " ");
        strcat(expr, argv[i]);
    }
    return expr;
}

static int cmd_list(int argc, char **argv)
{
    bool as_json = false;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--json") != 0) {
            cli_usage_error("list: unknown option %s", argv[i]);
            return EXIT_USAGE;
        }
    }
    char *expr = filter_words(argc, argv, &as_json);
    struct query filter;
    query_init(&filter);
    char err[200] = "";
    if (!expr || query_parse(&filter, expr, err, sizeof err) != 0) {
        fprintf(stderr, "sitrep: list: filter: %s\n", expr ? err : "out of memory");
        free(expr);
        return EXIT_USAGE;
    }
    free(expr);
    struct store *s;
    if (cli_open_store_first_run(&s) != EXIT_OK) {
        query_free(&filter);
        return EXIT_FAIL;
    }
    struct list_out out = {as_json, as_json ? -1 : terminal_columns()};
    int rc = store_list_each(s, &filter, list_row, &out, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "sitrep: %s\n", err);
    query_free(&filter);
    store_close(s);
    return rc != 0 ? EXIT_FAIL : EXIT_OK;
}

/* One line per place, figure and date: "  place: Qaim (town)". */
static void print_fact_lines(const struct facts *f)
{
    for (size_t i = 0; i < f->n_places; i++) {
        fputs("  place: ", stdout);
        print_safe(f->places[i].name);
        printf(" (%s)\n", place_kind_name(f->places[i].kind));
    }
    for (size_t i = 0; i < f->n_figures; i++) {
        const struct figure_fact *g = &f->figures[i];
        printf("  %s: ", figure_kind_name(g->kind));
        if (g->n != FACT_NONE)
            printf("%ld ", g->n);
        else if (g->min != FACT_NONE || g->max != FACT_NONE)
            printf("%ld-%ld ", g->min, g->max);
        printf("(%s) \"", qualifier_name(g->qualifier));
        print_safe(g->text);
        fputs("\"\n", stdout);
    }
    for (size_t i = 0; i < f->n_dates; i++) {
        fputs("  date: ", stdout);
        print_safe(f->dates[i].text);
        printf(" = %s\n", f->dates[i].value ? f->dates[i].value : "?");
    }
}

/* ---- show ---- */

static bool parse_id(const char *s, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0)
        return false;
    *out = v;
    return true;
}

static void show_field(const char *label, const char *value)
{
    if (!value)
        return;
    printf("%-9s ", label);
    print_safe(value);
    fputc('\n', stdout);
}

static void show_name_field(const char *label, const char *value)
{
    if (!value)
        return;
    printf("%-9s ", label);
    cli_print_name(stdout, value);
    fputc('\n', stdout);
}

static void show_article_text(const struct article *a)
{
    show_field("Title:", a->title);
    show_field("Date:", a->date);
    show_field("Source:", a->source);
    show_field("Dateline:", a->dateline);
    show_field("Author:", a->author);
    show_field("URL:", a->url);
    show_name_field("Origin:", a->origin);
    fputc('\n', stdout);
    /* The title is the text's first paragraph; print the body after it. */
    const char *body = a->text;
    if (a->n_sentences > 0 && a->title && a->title[0]) {
        size_t end = a->sentences[0].start + a->sentences[0].len;
        if (end <= a->text_len)
            body = a->text + end;
    }
    while (*body == '\n' || *body == ' ')
        body++;
    print_safe(body);
    fputc('\n', stdout);
}

static int cmd_show(int argc, char **argv)
{
    bool as_json = false;
    const char *id_arg = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            as_json = true;
        } else if (!id_arg && argv[i][0] != '-') {
            id_arg = argv[i];
        } else {
            cli_usage_error("show: unexpected argument %s", argv[i]);
            return EXIT_USAGE;
        }
    }
    int64_t id;
    if (!id_arg) {
        cli_usage_error("show: %s", "no ID given");
        return EXIT_USAGE;
    }
    if (!parse_id(id_arg, &id)) {
        cli_usage_error("show: not an article id: %s", id_arg);
        return EXIT_USAGE;
    }
    struct store *s;
    if (cli_open_store(&s) != EXIT_OK)
        return EXIT_FAIL;
    struct article a;
    if (store_get_article(s, id, &a) < 0) {
        if (*store_last_error(s))
            cli_report_file(cli_db_path(), store_last_error(s));
        else
            fprintf(stderr, "sitrep: show: no article %s\n", id_arg);
        store_close(s);
        return EXIT_FAIL;
    }
    int rc = EXIT_OK;
    if (as_json) {
        struct facts f;
        if (store_get_facts(s, id, &f) == 0) {
            export_facts_json(stdout, a.origin ? a.origin : "", &a, &f);
            facts_free(&f);
        } else {
            fprintf(stderr, "sitrep: show: cannot read the facts of article %s\n", id_arg);
            rc = EXIT_FAIL;
        }
    } else {
        show_article_text(&a);
        struct facts f;
        if (store_get_facts(s, id, &f) == 0) {
            if (f.n_places || f.n_figures || f.n_dates) {
                fputs("\nFacts:\n", stdout);
                print_fact_lines(&f);
            }
            facts_free(&f);
        }
    }
    /* store_get_article fills a caller-owned struct: free its members, not the
     * struct. */
    struct article *heap = malloc(sizeof *heap);
    if (heap) {
        *heap = a;
        article_free(heap);
    }
    store_close(s);
    return rc;
}

/* ---- extract ---- */

struct extract_run {
    struct extractor *x;
    const char *file;
    bool as_json;
    int failed;
};

static void print_facts_text(const char *file, const struct article *a, const struct facts *f)
{
    cli_print_name(stdout, file);
    fputs(": ", stdout);
    print_safe(a->title);
    printf("\n  date: %s\n", a->date ? a->date : "-");
    print_fact_lines(f);
}

static int extract_one(struct article *a, void *ctx)
{
    struct extract_run *r = ctx;
    struct facts f;
    facts_init(&f);
    if (extract_article(r->x, a, &f) != 0) {
        cli_report_file(r->file, "fact extraction failed");
        r->failed++;
    } else if (r->as_json) {
        export_facts_json(stdout, r->file, a, &f);
    } else {
        print_facts_text(r->file, a, &f);
    }
    facts_free(&f);
    article_free(a);
    return 0;
}

static int cmd_extract(int argc, char **argv)
{
    struct extract_run r = {0};
    int first = 1;
    for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
        if (strcmp(argv[first], "--json") == 0) {
            r.as_json = true;
        } else if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        } else {
            cli_usage_error("extract: unknown option %s", argv[first]);
            return EXIT_USAGE;
        }
    }
    if (first >= argc) {
        cli_usage_error("extract: %s", "no FILE given");
        return EXIT_USAGE;
    }
    char err[512] = "";
    r.x = extractor_open(err, sizeof err);
    if (!r.x) {
        fprintf(stderr, "sitrep: extract: %s\n", err[0] ? err : "cannot load the gazetteer");
        return EXIT_FAIL;
    }
    for (int i = first; i < argc; i++) {
        r.file = argv[i];
        if (reader_load(argv[i], FORMAT_AUTO, extract_one, &r, err, sizeof err) < 0) {
            cli_report_file(argv[i], err);
            r.failed++;
        }
        fflush(stdout);
    }
    extractor_close(r.x);
    return r.failed ? EXIT_FAIL : EXIT_OK;
}

/* ---- the reader ---- */

static int run_ui(cli_reader_fn reader, const struct cli_reader_options *opt)
{
    struct store *s;
    if (cli_open_store_first_run(&s) != EXIT_OK)
        return EXIT_FAIL;
    int rc = reader(s, opt);
    store_close(s);
    return rc;
}

static bool parse_size(const char *arg, struct cli_reader_options *opt)
{
    int cols, lines;
    char tail;
    if (sscanf(arg, "%dx%d%c", &cols, &lines, &tail) != 2 || cols < 20 || lines < 5 ||
        cols > 1000 || lines > 1000)
        return false;
    opt->cols = cols;
    opt->lines = lines;
    return true;
}

/* ---- global options and dispatch ---- */

/* "--db PATH" / "--db=PATH" and the reader's options; returns the value or
 * NULL. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t len = strlen(name);
    if (strncmp(argv[*i], name, len) != 0)
        return NULL;
    if (argv[*i][len] == '=')
        return argv[*i] + len + 1;
    if (argv[*i][len] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        cli_usage_error("%s needs a value", name);
        exit(EXIT_USAGE);
    }
    return argv[++*i];
}

/* The edit distance between two short words (insertions, deletions, substitutions and
 * swaps of neighbours), for "did you mean"; capped at 9. */
static int word_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 16 || m > 16)
        return 9;
    int d[17][17];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m] < 9 ? d[n][m] : 9;
}

/* The command a mistyped name most likely meant (at most two edits away), or NULL. */
static const char *closest_command(const char *name)
{
    const char *best = NULL;
    int best_d = 3;
    for (size_t i = 0; i < N_COMMANDS; i++) {
        int d = word_distance(name, commands[i].name);
        if (d < best_d) {
            best_d = d;
            best = commands[i].name;
        }
    }
    return best;
}

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

/* --db may also follow the command (sitrep list --db x.db); it is removed from
 * argv. */
/* --db PATH and --read-only apply to every command, wherever they stand. */
static int take_global_options(int *argc, char **argv, const char **db, bool *read_only)
{
    int w = 1;
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < *argc)
                argv[w++] = argv[i++];
            break;
        }
        const char *v = option_value(*argc, argv, &i, "--db");
        if (v)
            *db = v;
        else if (strcmp(argv[i], "--read-only") == 0)
            *read_only = true;
        else
            argv[w++] = argv[i];
    }
    *argc = w;
    return 0;
}

int cli_main(int argc, char **argv, cli_reader_fn reader)
{
    const char *db = NULL;
    struct cli_reader_options ui = {0};
    bool read_only = false;
    trace_init();
    take_global_options(&argc, argv, &db, &read_only);
    cli_set_read_only(read_only);
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *v;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_help(stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
            printf("sitrep %s\n", SITREP_VERSION);
            return EXIT_OK;
        } else if ((v = option_value(argc, argv, &i, "--script"))) {
            ui.script_path = v;
        } else if ((v = option_value(argc, argv, &i, "--dump"))) {
            ui.dump_path = v;
        } else if ((v = option_value(argc, argv, &i, "--size"))) {
            if (!parse_size(v, &ui)) {
                cli_usage_error("--size wants COLSxLINES, e.g. 80x24, not %s", v);
                return EXIT_USAGE;
            }
        } else {
            cli_usage_error("unknown option %s", argv[i]);
            return EXIT_USAGE;
        }
    }
    cli_set_db_path(db);
    int rc;
    if (i >= argc) {
        ui.db_path = cli_db_path();
        rc = run_ui(reader, &ui);
    } else {
        const struct command *c = find_command(argv[i]);
        if (!c) {
            const char *meant = closest_command(argv[i]);
            if (meant) {
                char *safe = text_display_name(argv[i]);
                fprintf(stderr, "sitrep: unknown command %s; did you mean '%s'?\n",
                        safe ? safe : "?", meant);
                free(safe);
            } else {
                cli_usage_error("unknown command %s", argv[i]);
            }
            rc = EXIT_USAGE;
        } else if (ui.script_path || ui.dump_path || ui.cols) {
            cli_usage_error("--script, --dump and --size apply to the reader, not %s", c->name);
            rc = EXIT_USAGE;
        } else if (wants_help(argc - i, argv + i)) {
            print_command_help(c);
            rc = EXIT_OK;
        } else {
            rc = c->run(argc - i, argv + i);
        }
    }
    cli_free_db_path();
    return rc;
}
