/* article_pane.c: one article's text with its facts highlighted, and its facts list. */
#include "views/article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/facts.h"
#include "base/text.h"

void article_pane_init(struct article_pane *p)
{
    memset(p, 0, sizeof *p);
    p->current = -1;
}

void article_pane_free(struct article_pane *p)
{
    lines_clear(&p->body);
    lines_clear(&p->facts);
    free(p->text);
    free(p->spans);
    free(p->sentence_start);
    article_pane_init(p);
}

static char *column_dup(sqlite3_stmt *q, int col)
{
    const char *t = (const char *)sqlite3_column_text(q, col);
    return t ? text_sanitize(t, strlen(t)) : NULL;
}

/* ---- sentences ---- */

static void load_sentences(struct article_pane *p, sqlite3 *db)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, "SELECT start FROM sentences WHERE article_id = ?1 ORDER BY idx", -1,
                           &q, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(q, 1, p->id);
    int cap = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (p->n_sentences == cap) {
            cap = cap ? cap * 2 : 64;
            long *v = realloc(p->sentence_start, (size_t)cap * sizeof *v);
            if (!v)
                break;
            p->sentence_start = v;
        }
        p->sentence_start[p->n_sentences++] = (long)sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
}

/* The sentence holding offset (the last one starting at or before it). */
static int sentence_of(const struct article_pane *p, long offset)
{
    int lo = 0, hi = p->n_sentences - 1, found = -1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (p->sentence_start[mid] <= offset) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found;
}

/* ---- highlights ---- */

/* Highlights an article may have: news has hundreds; a hostile text repeating one date
 * or name a million times would otherwise take gigabytes. Later ones are not marked. */
#define MAX_SPANS 100000

static void add_span(struct article_pane *p, int *cap, long start, long len, enum element el,
                     int sentence)
{
    if (start < 0 || len <= 0 || (size_t)(start + len) > p->text_len || p->n_spans >= MAX_SPANS)
        return;
    if (p->n_spans == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        struct span *v = realloc(p->spans, (size_t)*cap * sizeof *v);
        if (!v)
            return;
        p->spans = v;
    }
    p->spans[p->n_spans++] = (struct span){start, len, el, sentence};
}

static bool is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* Every whole-word occurrence of needle in the text (actors and dates are stored as
 * surfaces, not offsets). */
static void add_occurrences(struct article_pane *p, int *cap, const char *needle, enum element el)
{
    size_t n = strlen(needle);
    if (n < 2)
        return;
    for (const char *at = strstr(p->text, needle); at; at = strstr(at + n, needle)) {
        long start = at - p->text;
        bool left = start == 0 || !is_word_byte(at[-1]);
        bool right = !is_word_byte(at[n]);
        if (left && right)
            add_span(p, cap, start, (long)n, el, sentence_of(p, start));
    }
}

/* Each distinct surface is looked for in the text once, however many rows name it (an
 * article saying "on Monday" forty times has forty date rows); at most MAX_SURFACES of
 * them. */
#define MAX_SURFACES 2000

/* Surfaces are stored as a JSON list of strings: ["IS","Islamic State"]. */
static void add_surface_list(char ***set, size_t *n_set, const char *list)
{
    for (const char *s = list ? strchr(list, '"') : NULL; s; s = strchr(s, '"')) {
        const char *end = strchr(s + 1, '"');
        if (!end)
            break;
        char buf[256];
        size_t n = (size_t)(end - s - 1);
        if (n < sizeof buf && !memchr(s + 1, '\\', n) && *n_set < MAX_SURFACES) {
            memcpy(buf, s + 1, n);
            buf[n] = '\0';
            facts_add_surface(set, n_set, buf);
        }
        s = end + 1;
    }
}

static void load_mention_spans(struct article_pane *p, sqlite3 *db, int *cap)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT type, sentence, start, len FROM mentions WHERE article_id = ?1"
                           " AND type IN ('place', 'figure')",
                           -1, &q, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(q, 1, p->id);
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(q, 0);
        enum element el = type && strcmp(type, "place") == 0 ? EL_PLACE : EL_FIGURE;
        add_span(p, cap, (long)sqlite3_column_int64(q, 2), (long)sqlite3_column_int64(q, 3), el,
                 sqlite3_column_int(q, 1));
    }
    sqlite3_finalize(q);
}

