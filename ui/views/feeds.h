/* feeds.h: the feeds screen (F): the subscriptions with their name, status, items, last
 * fetch, tags and URL, failed ones with their last error in the error colour, and the
 * selected feed's details below. Enter filters the list to that feed's articles (the
 * filter line's feed: term), R fetches that feed alone, q or Esc closes. The rows are
 * read again whenever the collection changes (a fetch under way commits per feed). */
#ifndef SITREP_UI_VIEWS_FEEDS_H
#define SITREP_UI_VIEWS_FEEDS_H

struct app;

extern const struct view_ops feeds_screen;

void feeds_screen_open(struct app *a);

#endif
