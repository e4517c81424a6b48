/* timex.c: dates as news states them, and their resolution against the publication date.
 *
 * Everything here reads ASCII words over UTF-8 text: month and weekday names, digits and
 * a few function words are all ASCII, and any other byte simply ends a word. */
#include "base/timex.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/tokens.h"

static const char *const month_names[12] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};

static const char *const weekday_names[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                             "thursday", "friday", "saturday"};

static const char *const weekday_titles[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                              "Thursday", "Friday", "Saturday"};

/* Case-insensitive prefix test of the lowercase ASCII word w at s. */
static bool has_prefix(const char *s, size_t len, const char *w, size_t n)
{
    if (n > len)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(s[i]) != w[i])
            return false;
    return true;
}

/* An abbreviation ("Dec", "Sept") at s, with its optional full stop. */
static size_t abbrev_at(const char *s, size_t len, const char *w)
{
    size_t n = 0;
    for (; w[n]; n++)
        if (n == len || ascii_lower(s[n]) != w[n])
            return 0;
    if (n < len && s[n] == '.')
        return n + 1;
    if (n < len && ascii_is_alnum(s[n]))
        return 0;
    return n;
}

/* The month (1..12) named at s; abbreviations only when allowed. */
static int month_at(const char *s, size_t len, bool abbreviations, size_t *used)
{
    char first = len ? ascii_lower(s[0]) : '\0';
    for (int m = 0; m < 12; m++) {
        if (first != month_names[m][0])
            continue; /* every spelling of a month starts as its name does */
        size_t n = ascii_word_at(s, len, month_names[m]);
        if (!n && abbreviations) {
            char ab[4] = {month_names[m][0], month_names[m][1], month_names[m][2], 0};
            n = abbrev_at(s, len, ab);
            if (!n && m == 8)
                n = abbrev_at(s, len, "sept");
        }
        if (n) {
            *used = n;
            return m + 1;
        }
    }
    return 0;
}

/* The weekday (0 = Sunday) named at s; abbreviations ("Tue.", "Thurs") only when allowed. */
static int weekday_at(const char *s, size_t len, bool abbreviations, size_t *used)
{
    static const char *const extra[7] = {NULL, NULL, "tues", NULL, "thurs", NULL, NULL};
    char first = len ? ascii_lower(s[0]) : '\0';
    for (int d = 0; d < 7; d++) {
        if (first != weekday_names[d][0])
            continue; /* every spelling of a weekday starts as its name does */
        size_t n = ascii_word_at(s, len, weekday_names[d]);
        if (!n && abbreviations) {
            char ab[4] = {weekday_names[d][0], weekday_names[d][1], weekday_names[d][2], 0};
            n = abbrev_at(s, len, ab);
            if (!n && extra[d])
                n = abbrev_at(s, len, extra[d]);
            if (!n && d == 4)
                n = abbrev_at(s, len, "thur");
        }
        if (n) {
            *used = n;
            return d;
        }
    }
    return -1;
}

/* A run of up to max_digits digits not followed by another digit; its value in *value. */
static size_t digits_at(const char *s, size_t len, size_t max_digits, int *value)
{
    size_t n = 0;
    int v = 0;
    while (n < len && ascii_is_digit(s[n])) {
        if (n == max_digits)
            return 0;
        v = v * 10 + (s[n] - '0');
        n++;
    }
    *value = v;
    return n;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && (year == 0 || is_leap(year)))
        return 29; /* an unknown year may be a leap year */
    return days[month - 1];
}

static bool valid_date(const struct timex_date *d)
{
    if (d->month < 1 || d->month > 12)
        return false;
    return d->day >= 1 && d->day <= days_in_month(d->year, d->month);
}

/* A plausible news year: the digits "1800".."2199" with nothing numeric glued after. */
static size_t year_at(const char *s, size_t len, int *year)
{
    int y;
    size_t n = digits_at(s, len, 4, &y);
    if (n != 4 || y < 1800 || y > 2199)
        return 0;
    if (n < len && (ascii_is_alpha(s[n]) || s[n] == ':' || s[n] == '%'))
        return 0;
    if (n + 1 < len && (s[n] == ',' || s[n] == '.') && ascii_is_digit(s[n + 1]))
        return 0;
    *year = y;
    return n;
}

/* A day of the month, with an optional ordinal suffix ("21st"). */
static size_t day_at(const char *s, size_t len, int *day)
{
    size_t n = digits_at(s, len, 2, day);
    if (!n)
        return 0;
    static const char *const suffixes[] = {"st", "nd", "rd", "th"};
    for (size_t i = 0; i < 4; i++) {
        size_t k = ascii_word_at(s + n, len - n, suffixes[i]);
        if (k)
            return n + k;
    }
    if (n < len && (ascii_is_alpha(s[n]) || s[n] == ':' || s[n] == '%'))
        return 0;
    if (n + 1 < len && (s[n] == '.' || s[n] == ',') && ascii_is_digit(s[n + 1]))
        return 0;
    return n;
}

