/* app.c: the curses reader (issue 4): article list, article text, facts and timeline
 * panes, a location picker, full-text search, help, and the compare/events views.
 * The list never holds the collection: every paint queries only the visible window,
 * and counts come from indexed queries, so 100,000 articles cost what 30 do. */
#include "app.h"

#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>
#include <sqlite3.h>

#include "store.h"
#include "text.h"
#include "view_compare.h"
#include "view_events.h"

enum { MIN_COLS = 40, MIN_LINES = 10, MAX_PICK = 200, KEY_ESC = 27 };
enum layout { LAYOUT_FOUR, LAYOUT_TWO, LAYOUT_ARTICLE, N_LAYOUTS };
enum pane { PANE_LIST, PANE_ARTICLE, PANE_FACTS, PANE_TIMELINE, N_PANES };
enum mode { MODE_MAIN, MODE_HELP, MODE_PICKER, MODE_SEARCH, MODE_COMPARE, MODE_EVENTS };
enum colour { C_TITLE = 1, C_FOCUS, C_STATUS, C_MARK, C_KILLED };

struct lines {
    char **v;
    int n, cap;
};

struct place_pick {
    int64_t id;
    int depth, count;
    char label[160];
};

struct rect {
    int y, x, h, w;
};

struct app {
    struct store *s;
    sqlite3 *db;
    const struct ui_options *opt;
    bool headless, quit, colour;
    enum layout layout;
    enum pane focus;
    enum mode mode;
    /* filter */
    int64_t place_id;
    char place_name[160];
    char search[256];
    /* list */
    int64_t count;
    int sel, top, list_rows;
    int64_t sel_id, marked;
    /* article and facts */
    int64_t loaded_id;
    struct lines text, facts;
    int text_top, facts_top, text_width_loaded;
    /* picker and search prompt */
    char input[256];
    struct place_pick picks[MAX_PICK];
    int n_picks, pick_sel;
    char msg[256];
    struct compare_view *cv;
    struct events_view *ev;
    FILE *dump;
    int dumps;
};

/* ---- small helpers ---- */

static void lines_clear(struct lines *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static void lines_add(struct lines *l, const char *s, size_t len)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v)
            return;
        l->v = v;
        l->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return;
    memcpy(copy, s, len);
    copy[len] = '\0';
    l->v[l->n++] = copy;
}

/* Wraps one paragraph at word boundaries into lines of at most width columns. */
static void wrap_paragraph(struct lines *l, const char *p, size_t len, int width)
{
    if (len == 0) {
        lines_add(l, "", 0);
        return;
    }
    while (len > 0) {
        int used;
        size_t n = text_prefix_fitting(p, len, width, &used);
        if (n == 0)
            n = 1;
        if (n < len) {
            size_t cut = n;
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut > 0)
                n = cut;
        }
        lines_add(l, p, n);
        p += n;
        len -= n;
        while (len > 0 && *p == ' ') {
            p++;
            len--;
        }
    }
}

static void wrap_text(struct lines *l, const char *text, int width)
{
    if (width < 1)
        width = 1;
    const char *p = text;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        wrap_paragraph(l, p, len, width);
        if (!nl)
            break;
        p = nl + 1;
    }
}

static char *column_safe(sqlite3_stmt *q, int col)
{
    const char *t = (const char *)sqlite3_column_text(q, col);
    if (!t)
        return strdup("");
    return text_sanitize(t, strlen(t));
}

/* Draws s (already safe) at y,x in at most w columns; returns columns used. */
static int put_str(int y, int x, int w, const char *s, attr_t attr)
{
    if (w <= 0 || !s)
        return 0;
    int used;
    size_t n = text_prefix_fitting(s, strlen(s), w, &used);
    attron(attr);
    mvaddnstr(y, x, s, (int)n);
    attroff(attr);
    return used;
}

static void put_safe(int y, int x, int w, const char *raw, attr_t attr)
{
    char *s = text_sanitize(raw, strlen(raw));
    if (s) {
        for (char *c = s; *c; c++)
            if (*c == '\n' || *c == '\t')
                *c = ' ';
        put_str(y, x, w, s, attr);
    }
    free(s);
}

static attr_t colour(const struct app *a, int pair, attr_t mono)
{
    return a->colour ? (attr_t)COLOR_PAIR(pair) | mono : mono;
}

/* ---- the filter ---- */

/* Quotes each word of the user's search as an FTS5 string so no word is read as syntax. */
static void fts_quote(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    const char *p = in;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (o && o + 1 < cap)
            out[o++] = ' ';
        if (o + 1 < cap)
            out[o++] = '"';
        for (; *p && *p != ' '; p++) {
            if (*p == '"' && o + 1 < cap)
                out[o++] = '"';
            if (o + 1 < cap)
                out[o++] = *p;
        }
        if (o + 1 < cap)
            out[o++] = '"';
    }
    out[o < cap ? o : cap - 1] = '\0';
}

