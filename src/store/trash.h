/* trash.h: deleting an article so that it can be taken back. The article's row and every
 * row that refers to it (sentences, places, figures, mentions, event memberships, tags,
 * corrections: whatever table has a foreign key to articles, found from the schema, so a
 * table added later is covered without a change here) move into trash_<table> copies,
 * tagged with the article's id; restoring moves them back with their ids and order, and
 * re-indexes the text for search. Until then the article is gone for every reader of the
 * collection (list, show, events, export, the full-text index). */
#ifndef SITREP_STORE_TRASH_H
#define SITREP_STORE_TRASH_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* Moves article id and its rows into the trash. 0, or -1 with the reason in err. */
int store_trash_article(struct store *s, int64_t id, char *err, size_t errlen);

/* Moves it back exactly as it was. 0, or -1 with the reason in err (not in the trash; an
 * article with the same text was imported since). */
int store_restore_article(struct store *s, int64_t id, char *err, size_t errlen);

/* Forgets the trashed article for good. 0 or -1. */
int store_trash_forget(struct store *s, int64_t id);

#endif