static void load_surface_spans(struct article_pane *p, sqlite3 *db, int *cap)
{
    static const char *const sql[] = {
        "SELECT DISTINCT surface FROM article_actors WHERE article_id = ?1",
        "SELECT DISTINCT json_quote(text) FROM dates WHERE article_id = ?1",
    };
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *q = NULL;
        if (sqlite3_prepare_v2(db, sql[i], -1, &q, NULL) != SQLITE_OK)
            continue;
        sqlite3_bind_int64(q, 1, p->id);
        char **set = NULL;
        size_t n_set = 0;
        while (sqlite3_step(q) == SQLITE_ROW)
            add_surface_list(&set, &n_set, (const char *)sqlite3_column_text(q, 0));
        sqlite3_finalize(q);
        for (size_t k = 0; k < n_set; k++) {
            add_occurrences(p, cap, set[k], i == 0 ? EL_ACTOR : EL_DATE);
            free(set[k]);
        }
        free(set);
    }
}

static int span_order(const void *a, const void *b)
{
    const struct span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->len > y->len ? -1 : x->len < y->len; /* the longer first */
}

/* Sorts the spans and drops any that overlap an earlier one. */
static void settle_spans(struct article_pane *p)
{
    /* an article without facts has no span array at all, and qsort wants one */
    if (p->n_spans > 1)
        qsort(p->spans, (size_t)p->n_spans, sizeof *p->spans, span_order);
    int kept = 0;
    long end = -1;
    for (int i = 0; i < p->n_spans; i++) {
        if (p->spans[i].start < end)
            continue;
        end = p->spans[i].start + p->spans[i].len;
        p->spans[kept++] = p->spans[i];
    }
    p->n_spans = kept;
}

/* ---- the text ---- */

static bool load_text(struct article_pane *p, sqlite3 *db)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, "SELECT date, source, dateline, text FROM articles WHERE id = ?1",
                           -1, &q, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_int64(q, 1, p->id);
    bool found = sqlite3_step(q) == SQLITE_ROW;
    if (found) {
        char *date = column_dup(q, 0), *src = column_dup(q, 1), *place = column_dup(q, 2);
        snprintf(p->meta, sizeof p->meta, "%s%s%s%s%s", date ? date : "undated", src ? " - " : "",
                 src ? src : "", place ? " - " : "", place ? place : "");
        for (char *c = p->meta; *c; c++)
            if (*c == '\n' || *c == '\t')
                *c = ' ';
        free(date);
        free(src);
        free(place);
        p->text = column_dup(q, 3);
        p->text_len = p->text ? strlen(p->text) : 0;
    }
    sqlite3_finalize(q);
    return found && p->text;
}

/* The stored text is neutralised at import; if a row is not (an older store), its offsets
 * no longer match after neutralising here, and highlights are left out. */
static bool offsets_match(sqlite3 *db, const struct article_pane *p)
{
    sqlite3_stmt *q = NULL;
    bool same = false;
    if (sqlite3_prepare_v2(db, "SELECT length(CAST(text AS BLOB)) FROM articles WHERE id = ?1", -1,
                           &q, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, p->id);
        same = sqlite3_step(q) == SQLITE_ROW && (size_t)sqlite3_column_int64(q, 0) == p->text_len;
    }
    sqlite3_finalize(q);
    return same;
}

static void wrap_body(struct article_pane *p)
{
    int first = p->body.n;
    lines_wrap(&p->body, p->text, p->text_len, p->text_width, 0, -1);
    for (int i = first; i < p->body.n; i++)
        p->body.v[i].tag = sentence_of(p, p->body.v[i].src);
}

/* ---- the facts list ---- */

