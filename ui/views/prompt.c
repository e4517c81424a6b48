/* prompt.c: the search (/) and filter (f) line at the foot of the main screen. */
#include "views/prompt.h"

#include <stdio.h>
#include <string.h>

#include "state.h"
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

void prompt_view_open_search(struct app *a)
{
    a->prompt_filters = false;
    a->input[0] = '\0';
    app_open_screen(a, &prompt_view);
}

void prompt_view_open_filter(struct app *a, const char *initial)
{
    a->prompt_filters = true;
    snprintf(a->input, sizeof a->input, "%s", initial);
    app_open_screen(a, &prompt_view);
}

static void draw_prompt_view(struct app *a)
{
    app_draw_main(a);
    char prompt[300];
    snprintf(prompt, sizeof prompt, "%s%s", a->prompt_filters ? "filter: " : "/", a->input);
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

static void submit(struct app *a)
{
    if (a->prompt_filters && !filter_accepted(a))
        return;
    if (!a->prompt_filters)
        snprintf(a->search, sizeof a->search, "%s", a->input);
    app_close_screen(a);
    app_reset_list_position(a);
    app_apply_filter(a);
}

static bool prompt_action(struct app *a, enum action act, int key)
{
    switch (act) {
    case ACT_OPEN:
        submit(a);
        return true;
    case ACT_BACK:
        app_close_screen(a);
        return true;
    case ACT_NONE: /* typing */
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
        return "apply the line (an empty search clears it)";
    case ACT_BACK:
        return "close the line, nothing changed";
    default:
        return NULL;
    }
}

const struct view_ops prompt_view = {
    .title = "Search (/) and filter (f) lines",
    .id = V_PROMPT,
    .draw = draw_prompt_view,
    .action = prompt_action,
    .describe = describe_prompt,
};
