/* json_read.h: a small JSON reader (RFC 8259) for the records sitrep reads back: one value
 * parsed into a tree. Strings come out as UTF-8 with escapes resolved (\u surrogate pairs
 * joined; a lone surrogate or a NUL becomes U+FFFD, so strings stay C strings). Depth is
 * capped, so hostile input cannot exhaust the stack. */
#ifndef SITREP_JSON_READ_H
#define SITREP_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>

#define JSON_READ_MAX_DEPTH 64

enum jtype { JNULL, JBOOL, JNUMBER, JSTRING, JARRAY, JOBJECT };

struct jvalue {
    enum jtype type;
    bool boolean;
    double number;
    char *string;         /* JSTRING */
    struct jvalue *items; /* JARRAY items, JOBJECT values */
    char **keys;          /* JOBJECT keys, parallel to items */
    size_t n;
};

/* Parses exactly one value from buf (surrounding white space allowed). Returns 0, or -1
 * with a reason and byte offset in err. */
int jparse(const char *buf, size_t len, struct jvalue *out, char *err, size_t errlen);
void jfree(struct jvalue *v);

/* The member named key of an object, or NULL (also when v is not an object). */
const struct jvalue *jget(const struct jvalue *v, const char *key);

/* The string of a member, or NULL when it is absent, null or not a string. */
const char *jget_string(const struct jvalue *v, const char *key);

/* A member as a number, or fallback when absent or not a number. */
double jget_number(const struct jvalue *v, const char *key, double fallback);

bool jget_bool(const struct jvalue *v, const char *key, bool fallback);

#endif
