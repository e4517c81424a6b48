/* actions.h: every action of the reader, declared once. The key bindings, the help screen
 * and the config file's `bind` command all read this table, so a new action is one line.
 * Every screen is a view (view.h) with a keymap of its own, built from this table.
 *
 *   ACTION(identifier, name in config, default key, second default key or 0, views, help)
 *
 * views: the screens it applies to (VIEW_LIST ... VIEW_EVENTS, VIEW_MAIN for the four
 * panes, VIEW_ALL). Keys are curses key codes. The keymap starts from these defaults (and
 * the few screen-specific keys in actions.c); the config's `bind VIEW KEY ACTION` changes
 * one view's (or every view's) binding. In the picker and the prompts, where typing is
 * text, a printable key is never an action. */
#ifndef SITREP_UI_ACTIONS_H
#define SITREP_UI_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#define KEY_CTRL(c) ((c)&0x1f)
#define KEY_ESCAPE  27

/* The screens. The first N_PANES are the main screen's panes. */
enum view_id {
    V_LIST,
    V_ARTICLE,
    V_FACTS,
    V_TIMELINE,
    V_PICKER,
    V_PROMPT,
    V_HELP,
    V_COMPARE,
    V_EVENTS,
    V_MAP,
    V_EXPORT,
    V_FEEDS,
    N_VIEWS
};
#define N_PANES (V_TIMELINE + 1)

enum view_mask {
    VIEW_LIST = 1 << V_LIST,
    VIEW_ARTICLE = 1 << V_ARTICLE,
    VIEW_FACTS = 1 << V_FACTS,
    VIEW_TIMELINE = 1 << V_TIMELINE,
    VIEW_PICKER = 1 << V_PICKER,
    VIEW_PROMPT = 1 << V_PROMPT,
    VIEW_HELP = 1 << V_HELP,
    VIEW_COMPARE = 1 << V_COMPARE,
    VIEW_EVENTS = 1 << V_EVENTS,
    VIEW_MAP = 1 << V_MAP,
    VIEW_EXPORT = 1 << V_EXPORT,
    VIEW_FEEDS = 1 << V_FEEDS,
    VIEW_MAIN = VIEW_LIST | VIEW_ARTICLE | VIEW_FACTS | VIEW_TIMELINE,
    VIEW_ALL = (1 << N_VIEWS) - 1,
    /* what the config's "all" names: every screen but the two where typing is text, so
     * that `bind all <C-u> page-up` leaves C-u erasing a prompt's line */
    VIEW_ALL_BROWSING = VIEW_ALL & ~(VIEW_PICKER | VIEW_PROMPT | VIEW_EXPORT),
};

/* Where moving through lines or entries means something. */
#define VIEW_MOVES                                                                                 \
    (VIEW_MAIN | VIEW_HELP | VIEW_COMPARE | VIEW_EVENTS | VIEW_PICKER | VIEW_MAP | VIEW_FEEDS)

