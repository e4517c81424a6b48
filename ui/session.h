/* session.h: the reader's state kept between runs: the place, search and filter, the
 * marked and the selected article, the layout and the timeline's zoom. One file per
 * collection (named by a hash of its absolute path) under $XDG_STATE_HOME/sitrep/, else
 * ~/.local/state/sitrep/. A scripted run (--script) keeps state only when XDG_STATE_HOME
 * is set, so that test scripts start alike. A file that cannot be read, or an article or
 * place that has gone since, leaves the reader as it would start without it. */
#ifndef SITREP_UI_SESSION_H
#define SITREP_UI_SESSION_H

struct app;

/* Before the first paint: restores what was saved for the collection at db_path (the filter is
 * applied by the caller; session_select then selects the saved article). */
void session_restore(struct app *a, const char *db_path);
void session_select(struct app *a);

/* At quit. */
void session_save(struct app *a, const char *db_path);

#endif
