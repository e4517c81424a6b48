/* text.c: UTF-8 repair, folding, sentence splitting, display width and sanitising.
 *
 * libunistring does the Unicode work (normalisation, case folding, character classes,
 * widths); this file decides the policies news text needs on top of it. */
#include "base/text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "base/ascii.h"
#include "base/json.h"
#include "base/tokens.h"
#include <uniwidth.h>

#define REPLACEMENT_CHAR 0xFFFD

/* A growable byte buffer; every text function here builds its result in one. */
struct tbuf {
    char *data;
    size_t len, cap;
    bool failed;
};

static void tbuf_reserve(struct tbuf *b, size_t extra)
{
    if (b->failed || b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return;
    }
    b->data = p;
    b->cap = cap;
}

static void tbuf_put(struct tbuf *b, const char *s, size_t n)
{
    tbuf_reserve(b, n);
    if (b->failed)
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void tbuf_putc(struct tbuf *b, char c)
{
    tbuf_put(b, &c, 1);
}

static void tbuf_put_uc(struct tbuf *b, ucs4_t uc)
{
    uint8_t enc[6];
    int n = u8_uctomb(enc, uc, sizeof enc);
    if (n > 0)
        tbuf_put(b, (const char *)enc, (size_t)n);
}

static char *tbuf_finish(struct tbuf *b, size_t *out_len)
{
    if (b->failed) {
        free(b->data);
        return NULL;
    }
    if (!b->data)
        tbuf_reserve(b, 0);
    if (b->failed)
        return NULL;
    b->data[b->len] = '\0';
    if (out_len)
        *out_len = b->len;
    return b->data;
}

/* Decodes one character; invalid or truncated sequences yield U+FFFD and consume one byte
 * so that a single stray byte never swallows the valid text after it. */
static inline size_t decode_one(const char *s, size_t len, ucs4_t *uc, bool *invalid)
{
    /* ASCII inline: most of any article, and the library call costs more than the test. */
    if (len && (unsigned char)s[0] < 0x80) {
        *uc = (unsigned char)s[0];
        *invalid = false;
        return 1;
    }
    int n = u8_mbtoucr(uc, (const uint8_t *)s, len);
    if (n <= 0) {
        *uc = REPLACEMENT_CHAR;
        *invalid = true;
        return 1;
    }
    *invalid = false;
    return (size_t)n;
}

/* NFC can only change text holding a combining mark or one of the few characters NFC
 * replaces or composes (Hangul jamo, Greek and Indic composition exclusions, singletons
 * such as the Ohm sign, CJK compatibility ideographs). Most news text holds none, and
 * normalising is the costliest step of an import, so it runs only when this finds one. */
static bool may_change_under_nfc(ucs4_t uc)
{
    if (uc < 0x300)
        return false;
    if (uc_combining_class(uc) != 0)
        return true;
    return (uc >= 0x0340 && uc <= 0x0FFF) || (uc >= 0x1100 && uc <= 0x11FF) ||
           (uc >= 0x1F00 && uc <= 0x1FFF) || uc == 0x2000 || uc == 0x2001 ||
           (uc >= 0x2126 && uc <= 0x212B) || uc == 0x2329 || uc == 0x232A ||
           (uc >= 0xF900 && uc <= 0xFAFF) || (uc >= 0x2F800 && uc <= 0x2FA1F);
}

char *text_repair(const char *buf, size_t len, size_t *out_len, size_t *n_repaired)
{
    struct tbuf b = {0};
    size_t repaired = 0;
    bool normalise = false;
    tbuf_reserve(&b, len);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)buf[i];
        if (c == '\r') {
            tbuf_putc(&b, '\n');
            i += (i + 1 < len && buf[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c == 0) {
            tbuf_put_uc(&b, REPLACEMENT_CHAR);
            repaired++;
            i++;
            continue;
        }
        if (c < 0x80) {
            size_t run = i + 1; /* copy plain ASCII runs whole: most of any article */
            while (run < len && (unsigned char)buf[run] < 0x80 && buf[run] != '\r' && buf[run])
                run++;
            tbuf_put(&b, buf + i, run - i);
            i = run;
            continue;
        }
        ucs4_t uc;
        bool invalid;
        size_t n = decode_one(buf + i, len - i, &uc, &invalid);
        if (invalid)
            repaired++;
        normalise = normalise || may_change_under_nfc(uc);
        if (invalid)
            tbuf_put_uc(&b, uc);
        else
            tbuf_put(&b, buf + i, n); /* a valid sequence is its own encoding */
        i += n;
    }
    size_t valid_len = 0;
    char *valid = tbuf_finish(&b, &valid_len);
    if (!valid)
        return NULL;
    if (n_repaired)
        *n_repaired = repaired;
    if (!normalise) {
        if (out_len)
            *out_len = valid_len;
        return valid;
    }

    size_t nfc_len = 0;
    uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)valid, valid_len, NULL, &nfc_len);
    if (!nfc) {
        /* Normalisation only fails on memory; the repaired text is still valid UTF-8. */
        if (out_len)
            *out_len = valid_len;
        return valid;
    }
    free(valid);
    char *out = realloc(nfc, nfc_len + 1);
    if (!out) {
        free(nfc);
        return NULL;
    }
    out[nfc_len] = '\0';
    if (out_len)
        *out_len = nfc_len;
    return out;
}

