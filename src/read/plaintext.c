/* plaintext.c: title, stated date, outlet, dateline and clean body of a plain-text article.
 *
 * Saved pages put a few things before the story: the page's date ("Wednesday, May 1,
 * 2024", "Updated: December 24, 2019"), a section or place line, the headline (often
 * twice), captions (often twice), a byline. After the story come comment forms and
 * counters. The parser walks the lines once, takes what it recognises from the top, drops
 * furniture, and joins hard-wrapped lines into paragraphs. What is not stated stays NULL. */
#include "read/plaintext.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/timex.h"

/* How far into the text the header area (date, dateline, title, byline) may reach. */
#define HEADER_LINES 10
/* A first line longer than this is a paragraph, not a headline; the title is then cut. */
#define TITLE_MAX   300
#define TITLE_SHORT 120
/* How many lines at the end of a story may hold its date (credits, copyright). */
#define TAIL_LINES 3
/* How many lines (standfirst, outlet, byline) may stand between headline and date. */
#define LINES_ABOVE_DATE 2
/* A date line that also names its section or author is no longer than this. */
#define DATE_LINE_WORDS 16
/* How many paragraphs may precede the one that opens with the dateline (captions). */
#define DATELINE_PARAGRAPHS 3

struct line {
    const char *s;
    size_t len;
};

struct meta {
    char *title, *date, *source, *url, *author, *dateline;
    size_t dropped_line; /* 1 + the index of a header line found below the story's start */
    size_t dropped_tail; /* 1 + the index of a date line found at the story's end */
};

/* ---- small string helpers ---- */

static size_t space_len_at(const char *s, size_t len)
{
    if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\f' || s[0] == '\v'))
        return 1;
    if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2; /* no-break space */
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x8B || (unsigned char)s[2] == 0xAF || (unsigned char)s[2] == 0x89))
        return 3; /* zero-width, narrow no-break and thin spaces */
    if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        return 3; /* a byte-order mark left inside the text */
    return 0;
}

static struct line trim(const char *s, size_t len)
{
    size_t n;
    while (len && (n = space_len_at(s, len)) > 0) {
        s += n;
        len -= n;
    }
    while (len) {
        size_t back = 0;
        for (size_t k = 1; k <= 3 && k <= len; k++)
            if (space_len_at(s + len - k, k) == k) {
                back = k;
                break;
            }
        if (!back)
            break;
        len -= back;
    }
    return (struct line){s, len};
}