/* ", 2024" or " 2024" after a day; 0 (nothing consumed) when no year follows. */
static size_t trailing_year(const char *s, size_t len, int *year)
{
    size_t pos = 0;
    if (pos < len && s[pos] == ',')
        pos++;
    size_t after = ascii_skip_spaces(s, len, pos);
    if (after == 0)
        return 0; /* "May 12024" is not a date */
    size_t n = year_at(s + after, len - after, year);
    return n ? after + n : 0;
}

/* "2024-05-01" or "2024/05/01". */
static size_t parse_iso(const char *s, size_t len, struct timex_date *d)
{
    size_t pos = digits_at(s, len, 4, &d->year);
    if (pos != 4 || pos >= len || (s[pos] != '-' && s[pos] != '/' && s[pos] != '.'))
        return 0; /* "2024-05-06", "2024/05/06", "2024.05.06" */
    char sep = s[pos++];
    size_t n = digits_at(s + pos, len - pos, 2, &d->month);
    if (!n)
        return 0;
    pos += n;
    if (pos >= len || s[pos] != sep)
        return 0;
    pos++;
    n = digits_at(s + pos, len - pos, 2, &d->day);
    if (!n)
        return 0;
    pos += n;
    bool time_follows = pos + 1 < len && s[pos] == 'T' && ascii_is_digit(s[pos + 1]);
    if (pos < len && ascii_is_alnum(s[pos]) && !time_follows)
        return 0;
    return pos;
}

/* "21/09/2024", "21.09.2024", "21-09-2024", "09/21/2024": the part above 12 is the day;
 * when both could be, the day comes first, as outlets outside the US write it. */
static size_t parse_numeric(const char *s, size_t len, struct timex_date *d)
{
    int a, b;
    size_t pos = digits_at(s, len, 2, &a);
    if (!pos || pos >= len || (s[pos] != '/' && s[pos] != '.' && s[pos] != '-'))
        return 0;
    char sep = s[pos++];
    size_t n = digits_at(s + pos, len - pos, 2, &b);
    if (!n || pos + n >= len || s[pos + n] != sep)
        return 0;
    pos += n + 1;
    n = digits_at(s + pos, len - pos, 4, &d->year);
    if (n != 4 || (pos + n < len && ascii_is_alnum(s[pos + n])))
        return 0;
    d->day = a;
    d->month = b;
    if (b > 12 && a <= 12) {
        d->day = b;
        d->month = a;
    }
    return pos + n;
}

/* "May 1, 2024", "Dec. 24, 2019", "June 30". */
static size_t parse_month_first(const char *s, size_t len, struct timex_date *d)
{
    size_t used, pos;
    d->month = month_at(s, len, true, &used);
    if (!d->month)
        return 0;
    pos = ascii_skip_spaces(s, len, used);
    if (pos == used && s[used - 1] != '.')
        return 0;
    size_t n = day_at(s + pos, len - pos, &d->day);
    if (!n)
        return 0;
    pos += n;
    return pos + trailing_year(s + pos, len - pos, &d->year);
}

/* "1 May 2024", "01 March, 2022", "5th of January". */
static size_t parse_day_first(const char *s, size_t len, struct timex_date *d)
{
    size_t pos = day_at(s, len, &d->day), used;
    if (!pos)
        return 0;
    size_t after = ascii_skip_spaces(s, len, pos);
    if (after == pos)
        return 0;
    pos = after;
    size_t of = ascii_word_at(s + pos, len - pos, "of");
    if (of)
        pos = ascii_skip_spaces(s, len, pos + of);
    d->month = month_at(s + pos, len - pos, true, &used);
    if (!d->month)
        return 0;
    pos += used;
    return pos + trailing_year(s + pos, len - pos, &d->year);
}

/* "30-Jan-2023", "30/Jan/2023", "30 Jan 2023": a day, a month's name and a year joined by
 * one separator, as some outlets print their page date. */
static size_t parse_day_month_joined(const char *s, size_t len, struct timex_date *d)
{
    size_t pos = digits_at(s, len, 2, &d->day), used;
    if (!pos || pos >= len || (s[pos] != '-' && s[pos] != '/'))
        return 0;
    char sep = s[pos++];
    d->month = month_at(s + pos, len - pos, true, &used);
    if (!d->month || s[pos + used - 1] == '.')
        return 0;
    pos += used;
    if (pos >= len || s[pos] != sep)
        return 0;
    pos++;
    size_t n = year_at(s + pos, len - pos, &d->year);
    return n ? pos + n : 0;
}

size_t timex_parse_date(const char *s, size_t len, struct timex_date *out)
{
    size_t pos = 0, used;
    if (weekday_at(s, len, true, &used) >= 0) {
        pos = used;
        if (pos < len && s[pos] == ',')
            pos++;
        pos = ascii_skip_spaces(s, len, pos);
    }
    struct timex_date d = {0, 0, 0};
    size_t n = parse_iso(s + pos, len - pos, &d);
    if (!n) {
        d = (struct timex_date){0, 0, 0};
        n = parse_numeric(s + pos, len - pos, &d);
    }
    if (!n) {
        d = (struct timex_date){0, 0, 0};
        n = parse_month_first(s + pos, len - pos, &d);
    }
    if (!n) {
        d = (struct timex_date){0, 0, 0};
        n = parse_day_first(s + pos, len - pos, &d);
    }
    if (!n) {
        d = (struct timex_date){0, 0, 0};
        n = parse_day_month_joined(s + pos, len - pos, &d);
    }
    if (!n || !valid_date(&d))
        return 0;
    *out = d;
    return pos + n;
}

