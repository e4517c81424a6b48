/* record_corrections.h: the analyst's corrections carried in sitrep records (export
 * --format jsonl), replayed into the collection after the import has stored the articles.
 * A record names its articles by content hash, since ids differ between collections:
 *   {"sitrep":1,"type":"correction","op":"merge","article":HASH,"other":HASH,
 *    "kind":"killed","n":24,"value":null,"made_at":1733000000}
 * A correction the collection already holds (same op, articles, kind, number and value) is
 * not added twice, so importing the same file again changes nothing. */
#ifndef SITREP_RECORD_CORRECTIONS_H
#define SITREP_RECORD_CORRECTIONS_H

#include <stdbool.h>
#include <stddef.h>

struct store;

struct record_corrections_stats {
    long added;   /* stored */
    long present; /* already in the collection */
    long failed;  /* naming an article the collection lacks, or malformed */
};

/* True when the file at path starts as sitrep records (a cheap look at its first bytes). */
bool record_corrections_maybe(const char *path);

/* Reads path and adds its correction records. Returns 0, or -1 with a reason in err when
 * the file cannot be read. */
int record_corrections_apply(struct store *s, const char *path, struct record_corrections_stats *st,
                             char *err, size_t errlen);

#endif
