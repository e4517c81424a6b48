/* draw.h: the reader's drawing primitives and colours. Every element of the screen has a
 * name (for `color ELEMENT FG BG` in the config), a colour pair and a monochrome attribute
 * used when colour is off (NO_COLOR, or a terminal without colours), so highlights stay
 * distinguishable either way. Text passed here is already neutralised (text_sanitize). */
#ifndef SITREP_UI_DRAW_H
#define SITREP_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

enum element {
    EL_TITLE,    /* pane headers without focus */
    EL_FOCUS,    /* the focused pane's header */
    EL_STATUS,   /* the status line */
    EL_HINT,     /* the key hint line */
    EL_SELECTED, /* the selected row */
    EL_MARK,     /* the article marked for comparison */
    EL_KILLED,   /* killed figures and bars */
    EL_WOUNDED,  /* wounded figures and bars */
    EL_PLACE,    /* facts highlighted in the text */
    EL_ACTOR,
    EL_FIGURE,
    EL_DATE,
    EL_CURRENT, /* the fact n/N or the facts pane points at */
    EL_ERROR,   /* messages about errors */
    N_ELEMENTS
};

struct rect {
    int y, x, h, w;
};

struct palette {
    bool colour;
    short fg[N_ELEMENTS], bg[N_ELEMENTS];
};

/* Element names as the config spells them ("place", "killed"); -1 when unknown. */
int element_from_name(const char *name);
const char *element_name(enum element e);

/* A colour name ("red", "default", "bright-blue") or number 0-255; -2 when unknown. */
int colour_from_name(const char *name);

void palette_defaults(struct palette *p);

/* Starts colour on the current screen when p->colour is set (and the terminal has it). */
void palette_apply(struct palette *p);

/* The attribute to draw element e with. */
attr_t element_attr(const struct palette *p, enum element e);

/* Which element a cell's colour pair stands for, or -1 (for screen dumps of highlights). */
int element_of_pair(short pair);

/* Draws s (safe, one line) at y,x in at most w columns; returns the columns used. */
int put_str(int y, int x, int w, const char *s, attr_t attr);

/* Same for len bytes of s. */
int put_bytes(int y, int x, int w, const char *s, size_t len, attr_t attr);

/* Neutralises raw text (controls, escapes, bidi overrides; newlines and tabs become
 * spaces) and draws it. */
int put_raw(int y, int x, int w, const char *raw, attr_t attr);

/* Fills w columns of row y from x with spaces in attr. */
void fill_row(int y, int x, int w, attr_t attr);

#endif
