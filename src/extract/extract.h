/* extract.h: from an article's clean text to its facts (FACTS.md): places (gazetteer and
 * context), actors (lexicon), figures (quantity + trigger words), dates (timex), and who
 * said each thing. */
#ifndef SITREP_EXTRACT_H
#define SITREP_EXTRACT_H

#include "read/article.h"
#include "base/facts.h"

struct extractor;

/* Loads the gazetteer and lexicons (from paths_asset). NULL with a reason in err. */
struct extractor *extractor_open(char *err, size_t errlen);
void extractor_close(struct extractor *x);

/* Fills out (initialised by the caller with facts_init) with the article's facts. */
int extract_article(struct extractor *x, const struct article *a, struct facts *out);

#endif
