/* quantity.c: counts as news writes them, mapped to n/min/max/qualifier per FACTS.md.
 *
 * Reads ASCII words over UTF-8 text; any non-ASCII byte ends a word, except the en dash
 * of "30–40", which is read as a range sign. */
#include "extract/quantity.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/tokens.h"

/* The word after the spaces following pos: its offset, or 0 when no space separates. */
static size_t next_word(const char *s, size_t len, size_t pos)
{
    size_t q = ascii_skip_spaces(s, len, pos);
    return q > pos ? q : 0;
}

/* ---- numbers in words ---- */

static const char *const small_words[20] = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};

static const char *const tens_words[10] = {NULL,    NULL,    "twenty",  "thirty", "forty",
                                           "fifty", "sixty", "seventy", "eighty", "ninety"};

static long small_at(const char *s, size_t len, size_t *used)
{
    for (int i = 19; i >= 0; i--) {
        size_t k = ascii_word_at(s, len, small_words[i]);
        if (k) {
            *used = k;
            return i;
        }
    }
    return -1;
}

/* "twenty", "twenty-one", "twenty one". */
static long tens_at(const char *s, size_t len, size_t *used)
{
    for (int t = 2; t < 10; t++) {
        size_t k = ascii_word_at(s, len, tens_words[t]);
        if (!k)
            continue;
        long v = t * 10L;
        size_t unit_used, q = k;
        if (q < len && s[q] == '-')
            q++;
        else
            q = next_word(s, len, k);
        long unit = q ? small_at(s + q, len - q, &unit_used) : -1;
        if (unit >= 1 && unit <= 9) {
            *used = q + unit_used;
            return v + unit;
        }
        *used = k;
        return v;
    }
    return -1;
}

struct scale {
    const char *word;
    long value;
};

static const struct scale scales[] = {{"dozen", 12},
                                      {"hundred", 100},
                                      {"thousand", 1000},
                                      {"million", 1000000L},
                                      {"billion", 1000000000L}};

static long scale_at(const char *s, size_t len, size_t *used)
{
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        size_t k = ascii_word_at(s, len, scales[i].word);
        if (k) {
            *used = k;
            return scales[i].value;
        }
    }
    return 0;
}

/* After a number word at pos: the next number word's offset, stepping over the "and" of
 * "one hundred and fifty" (only after a scale word); 0 when the number ends here. */
static size_t continue_number(const char *s, size_t len, size_t pos, bool after_scale)
{
    size_t q = next_word(s, len, pos), used;
    if (!q)
        return 0;
    size_t and = after_scale ? ascii_word_at(s + q, len - q, "and") : 0;
    if (and) {
        size_t r = next_word(s, len, q + and);
        if (!r || (tens_at(s + r, len - r, &used) < 0 && small_at(s + r, len - r, &used) < 0))
            return 0;
        q = r;
    }
    return q;
}

/* "a"/"an" count as one only before a scale word ("a dozen", "a hundred"). */
static size_t article_one(const char *s, size_t len)
{
    size_t a = ascii_word_at(s, len, "a"), used;
    if (!a)
        a = ascii_word_at(s, len, "an");
    size_t q = a ? next_word(s, len, a) : 0;
    return q && scale_at(s + q, len - q, &used) ? q : 0;
}

/* A number spelt out: "fifteen", "Twenty one", "a dozen", "one hundred and fifty",
 * "two thousand five hundred". */
static size_t words_number(const char *s, size_t len, long *value)
{
    long total = 0, current = 0;
    size_t pos = article_one(s, len), end = 0;
    bool any = pos > 0, after_scale = false;
    if (any)
        current = 1;
    for (;;) {
        long v;
        size_t used;
        if ((v = tens_at(s + pos, len - pos, &used)) >= 0 ||
            (v = small_at(s + pos, len - pos, &used)) >= 0) {
            if (end && !after_scale)
                break; /* "five six" is two numbers */
            current += v;
            after_scale = false;
        } else if ((v = scale_at(s + pos, len - pos, &used)) > 0) {
            if (!any || current > 1000000 || total > 1000000000000L)
                break; /* a bare "dozen" or "hundred"; or "hundred hundred hundred..." */
            if (v < 1000) {
                current = (current ? current : 1) * v;
            } else {
                total += (current ? current : 1) * v;
                current = 0;
            }
            after_scale = true;
        } else {
            break;
        }
        any = true;
        pos += used;
        end = pos;
        size_t q = continue_number(s, len, pos, after_scale);
        if (!q)
            break;
        pos = q;
    }
    if (!end)
        return 0;
    *value = total + current;
    return end;
}