static void filter_where(const struct app *a, char *out, size_t cap)
{
    snprintf(out, cap, " WHERE 1%s%s",
             a->place_id ? " AND a.id IN (SELECT ap.article_id FROM article_places ap"
                           " JOIN place_ancestors pa ON pa.place_id = ap.place_id"
                           " WHERE pa.ancestor_id = ?1)"
                         : "",
             a->search[0] ? " AND a.id IN (SELECT rowid FROM articles_fts"
                            " WHERE articles_fts MATCH ?2)"
                          : "");
}

static sqlite3_stmt *prepare_filtered(struct app *a, const char *head, const char *tail)
{
    char where[512], sql[1024];
    filter_where(a, where, sizeof where);
    snprintf(sql, sizeof sql, "%s%s%s", head, where, tail);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(a->db, sql, -1, &q, NULL) != SQLITE_OK) {
        snprintf(a->msg, sizeof a->msg, "query failed: %s", sqlite3_errmsg(a->db));
        return NULL;
    }
    if (a->place_id)
        sqlite3_bind_int64(q, 1, a->place_id);
    if (a->search[0]) {
        char quoted[600];
        fts_quote(a->search, quoted, sizeof quoted);
        sqlite3_bind_text(q, 2, quoted, -1, SQLITE_TRANSIENT);
    }
    return q;
}

static void refresh_count(struct app *a)
{
    a->count = 0;
    sqlite3_stmt *q = prepare_filtered(a, "SELECT COUNT(*) FROM articles a", "");
    if (q && sqlite3_step(q) == SQLITE_ROW)
        a->count = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (a->sel >= a->count)
        a->sel = a->count > 0 ? (int)a->count - 1 : 0;
    if (a->top > a->sel)
        a->top = a->sel;
}

/* ---- the panes' geometry ---- */

static void pane_rects(const struct app *a, struct rect r[N_PANES])
{
    int body = LINES - 2, cols = COLS;
    memset(r, 0, sizeof(struct rect) * N_PANES);
    if (a->layout == LAYOUT_ARTICLE) {
        r[PANE_ARTICLE] = (struct rect){0, 0, body, cols};
        return;
    }
    int list_h = body * 2 / 5;
    if (list_h < 4)
        list_h = 4;
    r[PANE_LIST] = (struct rect){0, 0, list_h, cols};
    int rest = body - list_h;
    if (a->layout == LAYOUT_TWO) {
        r[PANE_ARTICLE] = (struct rect){list_h, 0, rest, cols};
        return;
    }
    int art_w = cols * 3 / 5;
    int side_w = cols - art_w - 1;
    int facts_h = rest * 3 / 5;
    r[PANE_ARTICLE] = (struct rect){list_h, 0, rest, art_w};
    r[PANE_FACTS] = (struct rect){list_h, art_w + 1, facts_h, side_w};
    r[PANE_TIMELINE] = (struct rect){list_h + facts_h, art_w + 1, rest - facts_h, side_w};
}

static void pane_header(const struct app *a, const struct rect *r, enum pane p, const char *title)
{
    attr_t attr = a->focus == p ? colour(a, C_FOCUS, A_REVERSE) : colour(a, C_TITLE, A_BOLD);
    attron(attr);
    mvhline(r->y, r->x, ' ', r->w);
    attroff(attr);
    put_str(r->y, r->x + 1, r->w - 1, title, attr);
}

/* ---- the list ---- */

