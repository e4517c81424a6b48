/* braille.h: a canvas of Braille cells. Each terminal cell holds a 2 x 4 grid of dots
 * (U+2800 + 8 bits), so a 80 x 24 screen is a 160 x 96 pixel canvas: fine enough for
 * country outlines in a text terminal. Pixels outside the canvas are clipped. */
#ifndef SITREP_BRAILLE_H
#define SITREP_BRAILLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct braille {
    int cols, rows;    /* cells */
    int width, height; /* pixels: cols * 2, rows * 4 */
    uint8_t *cells;    /* the dot bits of each cell, row by row */
};

/* Returns 0, or -1 out of memory (or a size below one cell). */
int braille_init(struct braille *b, int cols, int rows);
void braille_free(struct braille *b);
void braille_clear(struct braille *b);

void braille_set(struct braille *b, int x, int y);
bool braille_get(const struct braille *b, int x, int y);

/* The dot bits of one cell (0 when blank or outside). */
uint8_t braille_cell(const struct braille *b, int col, int row);

/* A straight line (Bresenham) from (x0, y0) to (x1, y1), clipped to the canvas first, so
 * a line far outside costs nothing. */
void braille_line(struct braille *b, long x0, long y0, long x1, long y1);

/* A filled disc of the given pixel radius (0: one dot). */
void braille_disc(struct braille *b, int x, int y, int radius);

/* Every set dot of src also set in dst (same size). */
void braille_merge(struct braille *dst, const struct braille *src);

/* The UTF-8 of one cell: three bytes, or a space for a blank cell. Returns the bytes. */
size_t braille_cell_utf8(uint8_t bits, char out[4]);

/* One row as UTF-8 (blank cells as spaces), NUL-terminated; buf needs cols * 3 + 1 bytes.
 * Returns the bytes written, or 0 when buf is too small. */
size_t braille_row_utf8(const struct braille *b, int row, char *buf, size_t cap);

#endif
