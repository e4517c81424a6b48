/* article_pane.h: the selected article's text and its facts, the two panes that show one
 * article. The text is wrapped at the pane's width with each line's offset into the
 * stored text kept, so the extractor's mentions (places, figures) and the actors' and
 * dates' surfaces are highlighted where they occur; n/N walks them. The facts pane lists
 * places with their hierarchy, actors, figures and dates; selecting one scrolls the text
 * to its sentence. */
#ifndef SITREP_UI_ARTICLE_PANE_H
#define SITREP_UI_ARTICLE_PANE_H

#include <stdbool.h>
#include <stdint.h>

#include "draw.h"
#include "view.h"
#include "lines.h"

struct store;

struct span {
    long start, len;
    enum element el;
    int sentence;
};

struct article_pane {
    int64_t id;
    int text_width, facts_width;
    char *text; /* the stored text, safe to draw */
    size_t text_len;
    struct lines body;  /* tag: sentence index */
    struct lines facts; /* tag: sentence index (-1 for headings); kind: element */
    struct span *spans; /* sorted by start, not overlapping */
    int n_spans, current;
    long *sentence_start;
    int n_sentences;
    int top, facts_top, facts_sel;
    char meta[400]; /* date - source - dateline, for the pane's header */
    char tags[200]; /* the article's tags, space-separated, for the header */
    /* words found in the text (the article's own search, kept from article to article) */
    char find[128];
    long *hits;      /* byte offsets of the matches, ascending; each strlen(find) long */
    int n_hits, hit; /* hit: the current match, -1 before n/N */
};

void article_pane_init(struct article_pane *p);
void article_pane_free(struct article_pane *p);

/* Loads article id for the given widths (nothing happens when it is already loaded at
 * them; a new article starts at its top). id 0 empties the pane. */
void article_pane_load(struct article_pane *p, struct store *s, int64_t id, int text_width,
                       int facts_width);

void article_pane_draw_text(const struct article_pane *p, const struct rect *r,
                            const struct palette *pal);
void article_pane_draw_facts(const struct article_pane *p, const struct rect *r,
                             const struct palette *pal, bool focused);

/* Scrolls the text by delta lines, within rows visible rows. */
void article_pane_scroll(struct article_pane *p, long delta, int rows);

/* Moves to the next (dir 1) or previous (dir -1) highlighted fact and scrolls it into
 * view. Returns false when there is none that way. */
bool article_pane_step_fact(struct article_pane *p, int dir, int rows);

/* Moves the facts pane's selection by delta entries and scrolls the text to the selected
 * fact's sentence. */
void article_pane_select_fact(struct article_pane *p, long delta, int facts_rows);

/* Scrolls the text so that sentence shows at the top and marks its first fact (of element
 * el when it has one; el -1 for any). */
void article_pane_goto_sentence(struct article_pane *p, int sentence, int el);

/* Looks for words in the text (ASCII letters in any case), highlights every match and goes
 * to the first at or after the top line; "" ends the search. Returns the number found. */
int article_pane_find(struct article_pane *p, const char *words, int rows);

/* Moves to the next (dir 1) or previous (dir -1) match, wrapping round. Returns false when
 * there is none. */
bool article_pane_step_match(struct article_pane *p, int dir, int rows);

/* The pane as a view of the main screen. */
extern const struct view_ops article_view, facts_view;

#endif
