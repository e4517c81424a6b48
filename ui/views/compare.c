/* view_compare.c: two reports side by side (see view_compare.h). */
#include "views/compare.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/article.h"
#include "compare/compare.h"
#include "base/facts.h"
#include "store/store.h"
#include "base/text.h"
#include "state.h"

/* One display line of a side's text: a slice of one sanitized sentence. */
struct wline {
    int sentence;
    size_t off, len;
};

struct side {
    int64_t id;
    struct article *art;
    struct facts facts;
    char **sent; /* sanitized sentences, one line each */
    size_t n_sent;
    struct wline *lines;
    size_t n_lines;
    int top; /* first line shown */
};

struct compare_view {
    struct side s[2];
    struct comparison c;
    bool built;
    int focus;
    int wrap_cols;             /* width the lines were wrapped for */
    int page;                  /* text pane height at the last draw */
    const struct keymap *keys; /* the app's, for the hint line; NULL: the defaults */
};

/* ---- loading ---- */

static char *flat_copy(const char *s, size_t len)
{
    char *c = text_sanitize(s, len);
    for (char *p = c; p && *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    return c;
}

static int load_side(struct store *st, int64_t id, struct side *sd)
{
    sd->id = id;
    facts_init(&sd->facts);
    sd->art = calloc(1, sizeof *sd->art);
    if (!sd->art || store_get_article(st, id, sd->art) < 0 ||
        store_get_facts(st, id, &sd->facts) < 0)
        return -1;
    sd->n_sent = sd->art->n_sentences;
    sd->sent = calloc(sd->n_sent + 1, sizeof *sd->sent);
    if (!sd->sent)
        return -1;
    for (size_t i = 0; i < sd->n_sent; i++) {
        const struct text_span *sp = &sd->art->sentences[i];
        if (sp->start + sp->len > sd->art->text_len)
            return -1;
        sd->sent[i] = flat_copy(sd->art->text + sp->start, sp->len);
        if (!sd->sent[i])
            return -1;
    }
    return 0;
}

static void free_side(struct side *sd)
{
    if (sd->art)
        article_free(sd->art);
    facts_free(&sd->facts);
    for (size_t i = 0; i < sd->n_sent; i++)
        free(sd->sent[i]);
    free(sd->sent);
    free(sd->lines);
    memset(sd, 0, sizeof *sd);
}

struct compare_view *compare_view_open(struct store *s, int64_t a, int64_t b, char *err,
                                       size_t errlen)
{
    struct compare_view *v = calloc(1, sizeof *v);
    if (!v) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (load_side(s, a, &v->s[0]) < 0 || load_side(s, b, &v->s[1]) < 0) {
        snprintf(err, errlen, "cannot load article %lld", (long long)(v->s[0].art ? b : a));
        compare_view_close(v);
        return NULL;
    }
    if (compare_build(v->s[0].art, &v->s[0].facts, v->s[1].art, &v->s[1].facts, &v->c) < 0) {
        snprintf(err, errlen, "cannot compare the two articles");
        compare_view_close(v);
        return NULL;
    }
    v->built = true;
    return v;
}

void compare_view_close(struct compare_view *v)
{
    if (!v)
        return;
    if (v->built)
        compare_free(&v->c);
    free_side(&v->s[0]);
    free_side(&v->s[1]);
    free(v);
}

/* ---- wrapping ---- */

/* Bytes of the next line of at most cols columns from s, broken after a space if one fits. */
static size_t wrap_take(const char *s, size_t len, int cols)
{
    int used;
    size_t take = text_prefix_fitting(s, len, cols, &used);
    if (take == 0)
        take = text_prefix_fitting(s, len, cols + 2, &used); /* a wide char in 1 column */
    if (take == 0)
        take = len ? 1 : 0;
    if (take < len) {
        size_t sp = take;
        while (sp > 0 && s[sp - 1] != ' ')
            sp--;
        if (sp > 0)
            take = sp;
    }
    return take;
}

static int push_line(struct side *sd, size_t *cap, struct wline l)
{
    if (sd->n_lines == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        struct wline *g = realloc(sd->lines, *cap * sizeof *g);
        if (!g)
            return -1;
        sd->lines = g;
    }
    sd->lines[sd->n_lines++] = l;
    return 0;
}

static void wrap_side(struct side *sd, int cols)
{
    int keep = sd->top >= 0 && (size_t)sd->top < sd->n_lines ? sd->lines[sd->top].sentence : 0;
    size_t cap = 0;
    free(sd->lines);
    sd->lines = NULL;
    sd->n_lines = 0;
    for (size_t i = 0; i < sd->n_sent; i++) {
        const char *s = sd->sent[i];
        size_t len = strlen(s), off = 0;
        do {
            size_t take = wrap_take(s + off, len - off, cols < 1 ? 1 : cols);
            if (push_line(sd, &cap, (struct wline){(int)i, off, take}) < 0)
                return;
            off += take;
        } while (off < len);
    }
    sd->top = 0;
    for (size_t l = 0; l < sd->n_lines; l++)
        if (sd->lines[l].sentence == keep) {
            sd->top = (int)l;
            break;
        }
}

/* ---- following: one side's top sentence brings the other to its aligned sentence ---- */

static int first_line_of(const struct side *sd, int sentence)
{
    for (size_t l = 0; l < sd->n_lines; l++)
        if (sd->lines[l].sentence >= sentence)
            return (int)l;
    return sd->n_lines ? (int)sd->n_lines - 1 : 0;
}

static int top_sentence(const struct side *sd)
{
    return sd->n_lines && (size_t)sd->top < sd->n_lines ? sd->lines[sd->top].sentence : 0;
}

static void follow(struct compare_view *v)
{
    int other = compare_follow(&v->c, top_sentence(&v->s[v->focus]), v->focus);
    if (other >= 0)
        v->s[!v->focus].top = first_line_of(&v->s[!v->focus], other);
}

void compare_view_tops(const struct compare_view *v, int *sentence_a, int *sentence_b)
{
    *sentence_a = top_sentence(&v->s[0]);
    *sentence_b = top_sentence(&v->s[1]);
}

/* ---- drawing ---- */

/* Draws s clipped to cols columns at (y, x); returns the columns used. */
static int put_clipped(WINDOW *w, int y, int x, const char *s, int cols, attr_t attr)
{
    if (cols <= 0 || !s)
        return 0;
    int used = 0;
    size_t n = text_prefix_fitting(s, strlen(s), cols, &used);
    wattron(w, attr);
    mvwaddnstr(w, y, x, s, (int)n);
    wattroff(w, attr);
    return used;
}

static void put_clean(WINDOW *w, int y, int x, const char *s, int cols, attr_t attr)
{
    char *c = flat_copy(s ? s : "", s ? strlen(s) : 0);
    put_clipped(w, y, x, c ? c : "", cols, attr);
    free(c);
}

static void draw_headers(struct compare_view *v, WINDOW *w, int half, int cols)
{
    for (int k = 0; k < 2; k++) {
        const struct side *sd = &v->s[k];
        int x = k ? half + 1 : 0, width = k ? cols - half - 1 : half;
        char line[512];
        snprintf(line, sizeof line, "%c #%lld ", k ? 'B' : 'A', (long long)sd->id);
        int used = put_clipped(w, 0, x, line, width, A_BOLD);
        put_clean(w, 0, x + used, sd->art->title, width - used, A_BOLD);
        snprintf(line, sizeof line, "%s · %s", sd->art->date ? sd->art->date : "undated",
                 sd->art->source ? sd->art->source : "unknown source");
        put_clean(w, 1, x, line, width, A_NORMAL);
    }
}

static void figures_text(const struct figure_fact *const *f, size_t n, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && used < len; i++) {
        char v[64];
        compare_format_figure(f[i], v, sizeof v);
        used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? "; " : "", v);
        if (f[i]->source && used < len)
            used += (size_t)snprintf(buf + used, len - used, " (%s)", f[i]->source);
    }
    if (!n)
        snprintf(buf, len, "-");
}