static char lower_ascii(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Compared as they go, not measured first: every line of a page is held against some
 * sixty phrases, and nearly all differ at the first byte. */
static bool equals_ci(struct line l, const char *word)
{
    for (size_t j = 0; j < l.len; j++)
        if (!word[j] || lower_ascii(l.s[j]) != lower_ascii(word[j]))
            return false;
    return word[l.len] == '\0';
}

static bool starts_ci(struct line l, const char *prefix)
{
    for (size_t j = 0; prefix[j]; j++)
        if (j == l.len || lower_ascii(l.s[j]) != lower_ascii(prefix[j]))
            return false;
    return true;
}

static bool same_line(struct line a, struct line b)
{
    return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

static int count_words(struct line l)
{
    int words = 0;
    bool in_word = false;
    for (size_t i = 0; i < l.len; i++) {
        bool space = l.s[i] == ' ' || l.s[i] == '\t';
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words;
}

static bool ends_sentence(struct line l)
{
    if (!l.len)
        return true;
    unsigned char c = (unsigned char)l.s[l.len - 1];
    if (strchr(".!?:\")]", c))
        return true;
    /* closing curly quotes end in 0x9D / 0x99 (U+201D, U+2019) */
    return l.len >= 3 && (unsigned char)l.s[l.len - 3] == 0xE2 &&
           (unsigned char)l.s[l.len - 2] == 0x80 && (c == 0x9D || c == 0x99);
}

/* ---- the input as lines ---- */

static struct line *split_lines(const char *text, size_t len, size_t *count)
{
    size_t cap = 64, n = 0;
    struct line *v = malloc(cap * sizeof *v);
    size_t start = 0;
    for (size_t i = 0; v && i <= len; i++) {
        if (i < len && text[i] != '\n')
            continue;
        if (n == cap) {
            cap *= 2;
            struct line *p = realloc(v, cap * sizeof *v);
            if (!p) {
                free(v);
                return NULL;
            }
            v = p;
        }
        v[n++] = trim(text + start, i - start);
        start = i + 1;
    }
    *count = n;
    return v;
}

/* ---- what a line is ---- */

/* Lines that belong to the page, not the story, wherever they stand. */
static bool is_furniture(struct line l)
{
    static const char *const exact[] = {
        "leave a reply",
        "leave a comment",
        "post a comment",
        "no comments:",
        "no comments",
        "share this:",
        "share this",
        "like this:",
        "like this",
        "share",
        "tweet",
        "print",
        "email",
        "advertisement",
        "loading...",
        "related",
        "related articles",
        "related posts",
        "comments",
        "cancel reply",
        "read more",
        "facebook",
        "twitter",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "follow us",
        "subscribe",
        "|",
        "*",
    };
    static const char *const prefixes[] = {
        "your email address will not be published",
        "required fields are marked",
        "click to share on",
        "click to email",
        "click to print",
        "share on facebook",
        "share on twitter",
        "you must be logged in to post",
        "subscribe to our newsletter",
        "sign up for our newsletter",
        "save my name, email",
        "notify me of follow-up",
        "notify me of new posts",
        "this site uses akismet",
        "all rights reserved",
        "copyright ©",
        "read more:",
        "read more |",
        "also read:",
        "read also:",
        "related:",
        "see also:",
        "more on this:",
        "recommended stories",
        "© copyright",
    };
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (equals_ci(l, exact[i]))
            return true;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (starts_ci(l, prefixes[i]))
            return true;
    /* comment counters: "3 comments", "12 Responses", "1 reply:" */
    size_t i = 0;
    while (i < l.len && isdigit((unsigned char)l.s[i]))
        i++;
    if (i == 0 || i >= l.len || l.s[i] != ' ')
        return false;
    struct line rest = trim(l.s + i + 1, l.len - i - 1);
    if (rest.len && rest.s[rest.len - 1] == ':')
        rest.len--;
    return equals_ci(rest, "comment") || equals_ci(rest, "comments") ||
           equals_ci(rest, "response") || equals_ci(rest, "responses") ||
           equals_ci(rest, "reply") || equals_ci(rest, "replies");
}

/* Lines after which only the comment section follows. */
static bool starts_comment_section(struct line l)
{
    static const char *const marks[] = {"leave a reply",       "leave a comment", "post a comment",
                                        "no comments:",        "no comments",     "add new comment",
                                        "join the discussion", "comments"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (equals_ci(l, marks[i]))
            return true;
    return false;
}

/* A letter word of at most three letters (am, pm, GMT, at) may follow a dateline date, or
 * a zone in capitals of up to five (CEST, AEDT). */
static bool only_time_after(const char *s, size_t len)
{
    size_t word = 0;
    bool caps = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalpha(c)) {
            caps = word == 0 ? isupper(c) != 0 : caps && isupper(c);
            if (++word > (caps ? 5u : 3u))
                return false;
        } else if (isdigit(c) || strchr(" :.,|-/()+", c)) {
            word = 0;
        } else {
            return false;
        }
    }
    return true;
}

static size_t skip_date_prefix(struct line l)
{
    static const char *const prefixes[] = {
        /* longer phrases before the words they begin with */
        "published date:",
        "publish date:",
        "publication date:",
        "date published:",
        "last update:",
        "last updated on",
        "last updated:",
        "last updated",
        "first published on",
        "first published:",
        "updated on",
        "updated:",
        "updated",
        "published on",
        "published:",
        "published",
        "posted on",
        "posted:",
        "posted",
        "created on",
        "created:",
        "issued on",
        "issued:",
        "date:",
        "date",
    };
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (starts_ci(l, prefixes[i])) {
            size_t n = strlen(prefixes[i]);
            while (n < l.len && l.s[n] == ' ')
                n++;
            /* "Published on: 11/12/2024", "Issued on: 20/02/2023" */
            if (n < l.len && l.s[n] == ':' && l.s[n - 1] != ':')
                n++;
            while (n < l.len && l.s[n] == ' ')
                n++;
            return n;
        }
    return 0;
}

/* Where a page's date line names its section or author after the date and time
 * ("... - 10:05:32 in Latest News by Garowe Online Editor", "... | By Staff") or the place
 * it was filed from ("14 April 2023, Kanbalu, Sagaing Region"): the offset of that trailer
 * in s, or len when there is none. */
static size_t date_trailer_start(const char *s, size_t len)
{
    if (len > 2 && s[0] == ',' && s[1] == ' ' && isupper((unsigned char)s[2]))
        return 0;
    static const char *const marks[] = {
        " in ", " by ",           " By ",           " | ",        " / ",
        " - ",  " \xe2\x80\x93 ", " \xe2\x80\x94 ", " \xc2\xb7 ", " \xe2\x80\xa2 "};
    size_t first = len;
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t n = strlen(marks[k]);
        for (size_t i = 0; i + n <= first; i++)
            if (memcmp(s + i, marks[k], n) == 0) {
                first = i;
                break;
            }
    }
    return first;
}

/* A full date with a year, as ISO, when it starts s and only a time may follow it. */
static bool parse_full_date(const char *s, size_t len, char iso[16], size_t *used)
{
    struct timex_date d;
    size_t n = timex_parse_date(s, len, &d);
    if (!n || !d.year || !d.month || !d.day)
        n = timex_parse_short_year(s, len, &d);
    if (!n)
        return false;
    timex_format(&d, iso, 16);
    if (used)
        *used = n;
    return true;
}

/* "Wednesday, May 1, 2024", "Updated: December 24, 2019", "01 March, 2022 10:30 GMT". */
static bool is_date_line(struct line l, char iso[16])
{
    size_t skip = skip_date_prefix(l), used;
    if (!parse_full_date(l.s + skip, l.len - skip, iso, &used))
        return false;
    const char *rest = l.s + skip + used;
    size_t rest_len = l.len - skip - used;
    if (only_time_after(rest, rest_len))
        return true;
    /* a trailer naming section or author, not a sentence that opens with a date */
    return count_words(l) <= DATE_LINE_WORDS && !ends_sentence(l) &&
           only_time_after(rest, date_trailer_start(rest, rest_len));
}

/* "... 03:44 PM (IST)": a time zone in brackets closes a date line, not a sentence. */
static bool ends_with_zone(struct line l)
{
    if (l.len < 4 || l.s[l.len - 1] != ')')
        return false;
    size_t i = l.len - 1;
    while (i > 0 && isupper((unsigned char)l.s[i - 1]))
        i--;
    if (i == 0 || l.s[i - 1] != '(' || l.len - 1 - i < 2 || l.len - 1 - i > 5)
        return false;
    /* after a time, or it is an outlet: "Bangkok, April 12, 2023 (AFP)" */
    struct line before = trim(l.s, i - 1);
    if (before.len < 4)
        return false;
    const char *end = before.s + before.len;
    bool clock =
        isdigit((unsigned char)end[-1]) && isdigit((unsigned char)end[-2]) && end[-3] == ':';
    return clock || strncasecmp(end - 2, "am", 2) == 0 || strncasecmp(end - 2, "pm", 2) == 0;
}

/* A header line that gives the date after an author or outlet ("By John Smith | May 5,
 * 2024", "AFP | 5 May 2024", "By Jane Doe, 5 May 2024", "Baghdad, Iraq | Updated: Jan 21,
 * 2021, 03:44 PM (IST)"): the offset of the date, or 0. */
static size_t dated_segment(struct line l, char iso[16])
{
    static const char *const separators[] = {"| ", ", ", "\xc2\xb7 ", "\xe2\x80\xa2 "};
    if (count_words(l) > DATE_LINE_WORDS || (ends_sentence(l) && !ends_with_zone(l)))
        return 0;
    for (size_t i = 1; i < l.len; i++)
        for (size_t k = 0; k < sizeof separators / sizeof separators[0]; k++) {
            size_t n = strlen(separators[k]);
            if (i + n > l.len || memcmp(l.s + i, separators[k], n) != 0)
                continue;
            struct line rest = trim(l.s + i + n, l.len - i - n);
            if (rest.len && is_date_line(rest, iso))
                return (size_t)(rest.s - l.s);
        }
    return 0;
}

static bool is_byline(struct line l)
{
    return (starts_ci(l, "by ") && count_words(l) <= 7 && !ends_sentence(l) &&
            isupper((unsigned char)l.s[3]));
}

/* A short line naming a place or section above the headline ("Baghdad", "WORLD"). */
static bool is_place_line(struct line l)
{
    if (l.len == 0 || l.len > 30 || count_words(l) > 2 || ends_sentence(l))
        return false;
    for (size_t i = 0; i < l.len; i++)
        if (isdigit((unsigned char)l.s[i]))
            return false;
    return isupper((unsigned char)l.s[0]);
}

static bool header_key(struct line l, const char *key, struct line *value)
{
    size_t n = strlen(key);
    if (l.len <= n || strncasecmp(l.s, key, n) != 0 || l.s[n] != ':')
        return false;
    *value = trim(l.s + n + 1, l.len - n - 1);
    return true;
}

static void set_once(char **field, const char *s, size_t len)
{
    if (!*field && len)
        *field = text_dup_span(s, len);
}

/* Reads "Title:", "Date:", "Source:", "URL:", "Author:" lines at the very top. Returns
 * the index of the first line after them. */
static size_t read_header_block(const struct line *v, size_t n, struct meta *m)
{
    size_t i = 0;
    while (i < n && v[i].len == 0)
        i++;
    size_t first = i;
    for (; i < n; i++) {
        struct line val;
        char iso[16];
        if (header_key(v[i], "title", &val))
            set_once(&m->title, val.s, val.len);
        else if (header_key(v[i], "date", &val)) {
            if (!m->date && is_date_line(val, iso))
                m->date = strdup(iso);
        } else if (header_key(v[i], "source", &val))
            set_once(&m->source, val.s, val.len);
        else if (header_key(v[i], "url", &val) || header_key(v[i], "link", &val))
            set_once(&m->url, val.s, val.len);
        else if (header_key(v[i], "author", &val))
            set_once(&m->author, val.s, val.len);
        else
            break;
    }
    return i == first ? 0 : i;
}

/* ---- dateline and outlet inside the first paragraph ---- */

static bool all_caps(const char *s, size_t len)
{
    int letters = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (islower(c))
            return false;
        letters += isupper(c) != 0;
    }
    return letters >= 2;
}