bool text_looks_binary(const char *buf, size_t len)
{
    size_t sample = len < 65536 ? len : 65536;
    if (sample == 0)
        return false;
    if (memchr(buf, '\0', sample))
        return true;
    size_t controls = 0, invalid = 0;
    for (size_t i = 0; i < sample;) {
        unsigned char c = (unsigned char)buf[i];
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b)
            controls++;
        if (c < 0x80) {
            i++;
            continue;
        }
        ucs4_t uc;
        bool bad;
        /* A sequence cut by the sample boundary is not evidence of binary data. */
        size_t n = decode_one(buf + i, sample - i, &uc, &bad);
        if (bad && sample - i >= 4)
            invalid++;
        i += n;
    }
    /* Legacy 8-bit text (Latin-1, CP1256) is mostly ASCII with scattered invalid bytes;
     * binary data has many control bytes or a majority of invalid sequences. */
    return controls * 10 > sample || invalid * 10 > sample * 3;
}

/* ---- folding ---- */

static bool is_apostrophe_like(ucs4_t uc)
{
    switch (uc) {
    case '\'':
    case '"':
    case '`':
    case 0x00B4: /* acute accent */
    case 0x02B9: /* modifier prime */
    case 0x02BB: /* turned comma (okina) */
    case 0x02BC: /* modifier apostrophe */
    case 0x02BE: /* right half ring: transliterated hamza */
    case 0x02BF: /* left half ring: transliterated ayn */
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x2032:
        return true;
    default:
        return false;
    }
}

static bool is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* text_fold for ASCII, which is most of news text, without the Unicode tables: the same
 * result (letters lowercased, digits kept, apostrophes and quotes dropped, every other run
 * one space) at a fraction of the cost; grouping 100,000 articles folds every word. */
struct ascii_fold {
    char *out;
    size_t cap, o;
    bool pending_space, full;
};

/* Folds len more bytes onto what f holds: the fold of a text is the fold of its start with
 * the rest's added, so text_fold_prefixes can read the fold of every prefix on the way. */
static void fold_ascii_more(struct ascii_fold *f, const char *s, size_t len)
{
    /* f's fields kept in locals: every byte written to out may alias them, and the compiler
     * would reload them at each byte */
    char *out = f->out;
    size_t o = f->o, cap = f->cap;
    bool pending_space = f->pending_space, full = f->full;
    const unsigned alnum = ASCII_CLASS_UPPER | ASCII_CLASS_LOWER | ASCII_CLASS_DIGIT;
    for (size_t i = 0; i < len && !full; i++) {
        char c = s[i];
        unsigned cls = ascii_classes[(unsigned char)c];
        if (!(cls & alnum)) {
            if (c != '\'' && c != '"' && c != '`')
                pending_space = o > 0;
            continue;
        }
        if (o + 1 + (pending_space ? 1 : 0) > cap - 1) {
            full = true;
            break;
        }
        if (pending_space)
            out[o++] = ' ';
        pending_space = false;
        out[o++] = (char)(c + ((cls & ASCII_CLASS_UPPER) << 5)); /* a capital's bit lowers it */
    }
    out[o] = '\0';
    f->o = o;
    f->pending_space = pending_space;
    f->full = full;
}