static attr_t status_attr(enum compare_status s)
{
    return s == COMPARE_DIFFER ? A_BOLD | A_UNDERLINE : s == COMPARE_AGREE ? A_NORMAL : A_DIM;
}

/* Lines s takes wrapped at cols columns. */
static int wrapped_lines(const char *s, int cols)
{
    int n = 0;
    for (size_t left = strlen(s); left > 0; n++) {
        size_t take = wrap_take(s, left, cols);
        s += take;
        left -= take;
    }
    return n ? n : 1;
}

/* Draws s (flattened) wrapped at cols columns into at most max_lines lines from (y, x);
 * the last line is clipped. */
static void put_wrapped(WINDOW *w, int y, int x, const char *s, int cols, int max_lines,
                        attr_t attr)
{
    char *c = flat_copy(s ? s : "", s ? strlen(s) : 0);
    if (!c)
        return;
    const char *p = c;
    size_t left = strlen(c);
    for (int line = 0; line < max_lines && left > 0; line++) {
        size_t take = line == max_lines - 1 ? left : wrap_take(p, left, cols);
        char *piece = strndup(p, take);
        put_clipped(w, y + line, x, piece ? piece : "", cols, attr);
        free(piece);
        p += take;
        left -= take;
    }
    free(c);
}

/* "both: X, Y  only A: Z  only B: W" for one list of names. */
static void names_text(const struct compare_name *list, size_t count, char *buf, size_t cap)
{
    static const enum compare_status order[] = {COMPARE_AGREE, COMPARE_ONLY_A, COMPARE_ONLY_B};
    size_t used = 0;
    buf[0] = 0;
    for (int o = 0; o < 3; o++) {
        bool any = false;
        for (size_t i = 0; i < count && used < cap; i++) {
            if (list[i].status != order[o])
                continue;
            if (any)
                used += (size_t)snprintf(buf + used, cap - used, ", %s", list[i].name);
            else
                used += (size_t)snprintf(buf + used, cap - used, "%s%s: %s", used ? "  " : "",
                                         compare_presence_name(order[o]), list[i].name);
            any = true;
        }
    }
}

