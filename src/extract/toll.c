/* toll.c: the role of each figure in its report, by the cues a human coder reads.
 *
 * A report states more numbers than its own toll: the war's total in a background
 * paragraph, an earlier attack recalled for context, the children among the dead, a second
 * strike elsewhere the same day, and sometimes a number nobody stated ("did not say how
 * many"). Each figure is judged in its sentence, in this order:
 *   - no statement: a question ("how many"), a refusal ("did not say"), a forecast ("could
 *     rise to 58"): removed;
 *   - killed and wounded counted together ("killed or injured dozens"): combined;
 *   - part of a toll: "including 14 children", "five of them", "were among the dead";
 *   - background: cumulative words ("since 2014", "so far this year", "the war has
 *     killed", "during the operations");
 *   - another event: a date in the sentence that is not the report's event date, or words
 *     that point away ("last year", "that attack", "a week earlier");
 *   - a second incident: "in a separate attack", "elsewhere", "meanwhile";
 *   - otherwise the report's event.
 * Sentences are compared in ASCII lower case; UTF-8 bytes outside ASCII pass unchanged. */
#include "extract/toll.h"

#include <ctype.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/timex.h"
#include "extract/salience.h"

/* How far before or after a count its cue words may stand, in bytes. */
#define CUE_REACH 32
/* How far before a cue a superlative cancels it ("the deadliest attacks on civilians since
 * the war began" is no total). */
#define SUPERLATIVE_REACH 48
/* A figure this many times the headline's and lede's, in a sentence about a war, a
 * campaign or a period, is a total of many events. */
#define BACKGROUND_RATIO 3

/* One figure's sentence, lower-cased, with where its count and its words lie in it. */
struct figure_view {
    char *s;
    size_t len;
    size_t num, num_end; /* the count ("14", "dozens", "fourteen") */
    size_t span, span_end;
    /* The first three bytes of whatever stands where a whole-word phrase may begin (the
     * start, or after a byte no word holds), hashed into a bitmap: a phrase whose first three
     * bytes are not there is not in the sentence, and most of the 150 or so phrases a figure
     * is judged by are not. */
    uint64_t openings[64];
};

/* Letters, digits and every byte of a UTF-8 sequence. Tested by range, not isalnum: it runs
 * at every byte of every figure's sentence, and the locale's table adds a call to each. */
static bool word_byte(char c)
{
    unsigned char u = (unsigned char)c;
    return (u | 0x20u) - 'a' < 26u || (unsigned)(u - '0') < 10u || u >= 0x80;
}

static unsigned opening_bit(unsigned char c0, unsigned char c1, unsigned char c2)
{
    return ((c0 * 37u + c1) * 37u + c2) & 4095u;
}

static void note_openings(struct figure_view *v)
{
    memset(v->openings, 0, sizeof v->openings);
    for (size_t i = 0; i < v->len; i++)
        if (i == 0 || !word_byte(v->s[i - 1])) {
            unsigned char c1 = i + 1 < v->len ? (unsigned char)v->s[i + 1] : 0;
            unsigned char c2 = i + 2 < v->len ? (unsigned char)v->s[i + 2] : 0;
            unsigned b = opening_bit((unsigned char)v->s[i], c1, c2);
            v->openings[b / 64] |= 1ull << (b % 64);
        }
}

/* False when phrase (three bytes or more) cannot start a whole-word match in the sentence. */
static bool may_open(const struct figure_view *v, const char *phrase)
{
    if (!phrase[0] || !phrase[1] || !phrase[2])
        return true;
    unsigned b =
        opening_bit((unsigned char)phrase[0], (unsigned char)phrase[1], (unsigned char)phrase[2]);
    return v->openings[b / 64] >> (b % 64) & 1;
}

/* Whether phrase occurs as whole words in v->s[from, to); to is within it. The search stops
 * at to: most ranges are a few words of a long sentence, and an unbounded strstr read the
 * rest of it (forecast_of_count asks at every offset). Candidates are found by their first
 * byte (memchr) and compared in place. */
