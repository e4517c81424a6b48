/* picker.c: the places of the collection as a tree, narrowed by any spelling. */
#include "views/picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/gazetteer.h"
#include "state.h"
#include "views/prompt.h"
#include "store/background.h"
#include "base/text.h"
#include "store/place_counts.h"

enum { MAX_SPELLING_HITS = 32 };

static char *fold_dup(const char *s)
{
    char buf[512];
    text_fold(s, strlen(s), buf, sizeof buf);
    return strdup(buf);
}

struct load {
    struct picker *p;
    int cap;
};

/* "Baghdad province (3)": the count in the meaning shown (none while counting). */
static int label_pick(struct pick *k, enum place_meaning meaning)
{
    k->count = meaning == PLACE_MENTIONS ? k->mentions : k->events;
    char label[300], count[24] = "";
    if (k->count >= 0)
        snprintf(count, sizeof count, " (%d)", k->count);
    snprintf(label, sizeof label, "%s%s%s", k->name, k->division, count);
    free(k->label);
    k->label = strdup(label);
    return k->label ? 0 : -1;
}

/* Whether the name already ends in its division's word ("Al-Hawija District"), so the
 * label does not say it twice. */
static bool name_says_division(const char *name, const char *division)
{
    size_t n = strlen(name), d = strlen(division);
    return d > 1 && n >= d && strcasecmp(name + n - (d - 1), division + 1) == 0 &&
           (n == d - 1 || name[n - d] == ' ');
}

static int add_pick(const struct store_place_count *c, void *arg)
{
    struct load *l = arg;
    struct picker *p = l->p;
    if (p->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        struct pick *v = realloc(p->v, (size_t)l->cap * sizeof *v);
        if (!v)
            return -1;
        p->v = v;
    }
    struct pick *k = &p->v[p->n];
    memset(k, 0, sizeof *k);
    k->id = c->id;
    k->parent = c->parent_id;
    k->depth = c->depth;
    k->gaz_id = c->gazetteer_id;
    k->events = c->events;
    k->mentions = c->mentions;
    k->name = text_sanitize(c->name, strlen(c->name));
    k->folded = fold_dup(k->name ? k->name : "");
    if (!k->name || !k->folded)
        return -1;
    /* a province and its capital often share a name (Baghdad, Nineveh's Mosul aside):
     * the division says which row is which */
    k->division = c->kind && strcmp(c->kind, "admin1") == 0   ? " province"
                  : c->kind && strcmp(c->kind, "admin2") == 0 ? " district"
                                                              : "";
    if (name_says_division(k->name, k->division))
        k->division = "";
    p->n++;
    return label_pick(k, p->meaning);
}

