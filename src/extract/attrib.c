/* attrib.c: the source a news sentence attributes its statement to.
 *
 * Three shapes cover most wire copy: "according to X", the inverted "..., said X" that
 * follows a quote, and the plain "X said / told / reported". The subject of the plain
 * shape is read back from the verb to the start of its clause, where appositives
 * ("X, a spokesman for Y, said") and leading adverbials ("On Thursday, police said") are
 * peeled off. Everything works on bytes of UTF-8; only ASCII letters form words. */
#include "extract/attrib.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/text.h"
#include "base/tokens.h"

struct span {
    size_t start, end;
};

static bool is_word_char(char c)
{
    return ascii_is_alnum(c) || c == '-';
}

/* Whether the whole word at s[pos..] is w (lowercase, compared case-insensitively). */
static bool word_is(const char *s, size_t len, size_t pos, const char *w)
{
    size_t n = 0;
    for (; w[n]; n++) /* no strlen first: most words differ at once */
        if (pos + n >= len || ascii_lower(s[pos + n]) != w[n])
            return false;
    if (pos + n < len && is_word_char(s[pos + n]))
        return false;
    return pos == 0 || !is_word_char(s[pos - 1]);
}

static size_t word_end(const char *s, size_t len, size_t pos)
{
    while (pos < len && is_word_char(s[pos]))
        pos++;
    return pos;
}

/* word_is for any word of a static list: every list here holds plain words (letters,
 * digits, hyphens), so the whole word at pos is one exactly when its run of word characters
 * is, looked up hashed (tokens.h). */
static bool word_in(const char *s, size_t len, size_t pos, const char *const *list)
{
    if (pos >= len || (pos > 0 && is_word_char(s[pos - 1])))
        return false;
    size_t end = word_end(s, len, pos);
    return end > pos && words_find(list, SIZE_MAX, s + pos, end - pos) >= 0;
}

static size_t skip_spaces(const char *s, size_t len, size_t pos)
{
    while (pos < len && ascii_is_space(s[pos]))
        pos++;
    return pos;
}

/* The bytes of a UTF-8 double quote at pos: 3 for “ or ”, 1 for ", else 0. */
static size_t quote_at(const char *s, size_t len, size_t pos)
{
    if (s[pos] == '"')
        return 1;
    if (pos + 2 < len && (unsigned char)s[pos] == 0xE2 && (unsigned char)s[pos + 1] == 0x80 &&
        ((unsigned char)s[pos + 2] == 0x9C || (unsigned char)s[pos + 2] == 0x9D))
        return 3;
    return 0;
}

/* A full stop that ends an abbreviation ("Col.", "Gen.", "U.S.") rather than a clause. */
static bool abbreviation_stop(const char *s, size_t len, size_t dot)
{
    static const char *const titles[] = {
        "col", "gen", "lt",  "maj",  "capt", "sgt", "brig", "dr",   "mr",  "mrs", "ms",
        "gov", "sen", "rep", "adm",  "cmdr", "cpl", "pvt",  "prof", "st",  "jr",  "sr",
        "no",  "vs",  "co",  "corp", "inc",  "ltd", "mt",   "ft",   "rev", "hon", NULL};
    size_t start = dot;
    while (start > 0 && ascii_is_alpha(s[start - 1]))
        start--;
    if (dot - start == 1)
        return true; /* "U.S.", "J. Smith" */
    return start < dot && word_in(s, len, start, titles);
}

/* The end of the phrase that starts at pos: the next clause punctuation or quote. */
static size_t phrase_end(const char *s, size_t len, size_t pos)
{
    for (; pos < len; pos++) {
        char c = s[pos];
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '!' || c == '?' ||
            quote_at(s, len, pos))
            return pos;
        if (c == '.' && !abbreviation_stop(s, len, pos))
            return pos;
    }
    return len;
}

/* Words that end a source named after its verb or "according to": what follows is the
 * when, where or what of the statement, not the speaker. */
