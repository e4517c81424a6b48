/* test_json.c: the JSON writer produces valid, escaped JSON Lines. */
#include <stdlib.h>

#include "base/json.h"
#include "testlib.h"

/* Runs fn against a memory stream and returns what it wrote (caller frees). */
static char *capture(void (*fn)(struct json *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    struct json j;
    json_init(&j, out);
    fn(&j);
    fclose(out);
    return buf;
}

static void write_nested(struct json *j)
{
    json_begin_object(j);
    json_kv_string(j, "title", "Strike");
    json_key(j, "places");
    json_begin_array(j);
    json_string(j, "Qaim");
    json_string(j, "Anbar");
    json_end_array(j);
    json_kv_int(j, "n", 14);
    json_kv_int_or_null(j, "max", -1);
    json_key(j, "empty");
    json_begin_array(j);
    json_end_array(j);
    json_kv_string(j, "date", NULL);
    json_end_object(j);
}

static void commas_and_nesting(void)
{
    char *s = capture(write_nested);
    CHECK_STR(s, "{\"title\":\"Strike\",\"places\":[\"Qaim\",\"Anbar\"],\"n\":14,\"max\":null,"
                 "\"empty\":[],\"date\":null}");
    free(s);
}

static void write_hostile(struct json *j)
{
    json_begin_array(j);
    json_string(j, "quote\" back\\ nl\n esc\x1b[31m del\x7f");
    json_string(j, "Qā’im");
    json_end_array(j);
}

static void control_characters_are_escaped(void)
{
    char *s = capture(write_hostile);
    CHECK_STR(s, "[\"quote\\\" back\\\\ nl\\n esc\\u001b[31m del\\u007f\",\"Qā’im\"]");
    free(s);
}

static void write_unsafe(struct json *j)
{
    json_begin_array(j);
    /* C1 CSI, RLO ... PDF, LRI, ALM, a stray continuation byte, a cut sequence. */
    json_string(j, "a\xc2\x9b"
                   "2J \xe2\x80\xae"
                   "evil\xe2\x80\xac \xe2\x81\xa6"
                   "x \xd8\x9c"
                   "y \x80"
                   "z \xe2\x82");
    json_string(j, "safe \xc2\xa0nbsp \xe2\x80\x94 dash");
    json_end_array(j);
}

/* Escaped, the text still comes back whole from any JSON reader; invalid bytes cannot. */
static void bidi_c1_and_invalid_bytes_are_escaped(void)
{
    char *s = capture(write_unsafe);
    CHECK_STR(s, "[\"a\\u009b2J \\u202eevil\\u202c \\u2066x \\u061cy \\ufffdz \\ufffd\\ufffd\","
                 "\"safe \xc2\xa0nbsp \xe2\x80\x94 dash\"]");
    free(s);
    CHECK(json_char_needs_escape(0x1b));
    CHECK(json_char_needs_escape(0x85));
    CHECK(json_char_needs_escape(0x2069));
    CHECK(!json_char_needs_escape(0xa0));
    CHECK(!json_char_needs_escape(0x2014));
}

static void write_scalars(struct json *j)
{
    json_begin_array(j);
    json_double(j, 34.3735, 2);
    json_bool(j, true);
    json_bool(j, false);
    json_null(j);
    json_int(j, -7);
    json_end_array(j);
}

static void scalars(void)
{
    char *s = capture(write_scalars);
    CHECK_STR(s, "[34.37,true,false,null,-7]");
    free(s);
}

int main(void)
{
    RUN(commas_and_nesting);
    RUN(control_characters_are_escaped);
    RUN(bidi_c1_and_invalid_bytes_are_escaped);
    RUN(scalars);
    return TESTS_DONE();
}