enum { TABLE_LABEL = 10, TABLE_STATUS = 7, TABLE_ROWS_MAX = 16 };

/* The table's rows: the figure kinds (A's and B's values, agree / differ / only), then
 * places, actors and dates. Each row's text, wrapped, needs some lines; every row gets one
 * and the spare lines of the budget go to the rows in order. Returns the lines used. */
static int draw_table(struct compare_view *v, WINDOW *w, int y0, int max_rows, int cols)
{
    int valw = (cols - TABLE_LABEL - TABLE_STATUS - 2) / 2;
    size_t n_rows = v->c.n_figures + 3;
    if (n_rows > TABLE_ROWS_MAX)
        n_rows = TABLE_ROWS_MAX;
    char a[TABLE_ROWS_MAX][512], b[TABLE_ROWS_MAX][512];
    int need[TABLE_ROWS_MAX];
    const char *titles[3] = {"places", "actors", "dates"};
    const struct compare_name *lists[3] = {v->c.places, v->c.actors, v->c.dates};
    size_t counts[3] = {v->c.n_places, v->c.n_actors, v->c.n_dates};
    size_t n_fig = n_rows - 3;
    for (size_t i = 0; i < n_rows; i++) {
        if (i < n_fig) {
            const struct compare_figures *r = &v->c.figures[i];
            figures_text(r->a, r->n_a, a[i], sizeof a[i]);
            figures_text(r->b, r->n_b, b[i], sizeof b[i]);
            int na = valw >= 4 ? wrapped_lines(a[i], valw - 1) : 1;
            int nb = valw >= 4 ? wrapped_lines(b[i], valw - 1) : 1;
            need[i] = na > nb ? na : nb;
        } else {
            names_text(lists[i - n_fig], counts[i - n_fig], a[i], sizeof a[i]);
            need[i] = wrapped_lines(a[i], cols - TABLE_LABEL);
        }
    }
    int spare = max_rows - (int)n_rows;
    int y = y0;
    for (size_t i = 0; i < n_rows && y < y0 + max_rows; i++) {
        int lines = 1 + (need[i] - 1 < spare ? need[i] - 1 : spare > 0 ? spare : 0);
        spare -= lines - 1;
        if (i < n_fig) {
            const struct compare_figures *r = &v->c.figures[i];
            put_clipped(w, y, 0, figure_kind_name(r->kind), TABLE_LABEL, A_BOLD);
            if (valw >= 4) {
                put_wrapped(w, y, TABLE_LABEL, a[i], valw - 1, lines, A_NORMAL);
                put_wrapped(w, y, TABLE_LABEL + valw, b[i], valw - 1, lines, A_NORMAL);
            }
            put_clipped(w, y, cols - TABLE_STATUS, compare_status_name(r->status), TABLE_STATUS,
                        status_attr(r->status));
        } else {
            put_clipped(w, y, 0, titles[i - n_fig], TABLE_LABEL, A_BOLD);
            put_wrapped(w, y, TABLE_LABEL, a[i], cols - TABLE_LABEL, lines, A_NORMAL);
        }
        y += lines;
    }
    return y - y0;
}