static char *place_case(const char *s, size_t len)
{
    char *p = text_dup_span(s, len);
    if (!p || !all_caps(s, len))
        return p;
    bool word_start = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)p[i];
        if (isalpha(c))
            p[i] = (char)(word_start ? toupper(c) : tolower(c));
        word_start = !isalpha(c) && c != '\'';
    }
    return p;
}

/* An outlet named in parentheses: "(IraqiNews.com)", "(AP)", "(Reuters)". */
static bool plausible_outlet(const char *s, size_t len)
{
    struct line l = trim(s, len);
    if (l.len < 2 || l.len > 40 || count_words(l) > 4 || !isupper((unsigned char)l.s[0]))
        return false;
    for (size_t i = 0; i < l.len; i++)
        if (strchr("()[]\"", l.s[i]))
            return false;
    return true;
}

/* A dateline head: one to four capitalised words ("BAGHDAD", "Qaim", "Ras al-Ain"). */
static bool plausible_head(struct line l)
{
    return l.len >= 2 && l.len <= 40 && count_words(l) <= 4 && isupper((unsigned char)l.s[0]) &&
           !ends_sentence(l);
}

static bool dash_at(const char *s, size_t len, size_t *dash_len)
{
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x94 || (unsigned char)s[2] == 0x93)) {
        *dash_len = 3; /* em or en dash */
        return true;
    }
    /* a hyphen only between spaces or doubled: "BAGHDAD - ", "(UPI) --", never "al-Ain" */
    if (len >= 2 && s[0] == ' ' && s[1] == '-') {
        *dash_len = len >= 3 && s[2] == '-' ? 3 : 2;
        return true;
    }
    return false;
}

