/* event_cli.c: `sitrep events [--json] [FILTER]` and `sitrep compare A B [--json]`.
 *
 * Text output fits the terminal: COLUMNS, else the terminal's width, else 80. Wide
 * terminals get the two reports in columns side by side; narrow ones get them stacked.
 * Article text is sanitized before it is printed. */
#include "cli/event_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/common.h"
#include "compare/compare.h"
#include "events/event.h"
#include "events/event_incr.h"
#include "base/json.h"
#include "store/event_rows.h"
#include "store/query.h"
#include "store/store.h"
#include "base/text.h"

/* ---- output helpers ---- */

static int term_width(void)
{
    const char *c = getenv("COLUMNS");
    if (c && *c) {
        char *end;
        long v = strtol(c, &end, 10);
        if (*end == 0 && v > 0 && v < 10000)
            return (int)v;
    }
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

/* A copy safe to print on one line: controls neutralised, newlines and tabs as spaces. */
static char *clean_line(const char *s)
{
    char *c = text_sanitize(s ? s : "", s ? strlen(s) : 0);
    for (char *p = c; p && *p; p++)
        if (*p == '\n' || *p == '\t' || *p == '\r')
            *p = ' ';
    return c;
}

/* The next line of at most `width` columns from *s, broken at a space where one fits;
 * returns its byte length and advances *s past it and the spaces after. */
static size_t next_line(const char **s, int width)
{
    const char *p = *s;
    size_t len = strlen(p);
    int used;
    size_t take = text_prefix_fitting(p, len, width < 1 ? 1 : width, &used);
    if (take == 0 && len)
        take = text_prefix_fitting(p, len, 2, &used); /* a wide char in a 1-col cell */
    if (take == 0 && len)
        take = 1;
    if (take < len) {
        size_t sp = take;
        while (sp > 0 && p[sp] != ' ')
            sp--;
        if (sp > 0)
            take = sp;
    }
    const char *q = p + take;
    while (*q == ' ')
        q++;
    *s = q;
    while (take > 0 && p[take - 1] == ' ')
        take--;
    return take;
}

static void put_padded(const char *s, size_t len, int width)
{
    fwrite(s, 1, len, stdout);
    int w = text_width(s, len);
    for (; w < width; w++)
        putchar(' ');
}

/* Prints a wrapped paragraph: `indent` before the first line, as many spaces before the
 * others (a hanging indent), so labels such as "A: " are not repeated. */
static void print_wrapped(const char *indent, const char *text, int width)
{
    char *c = clean_line(text);
    const char *p = c ? c : "";
    int iw = text_width(indent, strlen(indent));
    if (width - iw < 4) { /* too narrow for an indent */
        indent = "";
        iw = 0;
    }
    int avail = width - iw < 1 ? 1 : width - iw;
    bool first = true;
    do {
        const char *start = p;
        size_t n = next_line(&p, avail);
        if (first)
            fputs(indent, stdout);
        else
            printf("%*s", iw, "");
        first = false;
        fwrite(start, 1, n, stdout);
        putchar('\n');
    } while (*p);
    free(c);
}

/* Prints cells side by side, each wrapped in its own column, separated by " | ". */
static void print_row(const char *const *cells, const int *widths, int n)
{
    char *clean[4];
    const char *pos[4];
    for (int i = 0; i < n; i++) {
        clean[i] = clean_line(cells[i]);
        pos[i] = clean[i] ? clean[i] : "";
    }
    bool more = true;
    for (bool first = true; more; first = false) {
        more = false;
        for (int i = 0; i < n; i++) {
            const char *start = pos[i];
            size_t len = *start ? next_line(&pos[i], widths[i]) : 0;
            if (i)
                fputs(" | ", stdout);
            if (i == n - 1) {
                fwrite(start, 1, len, stdout);
            } else {
                put_padded(start, len, widths[i]);
            }
            more |= *pos[i] != 0;
        }
        (void)first;
        putchar('\n');
    }
    for (int i = 0; i < n; i++)
        free(clean[i]);
}

static void rule(int width)
{
    for (int i = 0; i < width; i++)
        putchar('-');
    putchar('\n');
}

/* ---- compare ---- */

struct side {
    int64_t id;
    struct article *art;
    struct facts facts;
};

static int load_side(struct store *s, const char *arg, struct side *out)
{
    memset(out, 0, sizeof *out);
    facts_init(&out->facts);
    out->id = query_resolve_article(store_db(s), arg);
    if (out->id == -2) {
        fprintf(stderr, "sitrep: compare: %s names more than one article; use its id\n", arg);
        return -1;
    }
    out->art = calloc(1, sizeof *out->art);
    if (out->id < 0 || !out->art || store_get_article(s, out->id, out->art) < 0) {
        if (*store_last_error(s))
            cli_report_file(cli_db_path(), store_last_error(s));
        else
            fprintf(stderr, "sitrep: compare: no article %s\n", arg);
        return -1;
    }
    if (store_get_facts(s, out->id, &out->facts) < 0) {
        fprintf(stderr, "sitrep: compare: cannot read the facts of article %s\n", arg);
        return -1;
    }
    return 0;
}

static void free_side(struct side *sd)
{
    if (sd->art)
        article_free(sd->art);
    sd->art = NULL;
    facts_free(&sd->facts);
}

/* "more than 138 (Col. Garver)" for each figure of a row, one per line. */
static char *figure_cell(const struct figure_fact *const *figs, size_t n)
{
    size_t cap = 64 + n * 300, used = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        char v[64];
        compare_format_figure(figs[i], v, sizeof v);
        used += (size_t)snprintf(out + used, cap - used, "%s%s", i ? "; " : "", v);
        if (figs[i]->source && used < cap)
            used += (size_t)snprintf(out + used, cap - used, " (%.200s)", figs[i]->source);
        if (used >= cap)
            break;
    }
    if (!n)
        snprintf(out, cap, "-");
    return out;
}

