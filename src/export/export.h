/* export.h: facts in their plain forms: the JSON object of FACTS.md (one per article, one
 * per line) and CSV. */
#ifndef SITREP_EXPORT_H
#define SITREP_EXPORT_H

#include <stdio.h>

#include "read/article.h"
#include "base/facts.h"

/* One line of JSON for one article, as `sitrep extract --json` prints it. `file` is the
 * name printed in the "file" field. */
void export_facts_json(FILE *out, const char *file, const struct article *a, const struct facts *f);

#endif