static size_t fold_ascii(const char *s, size_t len, char *out, size_t outcap)
{
    struct ascii_fold f = {out, outcap, 0, false, false};
    fold_ascii_more(&f, s, len);
    return f.o;
}

bool text_fold_prefixes(const char *s, size_t len, const size_t *ends, size_t n, char *out,
                        size_t outcap, size_t *lens)
{
    if (outcap == 0 || !is_ascii(s, len))
        return false;
    struct ascii_fold f = {out, outcap, 0, false, false};
    size_t done = 0;
    for (size_t k = 0; k < n; k++) {
        fold_ascii_more(&f, s + done, ends[k] - done);
        done = ends[k];
        lens[k] = f.o;
    }
    fold_ascii_more(&f, s + done, len - done);
    return true;
}

size_t text_fold(const char *s, size_t len, char *out, size_t outcap)
{
    if (outcap == 0)
        return 0;
    out[0] = '\0';
    if (is_ascii(s, len))
        return fold_ascii(s, len, out, outcap);
    size_t flen = 0;
    uint8_t *folded = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFKD, NULL, &flen);
    if (!folded)
        return 0;
    size_t o = 0;
    bool pending_space = false;
    for (size_t i = 0; i < flen;) {
        ucs4_t uc;
        bool bad;
        i += decode_one((const char *)folded + i, flen - i, &uc, &bad);
        if (uc_is_general_category(uc, UC_CATEGORY_M) || is_apostrophe_like(uc))
            continue;
        if (!uc_is_general_category(uc, UC_CATEGORY_L) &&
            !uc_is_general_category(uc, UC_CATEGORY_N)) {
            pending_space = o > 0;
            continue;
        }
        uint8_t enc[6];
        int n = u8_uctomb(enc, uc, sizeof enc);
        if (n <= 0)
            continue;
        size_t need = (size_t)n + (pending_space ? 1 : 0);
        if (o + need > outcap - 1)
            break;
        if (pending_space)
            out[o++] = ' ';
        pending_space = false;
        memcpy(out + o, enc, (size_t)n);
        o += (size_t)n;
    }
    out[o] = '\0';
    free(folded);
    return o;
}

/* ---- sentence splitting ---- */

/* Abbreviations that never end a sentence: titles and ranks come before a name. */
static const char *const title_abbrevs[] = {
    "Lt",     "Gen",   "Col",  "Maj",  "Brig",   "Capt", "Sgt",  "Cpl",  "Pvt",    "Adm", "Cmdr",
    "Cdr",    "Lieut", "Dr",   "Mr",   "Mrs",    "Ms",   "Gov",  "Sen",  "Rep",    "St",  "Prof",
    "Rev",    "Hon",   "Pres", "Supt", "Insp",   "Det",  "Gens", "Cols", "Messrs", "Mt",  "Ft",
    "Sheikh", "e.g",   "i.e",  "vs",   "approx", "cf",   "Ave",  "Blvd", "Rd",     "Jr",  "Sr",
    "Corp",   "Inc",   "Ltd",  "Co",   "Dept",   "Govt", "Fig",  NULL};

/* Abbreviations that end a sentence only when the next word is not a number. */
static const char *const numeric_abbrevs[] = {"Jan", "Feb",  "Mar", "Apr",  "Jun", "Jul", "Aug",
                                              "Sep", "Sept", "Oct", "Nov",  "Dec", "No",  "Nos",
                                              "Art", "p",    "pp",  "para", "Vol", "Ch",  NULL};

/* Whether the n bytes at w are one of the list's words, case and all: one hashed lookup,
 * since the lists are asked about at every period that may end a sentence. */
static bool word_in(const char *w, size_t n, const char *const *list)
{
    return words_find_exact(list, SIZE_MAX, w, n) >= 0;
}

/* "U.S", "U.N", "a.m", "p.m": letters separated by single periods. */
static bool is_dotted_initialism(const char *w, size_t n)
{
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool letter_pos = (i % 2 == 0);
        if (letter_pos && !isalpha((unsigned char)w[i]))
            return false;
        if (!letter_pos && w[i] != '.')
            return false;
    }
    return true;
}