static bool phrase_in(const struct figure_view *v, size_t from, size_t to, const char *phrase)
{
    if (!may_open(v, phrase))
        return false;
    const char *s = v->s;
    size_t n = strlen(phrase);
    if (n == 0 || to < n)
        return false;
    size_t last = to - n; /* the last offset a match may start at */
    for (size_t i = from; i <= last; i++) {
        const char *p = memchr(s + i, phrase[0], last + 1 - i);
        if (!p)
            return false;
        i = (size_t)(p - s);
        if (memcmp(p + 1, phrase + 1, n - 1) == 0 && (i == 0 || !word_byte(s[i - 1])) &&
            !word_byte(s[i + n]))
            return true;
    }
    return false;
}

static bool any_phrase_in(const struct figure_view *v, size_t from, size_t to,
                          const char *const *phrases)
{
    for (size_t i = 0; phrases[i]; i++)
        if (phrase_in(v, from, to, phrases[i]))
            return true;
    return false;
}

static size_t before(const struct figure_view *v, size_t reach)
{
    return v->num > reach ? v->num - reach : 0;
}

static size_t after(const struct figure_view *v, size_t reach)
{
    return v->num_end + reach < v->len ? v->num_end + reach : v->len;
}

/* ---- finding the count in the figure's words ---- */

static const char *const count_words[] = {
    "one",      "two",     "three",  "four",      "five",   "six",      "seven",
    "eight",    "nine",    "ten",    "eleven",    "twelve", "thirteen", "fourteen",
    "fifteen",  "sixteen", "twenty", "thirty",    "forty",  "fifty",    "sixty",
    "seventy",  "eighty",  "ninety", "hundred",   "dozens", "dozen",    "scores",
    "hundreds", "several", "many",   "thousands", "a few",  "a number", NULL,
};

/* The letters the count words begin with: a word beginning otherwise is none of them. */
static const char count_initials[] = "adefhmnost";

/* The first digit run or count word in [from, to); false when there is none. */
static bool locate_count(const char *s, size_t from, size_t to, size_t *at, size_t *end)
{
    for (size_t i = from; i < to; i++) {
        if (i > 0 && word_byte(s[i - 1]))
            continue;
        if (isdigit((unsigned char)s[i])) {
            size_t e = i;
            while (e < to && (isdigit((unsigned char)s[e]) || s[e] == ','))
                e++;
            *at = i;
            *end = e;
            return true;
        }
        if (!strchr(count_initials, s[i]) || !s[i])
            continue;
        for (size_t k = 0; count_words[k]; k++) {
            size_t n = strlen(count_words[k]);
            if (i + n <= to && memcmp(s + i, count_words[k], n) == 0 && !word_byte(s[i + n])) {
                *at = i;
                *end = i + n;
                return true;
            }
        }
    }
    return false;
}

