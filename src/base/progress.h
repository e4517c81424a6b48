/* progress.h: a one-line progress bar on stderr for long work (imports): items done,
 * MB/s and ETA. It draws only when stderr is a terminal and the work has run for a
 * moment, so short runs and pipes see nothing but the caller's summary. */
#ifndef SITREP_PROGRESS_H
#define SITREP_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

struct progress {
    bool enabled;   /* stderr is a terminal (or forced) */
    bool drawn;     /* a line is on screen and must be cleared */
    double started; /* monotonic seconds */
    double last_draw;
    size_t total_bytes; /* 0 when unknown: no ETA */
    size_t done_bytes;
    long items;
};

void progress_start(struct progress *p, size_t total_bytes);
/* Records work done and redraws at most a few times a second. */
void progress_update(struct progress *p, long items, size_t done_bytes);
/* Clears the line so the summary that follows starts on a clean one. */
void progress_finish(struct progress *p);

/* Seconds since progress_start, for the caller's own figures. */
double progress_elapsed(const struct progress *p);

/* Formats "12.3 MB/s, 1:05 left" style text into buf (used by the bar; exposed for tests). */
void progress_format(char *buf, size_t cap, long items, size_t done, size_t total, double elapsed,
                     int width);

#endif