/* Tree order: children after their parent, the larger (more articles) first. */
static int by_parent_then_count(const void *a, const void *b)
{
    const struct pick *x = a, *y = b;
    if (x->parent != y->parent)
        return x->parent < y->parent ? -1 : 1;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int index_of_id(const struct picker *p, int64_t id)
{
    for (int i = 0; i < p->n; i++)
        if (p->v[i].id == id)
            return i;
    return -1;
}

/* Orders v depth-first: each place followed by its subtree. */
static void order_as_tree(struct picker *p)
{
    if (p->n == 0) /* an empty collection has no array, and qsort(NULL, 0) is undefined */
        return;
    qsort(p->v, (size_t)p->n, sizeof *p->v, by_parent_then_count);
    struct pick *out = malloc((size_t)p->n * sizeof *out);
    int *stack = malloc((size_t)p->n * sizeof *stack);
    bool *done = calloc((size_t)p->n + 1, 1);
    if (!out || !stack || !done) {
        free(out);
        free(stack);
        free(done);
        return;
    }
    int n_out = 0;
    for (int root = 0; root < p->n; root++) {
        if (done[root] || index_of_id(p, p->v[root].parent) >= 0)
            continue;
        int top = 0;
        stack[top++] = root;
        while (top > 0) {
            int i = stack[--top];
            if (done[i])
                continue;
            done[i] = true;
            out[n_out++] = p->v[i];
            /* children are contiguous after sorting; push in reverse to pop in order */
            for (int c = p->n - 1; c >= 0; c--)
                if (!done[c] && p->v[c].parent == p->v[i].id && top < p->n)
                    stack[top++] = c;
        }
    }
    for (int i = 0; i < p->n; i++) /* a cycle would leave some out; keep them anyway */
        if (!done[i])
            out[n_out++] = p->v[i];
    memcpy(p->v, out, (size_t)p->n * sizeof *out);
    free(out);
    free(stack);
    free(done);
    for (int i = 0; i < p->n; i++)
        p->v[i].parent_index = index_of_id(p, p->v[i].parent);
}

int picker_load(struct picker *p, struct store *s, bool counted, char *err, size_t errlen)
{
    picker_close(p);
    struct load l = {p, 0};
    p->counted = counted;
    if ((counted ? store_place_counts : store_place_list)(s, add_pick, &l, err, errlen) != 0) {
        picker_close(p);
        return -1;
    }
    order_as_tree(p);
    p->shown = malloc(((size_t)p->n + 1) * sizeof *p->shown);
    if (!p->shown) {
        snprintf(err, errlen, "out of memory");
        picker_close(p);
        return -1;
    }
    return 0;
}

static void select_id(struct picker *p, int64_t id)
{
    for (int i = 0; id && i < p->n_shown; i++)
        if (p->v[p->shown[i]].id == id)
            p->sel = i;
}

void picker_adopt(struct picker *p, struct picker *from)
{
    const struct pick *was = picker_selected(p);
    int64_t keep = was ? was->id : 0;
    char input[sizeof p->input];
    memcpy(input, p->input, sizeof input);
    enum place_meaning meaning = p->meaning;
    picker_close(p);
    p->v = from->v;
    p->n = from->n;
    p->shown = from->shown;
    p->counted = from->counted;
    p->meaning = from->meaning;
    from->v = NULL;
    from->shown = NULL;
    from->n = 0;
    if (!p->shown)
        return;
    memcpy(p->input, input, sizeof input);
    picker_set_meaning(p, meaning);
    picker_narrow(p);
    select_id(p, keep);
}

void picker_open(struct picker *p)
{
    p->input[0] = '\0';
    p->sel = p->top = 0;
    picker_narrow(p);
}

void picker_close(struct picker *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->v[i].name);
        free(p->v[i].folded);
        free(p->v[i].label);
    }
    free(p->v);
    free(p->shown);
    struct gazetteer *g = p->gaz;
    memset(p, 0, sizeof *p);
    p->gaz = g; /* kept: opening it again costs a few milliseconds each time */
}

void picker_release(struct picker *p)
{
    picker_close(p);
    if (p->gaz)
        gazetteer_close(p->gaz);
    p->gaz = NULL;
}

/* The gazetteer's places for what was typed, under its exact and loose keys, with and
 * without an Arabic article ("al-Qaim" and "Qaim"). */
static size_t spelling_hits(struct picker *p, const char *folded, int64_t *ids, size_t max)
{
    if (!p->gaz) {
        char err[200];
        p->gaz = gazetteer_open(NULL, err, sizeof err);
        if (!p->gaz)
            return 0;
    }
    struct gaz_place found[MAX_SPELLING_HITS];
    size_t n_ids = 0;
    const char *forms[2] = {folded, NULL};
    if (strncmp(folded, "al ", 3) == 0 || strncmp(folded, "el ", 3) == 0)
        forms[1] = folded + 3;
    for (int f = 0; f < 2 && forms[f]; f++) {
        size_t len = strlen(forms[f]);
        char loose[512];
        size_t ll = gazetteer_loose_key(forms[f], len, loose, sizeof loose);
        size_t n = gazetteer_lookup(p->gaz, forms[f], len, found, MAX_SPELLING_HITS);
        for (size_t i = 0; i < n && n_ids < max; i++)
            ids[n_ids++] = found[i].id;
        n = ll ? gazetteer_lookup_loose(p->gaz, loose, ll, found, MAX_SPELLING_HITS) : 0;
        for (size_t i = 0; i < n && n_ids < max; i++)
            ids[n_ids++] = found[i].id;
    }
    return n_ids;
}