static void print_header(const struct side *sd, const char *tag, int width)
{
    char line[1024];
    snprintf(line, sizeof line, "#%lld  %.900s", (long long)sd->id, sd->art->title);
    print_wrapped(tag[0] == 'A' ? "A " : "B ", line, width);
    snprintf(line, sizeof line, "date %s, source %.400s", sd->art->date ? sd->art->date : "unknown",
             sd->art->source ? sd->art->source : "unknown");
    print_wrapped("  ", line, width);
}

/* Column widths for kind | A | B | status; narrow terminals use the stacked form (0). */
static int table_widths(int width, int *w)
{
    w[0] = 10;
    w[3] = 6;
    int rest = width - w[0] - w[3] - 9;
    if (rest < 24)
        return 0;
    w[1] = rest / 2;
    w[2] = rest - w[1];
    return 4;
}

static void print_figures(const struct comparison *c, int width)
{
    int w[4];
    int cols = table_widths(width, w);
    print_wrapped("", "FIGURES", width);
    if (!c->n_figures)
        print_wrapped("  ", "(none in either report)", width);
    if (cols) {
        const char *head[4] = {"kind", "A", "B", "status"};
        print_row(head, w, 4);
    }
    for (size_t i = 0; i < c->n_figures; i++) {
        const struct compare_figures *r = &c->figures[i];
        char *a = figure_cell(r->a, r->n_a), *b = figure_cell(r->b, r->n_b);
        if (cols) {
            const char *cells[4] = {figure_kind_name(r->kind), a ? a : "", b ? b : "",
                                    compare_status_name(r->status)};
            print_row(cells, w, 4);
        } else {
            char head[64];
            snprintf(head, sizeof head, "%s: %s", figure_kind_name(r->kind),
                     compare_status_name(r->status));
            print_wrapped("", head, width);
            print_wrapped("  A: ", a ? a : "", width);
            print_wrapped("  B: ", b ? b : "", width);
        }
        free(a);
        free(b);
    }
}