/* After "PLACE (Outlet)" comes a dash or the story's first word, never a verb
 * ("the Joint Operations Command (JOC) confirmed" is not a dateline). */
static bool opens_story(const char *s, size_t len)
{
    struct line rest = trim(s, len);
    size_t dash;
    if (rest.len > 1 && rest.s[0] == '.' && rest.s[1] == '-')
        return true; /* "Bogota, May 21 (EFE).- Two soldiers" */
    return rest.len == 0 || isupper((unsigned char)rest.s[0]) || rest.s[0] == '-' ||
           dash_at(rest.s, rest.len, &dash) || (unsigned char)rest.s[0] == 0xE2;
}

/* "HEAD (Outlet) ...": HEAD may be "BAGHDAD, June 30" or "Qaim". */
static void read_paren_dateline(const char *p, size_t head_len, size_t close, struct meta *m)
{
    set_once(&m->source, p + head_len + 1, close - head_len - 1);
    struct line head = trim(p, head_len);
    const char *comma = memchr(head.s, ',', head.len);
    size_t place_len = comma ? (size_t)(comma - head.s) : head.len;
    if (comma) {
        char iso[16];
        struct line rest = trim(comma + 1, head.len - place_len - 1);
        if (!m->date && parse_full_date(rest.s, rest.len, iso, NULL))
            m->date = strdup(iso);
    }
    if (!m->dateline && place_len)
        m->dateline = place_case(head.s, place_len);
}