/* Each query yields (sentence, line text); the heading names the group. */
static const struct {
    const char *heading;
    enum element el;
    const char *sql;
} fact_groups[] = {
    {"Places", EL_PLACE,
     "SELECT ap.first_sentence, (SELECT group_concat(name, ' < ') FROM (SELECT p2.name"
     " FROM place_ancestors pa JOIN places p2 ON p2.id = pa.ancestor_id"
     " WHERE pa.place_id = ap.place_id ORDER BY p2.depth DESC)) FROM article_places ap"
     " WHERE ap.article_id = ?1 ORDER BY ap.first_sentence, ap.place_id"},
    {"Actors", EL_ACTOR,
     "SELECT aa.first_sentence, ac.name FROM article_actors aa JOIN actors ac"
     " ON ac.id = aa.actor_id WHERE aa.article_id = ?1 ORDER BY aa.first_sentence"},
    {"Figures", EL_FIGURE,
     "SELECT sentence, kind || ' ' || CASE qualifier WHEN 'exact' THEN n"
     " WHEN 'at_least' THEN 'at least ' || n WHEN 'more_than' THEN 'more than ' || n"
     " WHEN 'about' THEN 'about ' || n WHEN 'up_to' THEN 'up to ' || n"
     " WHEN 'range' THEN min || '-' || max"
     " ELSE coalesce(text, n, '?') END"
     " || coalesce(' ' || who, '') || coalesce(', ' || place, '') || coalesce(', ' || date, '')"
     " || coalesce(' [' || source || ']', '') FROM figures WHERE article_id = ?1"
     " ORDER BY sentence, id"},
    {"Dates", EL_DATE,
     "SELECT sentence, text || ' = ' || coalesce(value, weekday || ' (relative)', '?')"
     " FROM dates WHERE article_id = ?1 ORDER BY sentence, id"},
};

static void load_fact_group(struct article_pane *p, sqlite3 *db, size_t g)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, fact_groups[g].sql, -1, &q, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(q, 1, p->id);
    bool first = true;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (first) {
            lines_add(&p->facts, fact_groups[g].heading, strlen(fact_groups[g].heading), -1, -1);
            first = false;
        }
        int sentence = sqlite3_column_type(q, 0) == SQLITE_NULL ? 0 : sqlite3_column_int(q, 0);
        char *s = column_dup(q, 1);
        char line[600];
        snprintf(line, sizeof line, "  %s", s ? s : "");
        free(s);
        for (char *c = line; *c; c++)
            if (*c == '\n' || *c == '\t')
                *c = ' ';
        int from = p->facts.n;
        lines_wrap(&p->facts, line, strlen(line), p->facts_width, -1, sentence);
        for (int i = from; i < p->facts.n; i++) {
            p->facts.v[i].kind = (int)fact_groups[g].el;
            if (i > from)
                p->facts.v[i].tag = -2; /* a wrapped entry's continuation */
        }
    }
    sqlite3_finalize(q);
}

/* ---- loading ---- */

void article_pane_load(struct article_pane *p, sqlite3 *db, int64_t id, int text_width,
                       int facts_width)
{
    if (text_width < 1)
        text_width = 1;
    if (facts_width < 1)
        facts_width = 1;
    if (id == p->id && text_width == p->text_width && facts_width == p->facts_width)
        return;
    int top = p->top, facts_top = p->facts_top, sel = p->facts_sel, cur = p->current;
    bool same = id == p->id;
    article_pane_free(p);
    p->id = id;
    p->text_width = text_width;
    p->facts_width = facts_width;
    if (!id || !load_text(p, db))
        return;
    load_sentences(p, db);
    wrap_body(p);
    if (offsets_match(db, p)) {
        int cap = 0;
        load_mention_spans(p, db, &cap);
        load_surface_spans(p, db, &cap);
        settle_spans(p);
    }
    for (size_t g = 0; g < sizeof fact_groups / sizeof fact_groups[0]; g++)
        load_fact_group(p, db, g);
    if (same) { /* a resize keeps the place */
        p->top = top < p->body.n ? top : 0;
        p->facts_top = facts_top < p->facts.n ? facts_top : 0;
        p->facts_sel = sel < p->facts.n ? sel : 0;
        p->current = cur < p->n_spans ? cur : -1;
    }
}

/* ---- drawing ---- */