static bool view_figure(const struct article *a, const struct mention *m, struct figure_view *v)
{
    if (m->sentence < 0 || (size_t)m->sentence >= a->n_sentences)
        return false;
    const struct text_span *sp = &a->sentences[m->sentence];
    if (m->start < sp->start || m->start + m->len > sp->start + sp->len)
        return false;
    v->s = malloc(sp->len + 1);
    if (!v->s)
        return false;
    /* ASCII letters only: tolower changes no other byte in the C locale or a UTF-8 one */
    for (size_t i = 0; i < sp->len; i++) {
        char c = a->text[sp->start + i];
        v->s[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    v->s[sp->len] = '\0';
    v->len = sp->len;
    note_openings(v);
    v->span = m->start - sp->start;
    v->span_end = v->span + m->len;
    if (!locate_count(v->s, v->span, v->span_end, &v->num, &v->num_end)) {
        v->num = v->span;
        v->num_end = v->span_end;
    }
    return true;
}

/* ---- the cues ---- */

/* Whether a count ends exactly at end, in the word that starts at from ("27", "seven",
 * "twenty-seven"). */
static bool count_ends_at(const char *s, size_t from, size_t end)
{
    size_t at, e;
    for (size_t p = from; p < end && locate_count(s, p, end, &at, &e); p = at + 1)
        if (e == end)
            return true;
    return false;
}

/* "27 of the building's 46 apartments": the 46 is what the 27 were counted out of, a stock
 * or a crowd, not a toll. True when "<count> of" (not "one of") stands at most two words
 * before it. */
static bool denominator(const struct figure_view *v)
{
    size_t from = v->num > 40 ? v->num - 40 : 0;
    for (size_t i = from + 1; i + 4 <= v->num; i++) {
        if (memcmp(v->s + i, " of ", 4) != 0)
            continue;
        int words = 0;
        for (size_t k = i + 4; k < v->num; k++)
            words += v->s[k] == ' ';
        size_t w = i;
        while (w > 0 && (word_byte(v->s[w - 1]) || v->s[w - 1] == '-'))
            w--;
        /* "one of the 12 killed" is a victim among a toll: the 12 stands */
        bool one = i - w == 3 && memcmp(v->s + w, "one", 3) == 0;
        if (words <= 2 && !one && count_ends_at(v->s, w, i))
            return true;
    }
    return false;
}

/* A forecast that governs the count itself: "could rise to 58", "may reach at least 60";
 * not "could rise as some of the 73 wounded were critical" (73 is stated). */
static bool forecast_of_count(const struct figure_view *v, const char *const *forecasts)
{
    size_t from = before(v, CUE_REACH);
    for (size_t k = 0; forecasts[k]; k++) {
        if (!may_open(v, forecasts[k]))
            continue;
        size_t n = strlen(forecasts[k]);
        for (size_t i = from; i + n <= v->num; i++) {
            if (!phrase_in(v, i, i + n, forecasts[k]))
                continue;
            int words = 0;
            bool clean = true;
            for (size_t p = i + n; p < v->num; p++) {
                words += v->s[p] == ' ';
                clean = clean && !strchr(",;:", v->s[p]);
            }
            if (clean && words <= 4)
                return true;
        }
    }
    return false;
}

/* "how many were killed", "did not say how many", "the toll could rise to 58". */
static bool not_a_statement(const struct figure_view *v)
{
    static const char *const refusals[] = {
        "did not say",   "didn't say",    "did not give",     "didn't give", "not say how",
        "not known how", "unclear how",   "no word on",       "declined to", "would not say",
        "wouldn't say",  "not disclosed", "did not disclose", NULL,
    };
    static const char *const forecasts[] = {
        "could rise",     "could reach", "could climb",      "could increase",
        "may rise",       "may reach",   "may climb",        "might rise",
        "might reach",    "would rise",  "expected to rise", "likely to rise",
        "feared to rise", "could go up", "could exceed",     NULL,
    };
    if (v->num >= 4 && phrase_in(v, v->num - 4, v->num, "how"))
        return true;
    if (denominator(v))
        return true;
    return any_phrase_in(v, 0, v->num, refusals) || forecast_of_count(v, forecasts);
}

/* "killed or injured dozens", "dozens were killed or wounded". */
static bool both_kinds(const struct figure_view *v)
{
    static const char *const together[] = {
        "killed or injured",
        "killed or wounded",
        "dead or injured",
        "dead or wounded",
        "kills or injures",
        "kills or wounds",
        "killing or injuring",
        "killing or wounding",
        "killed or hurt",
        "casualties",
        NULL,
    };
    return any_phrase_in(v, before(v, CUE_REACH), after(v, CUE_REACH), together);
}

/* "including 14 children", "among them five women", "five of them", "were among the dead". */
static bool part_of_toll(const struct figure_view *v)
{
    static const char *const lead_in[] = {
        "including",         "includes",         "among them",      "among whom",
        "of whom",           "of which",         "among those",     "among the dead",
        "among the victims", "among the killed", "among them were", NULL,
    };
    static const char *const follow[] = {
        "of them",          "of whom",           "of the dead",       "of the wounded",
        "of the injured",   "of the victims",    "of those",          "were among",
        "are among",        "was among",         "among the dead",    "among the victims",
        "among the killed", "among the injured", "among the wounded", NULL,
    };
    size_t from = v->num > 16 ? v->num - 16 : 0;
    if (any_phrase_in(v, from, v->num, lead_in))
        return true;
    static const char *const among[] = {
        "were among the",    "was among the",  "are among the", "among the injured",
        "among the wounded", "among the dead", "among those",   NULL};
    if (any_phrase_in(v, v->num_end, after(v, 48), among))
        return true;
    /* right after the count, or after one word: "five of them", "35 children were among" */
    size_t at = v->num_end;
    for (int words = 0; words < 2; words++) {
        while (at < v->len && v->s[at] == ' ')
            at++;
        for (size_t k = 0; follow[k]; k++)
            if (at + strlen(follow[k]) <= v->len &&
                phrase_in(v, at, at + strlen(follow[k]), follow[k]))
                return true;
        while (at < v->len && word_byte(v->s[at]))
            at++;
    }
    return false;
}

static const char *const superlatives[] = {"deadliest", "worst",   "biggest", "largest",
                                           "bloodiest", "highest", "first",   NULL};

/* Whether one of the phrases stands in the sentence other than after a superlative ("the
 * deadliest attack this year" says nothing of a total). */
static bool cue_in_sentence(const struct figure_view *v, const char *const *phrases)
{
    for (size_t k = 0; phrases[k]; k++) {
        if (!may_open(v, phrases[k]))
            continue;
        size_t n = strlen(phrases[k]);
        for (const char *p = v->s; (p = strstr(p, phrases[k])) != NULL; p++) {
            size_t i = (size_t)(p - v->s);
            if ((i > 0 && word_byte(v->s[i - 1])) || word_byte(v->s[i + n]))
                continue;
            if (!any_phrase_in(v, i > SUPERLATIVE_REACH ? i - SUPERLATIVE_REACH : 0, i,
                               superlatives))
                return true;
        }
    }
    return false;
}

static bool month_or_year_at(const char *s, size_t len)
{
    static const char *const months[] = {"january",  "february", "march",  "april",     "may",
                                         "june",     "july",     "august", "september", "october",
                                         "november", "december", NULL};
    if (len >= 4 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3]))
        return true;
    for (size_t i = 0; months[i]; i++)
        if (strncmp(s, months[i], strlen(months[i])) == 0)
            return true;
    return false;
}

