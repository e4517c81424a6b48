/* edits.h: what the reader changes in the collection besides read marks: tags, deleting an
 * article and taking the delete back. The store does the work (store/tags.h,
 * store/trash.h); these say what happened on the status line and refresh the list. */
#ifndef SITREP_UI_EDITS_H
#define SITREP_UI_EDITS_H

#include <stdint.h>

struct app;

/* Applies "word -word ..." to the article's tags: a word adds it, -word removes it. */
void edits_tag(struct app *a, int64_t id, const char *words);

/* Deletes the article into the trash; undo brings it back within the session. */
void edits_delete(struct app *a, int64_t id);
void edits_undo(struct app *a);

/* At quit: the session's deletes become final. */
void edits_forget(struct app *a);

#endif
