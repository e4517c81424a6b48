/* config.h: the reader's config file, $XDG_CONFIG_HOME/sitrep/config (else
 * ~/.config/sitrep/config). One command per line, '#' starts a comment:
 *
 *   bind VIEW KEY ACTION     VIEW: list, article, facts, timeline, main (those four),
 *                            compare, events, help, picker, prompt, or all (all but
 *                            picker and prompt); KEY: j, <C-d>, <Enter>, <F2>...;
 *                            ACTION: a name from the help screen, or none
 *   color ELEMENT FG [BG]    ELEMENT: title, focus, status, hint, selected, mark, killed,
 *                            wounded, place, actor, figure, date, current, error;
 *                            colours: default, black, red, green, yellow, blue, magenta,
 *                            cyan, white, bright-NAME, or 0-255
 *   set layout four|two|article
 *   set zoom day|week|month
 *   set sort date|toll|place|source|added
 *   filter NAME EXPR         a saved filter (EXPR in the filter language), chosen with F
 *
 * A bad line is skipped and reported with its line number; the rest still applies. */
#ifndef SITREP_UI_CONFIG_H
#define SITREP_UI_CONFIG_H

#include <stddef.h>

#include "actions.h"
#include "draw.h"
#include "store/day_tally.h"

enum layout { LAYOUT_FOUR, LAYOUT_TWO, LAYOUT_ARTICLE, N_LAYOUTS };

enum { MAX_SAVED_FILTERS = 9 };

struct saved_filter {
    char name[40];
    char expr[256];
};

struct ui_settings {
    enum layout layout;
    enum zoom zoom;
    int sort;                                       /* enum store_list_order */
    struct saved_filter filters[MAX_SAVED_FILTERS]; /* in the config's order */
    int n_filters;
};

struct config_target {
    struct keymap *keys;
    struct palette *colours;
    struct ui_settings *settings;
};

/* Applies one line (modified in place). Returns 0, or -1 with the reason in err. */
int config_apply_line(const struct config_target *t, char *line, char *err, size_t errlen);

/* Applies the file at path. A missing file is not an error. Returns the number of bad
 * lines; the first is described in err as "PATH:LINE: reason". */
int config_load(const struct config_target *t, const char *path, char *err, size_t errlen);

/* The default path (malloc'd), or NULL when neither XDG_CONFIG_HOME nor HOME is set. */
char *config_default_path(void);

#endif