/* ---- numbers in digits ---- */

/* "1,800", "14", "4.7 million", "2 million"; 0 for times, ordinals, measures ("10km") and
 * bare decimals, which are not counts. */
static size_t digits_number(const char *s, size_t len, long *value)
{
    size_t pos = 0;
    long v = 0;
    while (pos < len && ascii_is_digit(s[pos])) {
        v = v * 10 + (s[pos++] - '0');
        if (v > 1000000000000L)
            return 0;
        if (pos + 3 < len && s[pos] == ',' && ascii_is_digit(s[pos + 1]) &&
            ascii_is_digit(s[pos + 2]) && ascii_is_digit(s[pos + 3]) &&
            (pos + 4 >= len || !ascii_is_digit(s[pos + 4])))
            pos++; /* thousands separator */
    }
    if (!pos)
        return 0;
    double fraction = 0, unit = 0.1;
    bool decimal = false;
    if (pos + 1 < len && s[pos] == '.' && ascii_is_digit(s[pos + 1])) {
        decimal = true;
        for (pos++; pos < len && ascii_is_digit(s[pos]); pos++, unit /= 10)
            fraction += (s[pos] - '0') * unit;
    }
    if (pos < len && (ascii_is_alpha(s[pos]) || s[pos] == ':' || s[pos] == '/'))
        return 0;
    if (pos + 1 < len && (s[pos] == '.' || s[pos] == ',') && ascii_is_digit(s[pos + 1]))
        return 0;
    size_t q = next_word(s, len, pos), used;
    long scale = q ? scale_at(s + q, len - q, &used) : 0;
    if (scale >= 1000) {
        if ((v + fraction) * scale > 1e15)
            return 0; /* beyond any count of people or things */
        *value = (long)((v + fraction) * scale + 0.5);
        return q + used;
    }
    if (decimal)
        return 0;
    *value = v;
    return pos;
}

/* "half a dozen" (6), "half a million". */
static size_t half_of(const char *s, size_t len, long *value)
{
    size_t h = ascii_word_at(s, len, "half");
    size_t q = h ? next_word(s, len, h) : 0;
    long whole;
    size_t n = q ? words_number(s + q, len - q, &whole) : 0;
    if (!n || whole % 2)
        return 0;
    *value = whole / 2;
    return q + n;
}

static size_t number_at(const char *s, size_t len, long *value)
{
    size_t n = digits_number(s, len, value);
    if (!n)
        n = half_of(s, len, value);
    return n ? n : words_number(s, len, value);
}

/* '%', "percent", "per cent" after a number make it a share, not a count. */
static bool percent_follows(const char *s, size_t len)
{
    static const char *const per_cent[] = {"per", "cent", NULL};
    if (len && s[0] == '%')
        return true;
    size_t q = ascii_skip_spaces(s, len, 0);
    if (q < len && s[q] == '%')
        return true;
    return ascii_word_at(s + q, len - q, "percent") ||
           ascii_phrase_at(s + q, len - q, per_cent, SIZE_MAX);
}

/* ---- qualifiers and vague amounts ---- */

struct qualifier_phrase {
    const char *words[4];
    enum qualifier q;
};

static const struct qualifier_phrase qualifier_phrases[] = {
    {{"at", "least", NULL}, Q_AT_LEAST},
    {{"no", "fewer", "than", NULL}, Q_AT_LEAST},
    {{"no", "less", "than", NULL}, Q_AT_LEAST},
    {{"not", "less", "than", NULL}, Q_AT_LEAST},
    {{"not", "fewer", "than", NULL}, Q_AT_LEAST},
    {{"a", "minimum", "of", NULL}, Q_AT_LEAST},
    {{"more", "than", NULL}, Q_MORE_THAN},
    {{"over", NULL}, Q_MORE_THAN},
    {{"upwards", "of", NULL}, Q_MORE_THAN},
    {{"in", "excess", "of", NULL}, Q_MORE_THAN},
    {{"some", NULL}, Q_ABOUT},
    {{"about", NULL}, Q_ABOUT},
    {{"around", NULL}, Q_ABOUT},
    {{"approximately", NULL}, Q_ABOUT},
    {{"roughly", NULL}, Q_ABOUT},
    {{"nearly", NULL}, Q_ABOUT},
    {{"almost", NULL}, Q_ABOUT},
    {{"close", "to", NULL}, Q_ABOUT},
    {{"an", "estimated", NULL}, Q_ABOUT},
    {{"as", "many", "as", NULL}, Q_UP_TO},
    {{"up", "to", NULL}, Q_UP_TO},
    {{"at", "most", NULL}, Q_UP_TO},
    {{"no", "more", "than", NULL}, Q_UP_TO},
    {{"between", NULL}, Q_RANGE},
};