static void print_names(const char *title, const struct compare_name *names, size_t n, int width)
{
    static const enum compare_status order[] = {COMPARE_AGREE, COMPARE_ONLY_A, COMPARE_ONLY_B};
    print_wrapped("", title, width);
    if (!n)
        print_wrapped("  ", "(none)", width);
    for (int k = 0; k < 3; k++) {
        size_t cap = 64, used = 0;
        char *line = malloc(cap);
        if (!line)
            return;
        used = (size_t)snprintf(line, cap, "%s: ", compare_presence_name(order[k]));
        size_t count = 0;
        for (size_t i = 0; i < n; i++) {
            if (names[i].status != order[k])
                continue;
            size_t need = used + strlen(names[i].name) + 4;
            if (need > cap) {
                cap = need * 2;
                char *g = realloc(line, cap);
                if (!g)
                    break;
                line = g;
            }
            used += (size_t)snprintf(line + used, cap - used, "%s%s", count++ ? ", " : "",
                                     names[i].name);
        }
        if (count)
            print_wrapped("  ", line, width);
        free(line);
    }
}

static char *sentence_text(const struct article *a, int idx)
{
    if (idx < 0 || (size_t)idx >= a->n_sentences)
        return strdup("");
    const struct text_span *sp = &a->sentences[idx];
    return strndup(a->text + sp->start, sp->len);
}

static void print_pairs(const struct comparison *c, const struct side *A, const struct side *B,
                        int width)
{
    print_wrapped("", "ALIGNED SENTENCES", width);
    if (!c->n_pairs)
        print_wrapped("  ", "(no sentences carry matching facts)", width);
    int w[2] = {(width - 3) / 2, width - 3 - (width - 3) / 2};
    bool side_by_side = w[0] >= 20;
    for (size_t i = 0; i < c->n_pairs; i++) {
        const struct compare_pair *p = &c->pairs[i];
        char *sa = sentence_text(A->art, p->a), *sb = sentence_text(B->art, p->b);
        char ta[64], tb[64];
        snprintf(ta, sizeof ta, "A[%d] ", p->a);
        snprintf(tb, sizeof tb, "B[%d] ", p->b);
        size_t la = strlen(ta) + strlen(sa ? sa : "") + 1,
               lb = strlen(tb) + strlen(sb ? sb : "") + 1;
        char *ca = malloc(la), *cb = malloc(lb);
        if (ca && cb) {
            snprintf(ca, la, "%s%s", ta, sa ? sa : "");
            snprintf(cb, lb, "%s%s", tb, sb ? sb : "");
            print_wrapped("~ ", p->why, width);
            if (side_by_side) {
                const char *cells[2] = {ca, cb};
                print_row(cells, w, 2);
            } else {
                print_wrapped("", ca, width);
                print_wrapped("", cb, width);
            }
        }
        free(ca);
        free(cb);
        free(sa);
        free(sb);
    }
}

static void print_comparison_text(const struct comparison *c, const struct side *A,
                                  const struct side *B)
{
    int width = term_width();
    print_header(A, "A", width);
    print_header(B, "B", width);
    rule(width);
    print_figures(c, width);
    rule(width);
    print_names("PLACES", c->places, c->n_places, width);
    print_names("ACTORS", c->actors, c->n_actors, width);
    print_names("DATES", c->dates, c->n_dates, width);
    rule(width);
    print_pairs(c, A, B, width);
}

static void json_side(struct json *j, const char *key, const struct side *sd)
{
    json_key(j, key);
    json_begin_object(j);
    json_kv_int(j, "id", sd->id);
    json_kv_string(j, "title", sd->art->title);
    json_kv_string(j, "date", sd->art->date);
    json_kv_string(j, "source", sd->art->source);
    json_end_object(j);
}

static void json_figure_list(struct json *j, const char *key, const struct figure_fact *const *f,
                             size_t n)
{
    json_key(j, key);
    json_begin_array(j);
    for (size_t i = 0; i < n; i++) {
        char v[64];
        compare_format_figure(f[i], v, sizeof v);
        json_begin_object(j);
        json_kv_int_or_null(j, "n", f[i]->n);
        json_kv_int_or_null(j, "min", f[i]->min);
        json_kv_int_or_null(j, "max", f[i]->max);
        json_kv_string(j, "qualifier", qualifier_name(f[i]->qualifier));
        json_kv_string(j, "as", v);
        json_kv_string(j, "source", f[i]->source);
        json_kv_string(j, "place", f[i]->place);
        json_kv_int(j, "sentence", f[i]->sentence);
        json_end_object(j);
    }
    json_end_array(j);
}

