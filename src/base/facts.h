/* facts.h: the facts one article yields (FACTS.md), shared by extract, store, export and
 * the views. The store persists these; it does not know how they are found.
 *
 * Every string is owned by the struct facts that holds it (facts_free releases all).
 * Numbers that FACTS.md allows to be null use FACT_NONE. Sentence indexes count over
 * the article's clean text, where sentence 0 is the title (see article.h). */
#ifndef SITREP_FACTS_H
#define SITREP_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FACT_NONE (-1L)

enum place_kind {
    PLACE_UNKNOWN,
    PLACE_COUNTRY,
    PLACE_ADMIN1,
    PLACE_ADMIN2,
    PLACE_CITY,
    PLACE_TOWN,
    PLACE_VILLAGE,
    PLACE_NEIGHBORHOOD,
    PLACE_LANDMARK,
    PLACE_WATER,
    PLACE_REGION,
    PLACE_KIND_COUNT
};

enum figure_kind { FIG_KILLED, FIG_WOUNDED, FIG_DESTROYED, FIG_CAPTURED, FIG_KIND_COUNT };

enum qualifier { Q_EXACT, Q_AT_LEAST, Q_MORE_THAN, Q_ABOUT, Q_UP_TO, Q_RANGE, Q_VAGUE, Q_COUNT };

/* What a highlighted span of text is, for the article pane and the compare view. */
enum mention_type { MENTION_PLACE, MENTION_ACTOR, MENTION_FIGURE, MENTION_DATE, MENTION_SOURCE };

/* One enclosing place, for the hierarchy the location filter walks (Iraq > Anbar > Qaim). */
struct place_ref {
    char *name;
    enum place_kind kind;
    int64_t gazetteer_id; /* 0 when not from the gazetteer */
};

struct place_fact {
    char *name; /* canonical name */
    enum place_kind kind;
    char *admin1;            /* first-level division name, NULL when unknown or itself */
    char *country;           /* country name, NULL when unknown */
    char *country_code;      /* ISO 3166-1 alpha-2, NULL when unknown */
    char *parent;            /* nearest enclosing place as named (gazetteer or text), or NULL */
    struct place_ref *chain; /* enclosing places, outermost (country) first, not itself */
    size_t n_chain;
    double lat, lon;
    bool has_coords;
    int64_t gazetteer_id; /* 0 when the gazetteer lacks it (found from context) */
    int count;            /* mentions in the text */
    char **surface;       /* spellings seen, in order of first appearance */
    size_t n_surface;
    int first_sentence;
};

struct actor_fact {
    char *name; /* canonical name */
    int count;
    char **surface;
    size_t n_surface;
    int first_sentence;
};

struct figure_fact {
    enum figure_kind kind;
    long n, min, max; /* FACT_NONE = null */
    enum qualifier qualifier;
    char *who;    /* the victims or things as written, or NULL */
    char *place;  /* canonical place name of the event, or NULL */
    char *date;   /* resolved ISO date (or partial, "--06-29"), or NULL */
    char *source; /* who said it, or NULL */
    int sentence;
    char *text; /* the words that state it, e.g. "killed 14 Islamic State militants" */
};

struct date_fact {
    char *text;    /* as written, e.g. "late Tuesday night" */
    char *value;   /* ISO "2024-04-30", partial "--06-29" / "2016-06" / "2016", or NULL */
    char *weekday; /* "Tuesday" when the value stays relative, else NULL */
    int sentence;
};

/* A span of the clean text that a fact was read from (byte offsets into article text). */
struct mention {
    enum mention_type type;
    int index; /* into the matching array of struct facts */
    int sentence;
    size_t start, len;
};

struct facts {
    struct place_fact *places;
    size_t n_places, cap_places;
    struct actor_fact *actors;
    size_t n_actors, cap_actors;
    struct figure_fact *figures;
    size_t n_figures, cap_figures;
    struct date_fact *dates;
    size_t n_dates, cap_dates;
    struct mention *mentions;
    size_t n_mentions, cap_mentions;
};

void facts_init(struct facts *f);
void facts_free(struct facts *f);

/* Appenders return a zeroed slot owned by f (NULL only when memory runs out). */
struct place_fact *facts_add_place(struct facts *f);
struct actor_fact *facts_add_actor(struct facts *f);
struct figure_fact *facts_add_figure(struct facts *f);
struct date_fact *facts_add_date(struct facts *f);
struct mention *facts_add_mention(struct facts *f);

/* Adds a spelling to a surface list unless already present (exact match). */
int facts_add_surface(char ***list, size_t *n, const char *surface);

/* Which of a report's figures of one kind is its own: the one its headline or lede gives.
 * Further down, reports recall larger background numbers ("the death toll in the
 * 10-month war had risen to 39,677", "having killed hundreds"), which the largest figure
 * would pick. figure_outranks tells whether a figure (value, sentence) is preferred to
 * another: one in the first FIGURE_LEAD_SENTENCES sentences (headline, lede) to any later
 * one, then the larger. Without a figure up there, the largest stands (a report building
 * up a toll gives its total last). The list's columns, the timeline and the events all
 * choose by it. */
#define FIGURE_LEAD_SENTENCES 3
bool figure_outranks(long value, int sentence, long other_value, int other_sentence);

/* The names used in JSON, the store and the filter language. */
const char *place_kind_name(enum place_kind k);
enum place_kind place_kind_from_name(const char *name);
const char *figure_kind_name(enum figure_kind k);
int figure_kind_from_name(const char *name); /* -1 when unknown */
const char *qualifier_name(enum qualifier q);
int qualifier_from_name(const char *name); /* -1 when unknown */
const char *mention_type_name(enum mention_type t);

#endif
