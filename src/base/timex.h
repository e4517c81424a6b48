/* timex.h: temporal expressions: absolute and partial dates ("May 1, 2024", "1 May 2024",
 * "2024-05-01", "June 29", "in May", "2014"), weekdays with parts of day ("late Tuesday
 * night"), and relative expressions ("the previous day", "last month", "two days ago"),
 * resolved against the publication date. */
#ifndef SITREP_TIMEX_H
#define SITREP_TIMEX_H

#include <stdbool.h>
#include <stddef.h>

/* A calendar date where any part may be unknown (0). */
struct timex_date {
    int year, month, day;
};

/* Parses a date beginning exactly at s, in the forms datelines use: "Wednesday, May 1,
 * 2024", "May 1, 2024", "1 May 2024", "01 March, 2022", "2024-05-01", "Dec. 24, 2019",
 * "30-Jan-2023", "June 30" (year 0). Returns bytes consumed, 0 when none. */
size_t timex_parse_date(const char *s, size_t len, struct timex_date *out);

/* "27-06-23" (day, month, two-digit year), read only when unambiguous: the first part
 * 13..31 so it cannot be a month. For page headers, never for dates in a story. Returns
 * bytes consumed, 0 when none. */
size_t timex_parse_short_year(const char *s, size_t len, struct timex_date *out);

/* "2024-05-01"; partial: "--06-29", "2016-06", "2016"; "" when nothing is known. */
void timex_format(const struct timex_date *d, char *buf, size_t cap);

/* 0 = Sunday .. 6 = Saturday, for a full date. */
int timex_weekday(const struct timex_date *d);

struct timex_match {
    size_t start, len; /* bytes of the expression in the searched text */
    char value[16];    /* resolved, as timex_format; "" when it stays relative */
    char weekday[10];  /* "Tuesday" when a weekday could not be resolved, else "" */
};

/* Finds the temporal expressions in one sentence and resolves them. pub is the
 * publication date (NULL or year 0 when unknown); anchor is the last date the text
 * established (for "the previous day"), updated as expressions resolve. Returns the
 * count found (at most max). */
size_t timex_find(const char *s, size_t len, const struct timex_date *pub,
                  struct timex_date *anchor, struct timex_match *out, size_t max);

#endif