static void json_names(struct json *j, const char *key, const struct compare_name *n, size_t count)
{
    json_key(j, key);
    json_begin_array(j);
    for (size_t i = 0; i < count; i++) {
        json_begin_object(j);
        json_kv_string(j, "name", n[i].name);
        json_kv_string(j, "in", compare_presence_key(n[i].status));
        json_end_object(j);
    }
    json_end_array(j);
}

static void print_comparison_json(const struct comparison *c, const struct side *A,
                                  const struct side *B)
{
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_side(&j, "a", A);
    json_side(&j, "b", B);
    json_key(&j, "figures");
    json_begin_array(&j);
    for (size_t i = 0; i < c->n_figures; i++) {
        const struct compare_figures *r = &c->figures[i];
        json_begin_object(&j);
        json_kv_string(&j, "kind", figure_kind_name(r->kind));
        json_kv_string(&j, "status", compare_status_key(r->status));
        json_figure_list(&j, "a", r->a, r->n_a);
        json_figure_list(&j, "b", r->b, r->n_b);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_names(&j, "places", c->places, c->n_places);
    json_names(&j, "actors", c->actors, c->n_actors);
    json_names(&j, "dates", c->dates, c->n_dates);
    json_key(&j, "aligned");
    json_begin_array(&j);
    for (size_t i = 0; i < c->n_pairs; i++) {
        json_begin_object(&j);
        json_kv_int(&j, "a", c->pairs[i].a);
        json_kv_int(&j, "b", c->pairs[i].b);
        json_key(&j, "score");
        json_double(&j, c->pairs[i].score, 2);
        json_kv_string(&j, "why", c->pairs[i].why);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_end_object(&j);
    putchar('\n');
}

int cli_compare(int argc, char **argv)
{
    bool as_json = false;
    const char *args[2];
    int n_args = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            as_json = true;
        else if (n_args < 2 && argv[i][0] != '-')
            args[n_args++] = argv[i];
        else {
            fprintf(stderr, "sitrep: compare: unexpected argument %s\n", argv[i]);
            return 2;
        }
    }
    if (n_args != 2) {
        fputs("usage: sitrep compare A B [--json]   (article ids, or pieces of their file names)\n",
              stderr);
        return 2;
    }
    struct store *s;
    int rc = cli_open_store(&s);
    if (rc)
        return rc;
    struct side A, B;
    struct comparison c;
    rc = 1;
    if (load_side(s, args[0], &A) == 0 && load_side(s, args[1], &B) == 0 &&
        compare_build(A.art, &A.facts, B.art, &B.facts, &c) == 0) {
        if (as_json)
            print_comparison_json(&c, &A, &B);
        else
            print_comparison_text(&c, &A, &B);
        compare_free(&c);
        rc = 0;
    }
    free_side(&A);
    free_side(&B);
    store_close(s);
    return rc;
}

/* ---- events ---- */

/* A filter matches the event's label or place, or any report's title or source (folded). */
/* The filter's articles, ascending; an event matches when one of its reports is among
 * them, so `place:Baghdad killed>=10` keeps the events that such a report tells. */
struct event_filter {
    bool active;
    int64_t *ids;
    size_t n;
};

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static bool filter_selects(const struct event_filter *f, int64_t id)
{
    return f->n && bsearch(&id, f->ids, f->n, sizeof id, cmp_id);
}

/* Whether any of an event's reports (ids ascending) is one the filter selects. */
static bool members_match(void *ctx, const int64_t *ids, size_t n)
{
    for (size_t m = 0; m < n; m++)
        if (filter_selects(ctx, ids[m]))
            return true;
    return false;
}

static bool event_matches(const struct ev_group *g, const struct ev_doc *docs,
                          const struct event_filter *f)
{
    if (!f->active)
        return true;
    for (size_t m = 0; m < g->n_members; m++)
        if (filter_selects(f, docs[g->members[m].doc].id))
            return true;
    return false;
}

/* Joins the command's words into one filter expression (the reader's language) and finds
 * the articles it selects. Returns 0, or 2 (usage) on a filter error, 1 on a store error. */
static int load_event_filter(struct store *s, char **words, int n, struct event_filter *f)
{
    if (!n)
        return 0;
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(words[i]) + 1;
    char *expr = calloc(len, 1);
    if (!expr)
        return 1;
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(expr, " ");
        strcat(expr, words[i]);
    }
    struct query q;
    query_init(&q);
    char err[256] = "";
    int rc = 0;
    if (query_parse(&q, expr, err, sizeof err) != 0) {
        fprintf(stderr, "sitrep: events: filter: %s\n", err[0] ? err : "out of memory");
        rc = 2;
    } else {
        long got = query_article_ids(store_db(s), &q, &f->ids, err, sizeof err);
        if (got < 0) {
            fprintf(stderr, "sitrep: events: filter: %s\n", err);
            rc = 1;
        } else {
            f->n = (size_t)got;
            f->active = true;
        }
    }
    query_free(&q);
    free(expr);
    return rc;
}

