/* cell.h: one typed value of a row that leaves the program (text, integer, real, boolean
 * or null), so the writers of each format decide how it is spelt. */
#ifndef SITREP_CELL_H
#define SITREP_CELL_H

#include <stdbool.h>

enum cell_type { CELL_NULL, CELL_TEXT, CELL_INT, CELL_REAL, CELL_BOOL };

struct cell {
    enum cell_type type;
    const char *text; /* CELL_TEXT; NULL is written as an empty cell / null */
    long long integer;
    double real;
    int decimals; /* CELL_REAL */
    bool boolean;
};

struct cell cell_text(const char *s);
struct cell cell_int(long long v);
struct cell cell_int_or_null(long v); /* FACT_NONE (-1) is null */
struct cell cell_real(double v, int decimals);
struct cell cell_bool(bool v);
struct cell cell_null(void);

#endif
