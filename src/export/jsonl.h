/* jsonl.h: the sitrep record format, JSON Lines that `sitrep import` reads back.
 *
 * One object per line, each with "sitrep": JSONL_VERSION and a "type":
 *   {"sitrep":1,"type":"header","generator":"sitrep 0.1","kind":"events","filter":"..."}
 *                      always the first line; what was exported and how it was chosen
 *   {"sitrep":1,"type":"article","hash":...,"origin":...,"url":...,"title":...,"date":...,
 *    "source":...,"author":...,"dateline":...,"format":"text","read":false,"text":...}
 *                      every report the rows draw on, with its whole clean text (the title
 *                      is its first paragraph), so a collection can be rebuilt from the file
 *   {"sitrep":1,"type":"event"|"report"|"figure", <the columns of the CSV export>}
 *                      the rows themselves; derived, so the importer recomputes them
 *   {"sitrep":1,"type":"correction","op":"merge","article":HASH,"other":HASH,"kind":null,
 *    "n":null,"value":null,"made_at":1733000000}
 *                      an analyst's correction (store/corrections.h) naming its articles
 *                      by hash, since ids differ between collections; the importer replays
 *                      them once the articles are stored (ingest/record_corrections.h)
 * A reader skips types it does not know; a higher version than its own is refused. */
#ifndef SITREP_JSONL_H
#define SITREP_JSONL_H

#include <stdbool.h>
#include <stdio.h>

#include "base/json.h"
#include "export/cell.h"
#include "read/article.h"

#define JSONL_VERSION 1

void jsonl_write_header(FILE *out, const char *generator, const char *kind, const char *filter);
void jsonl_write_article(FILE *out, const struct article *a, const char *format, bool read);

/* An analyst's correction, naming its articles by content hash (other, kind and value may
 * be NULL; n may be FACT_NONE). */
void jsonl_write_correction(FILE *out, const char *op, const char *article, const char *other,
                            const char *kind, long n, const char *value, long long made_at);

/* One row as a record of record_type, cells parallel to columns. */
void jsonl_write_row(FILE *out, const char *record_type, const char *const *columns, size_t n,
                     const struct cell *cells);

/* Writes one cell as a JSON value (also used by the GeoJSON writer). */
void jsonl_write_cell(struct json *j, const struct cell *c);

#endif
