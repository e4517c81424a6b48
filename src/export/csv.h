/* csv.h: RFC 4180 CSV (CRLF line ends, a field with a comma, quote, CR or LF quoted and
 * its quotes doubled, a header row), safe to open in a spreadsheet: a text cell that
 * starts with =, +, -, @, a tab or a CR and is not a number is neutralised with a leading
 * apostrophe (the OWASP rule against CSV injection), so "=HYPERLINK(...)" in a title
 * stays text. */
#ifndef SITREP_CSV_H
#define SITREP_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "export/cell.h"

/* True when a spreadsheet would read s as a formula and csv_write_field prefixes it. */
bool csv_needs_neutralising(const char *s);

void csv_write_field(FILE *out, const char *s);
void csv_write_header(FILE *out, const char *const *columns, size_t n);
void csv_write_row(FILE *out, const struct cell *cells, size_t n);

#endif
