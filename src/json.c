/* json.c: the streaming JSON writer. Strings are written as UTF-8 with the characters
 * JSON requires escaped; control characters become \u escapes, so no raw escape
 * sequence from an article reaches a terminal through JSON output. */
#include "json.h"

void json_init(struct json *j, FILE *out)
{
    j->out = out;
    j->depth = 0;
    j->need_comma[0] = false;
    j->after_key = false;
}

/* Every value is preceded by a comma unless it is first in its container or follows a key. */
static void before_value(struct json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->need_comma[j->depth])
        fputc(',', j->out);
    j->need_comma[j->depth] = true;
}

static void open_container(struct json *j, char c)
{
    before_value(j);
    fputc(c, j->out);
    if (j->depth + 1 < JSON_MAX_DEPTH)
        j->depth++;
    j->need_comma[j->depth] = false;
}

static void close_container(struct json *j, char c)
{
    if (j->depth > 0)
        j->depth--;
    fputc(c, j->out);
}

void json_begin_object(struct json *j)
{
    open_container(j, '{');
}

void json_end_object(struct json *j)
{
    close_container(j, '}');
}

void json_begin_array(struct json *j)
{
    open_container(j, '[');
}

void json_end_array(struct json *j)
{
    close_container(j, ']');
}

static void write_escaped(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

void json_key(struct json *j, const char *key)
{
    before_value(j);
    write_escaped(j->out, key);
    fputc(':', j->out);
    j->after_key = true;
}

void json_string(struct json *j, const char *s)
{
    if (!s) {
        json_null(j);
        return;
    }
    before_value(j);
    write_escaped(j->out, s);
}

void json_int(struct json *j, long long v)
{
    before_value(j);
    fprintf(j->out, "%lld", v);
}

void json_double(struct json *j, double v, int decimals)
{
    before_value(j);
    fprintf(j->out, "%.*f", decimals, v);
}

void json_bool(struct json *j, bool v)
{
    before_value(j);
    fputs(v ? "true" : "false", j->out);
}

void json_null(struct json *j)
{
    before_value(j);
    fputs("null", j->out);
}

void json_kv_string(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    json_string(j, s);
}

void json_kv_int(struct json *j, const char *key, long long v)
{
    json_key(j, key);
    json_int(j, v);
}

void json_kv_int_or_null(struct json *j, const char *key, long v)
{
    json_key(j, key);
    if (v < 0)
        json_null(j);
    else
        json_int(j, v);
}
