/* config.c: reads the config file into the keymap, the palette and the settings. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/list_window.h"
#include "store/query.h"

enum { MAX_WORDS = 5 };

/* Splits line into at most MAX_WORDS blank-separated words; a '#' starts a comment. */
static int split_words(char *line, char *words[MAX_WORDS])
{
    int n = 0;
    char *p = line;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            *p++ = '\0';
        if (!*p || *p == '#')
            break;
        if (n == MAX_WORDS)
            return MAX_WORDS + 1;
        words[n++] = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
            p++;
    }
    *p = '\0';
    return n;
}

static int apply_bind(const struct config_target *t, char **w, int n, char *err, size_t errlen)
{
    if (n != 4) {
        snprintf(err, errlen, "usage: bind VIEW KEY ACTION");
        return -1;
    }
    int views = view_mask_from_name(w[1]);
    int key = key_from_name(w[2]);
    int act = action_from_name(w[3]);
    if (!views)
        snprintf(err, errlen, "unknown view '%.40s' (list, article, facts, timeline, all)", w[1]);
    else if (key < 0)
        snprintf(err, errlen, "unknown key '%.40s' (a character, or <Enter>, <C-x>, <F1>...)",
                 w[2]);
    else if (act == -2)
        snprintf(err, errlen, "unknown action '%.40s' (see the help screen, ?)", w[3]);
    else {
        keymap_bind(t->keys, views, key, (enum action)act);
        return 0;
    }
    return -1;
}

static int apply_color(const struct config_target *t, char **w, int n, char *err, size_t errlen)
{
    if (n != 3 && n != 4) {
        snprintf(err, errlen, "usage: color ELEMENT FG [BG]");
        return -1;
    }
    int el = element_from_name(w[1]);
    int fg = colour_from_name(w[2]);
    int bg = n == 4 ? colour_from_name(w[3]) : -1;
    if (el < 0)
        snprintf(err, errlen, "unknown element '%.40s'", w[1]);
    else if (fg == -2 || bg == -2)
        snprintf(err, errlen, "unknown colour '%.40s'", fg == -2 ? w[2] : w[3]);
    else {
        t->colours->fg[el] = (short)fg;
        t->colours->bg[el] = (short)bg;
        return 0;
    }
    return -1;
}

static int pick_name(const char *value, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcasecmp(value, names[i]) == 0)
            return i;
    return -1;
}

static int apply_set(const struct config_target *t, char **w, int n, char *err, size_t errlen)
{
    static const char *const layouts[N_LAYOUTS] = {"four", "two", "article"};
    static const char *const zooms[N_ZOOMS] = {"day", "week", "month"};
    if (n != 3) {
        snprintf(err, errlen,
                 "usage: set layout four|two|article, set zoom day|week|month, "
                 "set sort date|toll|place|source|added");
        return -1;
    }
    if (strcasecmp(w[1], "layout") == 0) {
        int v = pick_name(w[2], layouts, N_LAYOUTS);
        if (v >= 0) {
            t->settings->layout = (enum layout)v;
            return 0;
        }
        snprintf(err, errlen, "unknown layout '%.40s' (four, two, article)", w[2]);
    } else if (strcasecmp(w[1], "zoom") == 0) {
        int v = pick_name(w[2], zooms, N_ZOOMS);
        if (v >= 0) {
            t->settings->zoom = (enum zoom)v;
            return 0;
        }
        snprintf(err, errlen, "unknown zoom '%.40s' (day, week, month)", w[2]);
    } else if (strcasecmp(w[1], "sort") == 0) {
        int v = store_list_order_from_name(w[2]);
        if (v >= 0) {
            t->settings->sort = v;
            return 0;
        }
        snprintf(err, errlen, "unknown sort '%.40s' (date, toll, place, source, added)", w[2]);
    } else {
        snprintf(err, errlen, "unknown setting '%.40s' (layout, zoom, sort)", w[1]);
    }
    return -1;
}

static char *skip_blanks(char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* "filter NAME EXPR": EXPR is the rest of the line, spaces and quotes kept. A name given
 * again replaces its filter. */
static int apply_filter(const struct config_target *t, char *rest, char *err, size_t errlen)
{
    char *name = skip_blanks(rest), *p = name;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    char *expr = skip_blanks(p);
    *p = '\0';
    size_t n = strlen(expr);
    while (n > 0 && (expr[n - 1] == '\n' || expr[n - 1] == '\r' || expr[n - 1] == ' '))
        expr[--n] = '\0';
    struct query trial;
    char why[200];
    query_init(&trial);
    int rc = !*name || !*expr ? -2 : query_parse(&trial, expr, why, sizeof why);
    query_free(&trial);
    if (rc == -2 || strlen(name) >= sizeof t->settings->filters[0].name ||
        n >= sizeof t->settings->filters[0].expr) {
        snprintf(err, errlen, "usage: filter NAME EXPR (a name up to 39 bytes, then a filter)");
        return -1;
    }
    if (rc != 0) {
        snprintf(err, errlen, "filter %.39s: %.150s", name, why);
        return -1;
    }
    struct ui_settings *set = t->settings;
    int i = 0;
    while (i < set->n_filters && strcmp(set->filters[i].name, name) != 0)
        i++;
    if (i == MAX_SAVED_FILTERS) {
        snprintf(err, errlen, "at most %d saved filters", MAX_SAVED_FILTERS);
        return -1;
    }
    snprintf(set->filters[i].name, sizeof set->filters[i].name, "%s", name);
    snprintf(set->filters[i].expr, sizeof set->filters[i].expr, "%s", expr);
    if (i == set->n_filters)
        set->n_filters++;
    return 0;
}

int config_apply_line(const struct config_target *t, char *line, char *err, size_t errlen)
{
    char *start = skip_blanks(line);
    if (strncmp(start, "filter", 6) == 0 && (start[6] == ' ' || start[6] == '\t'))
        return apply_filter(t, start + 6, err, errlen);
    char *w[MAX_WORDS];
    int n = split_words(line, w);
    if (n == 0)
        return 0;
    if (n > MAX_WORDS) {
        snprintf(err, errlen, "too many words");
        return -1;
    }
    if (strcmp(w[0], "bind") == 0)
        return apply_bind(t, w, n, err, errlen);
    if (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0)
        return apply_color(t, w, n, err, errlen);
    if (strcmp(w[0], "set") == 0)
        return apply_set(t, w, n, err, errlen);
    snprintf(err, errlen, "unknown command '%.40s' (bind, color, set, filter)", w[0]);
    return -1;
}

int config_load(const struct config_target *t, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        snprintf(err, errlen, "%.200s: %s", path, strerror(errno));
        return 1;
    }
    /* getline, so that a long line stays one line and the numbers after it stay right */
    char *line = NULL, why[200];
    size_t cap = 0;
    int bad = 0;
    for (int no = 1; getline(&line, &cap, f) >= 0; no++) {
        if (config_apply_line(t, line, why, sizeof why) == 0)
            continue;
        if (bad++ == 0)
            snprintf(err, errlen, "%.200s:%d: %s", path, no, why);
    }
    free(line);
    fclose(f);
    return bad;
}

char *config_default_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char buf[4096];
    if (xdg && *xdg == '/')
        snprintf(buf, sizeof buf, "%s/sitrep/config", xdg);
    else if (home && *home)
        snprintf(buf, sizeof buf, "%s/.config/sitrep/config", home);
    else
        return NULL;
    return strdup(buf);
}
