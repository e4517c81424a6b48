/* feed_cli.c: subscriptions on the command line. Everything a feed or a server said
 * (names, titles, errors, URLs) is escaped before it is printed. */
#include "cli/feed_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/json.h"
#include "base/text.h"
#include "cli/common.h"
#include "extract/extract.h"
#include "fetch/fetch.h"
#include "fetch/http.h"
#include "fetch/opml.h"
#include "fetch/sublist.h"
#include "fetch/urlsfile.h"
#include "store/feeds.h"
#include "store/store.h"

#define MAX_LIST_FILE (16u * 1024u * 1024u)

static void print_safe(FILE *out, const char *s)
{
    char *safe = text_display_name(s ? s : "");
    fputs(safe ? safe : "?", out);
    free(safe);
}

/* ---- feed add ---- */

struct add_args {
    const char *url, *name;
    char **tags;
    size_t n_tags;
    bool full;
};

/* Options may come before or after the URL. Returns EXIT_OK or EXIT_USAGE. */
static int parse_add(int argc, char **argv, struct add_args *a)
{
    for (int i = 2; i < argc; i++) {
        bool has_value = i + 1 < argc;
        if (strcmp(argv[i], "--name") == 0 && has_value)
            a->name = argv[++i];
        else if (strcmp(argv[i], "--tag") == 0 && has_value)
            a->tags[a->n_tags++] = argv[++i];
        else if (strcmp(argv[i], "--full") == 0)
            a->full = true;
        else if (argv[i][0] != '-' && !a->url)
            a->url = argv[i];
        else {
            cli_usage_error("feed add: unexpected argument %s", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!a->url) {
        cli_usage_error("feed add: %s", "no URL given");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int feed_add(int argc, char **argv)
{
    char *tags[argc > 0 ? argc : 1];
    struct add_args a = {.tags = tags};
    if (parse_add(argc, argv, &a) != EXIT_OK)
        return EXIT_USAGE;
    if (!http_url_ok(a.url)) {
        cli_report_file(a.url, "not an http or https URL");
        return EXIT_FAIL;
    }
    struct store *s;
    if (cli_open_store(&s) != EXIT_OK)
        return EXIT_FAIL;
    char err[256];
    int rc = store_feed_add(s, a.url, a.name, a.tags, a.n_tags, a.full, err, sizeof err);
    store_close(s);
    if (rc < 0) {
        cli_report_file(a.url, err);
        return EXIT_FAIL;
    }
    printf("%s ", rc == 1 ? "added" : "updated");
    print_safe(stdout, a.url);
    fputs(rc == 1 ? "; 'sitrep fetch' reads it\n" : "\n", stdout);
    return EXIT_OK;
}

/* ---- feed list ---- */

static void format_time(int64_t t, char *buf, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !gmtime_r(&tt, &tm) || !strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(buf, cap, "never");
}

static void list_json(const struct feed_row *f)
{
    struct json j;
    char when[32];
    json_init(&j, stdout);
    json_begin_object(&j);
    json_kv_string(&j, "name", feed_row_label(f));
    json_kv_string(&j, "url", f->url);
    json_kv_string(&j, "title", f->title);
    json_key(&j, "tags");
    json_begin_array(&j);
    for (size_t t = 0; t < f->n_tags; t++)
        json_string(&j, f->tags[t]);
    json_end_array(&j);
    json_key(&j, "full");
    json_bool(&j, f->full);
    format_time(f->last_fetch, when, sizeof when);
    json_kv_string(&j, "last_fetch", f->last_fetch > 0 ? when : NULL);
    json_kv_int_or_null(&j, "last_status", f->last_status >= 0 ? f->last_status : -1);
    json_kv_int(&j, "items", f->items);
    json_kv_string(&j, "last_error", f->last_error);
    json_end_object(&j);
    fputc('\n', stdout);
}

/* NAME  URL  [tags]  fetched WHEN (STATUS), N items[; error: ...] */
static void list_text(const struct feed_row *f)
{
    char when[32];
    print_safe(stdout, feed_row_label(f));
    fputs("  ", stdout);
    print_safe(stdout, f->url);
    for (size_t t = 0; t < f->n_tags; t++) {
        fputs(t ? ", " : "  [", stdout);
        print_safe(stdout, f->tags[t]);
    }
    fputs(f->n_tags ? "]" : "", stdout);
    format_time(f->last_fetch, when, sizeof when);
    printf("  fetched %s", when);
    if (f->last_status >= 0)
        printf(" (%ld)", f->last_status);
    printf(", %lld items", (long long)f->items);
    if (f->last_error) {
        fputs("; error: ", stdout);
        print_safe(stdout, f->last_error);
    }
    fputc('\n', stdout);
}

static int load_feeds(struct store **s, struct feed_row **rows, size_t *n)
{
    if (cli_open_store(s) != EXIT_OK)
        return EXIT_FAIL;
    if (store_feeds_load(*s, rows, n) < 0) {
        fputs("sitrep: cannot read the feeds\n", stderr);
        store_close(*s);
        return EXIT_FAIL;
    }
    return EXIT_OK;
}

static int feed_list(int argc, char **argv)
{
    bool as_json = argc == 3 && strcmp(argv[2], "--json") == 0;
    if (argc > 3 || (argc == 3 && !as_json)) {
        cli_usage_error("feed list: unexpected argument %s", argv[argc - 1]);
        return EXIT_USAGE;
    }
    struct store *s;
    struct feed_row *rows;
    size_t n;
    if (load_feeds(&s, &rows, &n) != EXIT_OK)
        return EXIT_FAIL;
    for (size_t i = 0; i < n; i++)
        (as_json ? list_json : list_text)(&rows[i]);
    store_feeds_free(rows, n);
    store_close(s);
    return EXIT_OK;
}

/* ---- feed remove ---- */

static int feed_remove(int argc, char **argv)
{
    if (argc != 3) {
        cli_usage_error("feed remove: %s", "give one URL or NAME");
        return EXIT_USAGE;
    }
    struct store *s;
    if (cli_open_store(&s) != EXIT_OK)
        return EXIT_FAIL;
    int rc = store_feed_remove(s, argv[2]);
    store_close(s);
    if (rc != 0) {
        cli_report_file(argv[2], rc > 0 ? "no feed with this URL or name" : "cannot remove");
        return EXIT_FAIL;
    }
    fputs("removed ", stdout);
    print_safe(stdout, argv[2]);
    fputs(" (its articles stay in the collection)\n", stdout);
    return EXIT_OK;
}

/* ---- feed import / export ---- */

static char *read_list_file(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *buf = f ? malloc(MAX_LIST_FILE + 1) : NULL;
    *len = buf ? fread(buf, 1, MAX_LIST_FILE + 1, f) : 0;
    if (!f)
        snprintf(err, errlen, "cannot open: %m");
    else if (!buf)
        snprintf(err, errlen, "out of memory");
    else if (*len > MAX_LIST_FILE || ferror(f)) {
        snprintf(err, errlen, *len > MAX_LIST_FILE ? "file over 16 MiB" : "cannot read");
        free(buf);
        buf = NULL;
    } else
        buf[*len] = '\0';
    if (f && f != stdin)
        fclose(f);
    return buf;
}

/* OPML when the file opens with markup, else newsboat's urls format. */
static int parse_list(const char *buf, size_t len, struct sub_list *subs, char *err, size_t errlen)
{
    const char *s = buf;
    while (s < buf + len && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
        s++;
    if (s < buf + len && (*s == '<' || (unsigned char)*s == 0xEF))
        return opml_parse(buf, len, subs, err, errlen);
    int n = urls_parse(buf, len, subs);
    if (n < 0)
        snprintf(err, errlen, "out of memory");
    return n;
}

static int add_subs(struct store *s, const struct sub_list *subs, int *added)
{
    char err[256];
    int failed = 0;
    for (size_t i = 0; i < subs->n; i++) {
        const struct sub *b = &subs->items[i];
        int rc = store_feed_add(s, b->url, b->name, b->tags, b->n_tags, false, err, sizeof err);
        *added += rc == 1;
        if (rc < 0) {
            cli_report_file(b->url, err);
            failed++;
        }
    }
    return failed;
}

static int feed_import(int argc, char **argv)
{
    if (argc != 3) {
        cli_usage_error("feed import: %s", "give one FILE (OPML or a newsboat urls file)");
        return EXIT_USAGE;
    }
    char err[256] = "";
    size_t len;
    char *buf = read_list_file(argv[2], &len, err, sizeof err);
    struct sub_list subs = {0};
    int n = buf ? parse_list(buf, len, &subs, err, sizeof err) : -1;
    free(buf);
    for (size_t i = 0; i < subs.n_notes; i++)
        cli_report_file(argv[2], subs.notes[i]);
    struct store *s = NULL;
    int rc = n < 0 ? EXIT_FAIL : cli_open_store(&s);
    if (n < 0)
        cli_report_file(argv[2], err);
    int added = 0, failed = 0;
    if (s) {
        failed = add_subs(s, &subs, &added);
        store_close(s);
        printf("feeds read %d, added %d, already there %d, failed %d\n", n, added,
               n - added - failed, failed);
    }
    sub_list_free(&subs);
    return rc != EXIT_OK || failed ? EXIT_FAIL : EXIT_OK;
}

static int feed_export(int argc, char **argv)
{
    if (argc != 2) {
        cli_usage_error("feed export: unexpected argument %s", argv[2]);
        return EXIT_USAGE;
    }
    struct store *s;
    struct feed_row *rows;
    size_t n;
    if (load_feeds(&s, &rows, &n) != EXIT_OK)
        return EXIT_FAIL;
    struct sub *subs = calloc(n ? n : 1, sizeof *subs);
    for (size_t i = 0; subs && i < n; i++)
        subs[i] = (struct sub){.url = rows[i].url,
                               .name = rows[i].name ? rows[i].name : rows[i].title,
                               .tags = rows[i].tags,
                               .n_tags = rows[i].n_tags};
    if (subs)
        opml_write(stdout, subs, n);
    free(subs);
    store_feeds_free(rows, n);
    store_close(s);
    return subs ? EXIT_OK : EXIT_FAIL;
}

int cli_feed(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } subcommands[] = {{"add", feed_add},
                       {"list", feed_list},
                       {"remove", feed_remove},
                       {"import", feed_import},
                       {"export", feed_export}};
    if (argc < 2) {
        cli_usage_error("feed: %s", "add, list, remove, import or export?");
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        if (strcmp(argv[1], subcommands[i].name) == 0)
            return subcommands[i].run(argc, argv);
    cli_usage_error("feed: unknown subcommand %s", argv[1]);
    return EXIT_USAGE;
}

/* ---- fetch ---- */

/* One line per feed that failed, naming it; the rest is in the summary. */
static void report_feed(const struct fetch_report *r, void *ctx)
{
    if (!r->error)
        return;
    char *label = text_display_name(r->label);
    char *why = text_display_name(r->error);
    fprintf(stderr, "sitrep: fetch: %s: %s\n", label ? label : "?", why ? why : "?");
    free(label);
    free(why);
}

static int cmd_fetch_feeds(int n_selectors, char **selectors, bool extract)
{
    struct store *s;
    if (cli_open_store(&s) != EXIT_OK)
        return EXIT_FAIL;
    struct extractor *x = extract ? cli_open_extractor() : NULL;
    struct fetch_options opt = {.selectors = selectors, .n_selectors = n_selectors};
    struct fetch_totals t;
    char err[256] = "";
    int rc = fetch_all(s, x, &opt, report_feed, NULL, &t, err, sizeof err);
    if (rc < 0)
        cli_report_file("fetch", err);
    else
        printf("fetched %ld feeds: %ld new, %ld updated, %ld unchanged, %ld duplicates, "
               "%ld not modified, %ld failed\n",
               t.feeds, t.added, t.updated, t.unchanged, t.duplicates, t.not_modified, t.failed);
    if (x)
        extractor_close(x);
    store_close(s);
    return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

int cli_fetch(int argc, char **argv)
{
    bool extract = true;
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "--no-extract") == 0) {
            extract = false;
        } else {
            cli_usage_error("fetch: unknown option %s", argv[first]);
            return EXIT_USAGE;
        }
    }
    return cmd_fetch_feeds(argc - first, argv + first, extract);
}