static bool is_closing_punct(ucs4_t uc)
{
    return uc == '"' || uc == '\'' || uc == ')' || uc == ']' || uc == 0x201D || uc == 0x2019 ||
           uc == 0x00BB || uc == 0x203A;
}

static bool is_space_uc(ucs4_t uc)
{
    return uc == ' ' || uc == '\t' || uc == '\n' || uc == 0x00A0 || uc == 0x2009 || uc == 0x202F ||
           uc == 0x3000 || (uc >= 0x2000 && uc <= 0x200A);
}

/* Words that open a sentence far more often than they follow "U.S." or "U.N." inside
 * one: after an initialism they mean the sentence ended there ("...said the U.N. Two
 * soldiers were killed"). */
static const char *const sentence_openers[] = {
    "The",   "A",     "An",      "He",    "She",   "It",        "They",      "We",     "I",
    "In",    "On",    "At",      "But",   "And",   "However",   "Meanwhile", "This",   "That",
    "These", "Those", "There",   "His",   "Her",   "Its",       "Their",     "After",  "Before",
    "When",  "While", "Earlier", "Later", "Also",  "According", "One",       "Two",    "Three",
    "Four",  "Five",  "Six",     "Seven", "Eight", "Nine",      "Ten",       "Dozens", "Several",
    "Some",  "Many",  "Most",    "No",    NULL};

static size_t word_length(const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && isalpha((unsigned char)s[n]))
        n++;
    return n;
}

/* Decides whether the period at text[dot] ends a sentence, given the start of the word
 * before it and the next word (next_word, next_len bytes of text follow it). */
static bool period_ends_sentence(const char *text, size_t word_start, size_t dot,
                                 const char *next_word, size_t next_len)
{
    ucs4_t next = (unsigned char)next_word[0];
    const char *w = text + word_start;
    size_t n = dot - word_start;
    /* Strip opening punctuation glued to the word: ("Gen. */
    while (n > 0 && strchr("(\"'[", *w)) {
        w++;
        n--;
    }
    if (n == 0)
        return true;
    if (word_in(w, n, title_abbrevs))
        return false;
    bool next_is_digit = next < 0x80 && isdigit((int)next);
    if (word_in(w, n, numeric_abbrevs))
        return !next_is_digit;
    /* A single capital letter is an initial ("George W. Bush"). */
    if (n == 1 && isupper((unsigned char)w[0]))
        return false;
    if (is_dotted_initialism(w, n)) {
        /* "a.m."/"p.m." often close a sentence; "U.S." usually precedes a noun. */
        if (isupper((unsigned char)w[0]))
            return word_in(next_word, word_length(next_word, next_len), sentence_openers);
        return !next_is_digit;
    }
    return true;
}

static bool is_sentence_start(ucs4_t uc)
{
    if (uc_is_property_lowercase(uc))
        return false;
    return true;
}

/* Length of a paragraph break (newline, optional blanks, newline) starting at i, or 0. */
static size_t paragraph_break_len(const char *t, size_t len, size_t i)
{
    if (t[i] != '\n')
        return 0;
    size_t j = i + 1;
    while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
        j++;
    if (j < len && t[j] == '\n') {
        while (j < len && isspace((unsigned char)t[j]))
            j++;
        return j - i;
    }
    return 0;
}

struct span_list {
    struct text_span *v;
    size_t n, cap;
    bool failed;
};

static void add_span(struct span_list *l, const char *t, size_t start, size_t end)
{
    while (start < end && isspace((unsigned char)t[start]))
        start++;
    /* Also trim a no-break space some pages leave at paragraph edges. */
    while (end - start >= 2 && (unsigned char)t[start] == 0xC2 &&
           (unsigned char)t[start + 1] == 0xA0) {
        start += 2;
        while (start < end && isspace((unsigned char)t[start]))
            start++;
    }
    while (end > start && isspace((unsigned char)t[end - 1]))
        end--;
    while (end - start >= 2 && (unsigned char)t[end - 2] == 0xC2 &&
           (unsigned char)t[end - 1] == 0xA0) {
        end -= 2;
        while (end > start && isspace((unsigned char)t[end - 1]))
            end--;
    }
    if (end <= start || l->failed)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        struct text_span *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->failed = true;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n].start = start;
    l->v[l->n].len = end - start;
    l->n++;
}