static size_t qualifier_at(const char *s, size_t len, enum qualifier *q)
{
    for (size_t i = 0; i < sizeof qualifier_phrases / sizeof qualifier_phrases[0]; i++) {
        size_t k = ascii_phrase_at(s, len, qualifier_phrases[i].words, SIZE_MAX);
        if (k) {
            size_t q2 = next_word(s, len, k);
            if (!q2)
                continue;
            *q = qualifier_phrases[i].q;
            return q2;
        }
    }
    return 0;
}

struct vague_word {
    const char *words[4];
    long n; /* FACT_NONE for an amount with no number at all */
};

static const struct vague_word vague_words[] = {
    {{"dozens", NULL}, 24},         {{"scores", NULL}, 40},
    {{"hundreds", NULL}, 200},      {{"thousands", NULL}, 2000},
    {{"tens", NULL}, 20},           {{"millions", NULL}, 2000000L},
    {{"several", NULL}, FACT_NONE}, {{"a", "number", "of", NULL}, FACT_NONE},
    {{"many", NULL}, FACT_NONE},
};

/* "tens of thousands", "hundreds of thousands": the first word multiplies the second. */
static size_t vague_amount_at(const char *s, size_t len, long *n);

static size_t vague_times(const char *s, size_t len, size_t pos, long *n)
{
    static const char *const of[] = {"of", NULL};
    size_t q = next_word(s, len, pos);
    size_t k = q ? ascii_phrase_at(s + q, len - q, of, SIZE_MAX) : 0;
    size_t r = k ? next_word(s, len, q + k) : 0;
    long inner;
    size_t m = r ? vague_amount_at(s + r, len - r, &inner) : 0;
    if (!m || inner == FACT_NONE || inner < 1000)
        return pos;
    *n = *n / 2 * inner; /* "tens of thousands": 10 x 2000; "hundreds of thousands": 100 x 2000 */
    return r + m;
}

static size_t vague_amount_at(const char *s, size_t len, long *n)
{
    for (size_t i = 0; i < sizeof vague_words / sizeof vague_words[0]; i++) {
        size_t k = ascii_phrase_at(s, len, vague_words[i].words, SIZE_MAX);
        if (!k)
            continue;
        *n = vague_words[i].n;
        if (*n == FACT_NONE && i == 6) { /* "several hundred" reads as "hundreds" */
            size_t q = next_word(s, len, k), used;
            long scale = q ? scale_at(s + q, len - q, &used) : 0;
            if (scale >= 100) {
                *n = 2 * scale;
                return q + used;
            }
        }
        if (*n != FACT_NONE && *n >= 20 && i != 0 && i != 1)
            return vague_times(s, len, k, n);
        return k;
    }
    return 0;
}

static void set_quantity(struct quantity *out, enum qualifier q, long n, long hi)
{
    out->qualifier = q;
    out->n = n;
    out->min = n;
    out->max = n;
    switch (q) {
    case Q_AT_LEAST:
        out->max = FACT_NONE;
        break;
    case Q_MORE_THAN:
        out->min = n + 1;
        out->max = FACT_NONE;
        break;
    case Q_UP_TO:
        out->min = FACT_NONE;
        break;
    case Q_RANGE:
        out->max = hi;
        break;
    case Q_VAGUE:
        out->max = FACT_NONE;
        if (n == FACT_NONE)
            out->min = FACT_NONE;
        break;
    default:
        break;
    }
}

/* The second number of "30 to 40", "30-40", "30–40" or (after "between") "30 and 40". */
static size_t range_end(const char *s, size_t len, bool between, long lo, long *hi)
{
    size_t q;
    if (!between && len && s[0] == '-')
        q = 1;
    else if (!between && len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
             (unsigned char)s[2] == 0x93)
        q = 3;
    else {
        size_t w = next_word(s, len, 0);
        if (!w)
            return 0;
        size_t k = ascii_word_at(s + w, len - w, between ? "and" : "to");
        q = k ? next_word(s, len, w + k) : 0;
        if (!q)
            return 0;
    }
    size_t n = number_at(s + q, len - q, hi);
    if (!n || *hi <= lo || percent_follows(s + q + n, len - q - n))
        return 0;
    return q + n;
}