/* "since 2014", "since the war began", "since then": a total over a period, not "since
 * Monday" or "since the attack" (a revision of this event's toll), nor "the deadliest
 * since 2018" (no total at all). */
static bool cumulative_since(const struct figure_view *v)
{
    static const char *const periods[] = {
        "the start",      "the beginning", "the war",        "the conflict", "the coup",
        "the invasion",   "the outbreak",  "the insurgency", "the fighting", "the uprising",
        "the revolution", "the offensive", "the operation",  "then",         "records began",
        "the takeover",   "its launch",    "last year",      NULL,
    };
    if (!may_open(v, "since "))
        return false;
    for (const char *p = v->s; (p = strstr(p, "since ")) != NULL; p++) {
        size_t at = (size_t)(p - v->s);
        if (at > 0 && word_byte(v->s[at - 1]))
            continue;
        size_t from = at > SUPERLATIVE_REACH ? at - SUPERLATIVE_REACH : 0;
        if (any_phrase_in(v, from, at, superlatives))
            continue;
        const char *next = p + 6;
        size_t rest = v->len - at - 6;
        if (month_or_year_at(next, rest))
            return true;
        for (size_t i = 0; periods[i]; i++)
            if (strncmp(next, periods[i], strlen(periods[i])) == 0)
                return true;
    }
    return false;
}

/* A total over a war, a campaign, a region or a period. */
static bool background_total(const struct figure_view *v)
{
    static const char *const totals[] = {
        "so far this year",
        "this year",
        "so far in",
        "over the past",
        "in the past",
        "in recent years",
        "in recent months",
        "during the war",
        "the war has",
        "the conflict has",
        "the insurgency has",
        "the violence has",
        "during the operation",
        "during the operations",
        "during the campaign",
        "the campaign has",
        "the offensive has",
        "across the country",
        "nationwide",
        "cumulative",
        "death toll in the war",
        "each year",
        "every year",
        "per year",
        "war has killed",
        "conflict has killed",
        NULL,
    };
    /* "have died in attacks in the Beni region": a sum over several attacks */
    static const char *const several_attacks[] = {
        "in attacks",         "in two attacks",
        "in three attacks",   "in separate attacks",
        "in several attacks", "in a series of",
        "in raids",           "in several raids",
        "in a wave of",       NULL,
    };
    return cumulative_since(v) || cue_in_sentence(v, totals) ||
           any_phrase_in(v, v->num_end, v->len, several_attacks);
}

/* Words that point to another, earlier event. */
static bool points_elsewhere_in_time(const struct figure_view *v)
{
    static const char *const earlier[] = {
        "last year",      "last month",
        "a year ago",     "years ago",
        "months ago",     "previous attack",
        "earlier attack", "a similar attack",
        "that attack",    "that bombing",
        "that strike",    "that blast",
        "that massacre",  "the last deadly",
        "the last major", "on this day in",
        "in a previous",  "an earlier",
        "days earlier",   "weeks earlier",
        "a week earlier", "months earlier",
        "years earlier",  "the previous year",
        "that raid",      "that assault",
        "that airstrike", "that air strike",
        "that explosion", "that incident",
        "that shelling",  "months after",
        "years after",    NULL,
    };
    return cue_in_sentence(v, earlier);
}

