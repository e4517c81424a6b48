/* table.c: cells and the writer that hands each row to its format. */
#include "export/table.h"

#include <string.h>
#include <strings.h>

#include "export/csv.h"
#include "export/geojson.h"
#include "export/jsonl.h"

int table_format_from_name(const char *name)
{
    if (!name)
        return -1;
    if (strcasecmp(name, "csv") == 0)
        return TABLE_CSV;
    if (strcasecmp(name, "jsonl") == 0 || strcasecmp(name, "json") == 0 ||
        strcasecmp(name, "ndjson") == 0)
        return TABLE_JSONL;
    if (strcasecmp(name, "geojson") == 0)
        return TABLE_GEOJSON;
    return -1;
}

int table_format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (!dot || (slash && slash > dot))
        return -1;
    return table_format_from_name(dot + 1);
}

static int column_index(const struct table *t, const char *name)
{
    for (size_t i = 0; i < t->n_columns; i++)
        if (strcmp(t->columns[i], name) == 0)
            return (int)i;
    return -1;
}

void table_begin(struct table *t, enum table_format format, FILE *out, const char *record_type,
                 const char *const *columns, size_t n_columns)
{
    memset(t, 0, sizeof *t);
    t->format = format;
    t->out = out;
    t->record_type = record_type;
    t->columns = columns;
    t->n_columns = n_columns;
    t->lat_column = column_index(t, "latitude");
    t->lon_column = column_index(t, "longitude");
    if (format == TABLE_CSV)
        csv_write_header(out, columns, n_columns);
    else if (format == TABLE_GEOJSON)
        geojson_begin(out);
}

void table_row(struct table *t, const struct cell *cells)
{
    switch (t->format) {
    case TABLE_CSV:
        csv_write_row(t->out, cells, t->n_columns);
        t->rows++;
        break;
    case TABLE_JSONL:
        jsonl_write_row(t->out, t->record_type, t->columns, t->n_columns, cells);
        t->rows++;
        break;
    case TABLE_GEOJSON:
        if (geojson_feature(t->out, t->rows == 0, t->columns, t->n_columns, cells, t->lat_column,
                            t->lon_column))
            t->rows++;
        else
            t->skipped++;
        break;
    }
}

int table_end(struct table *t)
{
    if (t->format == TABLE_GEOJSON)
        geojson_end(t->out);
    return fflush(t->out) == 0 && !ferror(t->out) ? 0 : -1;
}
