/* article_pane.c: one article's text with its facts highlighted, and its facts list. */
#include "views/article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "state.h"
#include "base/facts.h"
#include "base/text.h"
#include "compare/compare.h"
#include "store/article_view.h"
#include "store/tags.h"
#include "store/store.h"
#include "views/list.h"
#include "views/prompt.h"

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
    free(p->hits);
    article_pane_init(p);
}

static char *sanitized(const char *t)
{
    return t ? text_sanitize(t, strlen(t)) : NULL;
}

/* ---- sentences ---- */

static void load_sentences(struct article_pane *p, struct store *s)
{
    p->sentence_start = store_sentence_starts(s, p->id, &p->n_sentences);
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

static void load_mention_spans(struct article_pane *p, struct store *s, int *cap)
{
    int n = 0;
    struct store_mention_span *v = store_mention_spans(s, p->id, &n);
    for (int i = 0; i < n; i++)
        add_span(p, cap, v[i].start, v[i].len, v[i].is_place ? EL_PLACE : EL_FIGURE, v[i].sentence);
    free(v);
}

/* Each distinct surface is looked for in the text once, however many rows name it (an
 * article saying "on Monday" forty times has forty date rows). */
static void add_surfaces(struct article_pane *p, int *cap, char **set, size_t n_set,
                         enum element el)
{
    for (size_t k = 0; k < n_set; k++) {
        add_occurrences(p, cap, set[k], el);
        free(set[k]);
    }
    free(set);
}

static void load_surface_spans(struct article_pane *p, struct store *s, int *cap)
{
    char **set = NULL;
    size_t n_set = 0;
    store_actor_surfaces(s, p->id, &set, &n_set);
    add_surfaces(p, cap, set, n_set, EL_ACTOR);
    set = NULL;
    n_set = 0;
    store_date_surfaces(s, p->id, &set, &n_set);
    add_surfaces(p, cap, set, n_set, EL_DATE);
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

/* Returns whether the article's offsets hold for the text as drawn: the stored text is
 * neutralised at import; if a row is not (an older store), its offsets no longer match
 * after neutralising here, and highlights are left out. */
static bool load_text(struct article_pane *p, struct store *s, bool *offsets_match)
{
    struct store_article_head h;
    *offsets_match = false;
    if (store_article_head(s, p->id, &h) != 0)
        return false;
    char *date = sanitized(h.date), *src = sanitized(h.source), *place = sanitized(h.dateline);
    char *link = sanitized(h.url);
    snprintf(p->meta, sizeof p->meta, "%s%s%s%s%s%s%s", date ? date : "undated", src ? " - " : "",
             src ? src : "", place ? " - " : "", place ? place : "", link ? " - " : "",
             link ? link : "");
    free(link);
    for (char *c = p->meta; *c; c++)
        if (*c == '\n' || *c == '\t')
            *c = ' ';
    free(date);
    free(src);
    free(place);
    p->text = sanitized(h.text);
    p->text_len = p->text ? strlen(p->text) : 0;
    *offsets_match = h.text_bytes == p->text_len;
    store_article_head_free(&h);
    return p->text != NULL;
}

static void wrap_body(struct article_pane *p)
{
    int first = p->body.n;
    lines_wrap(&p->body, p->text, p->text_len, p->text_width, 0, -1);
    for (int i = first; i < p->body.n; i++)
        p->body.v[i].tag = sentence_of(p, p->body.v[i].src);
}

/* ---- the facts list ---- */

static const struct {
    const char *heading;
    enum element el;
} fact_groups[N_FACT_GROUPS] = {
    [FACT_GROUP_PLACES] = {"Places", EL_PLACE},
    [FACT_GROUP_ACTORS] = {"Actors", EL_ACTOR},
    [FACT_GROUP_DATES] = {"Dates", EL_DATE},
};

/* One entry: "  TEXT", wrapped to the pane, its continuation lines marked. */
static void add_fact_line(struct article_pane *p, const char *text, int sentence, enum element el)
{
    char *s = sanitized(text);
    char line[600];
    snprintf(line, sizeof line, "  %s", s ? s : "");
    free(s);
    for (char *c = line; *c; c++)
        if (*c == '\n' || *c == '\t')
            *c = ' ';
    int from = p->facts.n;
    lines_wrap(&p->facts, line, strlen(line), p->facts_width, -1, sentence);
    for (int i = from; i < p->facts.n; i++) {
        p->facts.v[i].kind = (int)el;
        if (i > from)
            p->facts.v[i].tag = -2; /* a wrapped entry's continuation */
    }
}

static void add_heading(struct article_pane *p, const char *heading)
{
    lines_add(&p->facts, heading, strlen(heading), -1, -1);
}

static void load_fact_group(struct article_pane *p, struct store *s, enum store_fact_group g)
{
    int n = 0;
    struct store_fact_line *v = store_fact_lines(s, p->id, g, &n);
    if (n > 0)
        add_heading(p, fact_groups[g].heading);
    for (int i = 0; i < n; i++)
        add_fact_line(p, v[i].text, v[i].sentence, fact_groups[g].el);
    store_fact_lines_free(v, n);
}

/* ---- the article's own search ---- */

static void find_matches(struct article_pane *p)
{
    free(p->hits);
    p->hits = NULL;
    p->n_hits = 0;
    p->hit = -1;
    size_t n = strlen(p->find);
    if (n == 0 || !p->text)
        return;
    int cap = 0;
    for (size_t at = 0; at + n <= p->text_len && p->n_hits < MAX_SPANS; at++) {
        if (strncasecmp(p->text + at, p->find, n) != 0)
            continue;
        if (p->n_hits == cap) {
            cap = cap ? cap * 2 : 16;
            long *v = realloc(p->hits, (size_t)cap * sizeof *v);
            if (!v)
                return;
            p->hits = v;
        }
        p->hits[p->n_hits++] = (long)at;
        at += n - 1; /* matches do not overlap */
    }
}

/* Brings body line i into view, a third of the way down when it has to move. */
static void show_line(struct article_pane *p, int i, int rows)
{
    if (i < 0)
        return;
    if (i < p->top || i >= p->top + rows)
        p->top = i - rows / 3 > 0 ? i - rows / 3 : 0;
}

static void show_hit(struct article_pane *p, int rows)
{
    show_line(p, lines_find_offset(&p->body, p->hits[p->hit]), rows);
}

int article_pane_find(struct article_pane *p, const char *words, int rows)
{
    snprintf(p->find, sizeof p->find, "%s", words);
    find_matches(p);
    if (p->n_hits == 0)
        return 0;
    long from = p->top < p->body.n && p->body.v[p->top].src >= 0 ? p->body.v[p->top].src : 0;
    p->hit = 0;
    while (p->hit + 1 < p->n_hits && p->hits[p->hit] < from)
        p->hit++;
    show_hit(p, rows);
    return p->n_hits;
}

bool article_pane_step_match(struct article_pane *p, int dir, int rows)
{
    if (p->n_hits == 0)
        return false;
    if (p->hit < 0)
        p->hit = dir > 0 ? 0 : p->n_hits - 1;
    else
        p->hit = (p->hit + dir + p->n_hits) % p->n_hits;
    show_hit(p, rows);
    return true;
}

/* "38 killed: IS militants, Al Anbar, 2024-09-21 [the army]": the amount as the report
 * gives it (compare.h's words: "some 150", "dozens", "30-40"), then the kind, then who,
 * where, when and who says so, each once. */
static void figure_label(const struct figure_fact *g, char *out, size_t cap)
{
    char amount[64];
    compare_format_figure(g, amount, sizeof amount);
    int n = snprintf(out, cap, "%s %s", amount, figure_kind_name(g->kind));
    const char *sep = ": ";
    const char *parts[3] = {g->who, g->place, g->date};
    for (int i = 0; i < 3 && n >= 0 && (size_t)n < cap; i++) {
        if (!parts[i] || !parts[i][0])
            continue;
        n += snprintf(out + n, cap - (size_t)n, "%s%s", sep, parts[i]);
        sep = ", ";
    }
    if (g->source && g->source[0] && n >= 0 && (size_t)n < cap)
        snprintf(out + n, cap - (size_t)n, " [%s]", g->source);
}

static int by_sentence(const void *x, const void *y)
{
    const struct figure_fact *a = *(const struct figure_fact *const *)x;
    const struct figure_fact *b = *(const struct figure_fact *const *)y;
    if (a->sentence != b->sentence)
        return a->sentence < b->sentence ? -1 : 1;
    return a < b ? -1 : a > b; /* in the order found */
}

static void load_figures(struct article_pane *p, struct store *s)
{
    struct facts f;
    if (store_get_figures(s, p->id, &f) != 0)
        return;
    const struct figure_fact **order = calloc(f.n_figures + 1, sizeof *order);
    for (size_t i = 0; order && i < f.n_figures; i++)
        order[i] = &f.figures[i];
    if (order && f.n_figures) {
        qsort(order, f.n_figures, sizeof *order, by_sentence);
        add_heading(p, "Figures");
    }
    for (size_t i = 0; order && i < f.n_figures; i++) {
        char label[500];
        figure_label(order[i], label, sizeof label);
        add_fact_line(p, label, order[i]->sentence, EL_FIGURE);
    }
    free(order);
    facts_free(&f);
}

/* ---- loading ---- */

void article_pane_load(struct article_pane *p, struct store *s, int64_t id, int text_width,
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
    char find[sizeof p->find];
    memcpy(find, p->find, sizeof find);
    article_pane_free(p);
    memcpy(p->find, find, sizeof find);
    p->id = id;
    p->text_width = text_width;
    p->facts_width = facts_width;
    bool offsets_match;
    if (!id || !load_text(p, s, &offsets_match))
        return;
    load_sentences(p, s);
    wrap_body(p);
    if (offsets_match) {
        int cap = 0;
        load_mention_spans(p, s, &cap);
        load_surface_spans(p, s, &cap);
        settle_spans(p);
    }
    load_fact_group(p, s, FACT_GROUP_PLACES);
    load_fact_group(p, s, FACT_GROUP_ACTORS);
    load_figures(p, s);
    load_fact_group(p, s, FACT_GROUP_DATES);
    store_tags_joined(s, id, " ", p->tags, sizeof p->tags);
    find_matches(p);
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

/* The first match that ends after offset. */
static int first_hit_after(const struct article_pane *p, long offset)
{
    long n = (long)strlen(p->find);
    int lo = 0, hi = p->n_hits;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (p->hits[mid] + n <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The attribute at pos and where it stops holding (a fact's or a match's edge): a match
 * shows over a fact, in reverse video so that it reads with colour and without. */
static attr_t attr_at(const struct article_pane *p, long pos, long *stop, const struct palette *pal)
{
    attr_t a = 0;
    int i = first_span_after(p, pos);
    if (i < p->n_spans) {
        const struct span *sp = &p->spans[i];
        if (sp->start <= pos) {
            a = element_attr(pal, i == p->current ? EL_CURRENT : sp->el);
            *stop = sp->start + sp->len < *stop ? sp->start + sp->len : *stop;
        } else if (sp->start < *stop) {
            *stop = sp->start;
        }
    }
    int h = first_hit_after(p, pos);
    if (h < p->n_hits) {
        long start = p->hits[h], end = start + (long)strlen(p->find);
        if (start <= pos) {
            a = A_REVERSE | A_BOLD | (h == p->hit ? A_UNDERLINE : 0);
            *stop = end < *stop ? end : *stop;
        } else if (start < *stop) {
            *stop = start;
        }
    }
    return a;
}

/* Draws one wrapped line, its facts and matches in their attributes. */
static void draw_body_line(const struct article_pane *p, const struct line *ln, int y, int x, int w,
                           attr_t base, const struct palette *pal)
{
    if (ln->src < 0) {
        put_bytes(y, x, w, ln->s, ln->len, base);
        return;
    }
    long pos = ln->src, end = ln->src + (long)ln->len;
    int col = 0;
    while (pos < end && col < w) {
        long stop = end;
        attr_t a = attr_at(p, pos, &stop, pal);
        col += put_bytes(y, x + col, w - col, p->text + pos, (size_t)(stop - pos), a | base);
        pos = stop;
    }
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

/* ---- the article and facts panes as views ---- */

static void draw_article_view(struct app *a)
{
    const struct rect *r = &a->panes[V_ARTICLE];
    app_load_article(a, a->list->sel_id);
    char title[700];
    snprintf(title, sizeof title, "Article%s%s%s%s", a->art->id ? "  " : "",
             a->art->id ? a->art->meta : "", a->art->tags[0] ? "  tags: " : "", a->art->tags);
    app_pane_header(a, V_ARTICLE, title);
    struct rect text = {r->y, r->x + 1, r->h, r->w - 2};
    article_pane_draw_text(a->art, &text, &a->pal);
}

/* While a find is on, n/N step through its matches and Esc ends it; else they are the
 * main screen's (facts, closing the full-screen article). */
static bool find_action(struct app *a, enum action act)
{
    struct article_pane *p = a->art;
    switch (act) {
    case ACT_FIND:
        if (p->id)
            prompt_view_open(a, PROMPT_FIND, p->id, p->find);
        return true;
    case ACT_NEXT_FACT:
    case ACT_PREV_FACT:
        if (!p->find[0])
            return false;
        if (!article_pane_step_match(p, act == ACT_NEXT_FACT ? 1 : -1, app_rows_of(a, V_ARTICLE)))
            app_say(a, false, "not in this article");
        return true;
    case ACT_BACK:
        if (!p->find[0])
            return false;
        article_pane_find(p, "", app_rows_of(a, V_ARTICLE));
        return true;
    default:
        return false;
    }
}

static bool article_action(struct app *a, enum action act, int key)
{
    long delta;
    if (find_action(a, act))
        return true;
    if (!view_motion(act, app_rows_of(a, V_ARTICLE), &delta))
        return false;
    article_pane_scroll(a->art, delta, app_rows_of(a, V_ARTICLE));
    return true;
}

static const char *describe_article(enum action act)
{
    switch (act) {
    case ACT_NEXT_FACT:
        return "next fact; while a find is on (/), the next match";
    case ACT_PREV_FACT:
        return "previous fact; while a find is on, the previous match";
    case ACT_BACK:
        return "end the find; else back to four panes";
    default:
        return NULL;
    }
}

const struct view_ops article_view = {
    .title = "Article",
    .id = V_ARTICLE,
    .draw = draw_article_view,
    .action = article_action,
    .describe = describe_article,
};

/* The facts pane, with the rule that parts it and the timeline from the article. */
static void draw_facts_view(struct app *a)
{
    const struct rect *f = &a->panes[V_FACTS];
    for (int y = f->y - 1; y < LINES - 2; y++)
        mvaddch(y, f->x - 1, '|');
    app_pane_header(a, V_FACTS, "Facts");
    struct rect fr = {f->y, f->x + 1, f->h, f->w - 1};
    article_pane_draw_facts(a->art, &fr, &a->pal, a->focus == V_FACTS);
}

static bool facts_action(struct app *a, enum action act, int key)
{
    long delta;
    if (view_motion(act, app_rows_of(a, V_FACTS), &delta)) {
        article_pane_select_fact(a->art, delta, app_rows_of(a, V_FACTS));
        return true;
    }
    if (act != ACT_OPEN)
        return false;
    article_pane_select_fact(a->art, 0, app_rows_of(a, V_FACTS));
    a->focus = V_ARTICLE;
    char keys[64], m[160];
    keymap_describe(&a->keys, V_ARTICLE, ACT_FOCUS_PREV, keys, sizeof keys);
    snprintf(m, sizeof m, "the article at the fact's sentence%s%s%s", keys[0] ? " (" : "", keys,
             keys[0] ? ": back to the facts)" : "");
    app_say(a, false, m);
    return true;
}

const struct view_ops facts_view = {
    .title = "Facts",
    .id = V_FACTS,
    .draw = draw_facts_view,
    .action = facts_action,
};