#define ACTIONS(ACTION)                                                                            \
    ACTION(QUIT, "quit", 'q', 0, VIEW_MAIN | VIEW_COMPARE | VIEW_EVENTS | VIEW_MAP | VIEW_FEEDS,   \
           "close the full-screen article, else quit")                                             \
    ACTION(QUIT_NOW, "quit-now", 'Q', 0, VIEW_MAIN, "quit at once")                                \
    ACTION(HELP, "help", '?', KEY_F(1), VIEW_MAIN, "this help (any key closes)")                   \
    ACTION(FOCUS_NEXT, "focus-next", '\t', 0, VIEW_MAIN | VIEW_COMPARE, "focus the next pane")     \
    ACTION(FOCUS_PREV, "focus-prev", KEY_BTAB, 0, VIEW_MAIN | VIEW_COMPARE,                        \
           "focus the previous pane")                                                              \
    ACTION(LAYOUT, "layout", 'v', 0, VIEW_MAIN,                                                    \
           "cycle layouts: four panes, list+article, article")                                     \
    ACTION(DOWN, "down", 'j', KEY_DOWN, VIEW_MOVES, "down one line or entry")                      \
    ACTION(UP, "up", 'k', KEY_UP, VIEW_MOVES, "up one line or entry")                              \
    ACTION(PAGE_DOWN, "page-down", KEY_NPAGE, ' ', VIEW_MOVES, "down one page")                    \
    ACTION(PAGE_UP, "page-up", KEY_PPAGE, 'b', VIEW_MOVES, "up one page")                          \
    ACTION(TOP, "top", 'g', KEY_HOME, VIEW_MAIN | VIEW_COMPARE | VIEW_EVENTS | VIEW_FEEDS,         \
           "first line or entry")                                                                  \
    ACTION(BOTTOM, "bottom", 'G', KEY_END, VIEW_MAIN | VIEW_COMPARE | VIEW_EVENTS | VIEW_FEEDS,    \
           "last line or entry")                                                                   \
    ACTION(OPEN, "open", '\n', KEY_ENTER,                                                          \
           VIEW_MAIN | VIEW_EVENTS | VIEW_PICKER | VIEW_PROMPT | VIEW_MAP | VIEW_EXPORT |          \
               VIEW_FEEDS,                                                                         \
           "open: the article full screen; a fact or day at its sentence")                         \
    ACTION(BACK, "back", KEY_ESCAPE, 0,                                                            \
           VIEW_MAIN | VIEW_COMPARE | VIEW_EVENTS | VIEW_PICKER | VIEW_PROMPT | VIEW_MAP |         \
               VIEW_EXPORT | VIEW_FEEDS,                                                           \
           "back to four panes, else clear the place")                                             \
    ACTION(NEXT_FACT, "next-fact", 'n', 0, VIEW_LIST | VIEW_ARTICLE | VIEW_FACTS,                  \
           "next fact in the article")                                                             \
    ACTION(PREV_FACT, "prev-fact", 'N', 0, VIEW_LIST | VIEW_ARTICLE | VIEW_FACTS,                  \
           "previous fact in the article")                                                         \
    ACTION(LOCATION, "location", 'l', 0, VIEW_MAIN, "location picker (type to narrow)")            \
    ACTION(CLEAR_FILTER, "clear-filter", 'L', 0, VIEW_MAIN, "clear place, search and filter")      \
    ACTION(SEARCH, "search", '/', 0, VIEW_LIST | VIEW_FACTS | VIEW_TIMELINE,                       \
           "full-text search (empty clears); in the article, / finds in it")                       \
    ACTION(FILTER, "filter", 'f', 0, VIEW_MAIN, "filter line: place: actor: killed>= since: ...")  \
    ACTION(ZOOM, "zoom", 'z', 0, VIEW_MAIN, "timeline by day, week or month")                      \
    ACTION(TOGGLE_READ, "toggle-read", 'r', 0, VIEW_LIST, "mark read / unread")                    \
    ACTION(MARK, "mark", 'm', 0, VIEW_MAIN | VIEW_EVENTS, "mark this article for comparison")      \
    ACTION(COMPARE, "compare", 'c', 0, VIEW_MAIN | VIEW_EVENTS,                                    \
           "compare the marked article with this one")                                             \
    ACTION(EVENTS, "events", 'E', 0, VIEW_MAIN, "events: reports of the same event")               \
    ACTION(REDRAW, "redraw", KEY_CTRL('l'), 0, VIEW_ALL, "redraw the screen")                      \
    ACTION(NEXT_ALIGNED, "next-aligned", 'n', 0, VIEW_COMPARE,                                     \
           "next sentence the two reports share")                                                  \
    ACTION(PREV_ALIGNED, "prev-aligned", 'N', 0, VIEW_COMPARE,                                     \
           "previous sentence the two reports share")                                              \
    ACTION(REGROUP, "regroup", 'r', 0, VIEW_EVENTS, "group the collection into events again")      \
    ACTION(FIND, "find", '/', 0, VIEW_ARTICLE,                                                     \
           "search in this article: matches in reverse video, n/N step, Esc ends")                 \
    ACTION(TAG, "tag", 't', 0, VIEW_LIST | VIEW_ARTICLE,                                           \
           "tag the article: a word adds a tag, -word removes it")                                 \
    ACTION(DELETE, "delete", 'd', 0, VIEW_LIST, "delete the article (asks first; u undoes)")       \
    ACTION(UNDO, "undo", 'u', 0, VIEW_LIST | VIEW_EVENTS, "bring back the article deleted last")   \
    ACTION(SAVED_FILTERS, "saved-filters", 'S', 0, VIEW_MAIN,                                      \
           "saved filters (config: filter NAME EXPR): 1-9 applies one")                            \
    ACTION(SORT, "sort", 's', 0, VIEW_MAIN,                                                        \
           "order the list by date, toll, place, source or date added")                            \
    ACTION(MERGE_EVENTS, "merge-events", 'M', 0, VIEW_EVENTS,                                      \
           "merge this event with the marked report's (a correction; u undoes)")                   \
    ACTION(SPLIT_REPORT, "split-report", 'S', 0, VIEW_EVENTS,                                      \
           "split this report out into an event of its own")                                       \
    ACTION(MOVE_REPORT, "move-report", 'V', 0, VIEW_EVENTS,                                        \
           "move this report to the marked report's event")                                        \
    ACTION(DROP_FIGURE, "drop-figure", 'X', 0, VIEW_EVENTS,                                        \
           "a figure of this report is not its event's (asks: KIND [N])")                          \
    ACTION(SET_DATE, "set-date", 'D', 0, VIEW_EVENTS, "set this report's date (asks: YYYY-MM-DD)") \
    ACTION(SET_PLACE, "set-place", 'P', 0, VIEW_EVENTS, "set the event's place (asks)")            \
    ACTION(SET_KIND, "set-kind", 'K', 0, VIEW_EVENTS, "set the event's kind (asks)")               \
    ACTION(MAP, "map", 'M', 0, VIEW_MAIN, "map: the events of the filter on country outlines")     \
    ACTION(EXPORT, "export", 'x', 0, VIEW_MAIN | VIEW_EVENTS | VIEW_MAP,                           \
           "export what is shown to a file (.csv, .jsonl or .geojson)")                            \
    ACTION(LEFT, "left", 'h', KEY_LEFT, VIEW_MAP, "the nearest point to the left")                 \
    ACTION(RIGHT, "right", 'l', KEY_RIGHT, VIEW_MAP, "the nearest point to the right")             \
    ACTION(FETCH, "fetch", 'R', 0, VIEW_MAIN | VIEW_FEEDS,                                         \
           "fetch every subscription in the background")                                           \
    ACTION(FEEDS, "feeds", 'F', 0, VIEW_MAIN, "feeds: subscriptions, their status and errors")     \
    ACTION(OPEN_LINK, "open-link", 'o', 0, VIEW_MAIN, "open the article's link in $BROWSER")       \
    ACTION(PLACE_MEANING, "place-meaning", '\t', 0, VIEW_PICKER,                                   \
           "a place keeps the reports of events there, or any that names it")

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