static const char *const phrase_stops[] = {
    "on",      "in",        "at",       "that",   "who",      "which",  "yesterday", "today",
    "late",    "early",     "earlier",  "last",   "after",    "adding", "as",        "when",
    "while",   "during",    "told",     "said",   "because",  "but",    "and",       "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on",        NULL};

static size_t cut_at_stop_word(const char *s, size_t len, struct span sp)
{
    size_t pos = sp.start;
    while (pos < sp.end) {
        if (is_word_char(s[pos]) && (pos == sp.start || !is_word_char(s[pos - 1]))) {
            if (pos > sp.start && word_in(s, len, pos, phrase_stops))
                return pos;
            pos = word_end(s, len, pos);
        } else {
            pos++;
        }
    }
    return sp.end;
}

/* Trims spaces, quotes and trailing commas or stops from both ends. */
static struct span trim(const char *s, size_t len, struct span sp)
{
    for (;;) {
        size_t q;
        if (sp.start < sp.end && (ascii_is_space(s[sp.start]) || s[sp.start] == ','))
            sp.start++;
        else if (sp.start < sp.end && (q = quote_at(s, len, sp.start)) != 0)
            sp.start += q;
        else
            break;
    }
    while (sp.end > sp.start) {
        char c = s[sp.end - 1];
        if (ascii_is_space(c) || c == ',' || c == ';' || c == ':' || c == '"' ||
            (c == '.' && !abbreviation_stop(s, len, sp.end - 1)))
            sp.end--;
        else if (sp.end - sp.start >= 3 && quote_at(s, len, sp.end - 3) == 3)
            sp.end -= 3;
        else
            break;
    }
    return sp;
}

static size_t count_words(const char *s, struct span sp)
{
    size_t n = 0;
    for (size_t i = sp.start; i < sp.end; i++)
        if (is_word_char(s[i]) && (i == sp.start || !is_word_char(s[i - 1])) && s[i] != '-')
            n++;
    return n;
}

/* A proper name: every word capitalised, Arabic particles ("al-", "bin") allowed, and
 * the joining words of an institution's name ("Observatory for Human Rights"). */
static bool name_like(const char *s, size_t len, struct span sp)
{
    static const char *const particles[] = {"bin", "ibn", "abu", "de",  "van", "von",
                                            "del", "of",  "for", "the", "and", NULL};
    if (sp.start < sp.end && !ascii_is_upper(s[sp.start]))
        return false;
    bool any = false;
    for (size_t i = sp.start; i < sp.end; i++) {
        if (!ascii_is_alpha(s[i]) || (i > sp.start && is_word_char(s[i - 1])) ||
            (i > sp.start && s[i - 1] == '.'))
            continue;
        if (ascii_is_upper(s[i])) {
            any = true;
        } else if (!((i + 3 <= sp.end && (s[i] == 'a' || s[i] == 'e') && s[i + 1] == 'l' &&
                      s[i + 2] == '-') ||
                     word_in(s, len, i, particles))) {
            return false;
        }
    }
    return any;
}

static const char *const pronouns[] = {"he", "she", "they", "it", "we", "i", NULL};

static bool is_pronoun(const char *s, size_t len, struct span sp)
{
    return count_words(s, sp) == 1 && word_in(s, len, sp.start, pronouns);
}

/* A copy of the span: curly apostrophes straightened, a leading article lowercased. */
static char *copy_source(const char *s, size_t len, struct span sp)
{
    char *out = malloc(sp.end - sp.start + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t i = sp.start; i < sp.end; i++) {
        if (i + 2 < sp.end && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            out[n++] = '\'';
            i += 2;
        } else {
            out[n++] = s[i];
        }
    }
    out[n] = '\0';
    static const char *const articles[] = {"a", "an", "the", NULL};
    if (word_in(s, len, sp.start, articles))
        out[0] = ascii_lower(out[0]);
    return out;
}

/* ---- "according to X" ---- */