/* After a dateline's place may come its region or country ("Maiduguri, Nigeria - ",
 * "MOGADISHU, Somalia, "): returns the offset just past that segment's separator, or 0. */
static size_t skip_region(const char *s, size_t len)
{
    for (size_t i = 0; i < len && i < 40; i++) {
        size_t dash;
        bool comma = s[i] == ',', dashed = !comma && dash_at(s + i, len - i, &dash);
        if (!comma && !dashed)
            continue;
        if (!plausible_head(trim(s, i)))
            return 0;
        return i + (comma ? 1 : dash);
    }
    return 0;
}

/* "Port Sudan (AFP) - January 25, 2025": a dash and a full date after the outlet. */
static void read_date_after_outlet(const char *s, size_t len, struct meta *m)
{
    size_t dash, at = 0;
    while (at < len && s[at] == ' ' && !dash_at(s + at, len - at, &dash))
        at++;
    if (at >= len || !dash_at(s + at, len - at, &dash))
        return;
    struct line date = trim(s + at + dash, len - at - dash);
    char iso[16];
    size_t used;
    if (parse_full_date(date.s, date.len, iso, &used))
        set_once(&m->date, iso, strlen(iso));
}

/* "(Outlet)" right after a dateline's date. */
static void read_outlet_after(const char *s, size_t len, struct meta *m)
{
    struct line tail = trim(s, len);
    const char *close = tail.len && tail.s[0] == '(' ? memchr(tail.s, ')', tail.len) : NULL;
    if (close && plausible_outlet(tail.s + 1, (size_t)(close - tail.s - 1)))
        set_once(&m->source, tail.s + 1, (size_t)(close - tail.s - 1));
}

/* "Xinhua, April 30, 2017 ..." names the outlet; "BAGHDAD, June 30, 2016 (UPI) --" the
 * place, the date and the outlet; "KYIV, Ukraine — May 25, 2024" place and date. */
static void read_comma_dateline(struct line head, const char *after, size_t len, struct meta *m)
{
    char iso[16];
    size_t used;
    struct line rest = trim(after, len);
    if (!parse_full_date(rest.s, rest.len, iso, &used)) {
        size_t skip = skip_region(rest.s, rest.len);
        if (!skip)
            return;
        rest = trim(rest.s + skip, rest.len - skip);
        if (!parse_full_date(rest.s, rest.len, iso, &used))
            return;
        if (!m->dateline)
            m->dateline = place_case(head.s, head.len);
    }
    set_once(&m->date, iso, strlen(iso));
    if (all_caps(head.s, head.len)) {
        if (!m->dateline)
            m->dateline = place_case(head.s, head.len);
    } else if (count_words(head) <= 2 && !m->dateline) {
        set_once(&m->source, head.s, head.len);
    }
    read_outlet_after(rest.s + used, rest.len - used, m);
}

/* "PESHAWAR, (UrduPoint / Pakistan Point News - 4th Mar, 2022 ) : ...": the outlet and
 * the date together in the brackets after the place. True when the date was read. */
static bool read_outlet_date_paren(const char *open, const char *close, struct meta *m)
{
    struct line inner = trim(open + 1, (size_t)(close - open - 1));
    for (size_t i = inner.len; i-- > 1;) {
        size_t dash;
        if (!dash_at(inner.s + i, inner.len - i, &dash))
            continue;
        char iso[16];
        size_t used;
        struct line date = trim(inner.s + i + dash, inner.len - i - dash);
        if (!parse_full_date(date.s, date.len, iso, &used) || used != date.len)
            return false;
        set_once(&m->date, iso, strlen(iso));
        struct line outlet = trim(inner.s, i);
        if (plausible_outlet(outlet.s, outlet.len))
            set_once(&m->source, outlet.s, outlet.len);
        return true;
    }
    return false;
}

