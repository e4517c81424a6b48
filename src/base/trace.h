/* trace.h: timings for the benchmarks. When SITREP_TRACE names a file, the reader appends
 * one line per event to it: "NAME MS", where MS is the wall-clock time in milliseconds
 * since the Unix epoch for marks (so a benchmark can subtract its own launch time) and a
 * duration for spans. Without SITREP_TRACE every call is a cheap no-op. */
#ifndef SITREP_TRACE_H
#define SITREP_TRACE_H

#include <stdbool.h>

/* Reads SITREP_TRACE once. */
void trace_init(void);

bool trace_enabled(void);

/* Writes "name EPOCH_MS". */
void trace_mark(const char *name);

/* Milliseconds on a monotonic clock, to start a span. */
double trace_clock_ms(void);

/* Writes "name DURATION_MS" for a span started at started_ms. */
void trace_span(const char *name, double started_ms);

#endif
