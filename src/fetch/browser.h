/* browser.h: opens a link in the user's browser: the first command in $BROWSER (a
 * colon-separated list, each entry split into words on blanks, "%s" standing for the
 * URL, else the URL added last), else xdg-open. No shell is involved: the URL travels as
 * one argv element, whatever ; $ ` or spaces it holds. */
#ifndef SITREP_FETCH_BROWSER_H
#define SITREP_FETCH_BROWSER_H

#include <stdbool.h>
#include <stddef.h>

/* Opens url (http or https only: a link from a feed may say file: or javascript:).
 * wait: wait for the browser to exit (a terminal browser that takes over the screen),
 * else detach it so it outlives no zombie. Returns 0 when the browser started (and, with
 * wait, exited with status 0); -1 with a reason in err. */
int browser_open(const char *url, bool wait, char *err, size_t errlen);

#endif