static bool sentence_aligned(const struct compare_view *v, int side, int sentence)
{
    for (size_t i = 0; i < v->c.n_pairs; i++)
        if ((side ? v->c.pairs[i].b : v->c.pairs[i].a) == sentence)
            return true;
    return false;
}

static void draw_text(struct compare_view *v, WINDOW *w, int y0, int rows, int half, int cols)
{
    int followed_a = -1, followed_b = -1;
    int ts = top_sentence(&v->s[v->focus]);
    int other = compare_follow(&v->c, ts, v->focus);
    if (other >= 0) {
        /* the followed pair: the last aligned one at or before the focused top */
        for (size_t i = 0; i < v->c.n_pairs; i++)
            if ((v->focus ? v->c.pairs[i].a : v->c.pairs[i].b) == other) {
                followed_a = v->c.pairs[i].a;
                followed_b = v->c.pairs[i].b;
            }
    }
    for (int k = 0; k < 2; k++) {
        const struct side *sd = &v->s[k];
        int x = k ? half + 1 : 0, width = k ? cols - half - 1 : half;
        for (int r = 0; r < rows; r++) {
            size_t l = (size_t)sd->top + (size_t)r;
            if (l >= sd->n_lines)
                break;
            const struct wline *wl = &sd->lines[l];
            attr_t a = A_NORMAL;
            if (wl->sentence == (k ? followed_b : followed_a))
                a = A_STANDOUT;
            else if (sentence_aligned(v, k, wl->sentence))
                a = A_BOLD;
            char *piece = strndup(sd->sent[wl->sentence] + wl->off, wl->len);
            put_clipped(w, y0 + r, x, piece ? piece : "", width, a);
            free(piece);
        }
    }
    for (int r = 0; r < rows; r++)
        mvwaddch(w, y0 + r, half, ACS_VLINE);
}

void compare_view_set_keys(struct compare_view *v, const struct keymap *km)
{
    v->keys = km;
}

/* Which side has the focus, then its keys as bound now. */
static void draw_hint_line(const struct compare_view *v, WINDOW *w, int y, int cols)
{
    static const struct key_hint shown[] = {{ACT_FOCUS_NEXT, "side"},
                                            {ACT_DOWN, "scroll"},
                                            {ACT_NEXT_ALIGNED, "aligned"},
                                            {ACT_QUIT, "back"}};
    char hints[200], line[210];
    keymap_hint_line(v->keys ? v->keys : keymap_default(), V_COMPARE, shown,
                     sizeof shown / sizeof shown[0], hints, sizeof hints);
    snprintf(line, sizeof line, "[%c] %s", v->focus ? 'B' : 'A', hints);
    put_clipped(w, y, 0, line, cols, A_REVERSE);
}