/* "in a separate attack", "elsewhere", "meanwhile, in X". */
static bool second_incident(const struct figure_view *v)
{
    static const char *const separate[] = {
        "in a separate",     "separately",
        "elsewhere",         "meanwhile",
        "in another attack", "in another incident",
        "in another strike", "another attack",
        "a second attack",   NULL,
    };
    return any_phrase_in(v, 0, v->len, separate);
}

/* ---- dates ---- */

static long iso_day_number(const char *v)
{
    struct timex_date d = {0, 0, 0};
    if (!v || strlen(v) != 10 || !timex_parse_date(v, 10, &d) || !d.year || !d.month || !d.day)
        return -1;
    /* days from a fixed origin, enough to compare dates a few days apart */
    return (long)d.year * 372 + d.month * 31 + d.day;
}

/* The day the report's event happened: the first full date its headline or lede gives a
 * figure or states, else its publication date. */
static void event_date(const struct article *a, const struct facts *f, char out[16])
{
    out[0] = '\0';
    for (size_t i = 0; i < f->n_figures; i++)
        if (f->figures[i].sentence <= FIGURE_LEAD_SENTENCES &&
            iso_day_number(f->figures[i].date) >= 0) {
            snprintf(out, 16, "%s", f->figures[i].date);
            return;
        }
    for (size_t i = 0; i < f->n_dates; i++)
        if (f->dates[i].sentence <= FIGURE_LEAD_SENTENCES &&
            iso_day_number(f->dates[i].value) >= 0) {
            snprintf(out, 16, "%s", f->dates[i].value);
            return;
        }
    if (a->date)
        snprintf(out, 16, "%s", a->date);
}

/* Whether a date value ("2018", "2023-01", "2022-06-27") is an earlier time than the
 * event's: an earlier year or month, or a day more than three days before. Later dates are
 * when a toll was revised or reported ("said on Wednesday the toll had risen to 55"), not
 * another event. ISO text compares in date order. */
static bool other_time(const char *value, const char *event)
{
    size_t n = value ? strlen(value) : 0;
    if (!n || !event || !event[0] || value[0] == '-' || n < 4)
        return false;
    if (n < 10)
        return strncmp(value, event, n) < 0; /* "2018" or "2023-01" before the event's */
    long v = iso_day_number(value), e = iso_day_number(event);
    return v >= 0 && e >= 0 && e - v > 3;
}

/* A sentence dated only at another time than the event's. */
static bool dated_elsewhere(const struct facts *f, int sentence, const char *event)
{
    bool other = false;
    for (size_t i = 0; i < f->n_dates; i++) {
        const struct date_fact *d = &f->dates[i];
        if (d->sentence != sentence || !d->value)
            continue;
        if (!other_time(d->value, event))
            return false; /* the event's own day is named too */
        other = true;
    }
    return other;
}

/* ---- judging and removing ---- */

static const struct mention *figure_mention(const struct facts *f, size_t index)
{
    for (size_t i = 0; i < f->n_mentions; i++)
        if (f->mentions[i].type == MENTION_FIGURE && f->mentions[i].index == (int)index)
            return &f->mentions[i];
    return NULL;
}

static void free_figure(struct figure_fact *g)
{
    free(g->who);
    free(g->place);
    free(g->date);
    free(g->source);
    free(g->text);
}

/* Removes figure i and its mention; later figures' mentions move down one. */
static void remove_figure(struct facts *f, size_t index)
{
    free_figure(&f->figures[index]);
    memmove(&f->figures[index], &f->figures[index + 1],
            (f->n_figures - index - 1) * sizeof f->figures[0]);
    f->n_figures--;
    size_t kept = 0;
    for (size_t i = 0; i < f->n_mentions; i++) {
        struct mention *m = &f->mentions[i];
        if (m->type == MENTION_FIGURE && m->index == (int)index)
            continue;
        if (m->type == MENTION_FIGURE && m->index > (int)index)
            m->index--;
        f->mentions[kept++] = *m;
    }
    f->n_mentions = kept;
}

