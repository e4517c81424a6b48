/* prompt.c: the line at the foot of the main screen that asks for something: search
 * words (/), the filter (f), words to find in the article (/ there), tags (t), whether to
 * delete (d), a saved filter (F). */
#include "views/prompt.h"

#include <stdio.h>
#include <string.h>

#include "edits.h"
#include "state.h"
#include "store/corrections.h"
#include "store/query.h"

bool prompt_edit(char *buf, size_t cap, int key)
{
    size_t n = strlen(buf);
    if (key == KEY_BACKSPACE || key == 127 || key == 8) {
        while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        buf[n] = '\0';
        return true;
    }
    if (key == KEY_CTRL('u')) {
        buf[0] = '\0';
        return true;
    }
    if (key >= 32 && key < 256 && key != 127 && n + 1 < cap) {
        buf[n] = (char)key;
        buf[n + 1] = '\0';
        return true;
    }
    return false;
}

void prompt_view_open(struct app *a, enum prompt_kind kind, int64_t article, const char *initial)
{
    if (kind == PROMPT_SAVED && a->set.n_filters == 0) {
        app_say(a, false, "no saved filters: add 'filter NAME EXPR' lines to the config");
        return;
    }
    a->prompt = kind;
    a->prompt_article = article;
    snprintf(a->input, sizeof a->input, "%s", initial ? initial : "");
    app_open_screen(a, &prompt_view);
}

void prompt_view_open_search(struct app *a)
{
    prompt_view_open(a, PROMPT_SEARCH, 0, NULL);
}

void prompt_view_open_filter(struct app *a, const char *initial)
{
    prompt_view_open(a, PROMPT_FILTER, 0, initial);
}

/* The saved filters, numbered, in the rows above the prompt. */
static void draw_saved_filters(struct app *a)
{
    int n = a->set.n_filters, y0 = LINES - 2 - n - 1;
    for (int i = -1; i < n; i++) {
        char row[320];
        if (i < 0)
            snprintf(row, sizeof row, " Saved filters");
        else
            snprintf(row, sizeof row, " %d  %-16s %s", i + 1, a->set.filters[i].name,
                     a->set.filters[i].expr);
        move(y0 + 1 + i, 0);
        clrtoeol();
        put_raw(y0 + 1 + i, 0, COLS, row, i < 0 ? element_attr(&a->pal, EL_TITLE) : A_NORMAL);
    }
}

static const char *correction_question(int op)
{
    switch (op) {
    case CORR_DROP_FIGURE:
        return "not this event's figure of #%lld (KIND [N], e.g. killed 24): ";
    case CORR_DATE:
        return "date of #%lld (YYYY-MM-DD): ";
    case CORR_PLACE:
        return "place of #%lld's event: ";
    default:
        return "kind of #%lld's event (airstrike, bombing, clash, shelling...): ";
    }
}

static void draw_prompt_view(struct app *a)
{
    if (a->under)
        a->under->draw(a);
    else
        app_draw_main(a);
    char prompt[400];
    switch (a->prompt) {
    case PROMPT_FILTER:
        snprintf(prompt, sizeof prompt, "filter: %s", a->input);
        break;
    case PROMPT_FIND:
        snprintf(prompt, sizeof prompt, "find in article: %s", a->input);
        break;
    case PROMPT_TAG:
        snprintf(prompt, sizeof prompt, "tag #%lld (word adds, -word removes): %s",
                 (long long)a->prompt_article, a->input);
        break;
    case PROMPT_DELETE:
        snprintf(prompt, sizeof prompt, "delete #%lld? (y/n)", (long long)a->prompt_article);
        break;
    case PROMPT_CORRECT: {
        int n = snprintf(prompt, sizeof prompt, correction_question(a->prompt_op),
                         (long long)a->prompt_article);
        if (n > 0 && (size_t)n < sizeof prompt)
            snprintf(prompt + n, sizeof prompt - (size_t)n, "%s", a->input);
        break;
    }
    case PROMPT_SAVED:
        draw_saved_filters(a);
        snprintf(prompt, sizeof prompt, "saved filter: 1-%d, Esc", a->set.n_filters);
        break;
    default:
        snprintf(prompt, sizeof prompt, "/%s", a->input);
        break;
    }
    move(LINES - 1, 0);
    clrtoeol();
    put_raw(LINES - 1, 0, COLS, prompt, A_NORMAL);
}