static void print_event_figures_text(const struct ev_group *g, const struct ev_doc *docs,
                                     const struct ev_doc **members, int width)
{
    struct ev_kind_summary sum[FIG_KIND_COUNT];
    ev_summarise(members, g->n_members, g->place, sum);
    for (int k = 0; k < FIG_KIND_COUNT; k++) {
        if (!sum[k].n_reports)
            continue;
        char line[512];
        size_t used = (size_t)snprintf(line, sizeof line, "%s: ", figure_kind_name(k));
        for (size_t m = 0; m < g->n_members && used < sizeof line; m++) {
            const struct ev_figure *f =
                ev_doc_best_figure(members[m], (enum figure_kind)k, g->place);
            if (!f)
                continue;
            struct figure_fact ff = {.kind = f->kind,
                                     .n = f->n,
                                     .min = f->min,
                                     .max = f->max,
                                     .qualifier = f->qualifier,
                                     .text = f->text};
            char v[64];
            compare_format_figure(&ff, v, sizeof v);
            used += (size_t)snprintf(line + used, sizeof line - used, "%s (#%lld) ", v,
                                     (long long)members[m]->id);
        }
        char range[80], conservative[32];
        ev_range_text(&sum[k], range, sizeof range);
        if (sum[k].low_word)
            snprintf(conservative, sizeof conservative, "%s", sum[k].low_word);
        else
            snprintf(conservative, sizeof conservative, "%ld", sum[k].conservative);
        if (used < sizeof line)
            snprintf(line + used, sizeof line - used, "| range %s, conservative %s%s", range,
                     conservative, sum[k].disagree ? ", reports DISAGREE" : "");
        print_wrapped("    ", line, width);
    }
    (void)docs;
}

static void print_event_text(size_t num, const struct ev_group *g, const struct ev_doc *docs,
                             int width)
{
    const struct ev_doc **members = calloc(g->n_members, sizeof *members);
    if (!members)
        return;
    for (size_t m = 0; m < g->n_members; m++)
        members[m] = &docs[g->members[m].doc];
    char line[1024];
    char alike[40] = "";
    if (g->n_members > 1) /* how alike the reports that joined are; nothing for one alone */
        snprintf(alike, sizeof alike, ", reports alike %.0f%%", g->score * 100);
    snprintf(line, sizeof line, "event %zu: %s, %zu report%s, %s%s%s%s", num, g->label,
             g->n_members, g->n_members == 1 ? "" : "s", g->first_date ? g->first_date : "undated",
             g->last_date && g->first_date && strcmp(g->first_date, g->last_date) ? ".." : "",
             g->last_date && g->first_date && strcmp(g->first_date, g->last_date) ? g->last_date
                                                                                  : "",
             alike);
    print_wrapped("", line, width);
    print_wrapped("  why: ", g->reasons ? g->reasons : "", width);
    if (g->corrections)
        print_wrapped("  corrected: ", g->corrections, width);
    for (size_t m = 0; m < g->n_members; m++) {
        snprintf(line, sizeof line, "#%lld %s %s: %.700s", (long long)members[m]->id,
                 members[m]->date ? members[m]->date : "undated",
                 members[m]->source ? members[m]->source : "-", members[m]->title);
        print_wrapped("  ", line, width);
    }
    print_event_figures_text(g, docs, members, width);
    free(members);
}