static void draw_list(struct app *a, const struct rect *r)
{
    char title[64];
    snprintf(title, sizeof title, "Articles (%lld)", (long long)a->count);
    pane_header(a, r, PANE_LIST, title);
    a->list_rows = r->h - 1;
    if (a->sel < a->top)
        a->top = a->sel;
    if (a->sel >= a->top + a->list_rows)
        a->top = a->sel - a->list_rows + 1;
    sqlite3_stmt *q = prepare_filtered(
        a,
        "SELECT a.id, a.date, a.source, a.places, a.killed, a.wounded, a.title, a.is_read"
        " FROM articles a",
        " ORDER BY a.date DESC, a.id DESC LIMIT ?3 OFFSET ?4");
    if (!q)
        return;
    sqlite3_bind_int(q, 3, a->list_rows);
    sqlite3_bind_int(q, 4, a->top);
    a->sel_id = 0;
    for (int row = 0; row < a->list_rows && sqlite3_step(q) == SQLITE_ROW; row++) {
        int y = r->y + 1 + row;
        int64_t id = sqlite3_column_int64(q, 0);
        bool selected = a->top + row == a->sel;
        if (selected)
            a->sel_id = id;
        char fig[32] = "";
        if (sqlite3_column_type(q, 4) != SQLITE_NULL || sqlite3_column_type(q, 5) != SQLITE_NULL)
            snprintf(fig, sizeof fig, "%lldk %lldw", (long long)sqlite3_column_int64(q, 4),
                     (long long)sqlite3_column_int64(q, 5));
        const char *date = (const char *)sqlite3_column_text(q, 1);
        char datebuf[11];
        snprintf(datebuf, sizeof datebuf, "%s", date ? date : "");
        char lead[64];
        snprintf(lead, sizeof lead, "%c%c %-10s ", id == a->marked ? '*' : ' ',
                 sqlite3_column_int(q, 7) ? ' ' : 'N', datebuf);
        attr_t attr = selected ? A_REVERSE : A_NORMAL;
        if (selected) {
            attron(attr);
            mvhline(y, r->x, ' ', r->w);
            attroff(attr);
        }
        int x = r->x + put_str(y, r->x, r->w, lead, attr);
        const char *src = (const char *)sqlite3_column_text(q, 2);
        char field[16];
        snprintf(field, sizeof field, "%-12.12s ", src ? src : "");
        x += put_str(y, x, r->x + r->w - x, field, attr);
        const char *places = (const char *)sqlite3_column_text(q, 3);
        char pl[24];
        snprintf(pl, sizeof pl, "%-18.18s ", places ? places : "");
        put_safe(y, x, r->x + r->w - x, pl, attr);
        x += 19;
        snprintf(field, sizeof field, "%-9.9s ", fig);
        x += put_str(y, x, r->x + r->w - x, field, attr | colour(a, C_KILLED, 0));
        const char *t = (const char *)sqlite3_column_text(q, 6);
        put_safe(y, x, r->x + r->w - x, t ? t : "", attr);
    }
    sqlite3_finalize(q);
    if (a->count == 0)
        put_str(r->y + 1, r->x + 1, r->w - 1, "(no articles match)", A_DIM);
}

/* ---- the article and its facts ---- */

static void load_facts(struct app *a, int64_t id, int width)
{
    static const char *const queries[] = {
        "SELECT 'Places', p.name || coalesce(', ' || p.admin1, '') || coalesce(', ' || "
        "p.country, '') FROM article_places ap JOIN places p ON p.id = ap.place_id"
        " WHERE ap.article_id = ?1 ORDER BY ap.first_sentence",
        "SELECT 'Actors', ac.name FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id"
        " WHERE aa.article_id = ?1 ORDER BY aa.first_sentence",
        "SELECT 'Figures', kind || ' ' || coalesce(n, min || '-' || max, '?')"
        " || coalesce(' (' || qualifier || ')', '') || coalesce(' ' || who, '')"
        " || coalesce(' [' || source || ']', '') FROM figures WHERE article_id = ?1"
        " ORDER BY sentence",
        "SELECT 'Dates', text || coalesce(' = ' || value, '') FROM dates"
        " WHERE article_id = ?1 ORDER BY sentence",
    };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        sqlite3_stmt *q = NULL;
        if (sqlite3_prepare_v2(a->db, queries[i], -1, &q, NULL) != SQLITE_OK)
            continue;
        sqlite3_bind_int64(q, 1, id);
        bool first = true;
        while (sqlite3_step(q) == SQLITE_ROW) {
            if (first) {
                const char *h = (const char *)sqlite3_column_text(q, 0);
                lines_add(&a->facts, h, strlen(h));
                first = false;
            }
            char *s = column_safe(q, 1);
            char line[400];
            snprintf(line, sizeof line, "  %s", s ? s : "");
            free(s);
            wrap_paragraph(&a->facts, line, strlen(line), width);
        }
        sqlite3_finalize(q);
    }
}

static void load_article(struct app *a, int64_t id, int width)
{
    if (id == a->loaded_id && width == a->text_width_loaded)
        return;
    if (id != a->loaded_id)
        a->text_top = a->facts_top = 0;
    lines_clear(&a->text);
    lines_clear(&a->facts);
    a->loaded_id = id;
    a->text_width_loaded = width;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT title, date, source, text FROM articles WHERE id = ?", -1,
                           &q, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) == SQLITE_ROW) {
        char *title = column_safe(q, 0), *date = column_safe(q, 1), *src = column_safe(q, 2);
        char *body = column_safe(q, 3);
        wrap_text(&a->text, title ? title : "", width);
        char meta[300];
        snprintf(meta, sizeof meta, "%s%s%s", date ? date : "", src && *src ? " - " : "",
                 src ? src : "");
        wrap_text(&a->text, meta, width);
        lines_add(&a->text, "", 0);
        wrap_text(&a->text, body ? body : "", width);
        free(title);
        free(date);
        free(src);
        free(body);
    }
    sqlite3_finalize(q);
    load_facts(a, id, width > 30 ? 30 : width);
}

static void draw_lines(const struct lines *l, int top, const struct rect *r, int first_attr)
{
    for (int row = 0; row < r->h - 1 && top + row < l->n; row++)
        put_str(r->y + 1 + row, r->x + 1, r->w - 1, l->v[top + row],
                top + row == 0 ? (attr_t)first_attr : A_NORMAL);
}