size_t quantity_parse(const char *s, size_t len, struct quantity *out)
{
    enum qualifier q = Q_EXACT;
    size_t pos = qualifier_at(s, len, &q);
    long n, hi = 0;
    size_t k = number_at(s + pos, len - pos, &n);
    if (!k) {
        if (q == Q_RANGE || q == Q_UP_TO)
            return 0;
        size_t v = vague_amount_at(s + pos, len - pos, &n);
        if (!v)
            return 0;
        set_quantity(out, Q_VAGUE, n, FACT_NONE);
        out->start = 0;
        out->len = pos + v;
        return out->len;
    }
    pos += k;
    if (percent_follows(s + pos, len - pos))
        return 0;
    if (pos + 1 < len && s[pos] == '-' && ascii_is_alpha(s[pos + 1]))
        return 0; /* "seven-year-old", "20-minute": a compound adjective, not a count */
    size_t r = range_end(s + pos, len - pos, q == Q_RANGE, n, &hi);
    if (q == Q_RANGE && !r)
        return 0; /* "between 30" without its other end */
    if (r && (q == Q_EXACT || q == Q_RANGE || q == Q_ABOUT)) {
        q = Q_RANGE;
        pos += r;
    }
    set_quantity(out, q, n, hi);
    out->start = 0;
    out->len = pos;
    return pos;
}

/* Money is not a count of anything the facts track: "$5 million", "£20", "€3". */
static bool currency_before(const char *s, size_t i)
{
    if (i >= 1 && s[i - 1] == '$')
        return true;
    if (i >= 2 && (unsigned char)s[i - 2] == 0xC2 && (unsigned char)s[i - 1] == 0xA3)
        return true;
    return i >= 3 && (unsigned char)s[i - 3] == 0xE2 && (unsigned char)s[i - 2] == 0x82 &&
           (unsigned char)s[i - 1] == 0xAC;
}

/* Every word a quantity can begin with: most words of a sentence fail this one hashed
 * lookup and skip the full parse. */
static const char *const opening_words[] = {
    "a",         "about",    "almost", "an",        "approximately", "around",   "as",
    "at",        "between",  "close",  "dozens",    "eight",         "eighteen", "eighty",
    "eleven",    "fifteen",  "fifty",  "five",      "forty",         "four",     "fourteen",
    "half",      "hundreds", "in",     "many",      "millions",      "more",     "nearly",
    "nine",      "nineteen", "ninety", "no",        "not",           "one",      "over",
    "roughly",   "scores",   "seven",  "seventeen", "seventy",       "several",  "six",
    "sixteen",   "sixty",    "some",   "ten",       "tens",          "thirteen", "thirty",
    "thousands", "three",    "twelve", "twenty",    "two",           "up",       "upwards",
    "zero"};

#define N_OPENING_WORDS (sizeof opening_words / sizeof opening_words[0])

/* openings is the table of opening_words, NULL when it could not be built. */
static bool may_open_quantity(const struct word_table *openings, const char *s, size_t len,
                              size_t pos)
{
    if (ascii_is_digit(s[pos]))
        return true;
    if (!openings)
        return word_listed_at(opening_words, N_OPENING_WORDS, s, len, pos, 16) > 0;
    return word_table_listed_at(openings, s, len, pos, 16) > 0;
}

size_t quantity_find(const char *s, size_t len, struct quantity *out, size_t *at)
{
    const struct word_table *openings = word_table_of(opening_words, N_OPENING_WORDS);
    for (size_t i = 0; i < len; i++) {
        if (!ascii_is_alnum(s[i]))
            continue;
        bool opens = i == 0 || !(ascii_is_alnum(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',' ||
                                 s[i - 1] == '-');
        if (opens && !currency_before(s, i) && may_open_quantity(openings, s, len, i)) {
            size_t n = quantity_parse(s + i, len - i, out);
            if (n) {
                out->start = i;
                *at = i;
                return n;
            }
        }
        while (i + 1 < len && ascii_is_alnum(s[i + 1]))
            i++; /* no quantity opens inside a run of letters and digits */
    }
    return 0;
}
