/* table.h: rows that leave the program. A table is a list of column names and rows of
 * typed cells; one writer per format turns them into CSV, JSON Lines or GeoJSON, so the
 * row builders never know which format they feed. */
#ifndef SITREP_TABLE_H
#define SITREP_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "export/cell.h"

enum table_format { TABLE_CSV, TABLE_JSONL, TABLE_GEOJSON };

/* "csv", "jsonl" (also "json"), "geojson"; -1 when unknown. */
int table_format_from_name(const char *name);

/* The format a file name's extension asks for (".csv", ".jsonl", ".geojson"), else -1. */
int table_format_from_path(const char *path);

struct table {
    enum table_format format;
    FILE *out;
    const char *record_type; /* JSON Lines: the "type" of each row ("event") */
    const char *const *columns;
    size_t n_columns;
    int lat_column, lon_column; /* GeoJSON: where the point is; -1 when none */
    size_t rows;                /* rows written */
    size_t skipped;             /* GeoJSON: rows without coordinates */
};

/* Starts a table: the CSV header row, or the GeoJSON collection's opening. JSON Lines
 * writes nothing here (the caller writes the header record and the articles first). */
void table_begin(struct table *t, enum table_format format, FILE *out, const char *record_type,
                 const char *const *columns, size_t n_columns);

/* One row, cells parallel to the columns. */
void table_row(struct table *t, const struct cell *cells);

/* Closes what table_begin opened. Returns 0, or -1 when the output failed (full disk). */
int table_end(struct table *t);

#endif