/* The role of one figure; false when it is no statement at all. */
/* How far before its count a year may name the event a figure belongs to. */
#define YEAR_REACH 60

/* "the 2023 Christmas Eve attacks that killed more than 100 people", in a report of 2025:
 * a year before the event's, shortly before the count, names an earlier event. */
static bool earlier_year_before(const struct figure_view *v, const char *event)
{
    int event_year = event && strlen(event) >= 4 ? atoi(event) : 0;
    if (event_year < 1900)
        return false;
    size_t from = v->num > YEAR_REACH ? v->num - YEAR_REACH : 0;
    for (size_t i = from; i + 4 <= v->num; i++) {
        const char *y = v->s + i;
        bool four_digits = isdigit((unsigned char)y[0]) && isdigit((unsigned char)y[1]) &&
                           isdigit((unsigned char)y[2]) && isdigit((unsigned char)y[3]);
        if (!four_digits || (i > 0 && word_byte(y[-1])) || word_byte(y[4]))
            continue;
        int year = atoi(y);
        if (year >= 1900 && year < event_year)
            return true;
    }
    return false;
}

static bool judge(const struct facts *f, const struct figure_view *v, int sentence,
                  const char *event, struct figure_fact *g)
{
    g->role = ROLE_EVENT;
    g->incident = 0;
    if (not_a_statement(v))
        return false;
    if (both_kinds(v))
        g->role = ROLE_COMBINED;
    else if (part_of_toll(v))
        g->role = ROLE_PART;
    else if (background_total(v))
        g->role = ROLE_BACKGROUND;
    else if (points_elsewhere_in_time(v) || dated_elsewhere(f, sentence, event) ||
             earlier_year_before(v, event))
        g->role = ROLE_OTHER;
    if (g->role != ROLE_BACKGROUND && g->role != ROLE_OTHER && second_incident(v))
        g->incident = 1;
    return true;
}

/* Words of a sentence about a war, a campaign, a period, a record or a group's record ("a
 * perfect of no one day": "having killed hundreds", "have been killed"). */
static bool about_many_events(const struct figure_view *v)
{
    static const char *const subjects[] = {
        "war",        "conflict",    "insurgency",       "violence", "fighting",
        "campaign",   "crisis",      "deadliest",        "worst",    "having",
        "has killed", "have killed", "have been killed", "has left", "have died",
        NULL,
    };
    /* periods, unless after a superlative: "the worst attack in years" */
    static const char *const periods[] = {"since", "decade", "decades", "years", "history", NULL};
    /* a toll revised upwards is this event's, however far above the lede */
    static const char *const revised[] = {"rose",    "risen",   "rises",  "climbed", "climbs",
                                          "reached", "revised", "raised", "later",   NULL};
    if (any_phrase_in(v, 0, v->len, revised))
        return false;
    return any_phrase_in(v, 0, v->len, subjects) || cue_in_sentence(v, periods);
}

static long figure_size(const struct figure_fact *g)
{
    return figure_sort_value(g->n, g->min, g->max, g->qualifier, g->text);
}

/* The largest event figure of a kind in the headline and lede, or FACT_NONE. */
static long lead_size(const struct facts *f, enum figure_kind kind)
{
    long best = FACT_NONE;
    for (size_t i = 0; i < f->n_figures; i++) {
        const struct figure_fact *g = &f->figures[i];
        long n = figure_size(g);
        if (g->kind == kind && g->sentence < FIGURE_LEAD_SENTENCES && g->role == ROLE_EVENT &&
            n != FACT_NONE && n > best)
            best = n;
    }
    return best;
}

/* The place of the report's event: that of its first event figure that names one. */
static const char *event_place(const struct facts *f)
{
    for (size_t i = 0; i < f->n_figures; i++)
        if (f->figures[i].role == ROLE_EVENT && f->figures[i].place)
            return f->figures[i].place;
    return NULL;
}

/* The same, skipping figures the lede puts at the dateline's place, which is where the
 * report was filed from ("SANAA, Yemen (AP) - ... killing dozens" of a strike in Saada). */