static void print_event_json(size_t num, const struct ev_group *g, const struct ev_doc *docs)
{
    const struct ev_doc **members = calloc(g->n_members, sizeof *members);
    if (!members)
        return;
    for (size_t m = 0; m < g->n_members; m++)
        members[m] = &docs[g->members[m].doc];
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_kv_int(&j, "event", (long long)num);
    json_kv_string(&j, "label", g->label);
    json_kv_string(&j, "place", g->place);
    json_kv_string(&j, "first_date", g->first_date);
    json_kv_string(&j, "last_date", g->last_date);
    json_key(&j, "score");
    json_double(&j, g->score, 3);
    json_kv_string(&j, "reasons", g->reasons);
    json_key(&j, "corrected");
    json_bool(&j, g->corrections != NULL);
    json_kv_string(&j, "corrections", g->corrections);
    json_key(&j, "reports");
    json_begin_array(&j);
    for (size_t m = 0; m < g->n_members; m++) {
        json_begin_object(&j);
        json_kv_int(&j, "id", members[m]->id);
        json_kv_string(&j, "title", members[m]->title);
        json_kv_string(&j, "date", members[m]->date);
        json_kv_string(&j, "source", members[m]->source);
        json_key(&j, "score");
        json_double(&j, g->members[m].score, 3);
        json_kv_string(&j, "reasons", g->members[m].reasons);
        json_end_object(&j);
    }
    json_end_array(&j);
    struct ev_kind_summary sum[FIG_KIND_COUNT];
    ev_summarise(members, g->n_members, g->place, sum);
    json_key(&j, "figures");
    json_begin_array(&j);
    for (int k = 0; k < FIG_KIND_COUNT; k++) {
        if (!sum[k].n_reports)
            continue;
        json_begin_object(&j);
        json_kv_string(&j, "kind", figure_kind_name(k));
        json_kv_int_or_null(&j, "low", sum[k].low);
        json_kv_int_or_null(&j, "high", sum[k].high);
        json_kv_int_or_null(&j, "conservative", sum[k].conservative);
        char range[80];
        json_kv_string(&j, "range", ev_range_text(&sum[k], range, sizeof range));
        if (sum[k].low_word)
            json_kv_string(&j, "low_word", sum[k].low_word);
        if (sum[k].high_word)
            json_kv_string(&j, "high_word", sum[k].high_word);
        json_key(&j, "disagree");
        json_bool(&j, sum[k].disagree);
        json_key(&j, "reports");
        json_begin_array(&j);
        for (size_t m = 0; m < g->n_members; m++)
            for (size_t f = 0; f < members[m]->n_figures; f++) {
                const struct ev_figure *fg = &members[m]->figures[f];
                if (fg->kind != (enum figure_kind)k)
                    continue;
                json_begin_object(&j);
                json_kv_int(&j, "article", members[m]->id);
                json_kv_int_or_null(&j, "n", fg->n);
                json_kv_int_or_null(&j, "min", fg->min);
                json_kv_int_or_null(&j, "max", fg->max);
                json_kv_string(&j, "qualifier", qualifier_name(fg->qualifier));
                json_kv_string(&j, "source", fg->source);
                json_kv_string(&j, "place", fg->place);
                json_kv_string(&j, "text", fg->text);
                json_kv_string(&j, "role", figure_role_name(fg->role));
                if (fg->incident)
                    json_kv_int(&j, "incident", fg->incident);
                json_end_object(&j);
            }
        json_end_array(&j);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_end_object(&j);
    putchar('\n');
    free(members);
}

/* What printing the stored events needs from one event to the next. */
struct event_printing {
    bool as_json;
    int width;
    const struct event_filter *filter;
    size_t shown;
};

static int print_stored_event(void *ctx, size_t num, const struct ev_group *g,
                              const struct ev_doc *docs)
{
    struct event_printing *p = ctx;
    if (!event_matches(g, docs, p->filter))
        return 0;
    if (p->as_json)
        print_event_json(num, g, docs);
    else {
        if (p->shown)
            putchar('\n');
        print_event_text(num, g, docs, p->width);
    }
    p->shown++;
    return 0;
}

/* The reports in no event are assigned to events (events/event_incr.h). A failure is
 * said and the events stored are shown all the same. */
static void catch_up(struct store *s, const struct ev_options *o)
{
    if (event_rows_fresh(store_db(s)) != 1 && ev_catch_up(s, o, NULL) < 0)
        fputs("sitrep: events: cannot group the new reports (read-only collection?)\n", stderr);
}

/* The stored events, streamed: one event's reports in memory at a time. */
static int print_stored(struct store *s, struct event_printing *p)
{
    /* a filter passes over the events it refuses before their reports are read */
    if (ev_stream_stored_where(s, p->filter->active ? members_match : NULL, (void *)p->filter,
                               print_stored_event, p) < 0) {
        fputs("sitrep: events: cannot read the events\n", stderr);
        return 1;
    }
    return 0;
}

/* The whole collection grouped afresh in memory, the analyst's corrections replayed over
 * it (events/event_corrections.c), saved and printed: for --regroup, and whenever there
 * are corrections, which are replayed over a whole grouping. */
static int print_regrouped(struct store *s, const struct ev_options *o, struct event_printing *p)
{
    struct ev_doc *docs = NULL;
    size_t n = 0;
    struct ev_set set = {0};
    int rc = 0;
    if (ev_compute_db(store_db(s), o, EV_LOAD_FIGURES, &docs, &n, &set) < 0) {
        fputs("sitrep: events: cannot group the collection\n", stderr);
        rc = 1;
    } else {
        if (!store_is_read_only(s) && ev_save_store(s, docs, &set) < 0)
            fputs("sitrep: events: cannot save the events (read-only collection?)\n", stderr);
        for (size_t g = 0; g < set.n_groups; g++)
            print_stored_event(p, g + 1, &set.groups[g], docs);
    }
    ev_set_free(&set);
    ev_docs_free(docs, n);
    return rc;
}

static int parse_events_args(int argc, char **argv, char **words, int *n_words, bool *as_json,
                             bool *regroup)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            *as_json = true;
        else if (strcmp(argv[i], "--regroup") == 0)
            *regroup = true;
        else if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)
            words[(*n_words)++] = argv[i];
        else {
            fprintf(stderr,
                    "sitrep: events: unexpected argument %s\n"
                    "usage: sitrep events [--json] [--regroup] [FILTER]\n",
                    argv[i]);
            return 2;
        }
    }
    return 0;
}