static void draw_article(struct app *a, const struct rect *r, const struct rect *facts)
{
    pane_header(a, r, PANE_ARTICLE, "Article");
    if (!a->sel_id) {
        lines_clear(&a->text);
        lines_clear(&a->facts);
        a->loaded_id = 0;
        return;
    }
    load_article(a, a->sel_id, r->w - 2);
    if (facts->w > 0) {
        lines_clear(&a->facts);
        load_facts(a, a->sel_id, facts->w - 2);
    }
    draw_lines(&a->text, a->text_top, r, A_BOLD);
}

static void draw_facts(struct app *a, const struct rect *r)
{
    pane_header(a, r, PANE_FACTS, "Facts");
    draw_lines(&a->facts, a->facts_top, r, A_NORMAL);
}

/* One row per day of the filtered articles: killed bar and figures. */
static void draw_timeline(struct app *a, const struct rect *r)
{
    pane_header(a, r, PANE_TIMELINE, "Timeline");
    sqlite3_stmt *q =
        prepare_filtered(a,
                         "SELECT substr(a.date, 1, 10) d, COUNT(*), SUM(a.killed), SUM(a.wounded)"
                         " FROM articles a",
                         " AND a.date IS NOT NULL GROUP BY d ORDER BY d DESC LIMIT ?3");
    if (!q)
        return;
    sqlite3_bind_int(q, 3, r->h - 1);
    for (int row = 0; row < r->h - 1 && sqlite3_step(q) == SQLITE_ROW; row++) {
        char line[160];
        long long killed = sqlite3_column_int64(q, 2);
        snprintf(line, sizeof line, "%.10s %2d %4lldk ", (const char *)sqlite3_column_text(q, 0),
                 sqlite3_column_int(q, 1), killed);
        int y = r->y + 1 + row;
        int used = put_str(y, r->x + 1, r->w - 1, line, A_NORMAL);
        int bar = (int)(killed > 0 ? 1 + killed / 5 : 0);
        int room = r->w - 1 - used;
        if (bar > room)
            bar = room;
        if (bar > 0) {
            attr_t attr = colour(a, C_KILLED, A_REVERSE);
            attron(attr);
            mvhline(y, r->x + 1 + used, '#', bar);
            attroff(attr);
        }
    }
    sqlite3_finalize(q);
}

static void draw_status(struct app *a)
{
    char line[1200];
    const char *db = a->opt && a->opt->db_path ? a->opt->db_path : "sitrep";
    const char *base = strrchr(db, '/');
    snprintf(line, sizeof line, " %s | %lld articles%s%s%s%s%s%s", base ? base + 1 : db,
             (long long)a->count, a->place_id ? " | place: " : "", a->place_id ? a->place_name : "",
             a->search[0] ? " | search: " : "", a->search, a->msg[0] ? " | " : "", a->msg);
    attr_t attr = colour(a, C_STATUS, A_REVERSE);
    attron(attr);
    mvhline(LINES - 2, 0, ' ', COLS);
    attroff(attr);
    put_safe(LINES - 2, 0, COLS, line, attr);
    put_str(LINES - 1, 0, COLS,
            "q quit  Tab pane  v layout  l place  L clear  / search  m mark  c compare  E events"
            "  ? help",
            A_NORMAL);
}

static void draw_main(struct app *a)
{
    struct rect r[N_PANES];
    pane_rects(a, r);
    if (a->layout == LAYOUT_ARTICLE && a->sel_id == 0) {
        /* the list is hidden but still decides what is selected */
        struct rect hidden = {0, 0, 0, 0};
        (void)hidden;
    }
    if (r[PANE_LIST].h > 0)
        draw_list(a, &r[PANE_LIST]);
    else
        refresh_count(a), a->sel_id = a->sel_id ? a->sel_id : a->loaded_id;
    if (r[PANE_ARTICLE].h > 0)
        draw_article(a, &r[PANE_ARTICLE], &r[PANE_FACTS]);
    if (r[PANE_FACTS].h > 0) {
        for (int y = r[PANE_FACTS].y; y < LINES - 2; y++)
            mvaddch(y, r[PANE_FACTS].x - 1, '|');
        draw_facts(a, &r[PANE_FACTS]);
    }
    if (r[PANE_TIMELINE].h > 0)
        draw_timeline(a, &r[PANE_TIMELINE]);
    draw_status(a);
}

/* ---- overlays: help, picker, search ---- */

static const char *const help_text[] = {
    "sitrep - keys",
    "",
    "  j/k, Down/Up     move in the focused pane",
    "  PgDn/PgUp        page",
    "  g/G, Home/End    first/last",
    "  Tab/Shift-Tab    next/previous pane",
    "  Enter            open the article full screen",
    "  v                cycle layouts (four panes, list+article, article)",
    "  l                location picker (type to narrow, Enter applies)",
    "  L                clear the location filter",
    "  /                full-text search (empty clears)",
    "  m                mark the selected article",
    "  c                compare the marked article with the selected one",
    "  E                events of the collection",
    "  r                toggle read",
    "  ?                this help (any key closes)",
    "  q                quit (or close the overlay)",
};