/* A two-digit year is read only where nothing else fits: the first part must be a day
 * that no month or leading year could be (13 to 31), the second a month, so "27-06-23"
 * is 27 June 2023 while "05-06-23" stays unread. Years 00-69 are 2000s, 70-99 1900s. */
size_t timex_parse_short_year(const char *s, size_t len, struct timex_date *out)
{
    int day, month, year;
    size_t pos = digits_at(s, len, 2, &day);
    if (pos != 2 || pos >= len || (s[pos] != '-' && s[pos] != '/' && s[pos] != '.'))
        return 0;
    char sep = s[pos++];
    size_t n = digits_at(s + pos, len - pos, 2, &month);
    if (!n || pos + n >= len || s[pos + n] != sep)
        return 0;
    pos += n + 1;
    n = digits_at(s + pos, len - pos, 2, &year);
    if (n != 2 || (pos + n < len && (ascii_is_alnum(s[pos + n]) || s[pos + n] == sep)))
        return 0;
    struct timex_date d = {year < 70 ? 2000 + year : 1900 + year, month, day};
    if (day < 13 || month < 1 || month > 12 || !valid_date(&d))
        return 0;
    *out = d;
    return pos + n;
}

static void format_any(const struct timex_date *d, char *buf, size_t cap)
{
    if (d->year && d->month && d->day)
        snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
    else if (d->year && d->month)
        snprintf(buf, cap, "%04d-%02d", d->year, d->month);
    else if (d->year)
        snprintf(buf, cap, "%04d", d->year);
    else if (d->month && d->day)
        snprintf(buf, cap, "--%02d-%02d", d->month, d->day);
    else if (d->month)
        snprintf(buf, cap, "--%02d", d->month);
    else
        buf[0] = '\0';
}

static char *two_digits(char *p, int v)
{
    *p++ = (char)('0' + v / 10);
    *p++ = (char)('0' + v % 10);
    return p;
}

/* format_any's output, built by hand when every part fits its digits: each date found is
 * formatted, and snprintf cost more than finding it. */