/* "February 26, 2024 (EL OBEID) – ...": the date first, the place in brackets. */
static bool read_date_first_dateline(struct line first, struct meta *m)
{
    char iso[16];
    size_t used;
    if (!parse_full_date(first.s, first.len, iso, &used))
        return false;
    struct line rest = trim(first.s + used, first.len - used);
    if (!rest.len || rest.s[0] != '(')
        return false;
    const char *close = memchr(rest.s, ')', rest.len < 40 ? rest.len : 40);
    if (!close)
        return false;
    struct line place = trim(rest.s + 1, (size_t)(close - rest.s - 1));
    if (!place.len || !plausible_head(place))
        return false;
    set_once(&m->date, iso, strlen(iso));
    if (!m->dateline)
        m->dateline = place_case(place.s, place.len);
    return true;
}

/* "Mexico City — At least nine ...": a head of one to three capitalised words before an em
 * or en dash (not a hyphen, which "Analysis - " and lists use) is a dateline too. */
static bool titled_head_before_dash(const char *dash, struct line head)
{
    if ((unsigned char)dash[0] != 0xE2 || count_words(head) > 3)
        return false;
    for (size_t i = 0; i < head.len; i++)
        if ((i == 0 || head.s[i - 1] == ' ') && !isupper((unsigned char)head.s[i]))
            return false;
    return true;
}

static void read_dateline(struct line first, struct meta *m)
{
    if (read_date_first_dateline(first, m))
        return;
    const char *p = first.s;
    size_t len = first.len < 80 ? first.len : 80, dash;
    if (len && p[0] == '(') {
        const char *close = memchr(p, ')', len);
        if (close && plausible_outlet(p + 1, (size_t)(close - p - 1)))
            set_once(&m->source, p + 1, (size_t)(close - p - 1));
        return;
    }
    for (size_t i = 0; i < len; i++) {
        struct line head = trim(p, i);
        if (p[i] == '(') {
            const char *close = memchr(p + i, ')', len - i);
            if (close && plausible_outlet(p + i + 1, (size_t)(close - p - i - 1)) &&
                plausible_head(head) &&
                opens_story(close + 1, (size_t)(p + first.len - close - 1))) {
                read_paren_dateline(p, i, (size_t)(close - p), m);
                read_date_after_outlet(close + 1, (size_t)(p + first.len - close - 1), m);
            }
            return;
        }
        if (dash_at(p + i, len - i, &dash)) {
            char iso[16];
            size_t used;
            struct line rest = trim(p + i + dash, first.len - i - dash);
            bool dated = plausible_head(head) && parse_full_date(rest.s, rest.len, iso, &used);
            if (dated)
                set_once(&m->date, iso, strlen(iso));
            if ((dated || all_caps(head.s, head.len) || titled_head_before_dash(p + i, head)) &&
                plausible_head(head) && !m->dateline)
                m->dateline = place_case(head.s, head.len);
            return;
        }
        if (p[i] == ',' && plausible_head(head)) {
            /* "CAIRO, Aug 6 (Reuters) -": the outlet closes a head of place and date */
            const char *open = memchr(p + i, '(', len - i);
            const char *close = open ? memchr(open, ')', len - (size_t)(open - p)) : NULL;
            if (close && open - p <= 40 && plausible_outlet(open + 1, (size_t)(close - open - 1)) &&
                opens_story(close + 1, (size_t)(p + first.len - close - 1))) {
                read_paren_dateline(p, (size_t)(open - p), (size_t)(close - p), m);
                return;
            }
            if (close && trim(p + i + 1, (size_t)(open - p - i - 1)).len == 0 &&
                read_outlet_date_paren(open, close, m)) {
                if (!m->dateline)
                    m->dateline = place_case(head.s, head.len);
                return;
            }
            read_comma_dateline(head, p + i + 1, first.len - i - 1, m);
            return;
        }
    }
}

/* ---- assembling the body ---- */

struct buf {
    char *s;
    size_t len, cap;
};

static bool buf_put(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            return false;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return true;
}