static void draw_help(void)
{
    for (size_t i = 0; i < sizeof help_text / sizeof help_text[0] && (int)i < LINES; i++)
        put_str((int)i, 1, COLS - 1, help_text[i], i == 0 ? A_BOLD : A_NORMAL);
}

static void load_picks(struct app *a)
{
    a->n_picks = 0;
    sqlite3_stmt *q = NULL;
    const char *sql =
        "SELECT p.id, p.depth, p.name || coalesce(', ' || p.admin1, '') ||"
        " coalesce(', ' || p.country, ''),"
        " (SELECT COUNT(DISTINCT ap.article_id) FROM article_places ap JOIN place_ancestors pa"
        "  ON pa.place_id = ap.place_id WHERE pa.ancestor_id = p.id) n"
        " FROM places p WHERE ?1 = '' OR p.name LIKE '%' || ?1 || '%'"
        " OR p.id IN (SELECT place_id FROM article_places WHERE surface LIKE '%' || ?1 || '%')"
        " ORDER BY coalesce(p.country, p.name), p.depth, n DESC, p.name LIMIT 200";
    if (sqlite3_prepare_v2(a->db, sql, -1, &q, NULL) != SQLITE_OK) {
        snprintf(a->msg, sizeof a->msg, "places: %s", sqlite3_errmsg(a->db));
        return;
    }
    sqlite3_bind_text(q, 1, a->input, -1, SQLITE_TRANSIENT);
    while (a->n_picks < MAX_PICK && sqlite3_step(q) == SQLITE_ROW) {
        struct place_pick *p = &a->picks[a->n_picks];
        if (sqlite3_column_int(q, 3) == 0)
            continue;
        p->id = sqlite3_column_int64(q, 0);
        p->depth = sqlite3_column_int(q, 1);
        p->count = sqlite3_column_int(q, 3);
        char *label = column_safe(q, 2);
        snprintf(p->label, sizeof p->label, "%s", label ? label : "");
        free(label);
        a->n_picks++;
    }
    sqlite3_finalize(q);
    if (a->pick_sel >= a->n_picks)
        a->pick_sel = a->n_picks ? a->n_picks - 1 : 0;
}

static void draw_picker(struct app *a)
{
    put_str(0, 0, COLS, "Location (type to narrow, Enter applies, Esc cancels):", A_BOLD);
    char prompt[300];
    snprintf(prompt, sizeof prompt, "> %s", a->input);
    put_safe(1, 0, COLS, prompt, A_NORMAL);
    int rows = LINES - 3;
    int top = a->pick_sel >= rows ? a->pick_sel - rows + 1 : 0;
    for (int i = 0; i < rows && top + i < a->n_picks; i++) {
        const struct place_pick *p = &a->picks[top + i];
        char line[220];
        int indent = p->depth > 0 ? p->depth * 2 : 0;
        snprintf(line, sizeof line, "%*s%s (%d)", indent > 12 ? 12 : indent, "", p->label,
                 p->count);
        put_str(2 + i, 1, COLS - 1, line, top + i == a->pick_sel ? A_REVERSE : A_NORMAL);
    }
}

static void draw(struct app *a)
{
    erase();
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        put_str(0, 0, COLS, "terminal too small", A_BOLD);
        if (LINES > 1)
            put_str(1, 0, COLS, "need 40x10", A_NORMAL);
    } else if (a->mode == MODE_HELP) {
        draw_help();
    } else if (a->mode == MODE_PICKER) {
        draw_picker(a);
    } else if (a->mode == MODE_COMPARE && a->cv) {
        compare_view_draw(a->cv, stdscr);
    } else if (a->mode == MODE_EVENTS && a->ev) {
        events_view_draw(a->ev, stdscr);
    } else {
        draw_main(a);
        if (a->mode == MODE_SEARCH) {
            char prompt[300];
            snprintf(prompt, sizeof prompt, "/%s", a->input);
            move(LINES - 1, 0);
            clrtoeol();
            put_safe(LINES - 1, 0, COLS, prompt, A_NORMAL);
        }
    }
    if (!a->headless)
        refresh();
    else
        wnoutrefresh(stdscr);
}

/* ---- keys ---- */

static void move_sel(struct app *a, long delta)
{
    long sel = a->sel + delta;
    if (sel >= a->count)
        sel = a->count - 1;
    if (sel < 0)
        sel = 0;
    a->sel = (int)sel;
}

static void scroll_lines(int *top, const struct lines *l, long delta)
{
    long t = *top + delta;
    if (t > l->n - 1)
        t = l->n - 1;
    if (t < 0)
        t = 0;
    *top = (int)t;
}

