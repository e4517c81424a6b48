/* fetching.h: the reader's side of subscriptions (issue 14): R fetches in the background
 * (fetch/fetch_job.h) with its progress in the status line while the keys stay live and
 * the list follows the commits; o opens the selected article's link in $BROWSER
 * (fetch/browser.h). Headless (scripts), a fetch runs to its end before the next key, so
 * tests see a settled screen. */
#ifndef SITREP_UI_FETCHING_H
#define SITREP_UI_FETCHING_H

#include <stdbool.h>

struct app;

/* Starts fetching the feeds selector names (NULL: every feed); label names them in the
 * messages. While a fetch is under way, says so instead. */
void fetching_start(struct app *a, const char *selector, const char *label);

/* Takes the running fetch's progress into the status line, and its outcome when it has
 * finished. Returns whether the screen needs drawing. */
bool fetching_poll(struct app *a);

bool fetching_active(const struct app *a);

/* Stops a running fetch (the reader is quitting) and waits for it. */
void fetching_stop(struct app *a);

/* Opens the selected article's link; a message when it has none or the browser fails. */
void fetching_open_link(struct app *a);

#endif
