/* help.c: the help screen, built from the action table and the keymap. */
#include "views/help.h"

#include <stdio.h>

#include "state.h"
#include "views/compare.h"
#include "views/events.h"
#include "views/export.h"
#include "views/map.h"
#include "views/feeds.h"
#include "views/picker.h"
#include "views/prompt.h"

static const char *const help_tail[] = {
    "",
    "Filter line (f): all terms must hold",
    "  place:Anbar              reports of events there or inside it (where they happened)",
    "  mentions:Anbar           every report naming it or a place inside it, in passing too",
    "  actor:\"Islamic State\"    naming the actor (any alias)",
    "  killed>=10 wounded>5     the article's own figure (headline or lede first)",
    "  since:2016-06 until:2016-07   publication date (year, month or day)",
    "  source:Reuters read:no   outlet; read or unread",
    "  feed:\"Alpha News\"        from that subscription (name, title or URL)",
    "  tag:verify               carrying the tag (t adds and removes tags)",
    "  other words              full-text search; \"quoted phrases\"",
    "",
    "Config: $XDG_CONFIG_HOME/sitrep/config (bind VIEW KEY ACTION, color ELEMENT FG BG,",
    "set layout four|two|article, set zoom day|week|month, filter NAME EXPR for F);",
    "see sitrep(1).",
};

/* The screens besides the main one, each with the actions it takes, after the tail. */
static const struct view_ops *const screens[] = {&compare_screen, &events_screen, &map_screen,
                                                 &feeds_screen,   &picker_view,   &prompt_view,
                                                 &export_view};
enum { N_SCREENS = sizeof screens / sizeof screens[0] };

static int tail_lines(void)
{
    return (int)(sizeof help_tail / sizeof help_tail[0]);
}

/* An action's line: its keys in view v, its name, what it does (there, when the view
 * says). */
static int action_line(const struct app *a, const struct view_ops *vo, enum view_id v, int act,
                       char *out, size_t cap)
{
    const struct action_info *ai = &action_table[act];
    const char *help = vo && vo->describe ? vo->describe((enum action)act) : NULL;
    char keys[64];
    keymap_describe(&a->keys, v, (enum action)act, keys, sizeof keys);
    return snprintf(out, cap, "  %-14s %-13s %s", keys[0] ? keys : "(unbound)", ai->name,
                    help ? help : ai->help);
}

/* The main screen's actions, in table order, each with the keys of the first pane it
 * applies to. */
static int main_line(const struct app *a, int i, char *out, size_t cap)
{
    int seen = 0;
    for (int act = 0; act < ACT_COUNT; act++) {
        if (!(action_table[act].views & VIEW_MAIN) || seen++ < i)
            continue;
        enum view_id v = V_LIST;
        while (v < N_PANES - 1 && !(action_table[act].views & (1 << v)))
            v++;
        return action_line(a, NULL, v, act, out, cap);
    }
    return -1;
}

static int count_in(int views)
{
    int n = 0;
    for (int act = 0; act < ACT_COUNT; act++)
        n += (action_table[act].views & views) != 0;
    return n;
}

/* A screen's section: a blank line, its title, its actions. */
static int screen_line(const struct app *a, const struct view_ops *v, int i, char *out, size_t cap)
{
    if (i == 0)
        return snprintf(out, cap, "%s", "");
    if (i == 1)
        return snprintf(out, cap, "%s", v->title);
    int seen = 0;
    for (int act = 0; act < ACT_COUNT; act++)
        if ((action_table[act].views & (1 << v->id)) && seen++ == i - 2)
            return action_line(a, v, v->id, act, out, cap);
    return -1;
}

/* Line i of the help: the heading, the main screen's actions, the filter language and
 * config, then the other screens. */
static int help_line(const struct app *a, int i, char *out, size_t cap)
{
    if (i == 0)
        return snprintf(out, cap, "sitrep - keys (j/k scroll, any other key closes)");
    if (i == 1)
        return snprintf(out, cap, "%s", "");
    i -= 2;
    int n_main = count_in(VIEW_MAIN);
    if (i < n_main)
        return main_line(a, i, out, cap);
    i -= n_main;
    if (i < tail_lines())
        return snprintf(out, cap, "%s", help_tail[i]);
    i -= tail_lines();
    for (int s = 0; s < N_SCREENS; s++) {
        int lines = 2 + count_in(1 << screens[s]->id);
        if (i < lines)
            return screen_line(a, screens[s], i, out, cap);
        i -= lines;
    }
    return -1;
}

static int help_lines(const struct app *a)
{
    char buf[200];
    int n = 0;
    while (help_line(a, n, buf, sizeof buf) >= 0)
        n++;
    return n;
}

static void draw_help_view(struct app *a)
{
    char buf[200];
    for (int row = 0; row < LINES; row++) {
        int i = row == 0 ? 0 : a->help_top + row;
        if (help_line(a, i, buf, sizeof buf) < 0)
            break;
        put_str(row, 1, COLS - 1, buf, row == 0 ? A_BOLD : A_NORMAL);
    }
}

/* Scrolling keys scroll; any other key closes. */
static bool help_action(struct app *a, enum action act, int key)
{
    int last = help_lines(a) - LINES;
    if (act == ACT_DOWN || act == ACT_PAGE_DOWN)
        a->help_top += act == ACT_DOWN ? 1 : LINES - 2;
    else if (act == ACT_UP || act == ACT_PAGE_UP)
        a->help_top -= act == ACT_UP ? 1 : LINES - 2;
    else
        app_close_screen(a);
    if (a->help_top > last)
        a->help_top = last;
    if (a->help_top < 0)
        a->help_top = 0;
    return true;
}

const struct view_ops help_view = {
    .title = "Help (?)",
    .id = V_HELP,
    .draw = draw_help_view,
    .action = help_action,
};