static int page_size(const struct app *a)
{
    int p = a->focus == PANE_LIST ? a->list_rows : (LINES - 2) / 2;
    return p > 1 ? p - 1 : 1;
}

static void motion(struct app *a, long delta)
{
    if (a->focus == PANE_LIST || a->layout == LAYOUT_ARTICLE) {
        if (a->focus == PANE_LIST && a->layout != LAYOUT_ARTICLE)
            move_sel(a, delta);
        else
            scroll_lines(&a->text_top, &a->text, delta);
    } else if (a->focus == PANE_ARTICLE) {
        scroll_lines(&a->text_top, &a->text, delta);
    } else if (a->focus == PANE_FACTS) {
        scroll_lines(&a->facts_top, &a->facts, delta);
    }
}

static void cycle_focus(struct app *a, int dir)
{
    struct rect r[N_PANES];
    pane_rects(a, r);
    for (int i = 0; i < N_PANES; i++) {
        a->focus = (enum pane)((a->focus + dir + N_PANES) % N_PANES);
        if (r[a->focus].h > 0)
            return;
    }
}

static void set_read(struct app *a, int64_t id)
{
    if (id)
        store_set_read(a->s, id, true);
}

static void open_compare(struct app *a)
{
    if (!a->marked || !a->sel_id || a->marked == a->sel_id) {
        snprintf(a->msg, sizeof a->msg, "mark an article with m, select another, then c");
        return;
    }
    char err[256] = "";
    a->cv = compare_view_open(a->s, a->marked, a->sel_id, err, sizeof err);
    if (a->cv)
        a->mode = MODE_COMPARE;
    else
        snprintf(a->msg, sizeof a->msg, "compare: %.200s", err);
}

static void open_events(struct app *a)
{
    char err[256] = "";
    a->ev = events_view_open(a->s, err, sizeof err);
    if (a->ev)
        a->mode = MODE_EVENTS;
    else
        snprintf(a->msg, sizeof a->msg, "events: %.200s", err);
}

static void key_main(struct app *a, int key)
{
    a->msg[0] = '\0';
    switch (key) {
    case 'q':
        if (a->layout == LAYOUT_ARTICLE && a->focus == PANE_ARTICLE) {
            a->layout = LAYOUT_FOUR;
            a->focus = PANE_LIST;
        } else {
            a->quit = true;
        }
        break;
    case 'j':
    case KEY_DOWN:
        motion(a, 1);
        break;
    case 'k':
    case KEY_UP:
        motion(a, -1);
        break;
    case ' ':
    case KEY_NPAGE:
        motion(a, page_size(a));
        break;
    case 'b':
    case KEY_PPAGE:
        motion(a, -page_size(a));
        break;
    case 'g':
    case KEY_HOME:
        motion(a, -1000000000L);
        break;
    case 'G':
    case KEY_END:
        motion(a, 1000000000L);
        break;
    case '\t':
        cycle_focus(a, 1);
        break;
    case KEY_BTAB:
        cycle_focus(a, -1);
        break;
    case 'v':
        a->layout = (enum layout)((a->layout + 1) % N_LAYOUTS);
        if (a->layout == LAYOUT_ARTICLE)
            a->focus = PANE_ARTICLE;
        else if (a->layout == LAYOUT_TWO && a->focus > PANE_ARTICLE)
            a->focus = PANE_LIST;
        break;
    case '\n':
    case '\r':
    case KEY_ENTER:
        if (a->focus == PANE_LIST && a->sel_id) {
            set_read(a, a->sel_id);
            a->layout = LAYOUT_ARTICLE;
            a->focus = PANE_ARTICLE;
        }
        break;
    case KEY_ESC:
        if (a->layout == LAYOUT_ARTICLE) {
            a->layout = LAYOUT_FOUR;
            a->focus = PANE_LIST;
        } else if (a->place_id) {
            a->place_id = 0;
            refresh_count(a);
        }
        break;
    case 'r':
        if (a->sel_id) {
            sqlite3_stmt *q = NULL;
            if (sqlite3_prepare_v2(a->db, "UPDATE articles SET is_read = 1 - is_read WHERE id = ?",
                                   -1, &q, NULL) == SQLITE_OK) {
                sqlite3_bind_int64(q, 1, a->sel_id);
                sqlite3_step(q);
            }
            sqlite3_finalize(q);
        }
        break;
    case 'l':
        a->mode = MODE_PICKER;
        a->input[0] = '\0';
        a->pick_sel = 0;
        load_picks(a);
        break;
    case 'L':
        a->place_id = 0;
        a->sel = a->top = 0;
        refresh_count(a);
        break;
    case '/':
        a->mode = MODE_SEARCH;
        a->input[0] = '\0';
        break;
    case '?':
        a->mode = MODE_HELP;
        break;
    case 'm':
        a->marked = a->marked == a->sel_id ? 0 : a->sel_id;
        break;
    case 'c':
        open_compare(a);
        break;
    case 'E':
        open_events(a);
        break;
    default:
        break;
    }
}

