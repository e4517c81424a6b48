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

/* What a figure counts for its report (extract/toll.c decides). Only an event figure of
 * incident 0 can be the report's own toll; a part is never added to the whole it is part
 * of; a background total, another event's toll and a count of killed and injured
 * together are kept as facts but never taken for the report's toll. */
enum figure_role {
    ROLE_EVENT,      /* this report's event (incident 0) or a second incident it tells */
    ROLE_PART,       /* part of a toll: "including 14 children", "five of them" */
    ROLE_BACKGROUND, /* cumulative, campaign-, conflict- or country-wide: "since 2014" */
    ROLE_OTHER,      /* another, earlier event's toll: "in 2018", "last year", "that attack" */
    ROLE_COMBINED,   /* "killed or injured dozens": both kinds at once, neither's count */
    ROLE_COUNT
};

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
    enum figure_role role;
    int incident; /* 0: the report's main event; 1, 2..: further incidents it tells */
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

/* The place of f with this canonical name (the first, as figures name theirs), or NULL. */
const struct place_fact *facts_place_named(const struct facts *f, const char *name);

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

/* The report's own toll of a kind (issue 13): of its event figures of incident 0, the
 * largest, a vague word counting as its minimum ("at least 125" over "dozens", "hundreds"
 * over "100"), a stated number before a word of the same value; a later upward revision
 * wins and parts are never added. "Many" and "a number of" give no number, so no toll.
 * figure_toll_outranks compares two such figures; facts_own_figure returns the index of
 * the chosen one, or -1. Reports stored before figures had roles count every figure as
 * the event's. */
bool figure_toll_outranks(long value, enum qualifier q, long other_value, enum qualifier other_q);
bool figure_is_own_candidate(enum figure_role role, int incident);
int facts_own_figure(const struct facts *f, enum figure_kind kind);

/* Vague words stay words (README, "Vague figures"): the word a vague figure was stated
 * with ("dozens", "scores", "hundreds", "thousands", "several", "a few", "many", "a number
 * of"), from its text, or NULL when the figure is not vague; and the range the word
 * allows for ranges and filters (max FACT_NONE = open). */
const char *figure_vague_word(enum qualifier q, long n, const char *text);
void figure_vague_range(const char *word, long *min, long *max);
/* The value a figure is sorted and filtered by: its number, a vague word's minimum. */
long figure_sort_value(long n, long min, long max, enum qualifier q, const char *text);

/* A toll as a user reads it: "38", "12+", "more than 20", "about 150", "30-40", "up to
 * 250", "dozens". Returns buf ("" when nothing is known). For the list, events, compare
 * and the reader's columns alike. */
const char *figure_display(char *buf, size_t cap, long n, long min, long max, enum qualifier q,
                           const char *text);

/* The names used in JSON, the store and the filter language. */
const char *place_kind_name(enum place_kind k);
enum place_kind place_kind_from_name(const char *name);
const char *figure_kind_name(enum figure_kind k);
int figure_kind_from_name(const char *name); /* -1 when unknown */
const char *qualifier_name(enum qualifier q);
int qualifier_from_name(const char *name); /* -1 when unknown */
const char *mention_type_name(enum mention_type t);

/* The type mention_type_name calls name; MENTION_PLACE for a word it does not know. */
enum mention_type mention_type_from_name(const char *name);
const char *figure_role_name(enum figure_role r);
int figure_role_from_name(const char *name); /* -1 when unknown */

#endif
