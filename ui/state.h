/* state.h: the reader's state and the services the views use: the store and the filter,
 * the panes and their layout, the status line's message, opening and closing a screen.
 * app.c implements the app_ functions; the views include this header and never app.c's
 * own, so the views and the loop do not include each other. */
#ifndef SITREP_UI_STATE_H
#define SITREP_UI_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "actions.h"
#include "config.h"
#include "draw.h"
#include "store/query.h"
#include "view.h"

enum { DEFAULT_FACTS_WIDTH = 30 };

/* What the prompt line at the foot of the main screen asks for. */
enum prompt_kind {
    PROMPT_SEARCH,  /* words for the full-text search (/) */
    PROMPT_FILTER,  /* the filter line (f) */
    PROMPT_FIND,    /* words to find in the open article (/ there) */
    PROMPT_TAG,     /* tags to add or remove (t) */
    PROMPT_DELETE,  /* y to delete the article (d) */
    PROMPT_SAVED,   /* a saved filter's number (F) */
    PROMPT_CORRECT, /* the value of a correction in the events view (prompt_op) */
};

struct article_pane;
struct ui_options;
struct bg_job;
struct compare_view;
struct events_view;
struct map_view;
struct feeds_view;
struct fetch_job;
struct event_grouping;
struct list_pane;
struct picker;
struct timeline;

struct app {
    struct store *s;
    const struct ui_options *opt;
    bool headless, quit;
    struct keymap keys;
    struct palette pal;
    struct ui_settings set;
    enum layout layout, layout_before_open;
    enum view_id focus;            /* the main screen's focused pane */
    const struct view_ops *screen; /* a screen over the main one, or NULL */
    const struct view_ops *under;  /* the screen help or the export line returns to (NULL:
                                    * the main one) */
    /* the filter: a place from the picker, search words, the filter line */
    int64_t place_id;
    enum place_meaning place_meaning; /* what the place keeps: events there, or any mention */
    char place_name[160], search[256], filter[256];
    struct query q;
    struct list_pane *list;
    struct article_pane *art;
    struct timeline *tl;
    struct picker *pick;
    struct rect panes[N_PANES]; /* content areas at the last paint (h 0: hidden) */
    enum prompt_kind prompt;    /* what the prompt line asks for */
    int64_t prompt_article;     /* the article a tag, delete or correction prompt is about */
    int prompt_op;              /* PROMPT_CORRECT: enum correction_op */
    char input[256];
    int sort;            /* the list's order: enum store_list_order */
    int64_t deleted[64]; /* this session's deletes, newest last, for undo */
    int n_deleted;
    char msg[300];
    bool msg_is_error;
    int help_top;
    struct compare_view *cv;
    struct events_view *ev;
    struct order_index *order_job; /* an order's index being made (order_index.h) */
    int order_wanted;              /* the order to take when it is made, -1: none */
    struct map_view *map;
    double filter_started; /* for SITREP_TRACE: when the filter last changed, else 0 */
    /* the picker's places, counted in the background after the first paint */
    struct bg_job *places_job;
    struct picker *places_loading;
    struct event_grouping *grouping; /* events grouped in the background, or NULL */
    int64_t data_version;            /* of the collection when last read (follow_collection) */
    /* articles opened while another process held the write lock, marked read later */
    int64_t unmarked[32];
    int n_unmarked;
    struct fetch_job *fetch;  /* R's fetch under way, or NULL (fetching.h) */
    char fetch_label[120];    /* what it fetches: "every feed", a feed's name */
    char fetch_status[160];   /* its progress for the status line, or "" */
    struct feeds_view *feeds; /* the feeds screen's state while open */
};

/* Marks an article read without waiting for the write lock; a mark refused because
 * another process (an import) holds it is kept and tried again by app_retry_read_marks,
 * which the idle loop calls, so the screen never freezes on a write. */
void app_mark_read(struct app *a, int64_t id);
void app_retry_read_marks(struct app *a);

/* The status line's message (an error shows in the error colour). */
void app_say(struct app *a, bool error, const char *text);

/* Compiles place, search and filter line into a->q; refreshes what depends on it. */
void app_apply_filter(struct app *a);
/* Orders the list by sort (enum store_list_order), keeping the selected article. */
void app_set_sort(struct app *a, int sort);
/* The list's selection back to its first row (the filter changed). */
void app_reset_list_position(struct app *a);

/* The panes for the current layout and size; whether pane v is shown; its rows (>= 1). */
void app_layout_panes(struct app *a);
bool app_pane_shown(const struct app *a, enum view_id v);
int app_rows_of(const struct app *a, enum view_id v);
/* Pane v's header row, in the focus colour when it has the focus. */
void app_pane_header(const struct app *a, enum view_id v, const char *title);

/* The selected article full screen, and back to the layout before. */
void app_open_full_screen(struct app *a);
/* Applies the correction the prompt asked for (text: its value) in the events view. */
void app_events_correct(struct app *a, const char *text);
/* Finds words in the shown article (views/article.h); returns the number of matches. */
int app_find_in_article(struct app *a, const char *words);
/* Reads the shown article again (its tags changed). */
void app_reload_article(struct app *a);
/* Selects article id in the list when the list holds it. */
void app_select_article(struct app *a, int64_t id);
/* Loads article id into the article pane at the panes' widths. */
void app_load_article(struct app *a, int64_t id);

/* The main screen's panes, their status line and hint line. */
void app_draw_main(struct app *a);

/* Shows screen v over the main one; app_close_screen closes it (its close op runs). */
void app_open_screen(struct app *a, const struct view_ops *v);
void app_close_screen(struct app *a);

#endif