/* Edits a prompt line; returns 1 on Enter, -1 on Esc, 0 otherwise. */
static int edit_input(char *buf, size_t cap, int key)
{
    size_t n = strlen(buf);
    if (key == '\n' || key == '\r' || key == KEY_ENTER)
        return 1;
    if (key == KEY_ESC)
        return -1;
    if (key == KEY_BACKSPACE || key == 127 || key == 8) {
        while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        buf[n] = '\0';
    } else if (key >= 32 && key < 256 && key != 127 && n + 1 < cap) {
        buf[n] = (char)key;
        buf[n + 1] = '\0';
    }
    return 0;
}

static void key_picker(struct app *a, int key)
{
    if (key == KEY_DOWN) {
        a->pick_sel = a->pick_sel + 1 < a->n_picks ? a->pick_sel + 1 : a->pick_sel;
        return;
    }
    if (key == KEY_UP) {
        a->pick_sel = a->pick_sel > 0 ? a->pick_sel - 1 : 0;
        return;
    }
    int done = edit_input(a->input, sizeof a->input, key);
    if (done < 0) {
        a->mode = MODE_MAIN;
    } else if (done > 0) {
        if (a->n_picks > 0) {
            const struct place_pick *p = &a->picks[a->pick_sel];
            a->place_id = p->id;
            snprintf(a->place_name, sizeof a->place_name, "%s", p->label);
            a->sel = a->top = 0;
            refresh_count(a);
        }
        a->mode = MODE_MAIN;
    } else {
        a->pick_sel = 0;
        load_picks(a);
        /* the best match for what was typed: the first place whose name starts with it */
        for (int i = 0; i < a->n_picks; i++)
            if (text_starts_with_ci(a->picks[i].label, a->input)) {
                a->pick_sel = i;
                break;
            }
    }
}

static void key_search(struct app *a, int key)
{
    int done = edit_input(a->input, sizeof a->input, key);
    if (done < 0) {
        a->mode = MODE_MAIN;
    } else if (done > 0) {
        snprintf(a->search, sizeof a->search, "%s", a->input);
        a->sel = a->top = 0;
        a->mode = MODE_MAIN;
        refresh_count(a);
    }
}

static void handle_key(struct app *a, int key)
{
    if (key == KEY_RESIZE)
        return;
    switch (a->mode) {
    case MODE_HELP:
        a->mode = MODE_MAIN;
        break;
    case MODE_PICKER:
        key_picker(a, key);
        break;
    case MODE_SEARCH:
        key_search(a, key);
        break;
    case MODE_COMPARE:
        if (compare_view_key(a->cv, key) == VIEW_KEY_CLOSE) {
            compare_view_close(a->cv);
            a->cv = NULL;
            a->mode = MODE_MAIN;
        }
        break;
    case MODE_EVENTS:
        if (events_view_key(a->ev, key) == VIEW_KEY_CLOSE) {
            events_view_close(a->ev);
            a->ev = NULL;
            a->mode = MODE_MAIN;
        }
        break;
    default:
        key_main(a, key);
        break;
    }
}

/* ---- headless scripts ---- */

static void dump_screen(struct app *a)
{
    if (!a->opt->dump_path)
        return;
    if (!a->dump) {
        a->dump = fopen(a->opt->dump_path, "w");
        if (!a->dump)
            return;
    }
    if (a->dumps++ > 0)
        fputs("----\n", a->dump);
    wchar_t buf[1024];
    for (int y = 0; y < LINES; y++) {
        int n = mvwinnwstr(stdscr, y, 0, buf, COLS < 1023 ? COLS : 1023);
        if (n < 0)
            n = 0;
        buf[n] = L'\0';
        while (n > 0 && buf[n - 1] == L' ')
            buf[--n] = L'\0';
        fprintf(a->dump, "%ls\n", buf);
    }
    fflush(a->dump);
}

static const struct {
    const char *name;
    int key;
} key_names[] = {
    {"<Enter>", '\n'},
    {"<Tab>", '\t'},
    {"<S-Tab>", KEY_BTAB},
    {"<Esc>", KEY_ESC},
    {"<Up>", KEY_UP},
    {"<Down>", KEY_DOWN},
    {"<PgUp>", KEY_PPAGE},
    {"<PgDn>", KEY_NPAGE},
    {"<Home>", KEY_HOME},
    {"<End>", KEY_END},
    {"<Space>", ' '},
    {"<BS>", KEY_BACKSPACE},
    {"<Backspace>", KEY_BACKSPACE},
};

