/* urlsfile.h: newsboat's `urls` file: one feed a line, its URL then its tags, separated
 * by blanks; "a tag with spaces" in double quotes; a tag "~Name" names the feed; "!"
 * (newsboat's hidden feed) is ignored; # starts a comment line. */
#ifndef SITREP_FETCH_URLSFILE_H
#define SITREP_FETCH_URLSFILE_H

#include <stddef.h>

#include "fetch/sublist.h"

/* Appends the file's feeds to out. Lines that are not http or https feeds (newsboat's
 * query:, exec: and filter: feeds, or text that is no URL) are noted and skipped.
 * Returns the number of feeds read, -1 when out of memory. */
int urls_parse(const char *buf, size_t len, struct sub_list *out);

#endif
