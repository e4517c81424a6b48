/* tags.h: the reader's own labels on articles ("verify", "convoy-strike"), added and
 * removed from the reader and `sitrep tag` / `untag`, filtered with `tag:NAME`.
 *
 * Table (made at every open, so it needs no schema version of its own):
 *   article_tags(article_id REFERENCES articles ON DELETE CASCADE,
 *                tag TEXT COLLATE NOCASE, PRIMARY KEY(article_id, tag))
 * Tags compare without regard to case; each is kept as first typed. */
#ifndef SITREP_STORE_TAGS_H
#define SITREP_STORE_TAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

enum { TAG_MAX_BYTES = 64 };

extern const char tags_schema[];

/* Whether name can be a tag: 1 to TAG_MAX_BYTES bytes, no space, quote or control
 * character, no colon (it would read as a filter term). */
bool tag_name_valid(const char *name);

/* Adds (or removes) tag on the article. Returns 1 when it changed, 0 when it was already
 * so, -1 with the reason in err (no such article, a bad name, SQLite's message). */
int store_tag_add(struct store *s, int64_t id, const char *tag, char *err, size_t errlen);
int store_tag_remove(struct store *s, int64_t id, const char *tag, char *err, size_t errlen);

/* The article's tags, sorted, joined by sep into buf (always terminated; "" when none). */
void store_tags_joined(struct store *s, int64_t id, const char *sep, char *buf, size_t cap);

#endif