static void mark_matches(struct picker *p, const char *folded)
{
    int64_t ids[4 * MAX_SPELLING_HITS];
    size_t n_ids = *folded ? spelling_hits(p, folded, ids, 4 * MAX_SPELLING_HITS) : 0;
    for (int i = 0; i < p->n; i++) {
        struct pick *k = &p->v[i];
        k->match = !*folded || strstr(k->folded, folded) != NULL;
        for (size_t j = 0; j < n_ids && !k->match; j++)
            k->match = k->gaz_id == ids[j];
    }
}

void picker_narrow(struct picker *p)
{
    char folded[256];
    text_fold(p->input, strlen(p->input), folded, sizeof folded);
    mark_matches(p, folded);
    bool *keep = calloc((size_t)p->n + 1, 1);
    if (!keep)
        return;
    for (int i = 0; i < p->n; i++)
        for (int a = i; a >= 0 && p->v[i].match && !keep[a]; a = p->v[a].parent_index)
            keep[a] = true;
    p->n_shown = 0;
    p->sel = -1;
    int first_match = -1;
    for (int i = 0; i < p->n; i++) {
        if (!keep[i])
            continue;
        if (p->v[i].match && first_match < 0)
            first_match = p->n_shown;
        if (p->v[i].match && p->sel < 0 && *folded &&
            strncmp(p->v[i].folded, folded, strlen(folded)) == 0)
            p->sel = p->n_shown;
        p->shown[p->n_shown++] = i;
    }
    free(keep);
    if (p->sel < 0)
        p->sel = first_match >= 0 ? first_match : 0;
    p->top = 0;
}

void picker_set_meaning(struct picker *p, enum place_meaning meaning)
{
    if (p->meaning == meaning)
        return;
    const struct pick *was = picker_selected(p);
    int64_t keep = was ? was->id : 0;
    p->meaning = meaning;
    for (int i = 0; i < p->n; i++)
        label_pick(&p->v[i], meaning); /* out of memory: that row shows no label */
    order_as_tree(p);                  /* the larger first, in the new counts */
    picker_narrow(p);
    select_id(p, keep);
}

void picker_move(struct picker *p, long delta)
{
    p->sel = view_move_within(p->sel, delta, p->n_shown);
}

void picker_draw(struct picker *p, const struct rect *r, const struct palette *pal)
{
    if (p->sel < p->top)
        p->top = p->sel;
    if (r->h > 0 && p->sel >= p->top + r->h)
        p->top = p->sel - r->h + 1;
    if (p->n_shown == 0)
        put_str(r->y, r->x, r->w, "(no place of the collection matches)", A_DIM);
    for (int row = 0; row < r->h && p->top + row < p->n_shown; row++) {
        int i = p->shown[p->top + row];
        const struct pick *k = &p->v[i];
        bool sel = p->top + row == p->sel;
        /* a place with no report in the meaning shown is there to be found, dimmed */
        attr_t a = sel                         ? element_attr(pal, EL_SELECTED)
                   : k->match && k->count != 0 ? A_NORMAL
                                               : A_DIM;
        if (sel)
            fill_row(r->y + row, r->x, r->w, a);
        int indent = k->depth * 2 > 16 ? 16 : k->depth * 2;
        put_str(r->y + row, r->x + indent, r->w - indent, k->label ? k->label : k->name, a);
    }
}

const struct pick *picker_selected(const struct picker *p)
{
    if (p->sel < 0 || p->sel >= p->n_shown)
        return NULL;
    return &p->v[p->shown[p->sel]];
}

/* ---- the picker as a view ---- */