static void script_line(struct app *a, char *line)
{
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0' || line[0] == '#')
        return;
    int w, h;
    if (sscanf(line, ":resize %dx%d", &w, &h) == 2) {
        resizeterm(h, w);
        draw(a);
        return;
    }
    if (strcmp(line, ":dump") == 0) {
        draw(a);
        dump_screen(a);
        return;
    }
    if (strncmp(line, "type ", 5) == 0) {
        for (const char *c = line + 5; *c; c++) {
            handle_key(a, (unsigned char)*c);
            draw(a);
        }
        return;
    }
    for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
        if (strcmp(line, key_names[i].name) == 0) {
            handle_key(a, key_names[i].key);
            draw(a);
            return;
        }
    if (strlen(line) == 1) {
        handle_key(a, (unsigned char)line[0]);
        draw(a);
        return;
    }
    snprintf(a->msg, sizeof a->msg, "script: unknown key %.60s", line);
}

static int run_script(struct app *a)
{
    FILE *f = fopen(a->opt->script_path, "r");
    if (!f) {
        perror(a->opt->script_path);
        return 1;
    }
    char line[512];
    draw(a);
    while (!a->quit && fgets(line, sizeof line, f))
        script_line(a, line);
    fclose(f);
    if (a->dumps == 0) {
        draw(a);
        dump_screen(a);
    }
    return 0;
}

static void run_terminal(struct app *a)
{
    while (!a->quit) {
        draw(a);
        int key = getch();
        if (key == KEY_MOUSE) {
            MEVENT ev;
            if (getmouse(&ev) == OK) {
                if (ev.bstate & BUTTON4_PRESSED)
                    key = KEY_UP;
                else if (ev.bstate & BUTTON5_PRESSED)
                    key = KEY_DOWN;
                else if ((ev.bstate & BUTTON1_CLICKED) && a->mode == MODE_MAIN &&
                         a->layout != LAYOUT_ARTICLE && ev.y >= 1 && ev.y <= a->list_rows) {
                    a->focus = PANE_LIST;
                    a->sel = a->top + ev.y - 1;
                    move_sel(a, 0);
                    continue;
                }
            }
        }
        if (key == KEY_ESC)
            nodelay(stdscr, TRUE), (void)getch(), nodelay(stdscr, FALSE);
        handle_key(a, key);
    }
}

/* ---- setup ---- */

static void init_colours(struct app *a)
{
    const char *no = getenv("NO_COLOR");
    a->colour = !(no && *no) && has_colors() && !a->headless;
    if (!a->colour)
        return;
    start_color();
    use_default_colors();
    init_pair(C_TITLE, COLOR_CYAN, -1);
    init_pair(C_FOCUS, COLOR_BLACK, COLOR_CYAN);
    init_pair(C_STATUS, COLOR_BLACK, COLOR_WHITE);
    init_pair(C_MARK, COLOR_YELLOW, -1);
    init_pair(C_KILLED, COLOR_RED, -1);
}

static SCREEN *open_screen(struct app *a, FILE **devnull)
{
    if (!a->headless) {
        initscr();
        return NULL;
    }
    char num[16];
    int lines = a->opt->lines > 0 ? a->opt->lines : 30;
    int cols = a->opt->cols > 0 ? a->opt->cols : 100;
    snprintf(num, sizeof num, "%d", lines);
    setenv("LINES", num, 1);
    snprintf(num, sizeof num, "%d", cols);
    setenv("COLUMNS", num, 1);
    *devnull = fopen("/dev/null", "w+");
    if (!*devnull)
        return NULL;
    SCREEN *scr = newterm("xterm", *devnull, *devnull);
    if (!scr)
        scr = newterm("vt100", *devnull, *devnull);
    if (scr)
        resizeterm(lines, cols);
    return scr;
}

int ui_run(struct store *s, const struct ui_options *opt)
{
    static const struct ui_options none = {0};
    struct app *a = calloc(1, sizeof *a);
    if (!a)
        return 1;
    a->s = s;
    a->db = store_db(s);
    a->opt = opt ? opt : &none;
    a->headless = a->opt->script_path != NULL;
    if (!setlocale(LC_ALL, "") || !strstr(setlocale(LC_CTYPE, NULL), "UTF"))
        setlocale(LC_CTYPE, "C.UTF-8");
    FILE *devnull = NULL;
    SCREEN *scr = open_screen(a, &devnull);
    if (a->headless && !scr) {
        fputs("sitrep: cannot start the headless screen\n", stderr);
        free(a);
        return 1;
    }
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    init_colours(a);
    if (!a->headless)
        mousemask(BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    refresh_count(a);
    int rc = 0;
    if (a->headless)
        rc = run_script(a);
    else
        run_terminal(a);
    endwin();
    if (scr)
        delscreen(scr);
    if (devnull)
        fclose(devnull);
    if (a->dump)
        fclose(a->dump);
    if (a->cv)
        compare_view_close(a->cv);
    if (a->ev)
        events_view_close(a->ev);
    lines_clear(&a->text);
    lines_clear(&a->facts);
    free(a);
    return rc;
}
