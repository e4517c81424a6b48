/* geojson.h: a GeoJSON FeatureCollection (RFC 7946) of rows as Points, every column a
 * property; rows without coordinates are left out (the caller says how many). */
#ifndef SITREP_GEOJSON_H
#define SITREP_GEOJSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "export/cell.h"

void geojson_begin(FILE *out);

/* Writes the row as a Feature (first: the first one written) with the point taken from
 * the columns lat_column and lon_column; false, with nothing written, when the row has no
 * point inside the valid ranges. */
bool geojson_feature(FILE *out, bool first, const char *const *columns, size_t n,
                     const struct cell *cells, int lat_column, int lon_column);

void geojson_end(FILE *out);

#endif
