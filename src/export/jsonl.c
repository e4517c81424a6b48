/* jsonl.c: writes the sitrep record format (jsonl.h). */
#include "export/jsonl.h"

#include "base/json.h"

static void begin_record(struct json *j, FILE *out, const char *type)
{
    json_init(j, out);
    json_begin_object(j);
    json_kv_int(j, "sitrep", JSONL_VERSION);
    json_kv_string(j, "type", type);
}

static void end_record(struct json *j, FILE *out)
{
    json_end_object(j);
    fputc('\n', out);
}

void jsonl_write_header(FILE *out, const char *generator, const char *kind, const char *filter)
{
    struct json j;
    begin_record(&j, out, "header");
    json_kv_string(&j, "generator", generator);
    json_kv_string(&j, "kind", kind);
    json_kv_string(&j, "filter", filter);
    end_record(&j, out);
}

void jsonl_write_article(FILE *out, const struct article *a, const char *format, bool read)
{
    struct json j;
    begin_record(&j, out, "article");
    json_kv_string(&j, "hash", a->hash);
    json_kv_string(&j, "origin", a->origin);
    json_kv_string(&j, "url", a->url);
    json_kv_string(&j, "title", a->title);
    json_kv_string(&j, "date", a->date);
    json_kv_string(&j, "source", a->source);
    json_kv_string(&j, "author", a->author);
    json_kv_string(&j, "dateline", a->dateline);
    json_kv_string(&j, "format", format);
    json_key(&j, "read");
    json_bool(&j, read);
    json_kv_string(&j, "text", a->text);
    end_record(&j, out);
}

void jsonl_write_correction(FILE *out, const char *op, const char *article, const char *other,
                            const char *kind, long n, const char *value, long long made_at)
{
    struct json j;
    begin_record(&j, out, "correction");
    json_kv_string(&j, "op", op);
    json_kv_string(&j, "article", article);
    json_kv_string(&j, "other", other);
    json_kv_string(&j, "kind", kind);
    json_kv_int_or_null(&j, "n", n);
    json_kv_string(&j, "value", value);
    json_kv_int(&j, "made_at", made_at);
    end_record(&j, out);
}

void jsonl_write_cell(struct json *j, const struct cell *c)
{
    switch (c->type) {
    case CELL_TEXT:
        json_string(j, c->text);
        break;
    case CELL_INT:
        json_int(j, c->integer);
        break;
    case CELL_REAL:
        json_double(j, c->real, c->decimals);
        break;
    case CELL_BOOL:
        json_bool(j, c->boolean);
        break;
    case CELL_NULL:
        json_null(j);
        break;
    }
}

void jsonl_write_row(FILE *out, const char *record_type, const char *const *columns, size_t n,
                     const struct cell *cells)
{
    struct json j;
    begin_record(&j, out, record_type);
    for (size_t i = 0; i < n; i++) {
        json_key(&j, columns[i]);
        jsonl_write_cell(&j, &cells[i]);
    }
    end_record(&j, out);
}
