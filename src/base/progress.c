/* progress.c: the import progress bar. */
#include "base/progress.h"

#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* A bar appears only after this long, so quick imports stay quiet. */
#define PROGRESS_DELAY    0.5
#define PROGRESS_INTERVAL 0.1

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    return 80;
}

void progress_start(struct progress *p, size_t total_bytes)
{
    memset(p, 0, sizeof *p);
    p->enabled = isatty(STDERR_FILENO);
    p->started = now();
    p->total_bytes = total_bytes;
}

double progress_elapsed(const struct progress *p)
{
    return now() - p->started;
}

static void format_eta(char *buf, size_t cap, double seconds)
{
    long s = (long)(seconds + 0.5);
    if (s >= 3600)
        snprintf(buf, cap, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, cap, "%ld:%02ld", s / 60, s % 60);
}

void progress_format(char *buf, size_t cap, long items, size_t done, size_t total, double elapsed,
                     int width)
{
    double mb = (double)done / 1e6;
    double rate = elapsed > 0 ? mb / elapsed : 0;
    char tail[96];
    int n = snprintf(tail, sizeof tail, " %ld articles, %.1f MB/s", items, rate);
    if (total > 0 && done <= total && rate > 0) {
        char eta[32];
        format_eta(eta, sizeof eta, ((double)(total - done) / 1e6) / rate);
        snprintf(tail + n, sizeof tail - (size_t)n, ", %s left", eta);
    }
    int bar = width - (int)strlen(tail) - 8;
    if (total == 0 || bar < 10) {
        snprintf(buf, cap, "%s", tail + 1);
        return;
    }
    if (bar > 40)
        bar = 40;
    int filled = (int)((double)bar * (double)done / (double)total);
    if (filled > bar)
        filled = bar;
    char bars[64];
    memset(bars, '#', (size_t)filled);
    memset(bars + filled, '-', (size_t)(bar - filled));
    bars[bar] = '\0';
    int pct = (int)(100.0 * (double)done / (double)total);
    snprintf(buf, cap, "[%s] %3d%%%s", bars, pct > 100 ? 100 : pct, tail);
}

void progress_update(struct progress *p, long items, size_t done_bytes)
{
    p->items = items;
    p->done_bytes = done_bytes;
    if (!p->enabled)
        return;
    double t = now();
    if (t - p->started < PROGRESS_DELAY || t - p->last_draw < PROGRESS_INTERVAL)
        return;
    p->last_draw = t;
    char line[256];
    int width = terminal_width();
    progress_format(line, sizeof line, items, done_bytes, p->total_bytes, t - p->started,
                    width - 1);
    fprintf(stderr, "\r%s\033[K", line);
    fflush(stderr);
    p->drawn = true;
}

void progress_finish(struct progress *p)
{
    if (p->drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    p->drawn = false;
}
