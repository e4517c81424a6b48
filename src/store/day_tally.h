/* day_tally.h: the timeline's arithmetic, in C rather than SQL. Figures arrive one by one,
 * grouped by article; each article counts once per day with its own killed and wounded
 * figure of that day (figure_outranks in facts.h: the headline's and lede's before the
 * background numbers further down), and days are summed into buckets of a day, a week
 * (from its Monday) or a month. Each bucket also names the report Enter opens: the
 * largest own figure, killed first, then the lowest article id.
 *
 * SQLite did this with two GROUP BYs over temporary B-trees, which on 100,000 generated
 * articles (1.5 million figures) took seconds; one pass through a hash of buckets does
 * not need them. */
#ifndef SITREP_STORE_DAY_TALLY_H
#define SITREP_STORE_DAY_TALLY_H

#include <stdint.h>

/* A timeline bucket: a day, a week (from its Monday) or a month. */
enum zoom { ZOOM_DAY, ZOOM_WEEK, ZOOM_MONTH, N_ZOOMS };

struct timeline_row {
    char bucket[11]; /* YYYY-MM-DD (a week's Monday) or YYYY-MM */
    long killed, wounded;
    int reports;
    int64_t best_article; /* the report Enter opens, and its figure's sentence */
    int best_sentence;
};

/* The bucket of the reports with no full date anywhere (neither a figure's nor the
 * publication's): the timeline's last row, so they are counted rather than dropped. */
#define DAY_TALLY_UNDATED "undated"

enum tally_kind { TALLY_OTHER, TALLY_KILLED, TALLY_WOUNDED };

struct day_tally;

struct day_tally *day_tally_new(enum zoom zoom);
void day_tally_free(struct day_tally *t);

/* One figure of article aid, dated day ("YYYY-MM-DD", longer text is cut; anything else
 * is not counted); an article without figures comes as TALLY_OTHER, size 0, so that it
 * still counts as a report of its day. All rows of one article come together. Returns
 * 0, or -1 out of memory. */
int day_tally_add(struct day_tally *t, int64_t aid, const char *day, enum tally_kind kind,
                  long size, int sentence);

/* The buckets, newest first, in *rows (malloc'd, the caller frees); returns their number,
 * or -1 out of memory. */
int day_tally_finish(struct day_tally *t, struct timeline_row **rows);

#endif