static const char *event_place_off_dateline(const struct article *a, const struct facts *f)
{
    for (size_t i = 0; i < f->n_figures; i++) {
        const struct figure_fact *g = &f->figures[i];
        const struct place_fact *p = g->role == ROLE_EVENT ? facts_place_named(f, g->place) : NULL;
        if (p && !(a->dateline && salience_names_place(a->dateline, p)))
            return g->place;
    }
    return NULL;
}

/* Whether a figure's place is a different spot from the event's: not the same, not a
 * country or province (the event's own, as often as not), not one that holds the other. */
static bool another_spot(const struct facts *f, const char *event, const char *other)
{
    if (!event || !other || strcmp(event, other) == 0)
        return false;
    const struct place_fact *e = facts_place_named(f, event), *o = facts_place_named(f, other);
    if (!e || !o || o->kind == PLACE_COUNTRY || o->kind == PLACE_ADMIN1 ||
        o->kind == PLACE_REGION || e->kind == PLACE_COUNTRY || e->kind == PLACE_ADMIN1)
        return false;
    return !(e->admin1 && strcmp(e->admin1, other) == 0) &&
           !(o->admin1 && strcmp(o->admin1, event) == 0);
}

/* How far apart two places must be for a figure below the lede at one of them to be
 * another incident than the lede's at the other, with no date to tell them apart. */
#define ANOTHER_INCIDENT_KM 100.0

/* Whether the two places lie far apart: a figure below the lede at a town 350 km away
 * ("Hours earlier, a helicopter was downed near Amalfi. At least eight officers were
 * killed") is another incident than the car bomb in Cali the lede tells. */
static bool far_apart(const struct facts *f, const char *event, const char *other)
{
    const struct place_fact *e = facts_place_named(f, event), *o = facts_place_named(f, other);
    /* a place the headline or lede names is the lede's event's, whatever the figure the
     * lede puts at the dateline ("SANAA - ... killing dozens" over a strike in Saada) */
    if (!e || !o || !e->has_coords || !o->has_coords || o->first_sentence < FIGURE_LEAD_SENTENCES)
        return false;
    const double rad = 3.14159265358979 / 180.0, earth_km = 6371.0;
    double x = (o->lon - e->lon) * rad * cos((o->lat + e->lat) / 2 * rad);
    double y = (o->lat - e->lat) * rad;
    return sqrt(x * x + y * y) * earth_km > ANOTHER_INCIDENT_KM;
}

/* Second looks, once every figure has a first role: a number far above the lede's in a
 * sentence about a war or a period is a background total; a figure dated another day at
 * another place is another incident. */
static void second_looks(const struct article *a, struct facts *f, const char *event)
{
    long lead[FIG_KIND_COUNT];
    for (int k = 0; k < FIG_KIND_COUNT; k++)
        lead[k] = lead_size(f, (enum figure_kind)k);
    const char *place = event_place(f), *away = event_place_off_dateline(a, f);
    for (size_t i = 0; i < f->n_figures; i++) {
        struct figure_fact *g = &f->figures[i];
        long n = figure_size(g), l = lead[g->kind];
        if (g->role != ROLE_EVENT || g->sentence < FIGURE_LEAD_SENTENCES)
            continue;
        if (l != FACT_NONE && n != FACT_NONE && n > BACKGROUND_RATIO * l) {
            const struct mention *m = figure_mention(f, i);
            struct figure_view v;
            if (m && view_figure(a, m, &v)) {
                if (about_many_events(&v))
                    g->role = ROLE_BACKGROUND;
                free(v.s);
            }
        }
        bool another_day =
            g->date && event[0] && strlen(g->date) == 10 && strcmp(g->date, event) != 0;
        if (g->role == ROLE_EVENT && g->incident == 0 && another_spot(f, place, g->place) &&
            (another_day || (away && far_apart(f, away, g->place))))
            g->incident = 1;
    }
}

void toll_assign_roles(const struct article *a, struct facts *f)
{
    char event[16];
    event_date(a, f, event);
    for (size_t i = 0; i < f->n_figures;) {
        struct figure_fact *g = &f->figures[i];
        const struct mention *m = figure_mention(f, i);
        struct figure_view v;
        if (!m || !view_figure(a, m, &v)) {
            g->role = ROLE_EVENT;
            i++;
            continue;
        }
        bool stated = judge(f, &v, g->sentence, event, g);
        free(v.s);
        if (stated)
            i++;
        else
            remove_figure(f, i);
    }
    second_looks(a, f, event);
}