static bool according_to(const char *s, size_t len, struct span *out)
{
    for (size_t i = 0; i < len; i++) {
        if (ascii_lower(s[i]) != 'a' || !word_is(s, len, i, "according"))
            continue;
        size_t to = skip_spaces(s, len, i + 9);
        if (!word_is(s, len, to, "to"))
            continue;
        struct span sp = {skip_spaces(s, len, to + 2), 0};
        sp.end = phrase_end(s, len, sp.start);
        sp.end = cut_at_stop_word(s, len, sp);
        sp = trim(s, len, sp);
        if (sp.end > sp.start && count_words(s, sp) <= 12) {
            *out = sp;
            return true;
        }
    }
    return false;
}

/* ---- "..., said X" ---- */

static const char *const inverted_stops[] = {
    "that",      "it",       "he",     "she",       "they",   "we",     "there",
    "this",      "on",       "in",     "at",        "after",  "before", "late",
    "early",     "earlier",  "last",   "yesterday", "today",  "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday",  "sunday", "his",    "her",
    "their",     "its",      "more",   "some",      "about",  NULL};

/* What precedes the verb at pos: 2 for a closing quote (",” said"), 1 for a comma, 0 else. */
static int inversion_cue(const char *s, size_t len, size_t pos)
{
    while (pos > 0 && ascii_is_space(s[pos - 1]))
        pos--;
    if (pos >= 1 && s[pos - 1] == '"')
        return 2;
    if (pos >= 3 && quote_at(s, len, pos - 3) == 3)
        return 2;
    if (pos >= 1 && s[pos - 1] == ',')
        return 1;
    return 0;
}

static bool inverted_source(const char *s, size_t len, size_t verb, size_t verb_end,
                            struct span *out)
{
    int cue = inversion_cue(s, len, verb);
    if (!cue)
        return false;
    struct span sp = {skip_spaces(s, len, verb_end), 0};
    if (sp.start == verb_end || sp.start >= len || !ascii_is_alpha(s[sp.start]) ||
        word_in(s, len, sp.start, inverted_stops))
        return false;
    sp.end = phrase_end(s, len, sp.start);
    sp.end = cut_at_stop_word(s, len, sp);
    sp = trim(s, len, sp);
    size_t words = count_words(s, sp);
    if (!words)
        return false;
    static const char *const articles[] = {"a", "an", "the", NULL};
    if (cue == 1 && (words > 8 ||
                     !(name_like(s, len, sp) || words <= 3 || word_in(s, len, sp.start, articles))))
        return false; /* "X, who ..., said Iraqi helicopters carried out ..." */
    if (words > 10)
        return false;
    *out = sp;
    return true;
}

/* ---- "X said" ---- */

static const char *const adverbial_openers[] = {
    "on",         "in",       "at",         "meanwhile", "however",     "earlier",      "later",
    "separately", "also",     "yesterday",  "today",     "tonight",     "last",         "after",
    "before",     "during",   "when",       "while",     "since",       "as",           "but",
    "late",       "early",    "overnight",  "moreover",  "furthermore", "additionally", "elsewhere",
    "still",      "then",     "so",         "thus",      "for",         "nonetheless",  "instead",
    "now",        "recently", "previously", "initially", "finally",     "who",          "which",
    "whose",      "where",    "monday",     "tuesday",   "wednesday",   "thursday",     "friday",
    "saturday",   "sunday",   "speaking",   "citing",    "quoting",     "adding",       "according",
    "if",         "although", "though",     "because",   "under",       "with",         "by",
    "from",       "to",       NULL};

static const char *const leading_joiners[] = {"and", "but", "which", "who",  "that", "while",
                                              "as",  "so",  "then",  "also", NULL};

static const char *const auxiliaries[] = {"has",  "have",  "had",        "was",        "were",
                                          "also", "would", "will",       "later",      "earlier",
                                          "had",  "then",  "previously", "reportedly", NULL};

static bool adverbial(const char *s, size_t len, struct span sp)
{
    return sp.start >= sp.end || !ascii_is_alpha(s[sp.start]) ||
           word_in(s, len, sp.start, adverbial_openers);
}

/* The start of the clause the verb at pos belongs to: after the last closing quote or
 * semicolon before it. */
