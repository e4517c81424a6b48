/* salience.h: how much a place stands for the article that names it. The list's place
 * column and the events' main place are both the most salient place finer than a
 * country, so a report's row and its event name the same place. */
#ifndef SITREP_SALIENCE_H
#define SITREP_SALIENCE_H

#include <stdbool.h>

#include "base/facts.h"

/* Mentions, plus a bonus for the title (the strongest sign of what a report is about) or,
 * failing that, the first sentences; scaled by the kind, since "Iraq" or "Anbar" says
 * less about which event than "Qaim". The dateline ("NIAMEY, Dec 11 (AFP) -") says where
 * the reporter files from, not where things happened, so a place named there loses that
 * mention and the lead bonus it earned. first_sentence < 0 when unknown. */
double salience_of_place(int count, int first_sentence, enum place_kind kind, bool in_title,
                         bool in_dateline);

/* Text folded (case, marks, apostrophes, hyphens) between spaces, " like this ", so that
 * salience_padded_names is a whole-word search; NULL for NULL or out of memory. Fold a title or a
 * dateline once and ask about every place. */
char *salience_padded(const char *text);

/* Whether the padded text names name as whole words (names under two letters never). */
bool salience_padded_names(const char *padded, const char *name);

/* Whether text (a title, a dateline) names the place by its name or a spelling the
 * article used. */
bool salience_names_place(const char *text, const struct place_fact *p);

/* The place of f that stands most for the article: the most salient finer than a country,
 * where the place the report's own toll was counted at adds as much as a headline (NULL
 * when f names only countries, or nothing). title and dateline may be NULL. The store
 * keeps it as the article's listed place, which grouping then takes as the main place
 * (events/event_load.c), since stored counts alone cannot tell the toll's place. */
const struct place_fact *most_salient_place(const struct facts *f, const char *title,
                                            const char *dateline);

#endif
