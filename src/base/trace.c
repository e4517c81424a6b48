/* trace.c: benchmark timings appended to the file SITREP_TRACE names. */
#include "base/trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *trace_path;

void trace_init(void)
{
    const char *p = getenv("SITREP_TRACE");
    trace_path = p && *p ? p : NULL;
}

bool trace_enabled(void)
{
    return trace_path != NULL;
}

static double clock_ms(clockid_t which)
{
    struct timespec ts;
    clock_gettime(which, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

double trace_clock_ms(void)
{
    return clock_ms(CLOCK_MONOTONIC);
}

/* Opened per line, so that a benchmark can read the file while the reader runs. */
static void write_line(const char *name, double value)
{
    FILE *f = fopen(trace_path, "a");
    if (!f)
        return;
    fprintf(f, "%s %.1f\n", name, value);
    fclose(f);
}

void trace_mark(const char *name)
{
    if (trace_path)
        write_line(name, clock_ms(CLOCK_REALTIME));
}

void trace_span(const char *name, double started_ms)
{
    if (trace_path)
        write_line(name, trace_clock_ms() - started_ms);
}