/* The meaning comes first, so that a narrow terminal still shows what the counts count. */
static void draw_picker_view(struct app *a)
{
    char keys[64], title[300];
    keymap_describe(&a->keys, V_PICKER, ACT_PLACE_MEANING, keys, sizeof keys);
    bool any = a->pick->meaning == PLACE_MENTIONS;
    snprintf(title, sizeof title,
             "Location: %s%s (%s%s%s) - type any spelling, Up/Down choose, Enter applies, "
             "Esc cancels",
             a->pick->counted ? "" : "counting ",
             any ? "reports naming it" : "reports of events there", keys[0] ? keys : "",
             keys[0] ? ": " : "", any ? "events there" : "any mention");
    put_str(0, 0, COLS, title, A_BOLD);
    char prompt[300];
    snprintf(prompt, sizeof prompt, "> %s", a->pick->input);
    put_raw(1, 0, COLS, prompt, A_NORMAL);
    struct rect r = {2, 1, LINES - 2, COLS - 1};
    picker_draw(a->pick, &r, &a->pal);
}

static int count_places(struct store *s, void *arg, char *err, size_t errlen)
{
    return picker_load(arg, s, true, err, errlen);
}

void picker_view_start_counting(struct app *a)
{
    a->places_job = bg_start(a->s, count_places, a->places_loading, "places-load");
}

/* The counts replace the places shown uncounted, the picker staying where it was; a
 * failed count leaves them so (the title keeps saying "counting"). */
bool picker_view_take_counted(struct app *a, bool wait)
{
    if (!a->places_job || (!wait && !bg_done(a->places_job)))
        return false;
    char err[200];
    bool took = bg_finish(a->places_job, err, sizeof err) == 0 && !a->pick->counted;
    if (took)
        picker_adopt(a->pick, a->places_loading);
    a->places_job = NULL;
    picker_close(a->places_loading);
    return took;
}

/* A count under way is of the old collection; the picker counts afresh when it opens
 * (not at every commit: an import commits faster than 100,000 articles are counted). */
void picker_view_forget(struct app *a)
{
    if (a->places_job)
        bg_cancel(a->places_job);
    a->places_job = NULL;
    picker_close(a->places_loading);
    picker_close(a->pick);
}

/* Opens at once: while the places are counted (seconds at a million reports) it shows
 * them uncounted, and the counts come in when done. A script counts first. */
void picker_view_open(struct app *a)
{
    char err[200] = "";
    picker_view_take_counted(a, false);
    if (!a->pick->v) {
        if (!a->places_job && !a->headless)
            picker_view_start_counting(a);
        if (picker_load(a->pick, a->s, a->places_job == NULL, err, sizeof err) != 0) {
            app_say(a, true, err);
            return;
        }
    }
    picker_open(a->pick);
    picker_set_meaning(a->pick, a->place_meaning);
    app_open_screen(a, &picker_view);
}

static void choose_place(struct app *a)
{
    const struct pick *k = picker_selected(a->pick);
    if (!k)
        return;
    a->place_id = k->id;
    a->place_meaning = a->pick->meaning;
    snprintf(a->place_name, sizeof a->place_name, "%s", k->name);
    app_reset_list_position(a);
    app_apply_filter(a);
}

static bool picker_action(struct app *a, enum action act, int key)
{
    long delta;
    if (view_motion(act, LINES > 4 ? LINES - 2 : 1, &delta)) {
        picker_move(a->pick, delta);
        return true;
    }
    switch (act) {
    case ACT_OPEN:
        choose_place(a);
        app_close_screen(a);
        return true;
    case ACT_BACK:
        app_close_screen(a);
        return true;
    case ACT_PLACE_MEANING:
        picker_set_meaning(a->pick,
                           a->pick->meaning == PLACE_MENTIONS ? PLACE_EVENTS : PLACE_MENTIONS);
        return true;
    case ACT_NONE: /* typing */
        prompt_edit(a->pick->input, sizeof a->pick->input, key);
        picker_narrow(a->pick);
        return true;
    default:
        return false;
    }
}

static const char *describe_picker(enum action act)
{
    switch (act) {
    case ACT_OPEN:
        return "keep the reports at the selected place (in the meaning shown)";
    case ACT_BACK:
        return "close the picker, the filter unchanged";
    case ACT_PLACE_MEANING:
        return "count and keep the reports of events there, or every one naming the place";
    default:
        return NULL;
    }
}

const struct view_ops picker_view = {
    .title = "Location picker (l)",
    .id = V_PICKER,
    .draw = draw_picker_view,
    .action = picker_action,
    .describe = describe_picker,
};