/* A line continues the paragraph above when that one stopped mid-sentence and this one
 * goes on in lower case: the text was hard-wrapped. */
static bool continues(struct line prev, struct line l)
{
    return prev.len && !ends_sentence(prev) && l.len && islower((unsigned char)l.s[0]);
}

struct body_state {
    struct buf out;
    struct line prev;                        /* last kept line, for duplicates and wrapping */
    bool blank_since;                        /* a blank line since the last kept line */
    struct line firsts[DATELINE_PARAGRAPHS]; /* first paragraphs' first lines */
    size_t n_firsts;
};

static void keep_line(struct body_state *st, struct line l)
{
    if (st->prev.len && same_line(st->prev, l))
        return; /* a caption or heading printed twice */
    bool joined = st->out.len && !st->blank_since && continues(st->prev, l);
    if (st->out.len)
        buf_put(&st->out, joined ? " " : "\n\n", joined ? 1 : 2);
    buf_put(&st->out, l.s, l.len);
    if (!joined && st->n_firsts < DATELINE_PARAGRAPHS)
        st->firsts[st->n_firsts++] = l;
    st->prev = l;
    st->blank_since = false;
}

/* The last line before the comment section, or n when there is none. */
static size_t comment_section_start(const struct line *v, size_t from, size_t n)
{
    size_t content = 0;
    for (size_t i = from; i < n; i++) {
        if (starts_comment_section(v[i]) && content >= 1)
            return i;
        content += v[i].len > 0 && !is_furniture(v[i]);
    }
    return n;
}

/* The opening words of a line, cut at a word boundary, with an ellipsis. */
static char *shortened_title(struct line l)
{
    size_t cut = TITLE_SHORT;
    while (cut > TITLE_SHORT / 2 && l.s[cut] != ' ')
        cut--;
    while (cut > 0 && ((unsigned char)l.s[cut] & 0xC0) == 0x80)
        cut--; /* never split a character */
    char *t = malloc(cut + 4);
    if (t) {
        memcpy(t, l.s, cut);
        memcpy(t + cut, "\xe2\x80\xa6", 4);
    }
    return t;
}

/* Pages put a standfirst or the outlet's name between the headline and the date
 * ("Ministry says 12 wounded ...", then "Published On 12 Mar 2023"; "Rudaw Digital", then
 * "15-08-2023"). When the story seems to begin at from, a date line among the next few
 * short lines is the page's date; it is taken and left out of the body. */
static void find_date_below(const struct line *v, size_t from, size_t n, struct meta *m)
{
    int lines = 0;
    for (size_t j = from; j < n && lines <= LINES_ABOVE_DATE; j++) {
        char iso[16];
        if (!v[j].len || is_furniture(v[j]))
            continue;
        if (v[j].len > TITLE_MAX)
            return; /* a paragraph of the story */
        if (j > from && (is_date_line(v[j], iso) || dated_segment(v[j], iso))) {
            if (!m->date)
                m->date = strdup(iso);
            m->dropped_line = j + 1;
            return;
        }
        lines++;
    }
}

/* Takes dates, place lines, bylines and the title from the top lines. Returns the index
 * of the first body line. */
static size_t read_top(const struct line *v, size_t from, size_t n, struct meta *m)
{
    size_t i = from, seen = 0;
    bool have_title = m->title != NULL;
    for (; i < n && seen < HEADER_LINES; i++) {
        struct line l = v[i];
        char iso[16];
        if (!l.len || is_furniture(l))
            continue;
        seen++;
        size_t dated_at = have_title ? dated_segment(l, iso) : 0;
        if (is_date_line(l, iso)) {
            set_once(&m->date, iso, strlen(iso));
        } else if (is_byline(l)) {
            struct line who = trim(l.s + 3, (dated_at ? dated_at : l.len) - 3);
            while (who.len && strchr("|,", who.s[who.len - 1]))
                who = trim(who.s, who.len - 1);
            set_once(&m->author, who.s, who.len);
            if (dated_at)
                set_once(&m->date, iso, strlen(iso));
        } else if (dated_at) {
            set_once(&m->date, iso, strlen(iso));
            /* "UMAN, Ukraine, 2023-04-28 20:05 EEST": a dateline in capitals before it */
            const char *comma = memchr(l.s, ',', dated_at);
            struct line head = trim(l.s, comma ? (size_t)(comma - l.s) : 0);
            if (head.len && all_caps(head.s, head.len) && plausible_head(head) && !m->dateline)
                m->dateline = place_case(head.s, head.len);
        } else if (!have_title && is_place_line(l) && (m->date || all_caps(l.s, l.len))) {
            if (!m->dateline)
                m->dateline = place_case(l.s, l.len);
        } else if (!have_title && l.len > TITLE_MAX) {
            /* no headline is this long: name the article by its opening words and keep
             * the whole line as the story's first paragraph */
            m->title = shortened_title(l);
            return i;
        } else if (!have_title) {
            m->title = text_dup_span(l.s, l.len);
            have_title = true;
        } else {
            find_date_below(v, i, n, m);
            break; /* the story begins */
        }
    }
    return i;
}