static bool is_terminator(ucs4_t uc)
{
    return uc == '.' || uc == '!' || uc == '?' || uc == 0x2026;
}

static bool is_cjk_terminator(ucs4_t uc)
{
    return uc == 0x3002 || uc == 0xFF01 || uc == 0xFF1F || uc == 0x061F || uc == 0x06D4;
}

/* Tries to end a sentence at the terminator at i (n bytes long); returns the end offset
 * (after closing quotes) or 0 when the sentence goes on. */
static size_t sentence_end_at(const char *t, size_t len, size_t word_start, size_t i, size_t n,
                              ucs4_t uc)
{
    size_t j = i + n;
    /* Runs of terminators ("?!", "...") act as one. */
    for (;;) {
        ucs4_t c;
        bool bad;
        if (j >= len)
            return j;
        size_t m = decode_one(t + j, len - j, &c, &bad);
        if (is_terminator(c) || is_closing_punct(c))
            j += m;
        else
            break;
    }
    size_t end = j;
    if (is_cjk_terminator(uc))
        return end;
    ucs4_t c;
    bool bad;
    size_t m = decode_one(t + j, len - j, &c, &bad);
    if (!is_space_uc(c))
        return 0; /* "4.7", "U.S.-led", "example.com" */
    j += m;
    while (j < len) {
        m = decode_one(t + j, len - j, &c, &bad);
        if (!is_space_uc(c))
            break;
        j += m;
    }
    if (j >= len)
        return end;
    if (!is_sentence_start(c))
        return 0;
    if (uc == '.' && end == i + n && !period_ends_sentence(t, word_start, i, t + j, len - j))
        return 0;
    return end;
}

size_t text_split_sentences(const char *text, size_t len, struct text_span **out)
{
    struct span_list l = {0};
    size_t start = 0, word_start = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c > ' ' && c < 0x80 && c != '.' && c != '!' && c != '?') {
            i++; /* inside a word: nothing to decide */
            continue;
        }
        if (c == ' ') { /* the commonest gap, taken as the space branch below would */
            if (i - start >= TEXT_MAX_SENTENCE) {
                add_span(&l, text, start, i);
                start = i;
            }
            word_start = ++i;
            continue;
        }
        size_t pb = paragraph_break_len(text, len, i);
        if (pb) {
            add_span(&l, text, start, i);
            i += pb;
            start = word_start = i;
            continue;
        }
        ucs4_t uc;
        bool bad;
        size_t n = decode_one(text + i, len - i, &uc, &bad);
        if (is_space_uc(uc)) {
            if (i - start >= TEXT_MAX_SENTENCE) { /* not prose: cut at this space */
                add_span(&l, text, start, i);
                start = i;
            }
            i += n;
            word_start = i;
            continue;
        }
        if (is_terminator(uc) || is_cjk_terminator(uc)) {
            size_t end = sentence_end_at(text, len, word_start, i, n, uc);
            if (end) {
                add_span(&l, text, start, end);
                start = word_start = end;
                i = end;
                continue;
            }
        }
        i += n;
    }
    add_span(&l, text, start, len);
    if (l.failed) {
        free(l.v);
        *out = NULL;
        return 0;
    }
    *out = l.v;
    return l.n;
}

/* ---- display width ---- */

static int char_width(ucs4_t uc)
{
    int w = uc_width(uc, "UTF-8");
    return w < 0 ? 0 : w;
}

int text_width(const char *s, size_t len)
{
    int cols = 0;
    for (size_t i = 0; i < len;) {
        ucs4_t uc;
        bool bad;
        i += decode_one(s + i, len - i, &uc, &bad);
        cols += char_width(uc);
    }
    return cols;
}

size_t text_prefix_fitting(const char *s, size_t len, int cols, int *used_cols)
{
    int used = 0;
    size_t fit = 0;
    for (size_t i = 0; i < len;) {
        ucs4_t uc;
        bool bad;
        size_t n = decode_one(s + i, len - i, &uc, &bad);
        int w = char_width(uc);
        /* Zero-width characters ride with the character before them. */
        if (w > 0 && used + w > cols)
            break;
        if (w == 0 && i > 0 && fit < i)
            break;
        used += w;
        i += n;
        fit = i;
    }
    if (used_cols)
        *used_cols = used;
    return fit;
}