void compare_view_draw(struct compare_view *v, WINDOW *w)
{
    int rows, cols;
    getmaxyx(w, rows, cols);
    werase(w);
    if (rows < 8 || cols < 24) {
        put_clipped(w, 0, 0, "too small", cols, A_BOLD);
        wnoutrefresh(w);
        return;
    }
    int half = (cols - 1) / 2;
    if (v->wrap_cols != half) {
        wrap_side(&v->s[0], half);
        wrap_side(&v->s[1], cols - half - 1);
        v->wrap_cols = half;
    }
    draw_headers(v, w, half, cols);
    mvwhline(w, 2, 0, ACS_HLINE, cols);
    /* the facts may take up to half the screen; the texts keep the rest */
    int table_max = (rows - 5) / 2 < 2 ? 2 : (rows - 5) / 2;
    int used = draw_table(v, w, 3, table_max, cols);
    int y = 3 + used;
    mvwhline(w, y, 0, ACS_HLINE, cols);
    y++;
    v->page = rows - 1 - y;
    draw_text(v, w, y, v->page, half, cols);
    draw_hint_line(v, w, rows - 1, cols);
    wnoutrefresh(w);
}

/* ---- keys ---- */

static void scroll_focus(struct compare_view *v, int delta)
{
    struct side *sd = &v->s[v->focus];
    long top = (long)sd->top + delta;
    long max = sd->n_lines ? (long)sd->n_lines - 1 : 0;
    sd->top = (int)(top < 0 ? 0 : top > max ? max : top);
    follow(v);
}

static void jump_aligned(struct compare_view *v, int dir)
{
    int cur = top_sentence(&v->s[v->focus]), best = -1;
    for (size_t i = 0; i < v->c.n_pairs; i++) {
        int s = v->focus ? v->c.pairs[i].b : v->c.pairs[i].a;
        if (dir > 0 && s > cur && (best < 0 || s < best))
            best = s;
        if (dir < 0 && s < cur && (best < 0 || s > best))
            best = s;
    }
    if (best < 0)
        return;
    v->s[v->focus].top = first_line_of(&v->s[v->focus], best);
    follow(v);
}

enum view_key_result compare_view_action(struct compare_view *v, enum action act)
{
    long delta;
    switch (act) {
    case ACT_QUIT:
    case ACT_BACK:
        return VIEW_KEY_CLOSE;
    case ACT_FOCUS_NEXT:
    case ACT_FOCUS_PREV:
        v->focus = !v->focus;
        return VIEW_KEY_HANDLED;
    case ACT_NEXT_ALIGNED:
    case ACT_PREV_ALIGNED:
        jump_aligned(v, act == ACT_NEXT_ALIGNED ? 1 : -1);
        return VIEW_KEY_HANDLED;
    default:
        if (!view_motion(act, v->page, &delta))
            return VIEW_KEY_UNHANDLED;
        scroll_focus(v, (int)delta);
        return VIEW_KEY_HANDLED;
    }
}

/* ---- the comparison as a screen ---- */

void compare_screen_open(struct app *a, int64_t left, int64_t right)
{
    char err[256] = "";
    a->cv = compare_view_open(a->s, left, right, err, sizeof err);
    if (a->cv) {
        compare_view_set_keys(a->cv, &a->keys);
        app_open_screen(a, &compare_screen);
    } else {
        char m[290];
        snprintf(m, sizeof m, "compare: %.200s", err);
        app_say(a, true, m);
    }
}

static void draw_compare_screen(struct app *a)
{
    compare_view_draw(a->cv, stdscr);
}

static bool compare_screen_action(struct app *a, enum action act, int key)
{
    enum view_key_result r = compare_view_action(a->cv, act);
    if (r == VIEW_KEY_CLOSE)
        app_close_screen(a);
    return r != VIEW_KEY_UNHANDLED;
}

static void close_compare_screen(struct app *a)
{
    compare_view_close(a->cv);
    a->cv = NULL;
}

static const char *describe_compare(enum action act)
{
    switch (act) {
    case ACT_QUIT:
    case ACT_BACK:
        return "close the comparison";
    case ACT_FOCUS_NEXT:
    case ACT_FOCUS_PREV:
        return "scroll the other report";
    default:
        return NULL;
    }
}

const struct view_ops compare_screen = {
    .title = "Compare (m on one article, c on another)",
    .id = V_COMPARE,
    .draw = draw_compare_screen,
    .action = compare_screen_action,
    .close = close_compare_screen,
    .describe = describe_compare,
};