/* The first span that ends after offset. */
static int first_span_after(const struct article_pane *p, long offset)
{
    int lo = 0, hi = p->n_spans;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (p->spans[mid].start + p->spans[mid].len <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Draws one wrapped line, its highlighted parts in their elements' attributes. */
static void draw_body_line(const struct article_pane *p, const struct line *ln, int y, int x, int w,
                           attr_t base, const struct palette *pal)
{
    if (ln->src < 0) {
        put_bytes(y, x, w, ln->s, ln->len, base);
        return;
    }
    long pos = ln->src, end = ln->src + (long)ln->len;
    int col = 0;
    for (int i = first_span_after(p, pos); i < p->n_spans && pos < end && col < w; i++) {
        const struct span *sp = &p->spans[i];
        if (sp->start >= end)
            break;
        if (sp->start > pos) {
            col += put_bytes(y, x + col, w - col, p->text + pos, (size_t)(sp->start - pos), base);
            pos = sp->start;
        }
        long stop = sp->start + sp->len < end ? sp->start + sp->len : end;
        attr_t a = element_attr(pal, i == p->current ? EL_CURRENT : sp->el);
        col += put_bytes(y, x + col, w - col, p->text + pos, (size_t)(stop - pos), a | base);
        pos = stop;
    }
    if (pos < end && col < w)
        put_bytes(y, x + col, w - col, p->text + pos, (size_t)(end - pos), base);
}

void article_pane_draw_text(const struct article_pane *p, const struct rect *r,
                            const struct palette *pal)
{
    for (int row = 0; row < r->h && p->top + row < p->body.n; row++) {
        const struct line *ln = &p->body.v[p->top + row];
        attr_t base = ln->tag == 0 ? A_BOLD : A_NORMAL;
        draw_body_line(p, ln, r->y + row, r->x, r->w, base, pal);
    }
}

void article_pane_draw_facts(const struct article_pane *p, const struct rect *r,
                             const struct palette *pal, bool focused)
{
    for (int row = 0; row < r->h && p->facts_top + row < p->facts.n; row++) {
        int i = p->facts_top + row;
        const struct line *ln = &p->facts.v[i];
        attr_t a = ln->tag == -1 ? element_attr(pal, EL_TITLE) : A_NORMAL;
        if (focused && i == p->facts_sel)
            a = element_attr(pal, EL_SELECTED);
        if (a & A_REVERSE)
            fill_row(r->y + row, r->x, r->w, a);
        put_bytes(r->y + row, r->x, r->w, ln->s, ln->len, a);
    }
}

/* ---- movement ---- */

static int clamp(long v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : (int)v;
}

void article_pane_scroll(struct article_pane *p, long delta, int rows)
{
    int last = p->body.n - rows > 0 ? p->body.n - rows : 0;
    p->top = clamp(p->top + delta, 0, last > 0 ? last : 0);
}

/* Brings body line i into view, a third of the way down when it has to move. */
static void show_line(struct article_pane *p, int i, int rows)
{
    if (i < 0)
        return;
    if (i < p->top || i >= p->top + rows)
        p->top = i - rows / 3 > 0 ? i - rows / 3 : 0;
}

bool article_pane_step_fact(struct article_pane *p, int dir, int rows)
{
    if (p->n_spans == 0)
        return false;
    int next;
    if (p->current >= 0) {
        next = p->current + dir;
    } else {
        /* start from the first fact on screen */
        long from = p->top < p->body.n && p->body.v[p->top].src >= 0 ? p->body.v[p->top].src : 0;
        next = first_span_after(p, from);
        if (dir < 0)
            next--;
    }
    if (next < 0 || next >= p->n_spans)
        return false;
    p->current = next;
    show_line(p, lines_find_offset(&p->body, p->spans[next].start), rows);
    return true;
}

void article_pane_goto_sentence(struct article_pane *p, int sentence, int el)
{
    int line = lines_find_tag(&p->body, sentence);
    if (line < 0)
        return;
    p->current = -1;
    for (int i = 0; i < p->n_spans; i++) {
        if (p->spans[i].sentence != sentence)
            continue;
        if (p->current < 0 || (int)p->spans[i].el == el) {
            p->current = i;
            if ((int)p->spans[i].el == el)
                break;
        }
    }
    p->top = line > 0 ? line - 1 : 0;
}

static bool selectable(const struct article_pane *p, int i)
{
    return i >= 0 && i < p->facts.n && p->facts.v[i].tag >= 0;
}

void article_pane_select_fact(struct article_pane *p, long delta, int facts_rows)
{
    if (p->facts.n == 0)
        return;
    int dir = delta < 0 ? -1 : 1;
    long steps = delta < 0 ? -delta : delta;
    int i = p->facts_sel;
    if (!selectable(p, i))
        steps = steps ? steps : 1;
    for (int moved = 0; steps > 0 && moved < p->facts.n * 2; moved++) {
        int next = i + dir;
        if (next < 0 || next >= p->facts.n)
            break;
        i = next;
        if (selectable(p, i))
            steps--;
    }
    if (!selectable(p, i))
        return;
    p->facts_sel = i;
    if (i < p->facts_top)
        p->facts_top = i > 0 && p->facts.v[i - 1].tag < 0 ? i - 1 : i;
    if (i >= p->facts_top + facts_rows)
        p->facts_top = i - facts_rows + 1;
    article_pane_goto_sentence(p, p->facts.v[i].tag, p->facts.v[i].kind);
}
