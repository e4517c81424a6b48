/* csv.c: the CSV writer. */
#include "export/csv.h"

#include <stdlib.h>
#include <string.h>

/* "-12", "+3.5", "1e3": a signed number stays a number (a toll may be negative in no
 * table, but a coordinate is). */
static bool is_number(const char *s)
{
    if (!*s)
        return false;
    char *end;
    strtod(s, &end);
    return *end == 0 && end != s;
}

bool csv_needs_neutralising(const char *s)
{
    if (!s || !strchr("=+-@\t\r", s[0]) || !s[0])
        return false;
    return !is_number(s);
}

void csv_write_field(FILE *out, const char *s)
{
    if (!s)
        return;
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    bool neutralise = csv_needs_neutralising(s);
    if (quote)
        fputc('"', out);
    if (neutralise)
        fputc('\'', out);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    if (quote)
        fputc('"', out);
}

void csv_write_header(FILE *out, const char *const *columns, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', out);
        csv_write_field(out, columns[i]);
    }
    fputs("\r\n", out);
}

static void write_cell(FILE *out, const struct cell *c)
{
    switch (c->type) {
    case CELL_TEXT:
        csv_write_field(out, c->text);
        break;
    case CELL_INT:
        fprintf(out, "%lld", c->integer);
        break;
    case CELL_REAL:
        fprintf(out, "%.*f", c->decimals, c->real);
        break;
    case CELL_BOOL:
        fputs(c->boolean ? "true" : "false", out);
        break;
    case CELL_NULL:
        break;
    }
}

void csv_write_row(FILE *out, const struct cell *cells, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', out);
        write_cell(out, &cells[i]);
    }
    fputs("\r\n", out);
}
