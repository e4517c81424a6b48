/* cell.c: cell constructors. */
#include "export/cell.h"

#include "base/facts.h"

struct cell cell_text(const char *s)
{
    return (struct cell){.type = s ? CELL_TEXT : CELL_NULL, .text = s};
}

struct cell cell_int(long long v)
{
    return (struct cell){.type = CELL_INT, .integer = v};
}

struct cell cell_int_or_null(long v)
{
    return v == FACT_NONE ? cell_null() : cell_int(v);
}

struct cell cell_real(double v, int decimals)
{
    return (struct cell){.type = CELL_REAL, .real = v, .decimals = decimals};
}

struct cell cell_bool(bool v)
{
    return (struct cell){.type = CELL_BOOL, .boolean = v};
}

struct cell cell_null(void)
{
    return (struct cell){.type = CELL_NULL};
}