static size_t clause_start(const char *s, size_t len, size_t verb)
{
    size_t start = 0;
    for (size_t i = 0; i < verb; i++) {
        size_t q = quote_at(s, len, i);
        if (s[i] == ';' || (q && i + q < verb))
            start = i + (q ? q : 1);
    }
    return start;
}

/* Drops trailing auxiliaries ("has", "was", "also") from the words before a verb. */
static size_t drop_auxiliaries(const char *s, size_t len, size_t start, size_t end)
{
    for (;;) {
        while (end > start && ascii_is_space(s[end - 1]))
            end--;
        size_t w = end;
        while (w > start && is_word_char(s[w - 1]))
            w--;
        if (w == end || !word_in(s, len, w, auxiliaries))
            return end;
        end = w;
    }
}

static size_t drop_joiners(const char *s, size_t len, size_t start, size_t end)
{
    while (start < end && word_in(s, len, start, leading_joiners))
        start = skip_spaces(s, len, word_end(s, len, start));
    return start;
}

/* Splits [start,end) on commas outside parentheses; returns how many spans were stored. */
static size_t split_commas(const char *s, size_t start, size_t end, struct span *parts, size_t max)
{
    size_t n = 0, from = start;
    int depth = 0;
    for (size_t i = start; i <= end && n < max; i++) {
        if (i < end && s[i] == '(')
            depth++;
        else if (i < end && s[i] == ')' && depth > 0)
            depth--;
        else if (i == end || (s[i] == ',' && depth == 0)) {
            parts[n++] = (struct span){from, i};
            from = i + 1;
        }
    }
    return n;
}

/* "Raji al-Issawi, a member of the committee, said": the name before the appositive. */
static bool pick_from_appositive(const char *s, size_t len, struct span *parts, size_t n,
                                 struct span *out)
{
    struct span first = {0, 0};
    bool have_first = false;
    for (size_t i = 0; i < n; i++) {
        struct span p = trim(s, len, parts[i]);
        p.start = drop_joiners(s, len, p.start, p.end);
        if (adverbial(s, len, p))
            continue;
        if (name_like(s, len, p)) {
            *out = p;
            return true;
        }
        if (!have_first) {
            first = p;
            have_first = true;
        }
    }
    if (have_first)
        *out = first;
    return have_first;
}

/* "a police officer who spoke on condition of anonymity": the speaker without the
 * relative clause. */
static struct span cut_relative(const char *s, size_t len, struct span sp)
{
    static const char *const relatives[] = {"who", "which", "whose", "speaking", NULL};
    for (size_t i = sp.start + 1; i < sp.end; i++)
        if (ascii_is_alpha(s[i]) && !is_word_char(s[i - 1]) && word_in(s, len, i, relatives))
            return trim(s, len, (struct span){sp.start, i});
    return sp;
}

static bool subject_before(const char *s, size_t len, size_t verb, struct span *out)
{
    size_t start = clause_start(s, len, verb);
    size_t end = drop_auxiliaries(s, len, start, verb);
    bool appositive = end > start && s[end - 1] == ',';
    if (appositive)
        end--;
    struct span parts[8];
    size_t n = split_commas(s, start, end, parts, 8);
    if (!n)
        return false;
    struct span sp;
    if (appositive && n > 1) {
        if (!pick_from_appositive(s, len, parts, n, &sp))
            return false;
    } else {
        sp = trim(s, len, parts[n - 1]);
        sp.start = drop_joiners(s, len, sp.start, sp.end);
        if (adverbial(s, len, sp))
            return false;
    }
    static const char *const negations[] = {"no", "nobody", "none", "neither", NULL};
    sp = cut_relative(s, len, sp);
    size_t words = count_words(s, sp);
    if (!words || words > 12 || word_in(s, len, sp.start, negations))
        return false; /* "No group has claimed responsibility" names no one */
    *out = sp;
    return true;
}