/* "list of 3 items" ... "end of list": how pages read aloud a box of other stories'
 * headlines, whose tolls are not this story's. */
static bool opens_story_list(struct line l)
{
    if (!starts_ci(l, "list of ") || l.len >= 24 || !isdigit((unsigned char)l.s[8]))
        return false;
    /* the box's own words, "list of 3 items" / "list of 1 item", not "list of 12 victims" */
    size_t i = 8;
    while (i < l.len && isdigit((unsigned char)l.s[i]))
        i++;
    struct line rest = trim(l.s + i, l.len - i);
    return equals_ci(rest, "items") || equals_ci(rest, "item");
}

/* Wire copy may state its date only after the story ("Published: 05/21/2024 21:40"): one of
 * the last few lines that is a date line alone is the page's date, and is not the story. */
static void find_date_at_end(const struct line *v, size_t from, size_t n, struct meta *m)
{
    int lines = 0;
    for (size_t j = n; j > from && lines < TAIL_LINES;) {
        j--;
        char iso[16];
        if (!v[j].len || is_furniture(v[j]))
            continue;
        lines++;
        if (is_date_line(v[j], iso)) {
            m->date = strdup(iso);
            m->dropped_tail = j + 1;
            return;
        }
    }
}

static char *assemble_body(const struct line *v, size_t from, size_t n, struct meta *m)
{
    struct body_state st = {0};
    size_t end = comment_section_start(v, from, n);
    struct line title = m->title ? (struct line){m->title, strlen(m->title)} : (struct line){0};
    bool in_list = false;
    for (size_t i = from; i < end; i++) {
        struct line l = v[i];
        if (opens_story_list(l))
            in_list = true;
        if (in_list) {
            in_list = !equals_ci(l, "end of list");
            continue;
        }
        if (!l.len) {
            st.blank_since = true;
            continue;
        }
        if (is_furniture(l) || (title.len && same_line(l, title)) || i + 1 == m->dropped_line ||
            i + 1 == m->dropped_tail)
            continue;
        keep_line(&st, l);
    }
    /* captions may come before the paragraph that opens with the dateline */
    for (size_t i = 0; i < st.n_firsts && !m->source; i++)
        read_dateline(st.firsts[i], m);
    return st.out.s ? st.out.s : strdup("");
}

static void free_meta(struct meta *m)
{
    free(m->title);
    free(m->date);
    free(m->source);
    free(m->url);
    free(m->author);
    free(m->dateline);
}

struct article *plaintext_parse(const char *text, size_t len, const char *origin, char *err,
                                size_t errlen)
{
    size_t n;
    struct line *v = split_lines(text, len, &n);
    struct meta m = {0};
    if (!v) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    size_t body_from = read_top(v, read_header_block(v, n, &m), n, &m);
    if (!m.date)
        find_date_at_end(v, body_from, n, &m);
    char *body = assemble_body(v, body_from, n, &m);
    free(v);
    struct article *a = calloc(1, sizeof *a);
    if (!m.title || !a || !body) {
        snprintf(err, errlen, "%s", m.title ? "out of memory" : "no article text");
        free(a), free(body), free_meta(&m);
        return NULL;
    }
    a->date = m.date, a->source = m.source, a->url = m.url, a->author = m.author;
    a->dateline = m.dateline;
    a->origin = strdup(origin ? origin : "-");
    a->format = FORMAT_TEXT;
    int rc = article_finish(a, m.title, body);
    free(m.title);
    free(body);
    if (rc != 0) {
        snprintf(err, errlen, "out of memory");
        article_free(a);
        return NULL;
    }
    return a;
}