/* The default bindings, made once: for views drawn before the app hands them its keys. */
const struct keymap *keymap_default(void);
enum action keymap_lookup(const struct keymap *km, enum view_id view, int key);

/* Binds key to action in the views of mask (ACT_NONE unbinds). */
void keymap_bind(struct keymap *km, int view_mask, int key, enum action act);

/* The keys bound to act in view, as text ("j, Down"), into buf. */
void keymap_describe(const struct keymap *km, enum view_id view, enum action act, char *buf,
                     size_t cap);

/* One entry of a screen's hint line: an action and the word shown after its key. */
struct key_hint {
    enum action act;
    const char *label;
};

/* A hint line ("q quit  Tab side") from the first key bound to each action in view now,
 * so a `bind` shows on the screen's last line; actions with no key are left out. */
void keymap_hint_line(const struct keymap *km, enum view_id view, const struct key_hint *hints,
                      size_t n_hints, char *buf, size_t cap);

/* "quit" -> ACT_QUIT; ACT_NONE for "none"; -2 when unknown. */
int action_from_name(const char *name);

/* "list", "article", "facts", "timeline", "picker", "prompt", "help", "compare",
 * "events", "main" (the four panes), "all" (all but the picker and prompt) -> a view
 * mask; 0 when unknown. */
int view_mask_from_name(const char *name);

/* The config's name of a view ("list"). */
const char *view_name(enum view_id v);

/* Whether typing in the view is text (the picker, the prompts). */
bool view_takes_text(enum view_id v);

/* A key as the config and scripts write it: "j", "<Enter>", "<C-l>", "<F1>", "<PgDn>".
 * Returns the curses key code, or -1. */
int key_from_name(const char *name);

/* The reverse, for the help screen. */
void key_label(int key, char *buf, size_t cap);

#endif