/* "he told Reuters": the outlet, for when "he" cannot be resolved. */
static bool told_object(const char *s, size_t len, size_t verb_end, struct span *out)
{
    struct span sp = {skip_spaces(s, len, verb_end), 0};
    sp.end = sp.start;
    while (sp.end < len && ascii_is_upper(s[sp.end])) {
        sp.end = word_end(s, len, sp.end);
        size_t next = skip_spaces(s, len, sp.end);
        if (next == sp.end || next >= len || !ascii_is_upper(s[next]))
            break;
        sp.end = next;
    }
    if (sp.end == sp.start)
        return false;
    *out = sp;
    return true;
}

/* Looked up hashed at every word (word_listed_at); the NULL ends it for word_in. */
static const char *const speech_verbs[] = {
    "acknowledged", "added",    "announced", "announces", "claimed",   "claims",   "confirmed",
    "confirms",     "declared", "denied",    "estimated", "explained", "insisted", "noted",
    "quoted",       "reported", "reports",   "said",      "say",       "says",     "stated",
    "tells",        "told",     "warned",    NULL};

#define N_SPEECH_VERBS (sizeof speech_verbs / sizeof speech_verbs[0] - 1)

static const char *const inverting_verbs[] = {"said",      "says",   "added", "stated",
                                              "explained", "warned", "noted", NULL};

/* Whether pos lies inside a quotation: after an opening “ not yet closed, or after an
 * odd number of straight quotes. */
static bool inside_quote(const char *s, size_t len, size_t pos)
{
    bool curly_open = false, straight_open = false;
    for (size_t i = 0; i < pos; i++) {
        if (s[i] == '"')
            straight_open = !straight_open;
        else if (quote_at(s, len, i) == 3) {
            curly_open = (unsigned char)s[i + 2] == 0x9C;
            i += 2;
        }
    }
    return curly_open || straight_open;
}

static bool passive_before(const char *s, size_t len, size_t verb)
{
    static const char *const be[] = {"was", "were", "been", "is", "are", "be", "being", NULL};
    size_t end = verb;
    while (end > 0 && ascii_is_space(s[end - 1]))
        end--;
    size_t w = end;
    while (w > 0 && is_word_char(s[w - 1]))
        w--;
    return w < end && word_in(s, len, w, be);
}

/* Whether the word at pos is a speech verb: one hashed lookup instead of a list scan,
 * since this runs at every word of every sentence. */
static bool speech_verb_at(const struct word_table *verbs, const char *s, size_t len, size_t pos)
{
    size_t n = verbs ? word_table_listed_at(verbs, s, len, pos, 16)
                     : word_listed_at(speech_verbs, N_SPEECH_VERBS, s, len, pos, 16);
    return n > 0 && !(pos + n < len && is_word_char(s[pos + n]));
}

char *attrib_source(const char *sentence, size_t len, const char *previous_source)
{
    const char *s = sentence;
    struct span sp;
    if (according_to(s, len, &sp))
        return copy_source(s, len, sp);
    const struct word_table *verbs = word_table_of(speech_verbs, N_SPEECH_VERBS);
    for (size_t i = 0; i < len; i++) {
        if (!ascii_is_alpha(s[i]) || (i > 0 && is_word_char(s[i - 1])))
            continue;
        if (!speech_verb_at(verbs, s, len, i)) {
            i = word_end(s, len, i) - 1; /* no word starts inside this one */
            continue;
        }
        size_t verb_end = word_end(s, len, i);
        bool quoted = word_is(s, len, i, "quoted");
        if (inside_quote(s, len, i))
            continue; /* the speaker's own words, not the attribution */
        if (passive_before(s, len, i) != quoted)
            continue; /* "was reported" has no speaker; "was quoted" needs its "was" */
        if (word_in(s, len, i, inverting_verbs) && inverted_source(s, len, i, verb_end, &sp))
            return copy_source(s, len, sp);
        if (!subject_before(s, len, i, &sp))
            continue;
        if (!is_pronoun(s, len, sp))
            return copy_source(s, len, sp);
        if (previous_source)
            return text_dup_or_null(previous_source);
        if ((word_is(s, len, i, "told") || word_is(s, len, i, "tells")) &&
            told_object(s, len, verb_end, &sp))
            return copy_source(s, len, sp);
    }
    return NULL;
}
