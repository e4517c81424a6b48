/* correct_cli.c: `sitrep correct OP ARGS...`. Reports are named as everywhere else (an id,
 * or a unique piece of a file name); an event by any of its reports. Each correction is
 * stored (store/corrections.h) and replayed whenever the events are grouped. */
#include "cli/correct_cli.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/text.h"
#include "base/timex.h"
#include "cli/common.h"
#include "events/event.h"
#include "store/corrections.h"
#include "store/query.h"
#include "store/store.h"

static const char usage[] =
    "usage: sitrep correct merge A B        the events of reports A and B are one\n"
    "       sitrep correct split A          report A is an event of its own\n"
    "       sitrep correct move A B         report A belongs to the event of B\n"
    "       sitrep correct drop-figure A KIND [N]\n"
    "                                       A's KIND figure (N) is not its event's\n"
    "       sitrep correct date A YYYY-MM-DD   A's publication date\n"
    "       sitrep correct place A PLACE    the event of A happened at PLACE\n"
    "       sitrep correct kind A KIND      the event of A is a KIND (airstrike, ...)\n"
    "       sitrep correct undo             take back the newest correction\n"
    "       sitrep correct list [--json]    every correction, undone ones marked\n";

static int usage_error(const char *why, const char *arg)
{
    fputs("sitrep: correct: ", stderr);
    fprintf(stderr, why, arg ? arg : "");
    fprintf(stderr, "\n%s", usage);
    return EXIT_USAGE;
}

/* The number of arguments each operation takes after its name: at least, at most. */
static void op_arity(enum correction_op op, int *least, int *most)
{
    static const int arity[CORR_OP_COUNT][2] = {
        [CORR_MERGE] = {2, 2},       [CORR_SPLIT] = {1, 1}, [CORR_MOVE] = {2, 2},
        [CORR_DROP_FIGURE] = {2, 3}, [CORR_DATE] = {2, 2},  [CORR_PLACE] = {2, 64},
        [CORR_KIND] = {2, 2},
    };
    *least = arity[op][0];
    *most = arity[op][1];
}

static int resolve(struct store *s, const char *arg, int64_t *id)
{
    *id = query_resolve_article(store_db(s), arg);
    if (*id == -2) {
        char *safe = text_display_name(arg);
        fprintf(stderr, "sitrep: correct: %s names more than one article; use its id\n", safe);
        free(safe);
        return -1;
    }
    if (*id < 0) {
        char *safe = text_display_name(arg);
        fprintf(stderr, "sitrep: correct: no article %s\n", safe);
        free(safe);
        return -1;
    }
    return 0;
}

static bool known_event_kind(const char *name)
{
    for (int k = 0; k < EVK_COUNT; k++)
        if (strcmp(ev_kind_name((enum ev_kind)k), name) == 0)
            return true;
    return false;
}

static char *join_words(char **words, int n)
{
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(words[i]) + 1;
    char *out = calloc(len, 1);
    for (int i = 0; out && i < n; i++) {
        if (i)
            strcat(out, " ");
        strcat(out, words[i]);
    }
    return out;
}

static bool is_full_iso_date(const char *s)
{
    struct timex_date d = {0};
    size_t len = strlen(s);
    return len == 10 && s[4] == '-' && timex_parse_date(s, len, &d) == len && d.year && d.month &&
           d.day;
}

/* Fills what follows the reports: the figure, the date, the place or the kind. Returns 0,
 * or EXIT_USAGE with a message. */
static int parse_value(struct correction *c, char **args, int n)
{
    switch (c->op) {
    case CORR_DROP_FIGURE: {
        int kind = figure_kind_from_name(args[1]);
        if (kind < 0)
            return usage_error("%s is not a figure kind (killed, wounded, destroyed)", args[1]);
        c->kind = (enum figure_kind)kind;
        c->n = FACT_NONE;
        if (n == 3) {
            char *end;
            long v = strtol(args[2], &end, 10);
            if (*end || v < 0)
                return usage_error("%s is not a number", args[2]);
            c->n = v;
        }
        return 0;
    }
    case CORR_DATE:
        if (!is_full_iso_date(args[1]))
            return usage_error("%s is not a date (YYYY-MM-DD)", args[1]);
        c->value = strdup(args[1]);
        return 0;
    case CORR_KIND:
        if (!known_event_kind(args[1]))
            return usage_error("%s is not a kind of event (airstrike, bombing, clash, shelling, "
                               "recapture, convoy, kidnapping, execution)",
                               args[1]);
        c->value = strdup(args[1]);
        return 0;
    case CORR_PLACE:
        c->value = join_words(args + 1, n - 1);
        return 0;
    default:
        return 0;
    }
}