/* ---- sanitising ---- */

static bool is_bidi_control(ucs4_t uc)
{
    return (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069) || uc == 0x200E ||
           uc == 0x200F || uc == 0x061C;
}

/* Skips a string-type sequence body (OSC, DCS, APC, PM, SOS) up to BEL or ST. */
static size_t skip_control_string(const char *s, size_t len, size_t i)
{
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0x07)
            return i + 1;
        if (c == 0x1b && i + 1 < len && s[i + 1] == '\\')
            return i + 2;
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0x9C)
            return i + 2; /* C1 ST */
        i++;
    }
    return i;
}

/* Skips CSI parameters, intermediates and the final byte. */
static size_t skip_csi(const char *s, size_t len, size_t i)
{
    while (i < len && (unsigned char)s[i] >= 0x30 && (unsigned char)s[i] <= 0x3F)
        i++;
    while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x2F)
        i++;
    if (i < len && (unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7E)
        i++;
    return i;
}

/* i points just past ESC; returns the offset past the whole escape sequence. */
static size_t skip_escape(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return i;
    char c = s[i];
    if (c == '[')
        return skip_csi(s, len, i + 1);
    if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X')
        return skip_control_string(s, len, i + 1);
    while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x2F)
        i++;
    if (i < len && (unsigned char)s[i] >= 0x30 && (unsigned char)s[i] <= 0x7E)
        i++;
    return i;
}

/* A C1 control introduces the same sequences as its ESC form. */
static size_t skip_c1(ucs4_t uc, const char *s, size_t len, size_t i)
{
    if (uc == 0x9B)
        return skip_csi(s, len, i);
    if (uc == 0x9D || uc == 0x90 || uc == 0x9F || uc == 0x9E || uc == 0x98)
        return skip_control_string(s, len, i);
    return i;
}

/* Printable ASCII, newline and tab pass through unchanged. */
static bool is_plain_ascii(unsigned char c)
{
    return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
}

char *text_sanitize(const char *s, size_t len)
{
    struct tbuf b = {0};
    tbuf_reserve(&b, len);
    for (size_t i = 0; i < len;) {
        if (is_plain_ascii((unsigned char)s[i])) {
            size_t run = i + 1;
            while (run < len && is_plain_ascii((unsigned char)s[run]))
                run++;
            tbuf_put(&b, s + i, run - i);
            i = run;
            continue;
        }
        ucs4_t uc;
        bool bad;
        size_t n = decode_one(s + i, len - i, &uc, &bad);
        i += n;
        if (uc == '\n' || uc == '\t') {
            tbuf_putc(&b, (char)uc);
        } else if (uc == 0x1b) {
            i = skip_escape(s, len, i);
        } else if (uc >= 0x80 && uc < 0xA0) {
            i = skip_c1(uc, s, len, i);
        } else if (uc == '\r') {
            continue;
        } else if (uc < 0x20 || uc == 0x7F) {
            tbuf_put_uc(&b, REPLACEMENT_CHAR);
        } else if (is_bidi_control(uc)) {
            continue;
        } else if (uc == 0x2028 || uc == 0x2029) {
            tbuf_putc(&b, '\n');
        } else if (bad) {
            tbuf_put_uc(&b, uc);
        } else {
            tbuf_put(&b, s + i - n, n);
        }
    }
    return tbuf_finish(&b, NULL);
}

/* ---- UTF-16 ---- */

static unsigned utf16_unit(const unsigned char *p, bool big_endian)
{
    return big_endian ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

char *text_from_utf16(const char *buf, size_t len, bool big_endian, size_t *out_len)
{
    const unsigned char *p = (const unsigned char *)buf;
    struct tbuf b = {0};
    tbuf_reserve(&b, len + len / 2);
    size_t i = 0;
    while (i + 1 < len) {
        unsigned u = utf16_unit(p + i, big_endian);
        i += 2;
        ucs4_t uc = u;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
            unsigned low = utf16_unit(p + i, big_endian);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                uc = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            } else {
                uc = REPLACEMENT_CHAR;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            uc = REPLACEMENT_CHAR; /* a low half alone, or a high half at the very end */
        }
        tbuf_put_uc(&b, uc);
    }
    if (i < len)
        tbuf_put_uc(&b, REPLACEMENT_CHAR);
    return tbuf_finish(&b, out_len);
}

