/* toll.h: what each figure a report states counts for: its own event, a part of a toll, a
 * background total, another event's toll, a second incident; and which figures are no
 * statement at all (negated or hypothetical: "did not say how many were killed", "the toll
 * could rise to 58"). The report's own toll is then chosen from its event figures
 * (facts_own_figure in base/facts.h). */
#ifndef SITREP_TOLL_H
#define SITREP_TOLL_H

#include "base/facts.h"
#include "read/article.h"

/* Sets role and incident on every figure of f (found in a's clean text) and removes the
 * negated and hypothetical ones, with their mentions. */
void toll_assign_roles(const struct article *a, struct facts *f);

#endif