int cli_events(int argc, char **argv)
{
    bool as_json = false, regroup = false;
    char **words = calloc((size_t)argc, sizeof *words);
    int n_words = 0;
    if (!words)
        return 1;
    int rc = parse_events_args(argc, argv, words, &n_words, &as_json, &regroup);
    struct store *s = NULL;
    if (rc == 0)
        rc = cli_open_store(&s);
    struct event_filter filter = {0};
    if (rc == 0)
        rc = load_event_filter(s, words, n_words, &filter);
    free(words);
    struct ev_options o;
    ev_options_default(&o);
    if (rc == 0 && ev_options_load_corrections(&o, s) < 0)
        fputs("sitrep: events: cannot read the corrections; grouping without them\n", stderr);
    if (rc == 0) {
        struct event_printing p = {as_json, term_width(), &filter, 0};
        /* a read-only collection is grouped in memory and shown without being kept */
        bool read_only = store_is_read_only(s);
        if (!read_only)
            catch_up(s, &o); /* with --regroup too: the features later imports score against */
        rc = regroup || o.n_corrections || read_only ? print_regrouped(s, &o, &p)
                                                     : print_stored(s, &p);
        if (rc == 0 && !as_json && !p.shown)
            puts(filter.active ? "no events match" : "no articles in the collection");
    }
    free(filter.ids);
    ev_options_release(&o);
    if (s)
        store_close(s);
    return rc;
}
