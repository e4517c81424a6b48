/* braille.c: the Braille canvas. */
#include "base/braille.h"

#include <stdlib.h>
#include <string.h>

/* The bit of each dot: Unicode numbers the dots 1-2-3-7 down the left column and
 * 4-5-6-8 down the right, so the bits do not follow the grid in order. */
static const uint8_t dot_bit[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

int braille_init(struct braille *b, int cols, int rows)
{
    memset(b, 0, sizeof *b);
    if (cols < 1 || rows < 1)
        return -1;
    b->cells = calloc((size_t)cols * (size_t)rows, 1);
    if (!b->cells)
        return -1;
    b->cols = cols;
    b->rows = rows;
    b->width = cols * 2;
    b->height = rows * 4;
    return 0;
}

void braille_free(struct braille *b)
{
    free(b->cells);
    memset(b, 0, sizeof *b);
}

void braille_clear(struct braille *b)
{
    memset(b->cells, 0, (size_t)b->cols * (size_t)b->rows);
}

void braille_set(struct braille *b, int x, int y)
{
    if (x < 0 || y < 0 || x >= b->width || y >= b->height)
        return;
    b->cells[(size_t)(y / 4) * (size_t)b->cols + (size_t)(x / 2)] |= dot_bit[y % 4][x % 2];
}

bool braille_get(const struct braille *b, int x, int y)
{
    if (x < 0 || y < 0 || x >= b->width || y >= b->height)
        return false;
    return b->cells[(size_t)(y / 4) * (size_t)b->cols + (size_t)(x / 2)] & dot_bit[y % 4][x % 2];
}

uint8_t braille_cell(const struct braille *b, int col, int row)
{
    if (col < 0 || row < 0 || col >= b->cols || row >= b->rows)
        return 0;
    return b->cells[(size_t)row * (size_t)b->cols + (size_t)col];
}

/* Liang-Barsky: narrows the segment's parameter range [t0, t1] to one edge. */
static bool clip_edge(double p, double q, double *t0, double *t1)
{
    if (p == 0)
        return q >= 0;
    double r = q / p;
    if (p < 0) {
        if (r > *t1)
            return false;
        if (r > *t0)
            *t0 = r;
    } else {
        if (r < *t0)
            return false;
        if (r < *t1)
            *t1 = r;
    }
    return true;
}

static bool clip_line(const struct braille *b, double *x0, double *y0, double *x1, double *y1)
{
    double dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0, t1 = 1;
    double xmax = b->width - 1, ymax = b->height - 1;
    if (!clip_edge(-dx, *x0, &t0, &t1) || !clip_edge(dx, xmax - *x0, &t0, &t1) ||
        !clip_edge(-dy, *y0, &t0, &t1) || !clip_edge(dy, ymax - *y0, &t0, &t1))
        return false;
    double sx = *x0, sy = *y0;
    *x0 = sx + t0 * dx;
    *y0 = sy + t0 * dy;
    *x1 = sx + t1 * dx;
    *y1 = sy + t1 * dy;
    return true;
}

void braille_line(struct braille *b, long x0, long y0, long x1, long y1)
{
    double fx0 = (double)x0, fy0 = (double)y0, fx1 = (double)x1, fy1 = (double)y1;
    if (!clip_line(b, &fx0, &fy0, &fx1, &fy1))
        return;
    int ax = (int)(fx0 + 0.5), ay = (int)(fy0 + 0.5), bx = (int)(fx1 + 0.5), by = (int)(fy1 + 0.5);
    int dx = abs(bx - ax), dy = -abs(by - ay);
    int sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1;
    int err = dx + dy;
    for (;;) {
        braille_set(b, ax, ay);
        if (ax == bx && ay == by)
            break;
        int e2 = 2 * err;
        if (e2 >= dy) {
            err += dy;
            ax += sx;
        }
        if (e2 <= dx) {
            err += dx;
            ay += sy;
        }
    }
}

void braille_disc(struct braille *b, int x, int y, int radius)
{
    for (int dy = -radius; dy <= radius; dy++)
        for (int dx = -radius; dx <= radius; dx++)
            if (dx * dx + dy * dy <= radius * radius + radius)
                braille_set(b, x + dx, y + dy);
}

void braille_merge(struct braille *dst, const struct braille *src)
{
    if (dst->cols != src->cols || dst->rows != src->rows)
        return;
    for (size_t i = 0; i < (size_t)dst->cols * (size_t)dst->rows; i++)
        dst->cells[i] |= src->cells[i];
}

size_t braille_cell_utf8(uint8_t bits, char out[4])
{
    if (!bits) {
        out[0] = ' ';
        out[1] = 0;
        return 1;
    }
    unsigned cp = 0x2800u + bits; /* three bytes: 1110xxxx 10xxxxxx 10xxxxxx */
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    out[3] = 0;
    return 3;
}

size_t braille_row_utf8(const struct braille *b, int row, char *buf, size_t cap)
{
    if (cap < (size_t)b->cols * 3 + 1 || row < 0 || row >= b->rows)
        return 0;
    size_t used = 0;
    for (int col = 0; col < b->cols; col++) {
        char cell[4];
        size_t n = braille_cell_utf8(braille_cell(b, col, row), cell);
        memcpy(buf + used, cell, n);
        used += n;
    }
    buf[used] = 0;
    return used;
}