static int add_correction(struct store *s, enum correction_op op, char **args, int n)
{
    struct correction c = {.op = op};
    int least, most;
    op_arity(op, &least, &most);
    if (n < least || n > most)
        return usage_error("%s: wrong number of arguments", correction_op_name(op));
    int rc = parse_value(&c, args, n);
    if (rc)
        return rc;
    bool two_reports = op == CORR_MERGE || op == CORR_MOVE;
    if (resolve(s, args[0], &c.article) < 0 || (two_reports && resolve(s, args[1], &c.other) < 0)) {
        correction_clear(&c);
        return EXIT_FAIL;
    }
    char err[256] = "";
    if (corrections_add(s, &c, err, sizeof err) < 0) {
        fprintf(stderr, "sitrep: correct: %s\n", err);
        correction_clear(&c);
        return EXIT_FAIL;
    }
    char line[512];
    correction_describe(&c, line, sizeof line);
    char *safe = text_display_name(line);
    printf("correction %lld: %s\n", (long long)c.id, safe ? safe : line);
    free(safe);
    correction_clear(&c);
    return EXIT_OK;
}

static int undo(struct store *s)
{
    struct correction c;
    int rc = corrections_undo_last(s, &c);
    if (rc < 0) {
        fputs("sitrep: correct: cannot undo (read-only collection?)\n", stderr);
        return EXIT_FAIL;
    }
    if (rc == 0) {
        puts("no correction to undo");
        return EXIT_OK;
    }
    char line[512];
    correction_describe(&c, line, sizeof line);
    char *safe = text_display_name(line);
    printf("undone correction %lld: %s\n", (long long)c.id, safe ? safe : line);
    free(safe);
    correction_clear(&c);
    return EXIT_OK;
}

static void print_json(const struct correction *c)
{
    struct json j;
    char line[512];
    correction_describe(c, line, sizeof line);
    json_init(&j, stdout);
    json_begin_object(&j);
    json_kv_int(&j, "id", c->id);
    json_kv_string(&j, "op", correction_op_name(c->op));
    json_kv_int(&j, "article", c->article);
    if (c->other)
        json_kv_int(&j, "other", c->other);
    if (c->op == CORR_DROP_FIGURE) {
        json_kv_string(&j, "kind", figure_kind_name(c->kind));
        json_kv_int_or_null(&j, "n", c->n);
    }
    if (c->value)
        json_kv_string(&j, "value", c->value);
    json_kv_int(&j, "made_at", c->made_at);
    json_key(&j, "undone");
    json_bool(&j, c->undone != 0);
    json_kv_string(&j, "description", line);
    json_end_object(&j);
    putchar('\n');
}

static int list(struct store *s, bool as_json)
{
    struct correction *all;
    long n = corrections_load(s, 1, &all);
    if (n < 0) {
        fputs("sitrep: correct: cannot read the corrections\n", stderr);
        return EXIT_FAIL;
    }
    for (long i = 0; i < n; i++) {
        if (as_json) {
            print_json(&all[i]);
            continue;
        }
        char line[512];
        correction_describe(&all[i], line, sizeof line);
        char *safe = text_display_name(line);
        printf("%4lld %s%s\n", (long long)all[i].id, safe ? safe : line,
               all[i].undone ? "  (undone)" : "");
        free(safe);
    }
    if (!as_json && n == 0)
        puts("no corrections");
    corrections_free(all, (size_t)n);
    return EXIT_OK;
}

int cli_correct(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("which correction?%s", NULL);
    const char *op_name = argv[1];
    bool is_list = strcmp(op_name, "list") == 0, is_undo = strcmp(op_name, "undo") == 0;
    int op = correction_op_from_name(op_name);
    if (!is_list && !is_undo && op < 0)
        return usage_error("unknown correction %s", op_name);
    bool as_json = is_list && argc == 3 && strcmp(argv[2], "--json") == 0;
    if ((is_list && argc > 2 && !as_json) || (is_undo && argc > 2))
        return usage_error("%s takes no arguments", op_name);
    struct store *s;
    if (cli_open_store(&s) != EXIT_OK)
        return EXIT_FAIL;
    int rc = is_list   ? list(s, as_json)
             : is_undo ? undo(s)
                       : add_correction(s, (enum correction_op)op, argv + 2, argc - 2);
    store_close(s);
    return rc;
}