void timex_format(const struct timex_date *d, char *buf, size_t cap)
{
    if (!cap)
        return;
    if (d->year < 0 || d->year > 9999 || d->month < 0 || d->month > 99 || d->day < 0 ||
        d->day > 99) {
        format_any(d, buf, cap);
        return;
    }
    char out[16], *p = out;
    if (d->year) {
        p = two_digits(two_digits(p, d->year / 100), d->year % 100);
    } else if (d->month) {
        *p++ = '-';
    }
    if (d->month) {
        *p++ = '-';
        p = two_digits(p, d->month);
        if (d->day) {
            *p++ = '-';
            p = two_digits(p, d->day);
        }
    }
    size_t n = (size_t)(p - out) < cap - 1 ? (size_t)(p - out) : cap - 1;
    memcpy(buf, out, n);
    buf[n] = '\0';
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. Counting from March makes
 * the leap day the last of the counted year, so each year's length is a closed form. */
long timex_days_from_civil(int year, int month, int day)
{
    long y = year - (month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long year_of_era = y - era * 400;
    long month_from_march = (month + 9) % 12;
    long day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

static struct timex_date date_from_days(long days)
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long day_of_era = z - era * 146097;
    long year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    long month_from_march = (5 * day_of_year + 2) / 153;
    long day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    long month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    long year = year_of_era + era * 400 + (month <= 2);
    return (struct timex_date){(int)year, (int)month, (int)day};
}

static int weekday_of_days(long days)
{
    return (int)(((days % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
}

int timex_weekday(const struct timex_date *d)
{
    return weekday_of_days(timex_days_from_civil(d->year, d->month, d->day));
}

/* ---- finding expressions in a sentence ---- */

static bool is_full(const struct timex_date *d)
{
    return d && d->year && d->month >= 1 && d->month <= 12 && d->day >= 1;
}

/* What a word can do in an expression: every word an expression can begin with is in the
 * vocabulary, most in one role or two ("a" counts, as in "a day ago", and opens a relative
 * phrase, as in "a day earlier"). A word is looked up once and its roles read from here,
 * instead of a hashed lookup in a list per role. */
enum word_role {
    ROLE_PREPOSITION = 1, /* "on", "since": introduces a date */
    ROLE_RELATIVE = 2,    /* first word of one of relatives' phrases */
    ROLE_COUNT = 4,       /* a small number, "two days ago" */
    ROLE_MODIFIER = 8,    /* "late", "early", "overnight" */
};

/* clang-format off: one word a line */
#define VOCABULARY(W)                                                                              \
    W("a", ROLE_RELATIVE | ROLE_COUNT, 1)                                                          \
    W("after", ROLE_PREPOSITION, 0)                                                                \
    W("apr", 0, 0)                                                                                 \
    W("april", 0, 0)                                                                               \
    W("aug", 0, 0)                                                                                 \
    W("august", 0, 0)                                                                              \
    W("before", ROLE_PREPOSITION, 0)                                                               \
    W("dec", 0, 0)                                                                                 \
    W("december", 0, 0)                                                                            \
    W("during", ROLE_PREPOSITION, 0)                                                               \
    W("earlier", ROLE_RELATIVE, 0)                                                                 \
    W("early", ROLE_MODIFIER, 0)                                                                   \
    W("eight", ROLE_COUNT, 8)                                                                      \
    W("eleven", ROLE_COUNT, 11)                                                                    \
    W("feb", 0, 0)                                                                                 \
    W("february", 0, 0)                                                                            \
    W("five", ROLE_COUNT, 5)                                                                       \
    W("four", ROLE_COUNT, 4)                                                                       \
    W("fri", 0, 0)                                                                                 \
    W("friday", 0, 0)                                                                              \
    W("from", ROLE_PREPOSITION, 0)                                                                 \
    W("in", ROLE_PREPOSITION, 0)                                                                   \
    W("jan", 0, 0)                                                                                 \
    W("january", 0, 0)                                                                             \
    W("jul", 0, 0)                                                                                 \
    W("july", 0, 0)                                                                                \
    W("jun", 0, 0)                                                                                 \
    W("june", 0, 0)                                                                                \
    W("last", ROLE_RELATIVE, 0)                                                                    \
    W("late", ROLE_MODIFIER, 0)                                                                    \
    W("mar", 0, 0)                                                                                 \
    W("march", 0, 0)                                                                               \
    W("may", 0, 0)                                                                                 \
    W("mid", 0, 0)                                                                                 \
    W("mon", 0, 0)                                                                                 \
    W("monday", 0, 0)                                                                              \
    W("next", ROLE_RELATIVE, 0)                                                                    \
    W("nine", ROLE_COUNT, 9)                                                                       \
    W("nov", 0, 0)                                                                                 \
    W("november", 0, 0)                                                                            \
    W("oct", 0, 0)                                                                                 \
    W("october", 0, 0)                                                                             \
    W("on", ROLE_PREPOSITION, 0)                                                                   \
    W("one", ROLE_COUNT, 1)                                                                        \
    W("overnight", ROLE_MODIFIER, 0)                                                               \
    W("sat", 0, 0)                                                                                 \
    W("saturday", 0, 0)                                                                            \
    W("sep", 0, 0)                                                                                 \
    W("sept", 0, 0)                                                                                \
    W("september", 0, 0)                                                                           \
    W("seven", ROLE_COUNT, 7)                                                                      \
    W("since", ROLE_PREPOSITION, 0)                                                                \
    W("six", ROLE_COUNT, 6)                                                                        \
    W("sun", 0, 0)                                                                                 \
    W("sunday", 0, 0)                                                                              \
    W("ten", ROLE_COUNT, 10)                                                                       \
    W("the", ROLE_RELATIVE, 0)                                                                     \
    W("this", ROLE_RELATIVE, 0)                                                                    \
    W("three", ROLE_COUNT, 3)                                                                      \
    W("thu", 0, 0)                                                                                 \
    W("thur", 0, 0)                                                                                \
    W("thurs", 0, 0)                                                                               \
    W("thursday", 0, 0)                                                                            \
    W("till", ROLE_PREPOSITION, 0)                                                                 \
    W("today", ROLE_RELATIVE, 0)                                                                   \
    W("tomorrow", ROLE_RELATIVE, 0)                                                                \
    W("tonight", ROLE_RELATIVE, 0)                                                                 \
    W("tue", 0, 0)                                                                                 \
    W("tues", 0, 0)                                                                                \
    W("tuesday", 0, 0)                                                                             \
    W("twelve", ROLE_COUNT, 12)                                                                    \
    W("two", ROLE_COUNT, 2)                                                                        \
    W("until", ROLE_PREPOSITION, 0)                                                                \
    W("wed", 0, 0)                                                                                 \
    W("wednesday", 0, 0)                                                                           \
    W("yesterday", ROLE_RELATIVE, 0)
/* clang-format on */

#define VOCAB_WORD(word, roles, count)  word,
#define VOCAB_ROLES(word, roles, count) roles,
#define VOCAB_COUNT(word, roles, count) count,
static const char *const vocabulary[] = {VOCABULARY(VOCAB_WORD)};
static const unsigned char vocabulary_roles[] = {VOCABULARY(VOCAB_ROLES)};
static const unsigned char vocabulary_counts[] = {VOCABULARY(VOCAB_COUNT)};
#undef VOCAB_WORD
#undef VOCAB_ROLES
#undef VOCAB_COUNT
#define VOCABULARY_SIZE (sizeof vocabulary / sizeof vocabulary[0])

struct finder {
    const char *s;
    size_t len;
    const struct timex_date *pub; /* NULL unless a full date */
    struct timex_date *anchor;
    const struct word_table *vocabulary; /* NULL when out of memory: words_find then */
};

/* The word of ASCII letters at a position, looked up once in the vocabulary. */
struct word_here {
    size_t len;       /* its letters; 0 when none is there */
    int entry;        /* in vocabulary, or -1 */
    bool digit_after; /* "on2": a word the lists of roles never take */
};

static struct word_here word_here(const struct finder *f, size_t pos)
{
    struct word_here w = {0, -1, false};
    if (pos >= f->len)
        return w;
    if (f->vocabulary) {
        w.entry = word_table_index_at(f->vocabulary, f->s, f->len, pos, &w.len);
    } else {
        while (pos + w.len < f->len && ascii_is_alpha(f->s[pos + w.len]))
            w.len++;
        w.entry = w.len ? words_find(vocabulary, VOCABULARY_SIZE, f->s + pos, w.len) : -1;
    }
    w.digit_after = pos + w.len < f->len && ascii_is_digit(f->s[pos + w.len]);
    return w;
}

/* Whether the word is a whole word in this role: no digit may follow it. */
static bool word_has_role(const struct word_here *w, enum word_role role)
{
    return w->entry >= 0 && !w->digit_after && (vocabulary_roles[w->entry] & role);
}

/* What the words at a position resolve to. */
struct reading {
    size_t len;
    struct timex_date value;
    bool is_week; /* value is a day inside the ISO week it names */
    int weekday;  /* >= 0 when left relative */
};

static struct timex_date shift_days(const struct timex_date *d, long n)
{
    return date_from_days(timex_days_from_civil(d->year, d->month, d->day) + n);
}

static struct timex_date shift_months(const struct timex_date *d, int n)
{
    int m = d->year * 12 + (d->month - 1) + n;
    return (struct timex_date){m / 12, m % 12 + 1, 0};
}

/* The base that "the previous day" counts from: the last date established, else pub. */
static const struct timex_date *story_anchor(const struct finder *f)
{
    if (f->anchor && is_full(f->anchor))
        return f->anchor;
    return f->pub;
}

/* Small number words for "two days ago", or digits. */
static size_t count_at(const struct finder *f, size_t pos, const struct word_here *w, int *n)
{
    if (word_has_role(w, ROLE_COUNT)) {
        *n = vocabulary_counts[w->entry];
        return w->len;
    }
    const char *s = f->s + pos;
    size_t len = f->len - pos;
    size_t k = digits_at(s, len, 3, n);
    return (k && (k == len || !ascii_is_alnum(s[k]))) ? k : 0;
}

enum rel_base { BASE_PUB, BASE_ANCHOR };
enum rel_unit { U_DAY, U_WEEK, U_MONTH, U_YEAR };

struct relative {
    const char *words[4];
    enum rel_base base;
    enum rel_unit unit;
    int offset;
};

static const struct relative relatives[] = {
    {{"the", "day", "before", "yesterday"}, BASE_PUB, U_DAY, -2},
    {{"today"}, BASE_PUB, U_DAY, 0},
    {{"tonight"}, BASE_PUB, U_DAY, 0},
    {{"this", "morning"}, BASE_PUB, U_DAY, 0},
    {{"this", "afternoon"}, BASE_PUB, U_DAY, 0},
    {{"this", "evening"}, BASE_PUB, U_DAY, 0},
    {{"yesterday"}, BASE_PUB, U_DAY, -1},
    {{"last", "night"}, BASE_PUB, U_DAY, -1},
    {{"tomorrow"}, BASE_PUB, U_DAY, 1},
    {{"the", "previous", "day"}, BASE_ANCHOR, U_DAY, -1},
    {{"the", "preceding", "day"}, BASE_ANCHOR, U_DAY, -1},
    {{"the", "prior", "day"}, BASE_ANCHOR, U_DAY, -1},
    {{"the", "day", "before"}, BASE_ANCHOR, U_DAY, -1},
    {{"a", "day", "earlier"}, BASE_ANCHOR, U_DAY, -1},
    {{"the", "following", "day"}, BASE_ANCHOR, U_DAY, 1},
    {{"the", "next", "day"}, BASE_ANCHOR, U_DAY, 1},
    {{"the", "day", "after"}, BASE_ANCHOR, U_DAY, 1},
    {{"a", "day", "later"}, BASE_ANCHOR, U_DAY, 1},
    {{"the", "same", "day"}, BASE_ANCHOR, U_DAY, 0},
    {{"the", "previous", "night"}, BASE_ANCHOR, U_DAY, -1},
    {{"the", "night", "before"}, BASE_ANCHOR, U_DAY, -1},
    {{"earlier", "this", "week"}, BASE_PUB, U_WEEK, 0},
    {{"this", "week"}, BASE_PUB, U_WEEK, 0},
    {{"last", "week"}, BASE_PUB, U_WEEK, -1},
    {{"the", "previous", "week"}, BASE_PUB, U_WEEK, -1},
    {{"next", "week"}, BASE_PUB, U_WEEK, 1},
    {{"earlier", "this", "month"}, BASE_PUB, U_MONTH, 0},
    {{"this", "month"}, BASE_PUB, U_MONTH, 0},
    {{"last", "month"}, BASE_PUB, U_MONTH, -1},
    {{"the", "previous", "month"}, BASE_PUB, U_MONTH, -1},
    {{"next", "month"}, BASE_PUB, U_MONTH, 1},
    {{"earlier", "this", "year"}, BASE_PUB, U_YEAR, 0},
    {{"this", "year"}, BASE_PUB, U_YEAR, 0},
    {{"last", "year"}, BASE_PUB, U_YEAR, -1},
    {{"the", "previous", "year"}, BASE_PUB, U_YEAR, -1},
    {{"next", "year"}, BASE_PUB, U_YEAR, 1},
};

#define N_RELATIVES (sizeof relatives / sizeof relatives[0])
_Static_assert(N_RELATIVES <= 64, "relatives_opened_by keeps a bit per relative");

/* Bit i of an entry is set when relatives[i] begins with that word of the vocabulary: a
 * word tries only its own phrases, in the order of relatives. Filled once, then read-only. */
static uint64_t relatives_opened_by[VOCABULARY_SIZE];
static pthread_once_t relatives_once = PTHREAD_ONCE_INIT;

static void index_relatives(void)
{
    for (size_t i = 0; i < N_RELATIVES; i++)
        for (size_t e = 0; e < VOCABULARY_SIZE; e++)
            if (strcmp(vocabulary[e], relatives[i].words[0]) == 0)
                relatives_opened_by[e] |= 1ull << i;
}

static struct timex_date apply_offset(const struct timex_date *base, enum rel_unit unit, int offset)
{
    switch (unit) {
    case U_DAY:
        return shift_days(base, offset);
    case U_WEEK:
        return shift_days(base, 7L * offset);
    case U_MONTH:
        return shift_months(base, offset);
    case U_YEAR:
        return (struct timex_date){base->year + offset, 0, 0};
    }
    return *base;
}

static bool resolve_relative(const struct finder *f, enum rel_base base, enum rel_unit unit,
                             int offset, struct reading *r)
{
    const struct timex_date *from = base == BASE_ANCHOR ? story_anchor(f) : f->pub;
    if (from)
        r->value = apply_offset(from, unit, offset);
    r->is_week = unit == U_WEEK && from;
    return true;
}

/* "two days ago", "a week ago", "three months ago". */
static bool read_ago(const struct finder *f, size_t pos, const struct word_here *first,
                     struct reading *r)
{
    static const char *const units[4][2] = {
        {"day", "days"}, {"week", "weeks"}, {"month", "months"}, {"year", "years"}};
    int n;
    size_t k = count_at(f, pos, first, &n), p = pos + k;
    if (!k)
        return false;
    p = ascii_skip_spaces(f->s, f->len, p);
    for (int u = 0; u < 4; u++) {
        size_t w = ascii_word_at(f->s + p, f->len - p, units[u][0]);
        if (!w)
            w = ascii_word_at(f->s + p, f->len - p, units[u][1]);
        if (!w)
            continue;
        size_t q = ascii_skip_spaces(f->s, f->len, p + w);
        size_t ago = ascii_word_at(f->s + q, f->len - q, "ago");
        if (!ago)
            return false;
        r->len = q + ago - pos;
        return resolve_relative(f, BASE_PUB, (enum rel_unit)u, -n, r);
    }
    return false;
}

/* w is the word at pos. */
static bool read_relative(const struct finder *f, size_t pos, const struct word_here *w,
                          struct reading *r)
{
    /* a word no phrase of relatives begins with skips the phrases */
    if (!word_has_role(w, ROLE_RELATIVE))
        return read_ago(f, pos, w, r);
    uint64_t phrases = relatives_opened_by[w->entry];
    for (size_t i = 0; phrases >> i; i++) {
        const struct relative *rel = &relatives[i];
        if (!(phrases >> i & 1))
            continue;
        size_t n = 0;
        while (n < 4 && rel->words[n])
            n++;
        size_t k = ascii_phrase_at(f->s + pos, f->len - pos, rel->words, n);
        if (k) {
            r->len = k;
            return resolve_relative(f, rel->base, rel->unit, rel->offset, r);
        }
    }
    return read_ago(f, pos, w, r);
}

/* The latest date on or before pub with this month and day (a year-less "June 29"). */
static void give_year(const struct finder *f, struct timex_date *d)
{
    if (!f->pub || d->year)
        return;
    d->year = f->pub->year;
    if (d->month > f->pub->month || (d->month == f->pub->month && d->day > f->pub->day))
        d->year--;
    if (d->day > days_in_month(d->year, d->month))
        d->day = days_in_month(d->year, d->month);
}

static bool read_calendar_date(const struct finder *f, size_t pos, struct reading *r)
{
    if (pos < f->len && ascii_is_alpha(f->s[pos]) && !ascii_is_upper(f->s[pos]))
        return false; /* "may 1" in running text is not a month name */
    struct timex_date d;
    size_t n = timex_parse_date(f->s + pos, f->len - pos, &d);
    if (!n)
        return false;
    if (!d.year) {
        give_year(f, &d);
    }
    r->len = n;
    r->value = d;
    return true;
}

/* Whether the word before pos is "of" ("the end of May"): enough to make a capitalised
 * month name a month, though not a bare number a year ("of 2000 fighters"). */
static bool after_of(const struct finder *f, size_t pos)
{
    size_t end = pos;
    while (end > 0 && (f->s[end - 1] == ' ' || f->s[end - 1] == '\t'))
        end--;
    if (end == pos || end < 2)
        return false;
    if (ascii_lower(f->s[end - 2]) != 'o' || ascii_lower(f->s[end - 1]) != 'f')
        return false;
    return end == 2 || !ascii_is_alnum(f->s[end - 3]);
}

/* "June 2016", and a month alone when a preposition or modifier makes it a date. */
static bool read_month(const struct finder *f, size_t pos, bool introduced, struct reading *r)
{
    size_t used;
    if (pos >= f->len || !ascii_is_upper(f->s[pos]))
        return false;
    int m = month_at(f->s + pos, f->len - pos, true, &used);
    if (!m)
        return false;
    size_t q = ascii_skip_spaces(f->s, f->len, pos + used);
    int y;
    size_t yn = q > pos + used ? year_at(f->s + q, f->len - q, &y) : 0;
    if (yn) {
        r->len = q + yn - pos;
        r->value = (struct timex_date){y, m, 0};
        return true;
    }
    if (used != strlen(month_names[m - 1]))
        return false; /* "Jan 2016" is a month, a lone "Mar" or "Dec" may be a name */
    if (!introduced && !after_of(f, pos))
        return false;
    r->len = used;
    r->value = (struct timex_date){0, m, 0};
    if (f->pub)
        r->value.year = m <= f->pub->month ? f->pub->year : f->pub->year - 1;
    static const char *const last_year[] = {"last", "year"}, *const this_year[] = {"this", "year"};
    size_t k = q > pos + used ? ascii_phrase_at(f->s + q, f->len - q, last_year, 2) : 0;
    int shift = -1;
    if (!k && q > pos + used) {
        k = ascii_phrase_at(f->s + q, f->len - q, this_year, 2);
        shift = 0;
    }
    if (k) { /* "in May last year" */
        r->len = q + k - pos;
        r->value.year = f->pub ? f->pub->year + shift : 0;
    }
    return true;
}

static bool read_year(const struct finder *f, size_t pos, bool introduced, struct reading *r)
{
    int y;
    if (!introduced)
        return false;
    size_t n = year_at(f->s + pos, f->len - pos, &y);
    if (!n)
        return false;
    r->len = n;
    r->value = (struct timex_date){y, 0, 0};
    return true;
}

static bool is_part_of_day(const char *s, size_t len, size_t *used)
{
    static const char *const parts[] = {"morning", "afternoon", "evening",
                                        "night",   "overnight", "dawn"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        size_t k = ascii_word_at(s, len, parts[i]);
        if (k) {
            *used = k;
            return true;
        }
    }
    return false;
}

/* direction: 0 = latest on or before pub, -1 = strictly before ("last Tuesday"),
 * +1 = strictly after ("next Tuesday"). */
static bool read_weekday(const struct finder *f, size_t pos, bool introduced, int direction,
                         struct reading *r)
{
    size_t used;
    if (pos >= f->len || !ascii_is_upper(f->s[pos]))
        return false;
    int wd = weekday_at(f->s + pos, f->len - pos, false, &used);
    if (wd < 0)
        return false;
    size_t end = pos + used;
    size_t q = ascii_skip_spaces(f->s, f->len, end), part;
    if (q > end && is_part_of_day(f->s + q, f->len - q, &part)) {
        end = q + part;
    } else if (!introduced && q > end && q < f->len && ascii_is_upper(f->s[q])) {
        size_t mu;
        if (!month_at(f->s + q, f->len - q, true, &mu))
            return false; /* "Sunday Times", "Friday Mosque": a name, not a day */
    }
    r->len = end - pos;
    if (!f->pub) {
        r->weekday = wd;
        return true;
    }
    long pub_days = timex_days_from_civil(f->pub->year, f->pub->month, f->pub->day);
    int pub_wd = weekday_of_days(pub_days);
    long back = (pub_wd - wd + 7) % 7;
    if (direction < 0 && back == 0)
        back = 7;
    if (direction > 0)
        back = -(((wd - pub_wd + 7) % 7) ? (wd - pub_wd + 7) % 7 : 7);
    r->value = date_from_days(pub_days - back);
    return true;
}

/* "late", "early", "overnight", "mid-" before a day, month or year (w is the word at s):
 * the bytes up to what they modify, or 0. */
static size_t modifier_at(const char *s, size_t len, const struct word_here *w)
{
    if (word_has_role(w, ROLE_MODIFIER)) {
        size_t k = w->len;
        return ascii_skip_spaces(s, len, k) > k ? ascii_skip_spaces(s, len, k) : 0;
    }
    if (has_prefix(s, len, "mid-", 4))
        return 4;
    return 0;
}

/* The core expression at pos, after any preposition and modifier. */
static bool read_core(const struct finder *f, size_t pos, bool introduced, int direction,
                      struct reading *r)
{
    if (direction == 0 && read_calendar_date(f, pos, r))
        return true;
    if (read_weekday(f, pos, introduced, direction, r))
        return true;
    if (direction != 0)
        return false;
    return read_month(f, pos, introduced, r) || read_year(f, pos, introduced, r);
}

/* Every expression begins with a digit or a word of the vocabulary (w is the word at
 * pos): most words of a sentence fail this and skip the full parse. */
static bool may_open_expression(const struct finder *f, size_t pos, const struct word_here *w)
{
    return ascii_is_digit(f->s[pos]) || w->entry >= 0;
}

/* One expression starting at pos; *start may move past a preposition the span excludes. */
static bool read_expression(const struct finder *f, size_t pos, const struct word_here *first,
                            struct reading *r)
{
    size_t p = pos;
    bool introduced = false;
    struct word_here w = *first;
    size_t k = word_has_role(&w, ROLE_PREPOSITION) ? w.len : 0;
    if (k && ascii_skip_spaces(f->s, f->len, p + k) > p + k) {
        p = ascii_skip_spaces(f->s, f->len, p + k);
        introduced = true;
        size_t the = ascii_word_at(f->s + p, f->len - p, "the");
        struct timex_date probe;
        if (the) {
            size_t q = ascii_skip_spaces(f->s, f->len, p + the);
            if (timex_parse_date(f->s + q, f->len - q, &probe))
                p = q; /* "on the 5th of January" */
        }
        /* every reading below begins with a word may_open_expression knows (or a digit):
         * "in Baghdad", "on Monday" part here instead of after some sixty comparisons */
        if (p >= f->len)
            return false;
        w = word_here(f, p);
        if (!may_open_expression(f, p, &w))
            return false;
    }
    if (read_relative(f, p, &w, r)) {
        r->len += p - pos;
        return true;
    }
    size_t m = modifier_at(f->s + p, f->len - p, &w);
    if (m) {
        p += m;
        introduced = true;
    }
    int direction = 0;
    size_t dir = ascii_word_at(f->s + p, f->len - p, "last");
    if (!dir && (dir = ascii_word_at(f->s + p, f->len - p, "next")))
        direction = 1;
    else if (dir)
        direction = -1;
    if (dir) {
        size_t q = ascii_skip_spaces(f->s, f->len, p + dir);
        if (q == p + dir)
            return false;
        p = q;
    }
    if (!read_core(f, p, introduced, direction, r))
        return false;
    r->len += p - pos;
    return true;
}

static void week_value(const struct timex_date *d, char *buf, size_t cap)
{
    long days = timex_days_from_civil(d->year, d->month, d->day);
    int monday_based = (weekday_of_days(days) + 6) % 7;
    long thursday = days - monday_based + 3; /* the ISO week belongs to its Thursday's year */
    struct timex_date t = date_from_days(thursday);
    int week = (int)((thursday - timex_days_from_civil(t.year, 1, 1)) / 7 + 1);
    snprintf(buf, cap, "%04d-W%02d", (t.year % 10000 + 10000) % 10000, week % 100);
}

static void record(const struct finder *f, size_t start, const struct reading *r,
                   struct timex_match *m)
{
    m->start = start;
    m->len = r->len;
    m->weekday[0] = '\0';
    m->value[0] = '\0';
    if (r->weekday >= 0) {
        snprintf(m->weekday, sizeof m->weekday, "%s", weekday_titles[r->weekday]);
        return;
    }
    if (r->is_week)
        week_value(&r->value, m->value, sizeof m->value);
    else
        timex_format(&r->value, m->value, sizeof m->value);
    if (!r->is_week && f->anchor && is_full(&r->value))
        *f->anchor = r->value;
}

static size_t next_word_start(const char *s, size_t len, size_t pos)
{
    while (pos < len && ascii_is_alnum(s[pos]))
        pos++;
    while (pos < len && !ascii_is_alnum(s[pos]))
        pos++;
    return pos;
}

size_t timex_find(const char *s, size_t len, const struct timex_date *pub,
                  struct timex_date *anchor, struct timex_match *out, size_t max)
{
    pthread_once(&relatives_once, index_relatives);
    struct finder f = {s, len, is_full(pub) ? pub : NULL, anchor,
                       word_table_of(vocabulary, VOCABULARY_SIZE)};
    size_t found = 0, pos = 0;
    while (pos < len && !ascii_is_alnum(s[pos]))
        pos++;
    while (pos < len && found < max) {
        struct reading r = {0, {0, 0, 0}, false, -1};
        struct word_here w = word_here(&f, pos);
        if (may_open_expression(&f, pos, &w) && read_expression(&f, pos, &w, &r) && r.len) {
            record(&f, pos, &r, &out[found++]);
            pos += r.len;
            while (pos < len && !ascii_is_alnum(s[pos]))
                pos++;
        } else {
            pos = next_word_start(s, len, pos + w.len); /* its letters are no word's start */
        }
    }
    return found;
}

static int fixed_digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

long timex_iso_days(const char *s)
{
    if (!s || !s[0] || !s[1] || !s[2] || !s[3] || s[4] != '-' || !s[5] || !s[6] || s[7] != '-' ||
        !s[8] || !s[9])
        return INT32_MIN;
    int y = fixed_digits(s, 4), m = fixed_digits(s + 5, 2), d = fixed_digits(s + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31)
        return INT32_MIN;
    return timex_days_from_civil(y, m, d);
}