/* A filter that does not parse keeps the prompt open with its text, to be corrected. */
static bool filter_accepted(struct app *a)
{
    struct query trial;
    char err[200];
    query_init(&trial);
    int rc = query_parse(&trial, a->input, err, sizeof err);
    query_free(&trial);
    if (rc != 0) {
        char m[260];
        snprintf(m, sizeof m, "filter: %s", err);
        app_say(a, true, m);
        return false;
    }
    snprintf(a->filter, sizeof a->filter, "%s", a->input);
    return true;
}

static void find_in_article(struct app *a)
{
    int found = app_find_in_article(a, a->input);
    if (a->input[0] && found == 0)
        app_say(a, false, "not in this article");
}

static void submit(struct app *a)
{
    if (a->prompt == PROMPT_FILTER && !filter_accepted(a))
        return;
    app_close_screen(a);
    switch (a->prompt) {
    case PROMPT_FIND:
        find_in_article(a);
        return;
    case PROMPT_TAG:
        edits_tag(a, a->prompt_article, a->input);
        return;
    case PROMPT_CORRECT:
        app_events_correct(a, a->input);
        return;
    case PROMPT_DELETE:
    case PROMPT_SAVED:
        return; /* they answer with one key */
    case PROMPT_SEARCH:
        snprintf(a->search, sizeof a->search, "%s", a->input);
        break;
    case PROMPT_FILTER:
        break;
    }
    app_reset_list_position(a);
    app_apply_filter(a);
}

/* A key that answers the delete question or picks a saved filter. */
static void answer(struct app *a, int key)
{
    if (a->prompt == PROMPT_DELETE) {
        app_close_screen(a);
        if (key == 'y' || key == 'Y')
            edits_delete(a, a->prompt_article);
        else
            app_say(a, false, "nothing deleted");
        return;
    }
    if (key < '1' || key >= '1' + a->set.n_filters)
        return;
    const struct saved_filter *f = &a->set.filters[key - '1'];
    snprintf(a->filter, sizeof a->filter, "%s", f->expr);
    app_close_screen(a);
    app_reset_list_position(a);
    app_apply_filter(a);
    char m[80];
    snprintf(m, sizeof m, "saved filter %s", f->name);
    if (a->filter[0])
        app_say(a, false, m);
}

static bool prompt_action(struct app *a, enum action act, int key)
{
    bool one_key = a->prompt == PROMPT_DELETE || a->prompt == PROMPT_SAVED;
    switch (act) {
    case ACT_OPEN:
        submit(a);
        return true;
    case ACT_BACK:
        app_close_screen(a);
        return true;
    case ACT_NONE: /* typing */
        if (one_key)
            answer(a, key);
        else
            prompt_edit(a->input, sizeof a->input, key);
        return true;
    default: /* a key bound elsewhere may still edit the line (C-u, Backspace) */
        return prompt_edit(a->input, sizeof a->input, key);
    }
}

static const char *describe_prompt(enum action act)
{
    switch (act) {
    case ACT_OPEN:
        return "apply the line (an empty search or find clears it)";
    case ACT_BACK:
        return "close the line, nothing changed";
    default:
        return NULL;
    }
}

const struct view_ops prompt_view = {
    .title = "Prompts: search (/), filter (f), find (/ in the article), tag (t), delete (d), "
             "saved filters (F)",
    .id = V_PROMPT,
    .draw = draw_prompt_view,
    .action = prompt_action,
    .describe = describe_prompt,
};
