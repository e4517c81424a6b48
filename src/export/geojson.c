/* geojson.c: the GeoJSON writer; one Feature per line inside the collection, so the file
 * is valid JSON and still reads well line by line. */
#include "export/geojson.h"

#include "export/jsonl.h"

void geojson_begin(FILE *out)
{
    fputs("{\"type\":\"FeatureCollection\",\"features\":[", out);
}

static bool coordinate(const struct cell *cells, int column, double limit, double *out)
{
    if (column < 0 || cells[column].type != CELL_REAL)
        return false;
    *out = cells[column].real;
    return *out >= -limit && *out <= limit;
}

bool geojson_feature(FILE *out, bool first, const char *const *columns, size_t n,
                     const struct cell *cells, int lat_column, int lon_column)
{
    double lat, lon;
    if (!coordinate(cells, lat_column, 90, &lat) || !coordinate(cells, lon_column, 180, &lon))
        return false;
    fputs(first ? "\n" : ",\n", out);
    struct json jw, *j = &jw;
    json_init(j, out);
    json_begin_object(j);
    json_kv_string(j, "type", "Feature");
    json_key(j, "geometry");
    json_begin_object(j);
    json_kv_string(j, "type", "Point");
    json_key(j, "coordinates");
    json_begin_array(j);
    json_double(j, lon, 4); /* GeoJSON puts longitude first */
    json_double(j, lat, 4);
    json_end_array(j);
    json_end_object(j);
    json_key(j, "properties");
    json_begin_object(j);
    for (size_t i = 0; i < n; i++) {
        json_key(j, columns[i]);
        jsonl_write_cell(j, &cells[i]);
    }
    json_end_object(j);
    json_end_object(j);
    return true;
}

void geojson_end(FILE *out)
{
    fputs("\n]}\n", out);
}
