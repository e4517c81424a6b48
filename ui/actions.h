/* actions.h: every action of the reader, declared once. The key bindings, the help screen
 * and the config file's `bind` command all read this table, so a new action is one line.
 *
 *   ACTION(identifier, name in config, default key, second default key or 0, views, help)
 *
 * views: where it applies (VIEW_LIST, VIEW_ARTICLE, VIEW_FACTS, VIEW_TIMELINE, VIEW_ALL).
 * Keys are curses key codes. The keymap starts from these defaults; the config's
 * `bind VIEW KEY ACTION` changes one view's (or every view's) binding. */
#ifndef SITREP_UI_ACTIONS_H
#define SITREP_UI_ACTIONS_H

#include <stddef.h>

#include <curses.h>

#define KEY_CTRL(c) ((c)&0x1f)
#define KEY_ESCAPE  27

enum view_id { V_LIST, V_ARTICLE, V_FACTS, V_TIMELINE, N_VIEWS };

enum view_mask {
    VIEW_LIST = 1 << V_LIST,
    VIEW_ARTICLE = 1 << V_ARTICLE,
    VIEW_FACTS = 1 << V_FACTS,
    VIEW_TIMELINE = 1 << V_TIMELINE,
    VIEW_ALL = 15,
};

#define ACTIONS(ACTION)                                                                            \
    ACTION(QUIT, "quit", 'q', 0, VIEW_ALL, "close the full-screen article, else quit")             \
    ACTION(QUIT_NOW, "quit-now", 'Q', 0, VIEW_ALL, "quit at once")                                 \
    ACTION(HELP, "help", '?', KEY_F(1), VIEW_ALL, "this help (any key closes)")                    \
    ACTION(FOCUS_NEXT, "focus-next", '\t', 0, VIEW_ALL, "focus the next pane")                     \
    ACTION(FOCUS_PREV, "focus-prev", KEY_BTAB, 0, VIEW_ALL, "focus the previous pane")             \
    ACTION(LAYOUT, "layout", 'v', 0, VIEW_ALL, "cycle layouts: four panes, list+article, article") \
    ACTION(DOWN, "down", 'j', KEY_DOWN, VIEW_ALL, "down one line or entry")                        \
    ACTION(UP, "up", 'k', KEY_UP, VIEW_ALL, "up one line or entry")                                \
    ACTION(PAGE_DOWN, "page-down", KEY_NPAGE, ' ', VIEW_ALL, "down one page")                      \
    ACTION(PAGE_UP, "page-up", KEY_PPAGE, 'b', VIEW_ALL, "up one page")                            \
    ACTION(TOP, "top", 'g', KEY_HOME, VIEW_ALL, "first line or entry")                             \
    ACTION(BOTTOM, "bottom", 'G', KEY_END, VIEW_ALL, "last line or entry")                         \
    ACTION(OPEN, "open", '\n', KEY_ENTER, VIEW_ALL,                                                \
           "open: the article full screen; a fact or day at its sentence")                         \
    ACTION(BACK, "back", KEY_ESCAPE, 0, VIEW_ALL, "back to four panes, else clear the place")      \
    ACTION(NEXT_FACT, "next-fact", 'n', 0, VIEW_LIST | VIEW_ARTICLE | VIEW_FACTS,                  \
           "next fact in the article")                                                             \
    ACTION(PREV_FACT, "prev-fact", 'N', 0, VIEW_LIST | VIEW_ARTICLE | VIEW_FACTS,                  \
           "previous fact in the article")                                                         \
    ACTION(LOCATION, "location", 'l', 0, VIEW_ALL, "location picker (type to narrow)")             \
    ACTION(CLEAR_FILTER, "clear-filter", 'L', 0, VIEW_ALL, "clear place, search and filter")       \
    ACTION(SEARCH, "search", '/', 0, VIEW_ALL, "full-text search (empty clears)")                  \
    ACTION(FILTER, "filter", 'f', 0, VIEW_ALL, "filter line: place: actor: killed>= since: ...")   \
    ACTION(ZOOM, "zoom", 'z', 0, VIEW_ALL, "timeline by day, week or month")                       \
    ACTION(TOGGLE_READ, "toggle-read", 'r', 0, VIEW_LIST, "mark read / unread")                    \
    ACTION(MARK, "mark", 'm', 0, VIEW_LIST, "mark this article for comparison")                    \
    ACTION(COMPARE, "compare", 'c', 0, VIEW_LIST, "compare the marked article with this one")      \
    ACTION(EVENTS, "events", 'E', 0, VIEW_ALL, "events: reports of the same event")                \
    ACTION(REDRAW, "redraw", KEY_CTRL('l'), 0, VIEW_ALL, "redraw the screen")

#define ACTION_ENUM(id, name, key, key2, views, help) ACT_##id,
enum action { ACT_NONE = -1, ACTIONS(ACTION_ENUM) ACT_COUNT };
#undef ACTION_ENUM

struct action_info {
    const char *name;
    int key, key2;
    int views;
    const char *help;
};

extern const struct action_info action_table[ACT_COUNT];

/* Keys up to KEY_MAX, per view. */
struct keymap {
    signed char action[N_VIEWS][KEY_MAX + 1];
};

void keymap_defaults(struct keymap *km);
enum action keymap_lookup(const struct keymap *km, enum view_id view, int key);

/* Binds key to action in the views of mask (ACT_NONE unbinds). */
void keymap_bind(struct keymap *km, int view_mask, int key, enum action act);

/* The keys bound to act in view, as text ("j, Down"), into buf. */
void keymap_describe(const struct keymap *km, enum view_id view, enum action act, char *buf,
                     size_t cap);

/* "quit" -> ACT_QUIT; ACT_NONE for "none"; -2 when unknown. */
int action_from_name(const char *name);

/* "list", "article", "facts", "timeline", "all" -> a view mask; 0 when unknown. */
int view_mask_from_name(const char *name);

/* A key as the config and scripts write it: "j", "<Enter>", "<C-l>", "<F1>", "<PgDn>".
 * Returns the curses key code, or -1. */
int key_from_name(const char *name);

/* The reverse, for the help screen. */
void key_label(int key, char *buf, size_t cap);

#endif
