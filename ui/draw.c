/* draw.c: colours by element, and drawing safe text clipped to a width in columns. */
#include "draw.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"

static const char *const element_names[N_ELEMENTS] = {
    "title",   "focus", "status", "hint",   "selected", "mark",    "killed",
    "wounded", "place", "actor",  "figure", "date",     "current", "error",
};

/* What an element looks like without colour: highlights differ by attribute alone. */
static const attr_t element_mono[N_ELEMENTS] = {
    A_BOLD,
    A_REVERSE,
    A_REVERSE,
    A_NORMAL,
    A_REVERSE,
    A_BOLD,
    A_BOLD,
    A_NORMAL,
    A_UNDERLINE,
    A_BOLD,
    A_BOLD | A_UNDERLINE,
    A_UNDERLINE,
    A_REVERSE,
    A_BOLD,
};

/* Default colours: -1 is the terminal's own. */
static const short default_fg[N_ELEMENTS] = {
    COLOR_CYAN,   COLOR_BLACK, COLOR_BLACK,   -1,        -1,         COLOR_YELLOW, COLOR_RED,
    COLOR_YELLOW, COLOR_GREEN, COLOR_MAGENTA, COLOR_RED, COLOR_CYAN, COLOR_BLACK,  COLOR_RED,
};
static const short default_bg[N_ELEMENTS] = {
    -1, COLOR_CYAN, COLOR_WHITE, -1, -1, -1, -1, -1, -1, -1, -1, -1, COLOR_YELLOW, -1,
};

int element_from_name(const char *name)
{
    for (int i = 0; i < N_ELEMENTS; i++)
        if (strcasecmp(name, element_names[i]) == 0)
            return i;
    return -1;
}

const char *element_name(enum element e)
{
    return (int)e >= 0 && e < N_ELEMENTS ? element_names[e] : "?";
}

int colour_from_name(const char *name)
{
    static const char *const names[] = {"black", "red",     "green", "yellow",
                                        "blue",  "magenta", "cyan",  "white"};
    if (strcasecmp(name, "default") == 0)
        return -1;
    bool bright = strncasecmp(name, "bright-", 7) == 0;
    const char *base = bright ? name + 7 : name;
    for (int i = 0; i < 8; i++)
        if (strcasecmp(base, names[i]) == 0)
            return bright ? i + 8 : i;
    char *end;
    long n = strtol(name, &end, 10);
    if (end != name && *end == '\0' && n >= 0 && n <= 255)
        return (int)n;
    return -2;
}

void palette_defaults(struct palette *p)
{
    for (int i = 0; i < N_ELEMENTS; i++) {
        p->fg[i] = default_fg[i];
        p->bg[i] = default_bg[i];
    }
}

void palette_apply(struct palette *p)
{
    if (!p->colour || !has_colors()) {
        p->colour = false;
        return;
    }
    start_color();
    use_default_colors();
    for (int i = 0; i < N_ELEMENTS; i++) {
        short fg = p->fg[i] < COLORS ? p->fg[i] : -1, bg = p->bg[i] < COLORS ? p->bg[i] : -1;
        init_pair((short)(i + 1), fg, bg);
    }
}

attr_t element_attr(const struct palette *p, enum element e)
{
    if (!p->colour)
        return element_mono[e];
    /* An element left at the terminal's own colours (the selected row, unless the config
     * colours it) would look like any other text: it keeps its look without colour. */
    bool uncoloured = p->fg[e] < 0 && p->bg[e] < 0;
    attr_t kept = uncoloured ? element_mono[e] : element_mono[e] & (A_BOLD | A_UNDERLINE);
    return (attr_t)COLOR_PAIR(e + 1) | kept;
}

int element_of_pair(short pair)
{
    return pair >= 1 && pair <= N_ELEMENTS ? pair - 1 : -1;
}

int put_bytes(int y, int x, int w, const char *s, size_t len, attr_t attr)
{
    if (w <= 0 || !s || len == 0)
        return 0;
    int used;
    size_t n = text_prefix_fitting(s, len, w, &used);
    attron(attr);
    mvaddnstr(y, x, s, (int)n);
    attroff(attr);
    return used;
}

int put_str(int y, int x, int w, const char *s, attr_t attr)
{
    return s ? put_bytes(y, x, w, s, strlen(s), attr) : 0;
}

int put_raw(int y, int x, int w, const char *raw, attr_t attr)
{
    if (!raw)
        return 0;
    char *s = text_sanitize(raw, strlen(raw));
    if (!s)
        return 0;
    for (char *c = s; *c; c++)
        if (*c == '\n' || *c == '\t')
            *c = ' ';
    int used = put_str(y, x, w, s, attr);
    free(s);
    return used;
}

void fill_row(int y, int x, int w, attr_t attr)
{
    if (w <= 0)
        return;
    attron(attr);
    mvhline(y, x, ' ', w);
    attroff(attr);
}
