/* salience.h: how much a place stands for the article that names it. The list's place
 * column and the events' main place are both the most salient place finer than a
 * country, so a report's row and its event name the same place. */
#ifndef SITREP_SALIENCE_H
#define SITREP_SALIENCE_H

#include <stdbool.h>

#include "facts.h"

/* Mentions, plus a bonus for the title (the strongest sign of what a report is about) or,
 * failing that, the first sentences; scaled by the kind, since "Iraq" or "Anbar" says
 * less about which event than "Qaim". The dateline ("NIAMEY, Dec 11 (AFP) -") says where
 * the reporter files from, not where things happened, so a place named there loses that
 * mention and the lead bonus it earned. first_sentence < 0 when unknown. */
double place_salience(int count, int first_sentence, enum place_kind kind, bool in_title,
                      bool in_dateline);

/* Whether text (a title, a dateline) names the place by its name or a spelling the
 * article used, as whole words, folded (case, marks, apostrophes, hyphens). */
bool text_names_place(const char *text, const struct place_fact *p);

/* The place of f that stands most for the article: the most salient finer than a country
 * (NULL when f names only countries, or nothing). title and dateline may be NULL. */
const struct place_fact *most_salient_place(const struct facts *f, const char *title,
                                            const char *dateline);

#endif
