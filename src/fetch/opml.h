/* opml.h: OPML subscription lists, as feed readers import and export them. A feed is an
 * <outline> with an xmlUrl; its name is the title (else text) attribute; its tags are the
 * comma-separated category attribute (leading slashes dropped) and the text of the
 * outlines it is nested in (folders). */
#ifndef SITREP_FETCH_OPML_H
#define SITREP_FETCH_OPML_H

#include <stddef.h>
#include <stdio.h>

#include "fetch/sublist.h"

/* Appends the document's feeds to out. Returns their number, or -1 with a reason in err
 * (malformed XML, entity declarations, not OPML). Outlines whose xmlUrl is not http or
 * https are noted and skipped. */
int opml_parse(const char *buf, size_t len, struct sub_list *out, char *err, size_t errlen);

/* Writes an OPML 2.0 document listing subs. */
void opml_write(FILE *out, const struct sub *subs, size_t n);

#endif