bool text_starts_with_ci(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++) {
        if (!*s || tolower((unsigned char)*s) != tolower((unsigned char)*prefix))
            return false;
    }
    return true;
}

/* ---- names as printed ---- */

struct dname {
    char *s;
    size_t len, cap;
    bool failed;
};

static bool dname_put(struct dname *d, const char *bytes, size_t n)
{
    if (d->len + n + 1 > d->cap) {
        size_t cap = (d->len + n + 1) * 2;
        char *grown = d->failed ? NULL : realloc(d->s, cap);
        if (!grown) {
            d->failed = true;
            return false;
        }
        d->s = grown;
        d->cap = cap;
    }
    memcpy(d->s + d->len, bytes, n);
    d->len += n;
    d->s[d->len] = '\0';
    return true;
}

static void put_escape(struct dname *d, const char *fmt, unsigned value)
{
    char tmp[16];
    int n = snprintf(tmp, sizeof tmp, fmt, value);
    dname_put(d, tmp, (size_t)n);
}

char *text_display_name(const char *name)
{
    struct dname d = {0};
    if (!dname_put(&d, "", 0))
        return NULL;
    const uint8_t *p = (const uint8_t *)name;
    size_t left = strlen(name);
    while (left > 0) {
        ucs4_t uc;
        int n = u8_mbtoucr(&uc, p, left);
        if (n < 0)
            put_escape(&d, "\\x%02x", *p);
        else if (uc == '\n' || uc == '\r' || uc == '\t')
            dname_put(&d, uc == '\n' ? "\\n" : uc == '\r' ? "\\r" : "\\t", 2);
        else if (uc < 0x20 || uc == 0x7F)
            put_escape(&d, "\\x%02x", (unsigned)uc);
        else if (json_char_needs_escape(uc))
            put_escape(&d, "\\u%04x", (unsigned)uc);
        else
            dname_put(&d, (const char *)p, (size_t)n);
        n = n < 0 ? 1 : n;
        p += n;
        left -= (size_t)n;
    }
    if (d.failed) {
        free(d.s);
        return NULL;
    }
    return d.s;
}

char *text_dup_span(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *text_dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Arabic article particles, written apart or hyphenated ("al-", "ash-"), which outlets
 * keep or drop at will. */
static bool is_particle(const char *w, size_t n)
{
    static const char *const particles[] = {"al", "el", "ad",  "ar",  "as",  "at",
                                            "an", "az", "ash", "ath", "adh", "ul"};
    for (size_t i = 0; i < sizeof particles / sizeof particles[0]; i++)
        if (strlen(particles[i]) == n && memcmp(particles[i], w, n) == 0)
            return true;
    return false;
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* The skeleton of the folded words, particles left out; returns its length. */
static size_t name_skeleton(const char *folded, char *out, size_t cap)
{
    size_t n = 0;
    const char *p = folded;
    while (*p && n + 1 < cap) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t len = (size_t)(p - w);
        bool more = *p != '\0';
        if (!len || (more && is_particle(w, len)))
            continue;
        for (size_t i = 0; i < len && n + 1 < cap; i++) {
            char c = w[i];
            if (c < 'a' || c > 'z')
                continue;
            if (n > 0 && (is_vowel(c) || out[n - 1] == c))
                continue;
            out[n++] = c;
        }
    }
    if (n > 1 && out[n - 1] == 'h')
        n--;
    out[n] = '\0';
    return n;
}

void text_name_key(const char *name, char *out, size_t outcap)
{
    char folded[256], skeleton[256];
    text_fold(name ? name : "", name ? strlen(name) : 0, folded, sizeof folded);
    if (name_skeleton(folded, skeleton, sizeof skeleton) >= 4) {
        snprintf(out, outcap, "~%s", skeleton);
        return;
    }
    /* too short for a skeleton: the letters alone, so "Pa Zi Gyi" is "Pazigyi" */
    size_t n = 0;
    for (const char *p = folded; *p && n + 1 < outcap; p++)
        if (*p != ' ')
            out[n++] = *p;
    if (outcap)
        out[n] = '\0';
}

int text_decimal_digits(uint64_t v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}
