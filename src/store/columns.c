/* columns.c: binding values to statements and reading columns back, shared by the store's
 * reads and writes. */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void store_bind_text(sqlite3_stmt *q, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(q, i);
}

void store_bind_long(sqlite3_stmt *q, int i, long v)
{
    if (v == FACT_NONE)
        sqlite3_bind_null(q, i);
    else
        sqlite3_bind_int64(q, i, v);
}

/* Runs an insert and resets it; returns the new rowid or -1. */
int64_t store_run_insert(struct store *s, sqlite3_stmt *q)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_DONE ? sqlite3_last_insert_rowid(s->db) : -1;
}

char *store_dup_column(sqlite3_stmt *q, int i)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    return t ? strdup((const char *)t) : NULL;
}

/* A JSON array of strings, for the surface columns (["Qaim","al-Qaim"]). */
char *store_surface_json(char **list, size_t n)
{
    size_t cap = 3;
    for (size_t i = 0; i < n; i++)
        cap += strlen(list[i]) * 6 + 3;
    char *out = malloc(cap), *p = out;
    if (!out)
        return NULL;
    *p++ = '[';
    for (size_t i = 0; i < n; i++) {
        if (i)
            *p++ = ',';
        *p++ = '"';
        for (const unsigned char *c = (const unsigned char *)list[i]; *c; c++) {
            if (*c == '"' || *c == '\\') {
                *p++ = '\\';
                *p++ = (char)*c;
            } else if (*c < 0x20) {
                p += sprintf(p, "\\u%04x", *c);
            } else {
                *p++ = (char)*c;
            }
        }
        *p++ = '"';
    }
    *p++ = ']';
    *p = '\0';
    return out;
}

/* Reads back what surface_json wrote (only the escapes it produces). */
int store_surface_parse(const char *json, char ***list, size_t *n)
{
    *list = NULL;
    *n = 0;
    if (!json)
        return 0;
    const char *p = json;
    while (*p && *p != '"')
        p++;
    while (*p == '"') {
        size_t len = strlen(p);
        char *buf = malloc(len), *w = buf;
        if (!buf)
            return -1;
        for (p++; *p && *p != '"'; p++) {
            if (*p == '\\' && p[1] == 'u' && strlen(p) >= 6) {
                char hex[5] = {p[2], p[3], p[4], p[5], 0};
                *w++ = (char)strtol(hex, NULL, 16);
                p += 5;
            } else if (*p == '\\' && p[1]) {
                *w++ = *++p;
            } else {
                *w++ = *p;
            }
        }
        *w = '\0';
        int rc = facts_add_surface(list, n, buf);
        free(buf);
        if (rc < 0)
            return -1;
        if (*p == '"')
            p++;
        while (*p && *p != '"')
            p++;
    }
    return 0;
}

const char *store_format_name(enum article_format fmt)
{
    switch (fmt) {
    case FORMAT_TEXT:
        return "text";
    case FORMAT_HTML:
        return "html";
    case FORMAT_FEED:
        return "feed";
    default:
        return NULL;
    }
}

enum article_format store_format_from_name(const char *name)
{
    if (!name)
        return FORMAT_AUTO;
    if (strcmp(name, "text") == 0)
        return FORMAT_TEXT;
    if (strcmp(name, "html") == 0)
        return FORMAT_HTML;
    if (strcmp(name, "feed") == 0)
        return FORMAT_FEED;
    return FORMAT_AUTO;
}

long store_column_long(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? FACT_NONE : (long)sqlite3_column_int64(q, i);
}

int64_t store_gazetteer_id_of_key(const unsigned char *key)
{
    if (key && key[0] == 'g' && key[1] == ':')
        return strtoll((const char *)key + 2, NULL, 10);
    return 0;
}
