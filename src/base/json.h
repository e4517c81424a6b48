/* json.h: a small streaming JSON writer (JSON Lines output of extract, list, events,
 * compare). It tracks commas so callers write values in order and never assemble text. */
#ifndef SITREP_JSON_H
#define SITREP_JSON_H

#include <stdbool.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
    FILE *out;
    int depth;
    bool need_comma[JSON_MAX_DEPTH];
    bool after_key;
};

/* True for the characters a terminal acts on and JSON strings therefore escape: C0
 * controls, DEL, C1 controls, bidi controls (U+061C, U+200E/F, U+202A-202E, U+2066-2069)
 * and the line and paragraph separators U+2028/2029. */
bool json_char_needs_escape(unsigned long uc);

void json_init(struct json *j, FILE *out);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s); /* NULL writes null */
void json_int(struct json *j, long long v);
void json_double(struct json *j, double v, int decimals);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);

/* key + value shorthands */
void json_kv_string(struct json *j, const char *key, const char *s);
void json_kv_int(struct json *j, const char *key, long long v);
/* An integer, or null when v is FACT_NONE (-1). */
void json_kv_int_or_null(struct json *j, const char *key, long v);

#endif
