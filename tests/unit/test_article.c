/* test_article.c: plain-text articles: title, stated date, outlet, dateline, clean body,
 * and the refusals of what is not an article. Expectations are read off the inputs. */
#include <stdlib.h>
#include <string.h>

#include "read/article.h"
#include "read/reader.h"
#include "testlib.h"

struct got {
    struct article *a;
    int count;
};

static int keep_last(struct article *a, void *ctx)
{
    struct got *g = ctx;
    article_free(g->a);
    g->a = a;
    g->count++;
    return 0;
}

/* Parses s as an input file would be; returns the article (caller frees) or NULL. */
static struct article *parse(const char *s, char *err, size_t errlen)
{
    struct got g = {0};
    int rc = reader_parse(s, strlen(s), FORMAT_AUTO, "test.txt", keep_last, &g, err, errlen);
    if (rc < 0)
        return NULL;
    return g.a;
}

static struct article *load(const char *path)
{
    struct got g = {0};
    char err[256];
    if (reader_load(path, FORMAT_AUTO, keep_last, &g, err, sizeof err) < 0) {
        printf("#   %s: %s\n", path, err);
        return NULL;
    }
    return g.a;
}

static void seed_titles_and_dates(void)
{
    struct {
        const char *file, *title, *date, *source;
    } seeds[] = {
        {"000_de89cb0ec6e66cd9.txt", "Iraq Airstrikes Kill Islamic State Fighters Leaving Fallujah",
         NULL, NULL},
        {"001_f74a71a3c80b86c9.txt",
         "Army jets kill 14 Islamic State members in Qaim, western Anbar", "2024-05-01",
         "IraqiNews.com"},
        {"002_9f37995f73953197.txt", "UPDATED: Coalition airstrikes 38 IS militants in Anbar",
         "2024-09-21", NULL},
        {"003_c7c02c071c8dc4f0.txt",
         "Dozens of Daesh terrorists have been killed after Iraqi aircraft pounded the positions "
         "of the Tafkiri militants near the border with Syria, the Iraqi army says.",
         NULL, NULL},
        {"004_912c10ceeca316b3.txt",
         "The Iraqi army and allied volunteer fighters have managed to recapture more territories "
         "from Daesh terrorists on the outskirts of the recently-liberated city of Fallujah.",
         NULL, NULL},
    };
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "assets/samples/%s", seeds[i].file);
        struct article *a = load(path);
        CHECK(a != NULL);
        if (!a)
            continue;
        CHECK_STR(a->title, seeds[i].title);
        CHECK_STR(a->date, seeds[i].date);
        CHECK_STR(a->source, seeds[i].source);
        CHECK_INT(strlen(a->hash), 64);
        /* the comment form at the end is gone, the story's last words are not */
        CHECK(strstr(a->text, "Leave a Reply") == NULL);
        CHECK(strstr(a->text, "Post a Comment") == NULL);
        CHECK(strstr(a->text, "Your email address") == NULL);
        article_free(a);
    }
}

static void repeated_title_and_caption_kept_once(void)
{
    char err[256];
    struct article *a = load("assets/samples/001_f74a71a3c80b86c9.txt");
    CHECK(a != NULL);
    if (!a)
        return;
    const char *cap = "Iraqi Sukhoi aircraft. File photo.";
    const char *first = strstr(a->text, cap);
    CHECK(first != NULL);
    CHECK(first && strstr(first + 1, cap) == NULL);
    CHECK(strstr(a->text + strlen(a->title), a->title) == NULL);
    CHECK_STR(a->dateline, "Baghdad");
    /* sentence 0 is the title; the caption's two sentences come next */
    CHECK(a->n_sentences > 4);
    CHECK_INT(a->sentences[0].start, 0);
    CHECK_INT(a->sentences[0].len, strlen(a->title));
    CHECK(strncmp(a->text + a->sentences[3].start, "Qaim (IraqiNews.com)", 20) == 0);
    article_free(a);
    (void)err;
}

static void header_lines_override(void)
{
    char err[256];
    struct article *a = parse("Title: Clashes in Marib\nDate: 2021-02-14\nSource: Example Wire\n"
                              "URL: https://example.org/marib\n\nMarib clashes go on\n\n"
                              "Fighting continued near Marib on Sunday.\n",
                              err, sizeof err);
    CHECK(a != NULL);
    if (!a)
        return;
    CHECK_STR(a->title, "Clashes in Marib");
    CHECK_STR(a->date, "2021-02-14");
    CHECK_STR(a->source, "Example Wire");
    CHECK_STR(a->url, "https://example.org/marib");
    CHECK(strstr(a->text, "Fighting continued near Marib on Sunday.") != NULL);
    article_free(a);
}

static void dateline_forms(void)
{
    char err[256];
    struct article *a =
        parse("Blast hits market\n\nBAGHDAD, June 30, 2016 (UPI) -- A bomb exploded on Thursday.\n",
              err, sizeof err);
    CHECK(a && a->source && strcmp(a->source, "UPI") == 0);
    CHECK(a && a->dateline && strcmp(a->dateline, "Baghdad") == 0);
    CHECK(a && a->date && strcmp(a->date, "2016-06-30") == 0);
    article_free(a);

    /* a date without its year before the outlet: place and outlet, but no date from it */
    a = parse("Strikes hit Gaza\n\nCAIRO, Aug 6 (Reuters) - Israeli air strikes killed at least "
              "27 people on Tuesday, officials said.\n",
              err, sizeof err);
    CHECK(a && a->source && strcmp(a->source, "Reuters") == 0);
    CHECK(a && a->dateline && strcmp(a->dateline, "Cairo") == 0);
    CHECK(a && a->date == NULL);
    article_free(a);

    a = parse("Iraqi forces retake village\n\nXinhua, April 30, 2017\n\nIraqi forces retook a "
              "village on Sunday.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2017-04-30") == 0);
    article_free(a);

    a = parse("Ceasefire talks resume\nUpdated: December 24, 2019\n\nKABUL — Talks resumed on "
              "Tuesday, officials said.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2019-12-24") == 0);
    CHECK(a && a->dateline && strcmp(a->dateline, "Kabul") == 0);
    CHECK(a && strstr(a->text, "Updated:") == NULL);
    article_free(a);

    a = parse("01 March, 2022\n\nShelling in Kharkiv\n\nShelling hit the city centre.\n", err,
              sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2022-03-01") == 0);
    CHECK(a && strcmp(a->title, "Shelling in Kharkiv") == 0);
    article_free(a);

    a = parse("Attack in Borno\n\nMaiduguri, Nigeria - June 10, 2021\n\nInsurgents attacked a "
              "village.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2021-06-10") == 0);
    CHECK(a && a->dateline && strcmp(a->dateline, "Maiduguri") == 0);
    article_free(a);

    a = parse("Blast in capital\n\nMOGADISHU, Somalia, Sat Oct 29, 2022 - Two car bombs "
              "exploded.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2022-10-29") == 0);
    CHECK(a && a->dateline && strcmp(a->dateline, "Mogadishu") == 0);
    article_free(a);

    a = parse("Drone strikes\n\nKYIV, Ukraine \xe2\x80\x94 May 25, 2024\n\nDrones hit the city.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2024-05-25") == 0);
    CHECK(a && a->dateline && strcmp(a->dateline, "Kyiv") == 0);
    article_free(a);

    a = parse("Raid\n\nGAZA \xe2\x80\x94 June 3, 2024 \xe2\x80\x94 A raid killed four.\n", err,
              sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2024-06-03") == 0);
    article_free(a);

    /* EFE's ".-" after the outlet */
    a = parse("Attack\n\nBogota, May 21 (EFE).- Two soldiers were killed.\n", err, sizeof err);
    CHECK(a && a->source && strcmp(a->source, "EFE") == 0);
    CHECK(a && a->dateline && strcmp(a->dateline, "Bogota") == 0);
    article_free(a);

    /* the date after the outlet: "Port Sudan (AFP) - January 25, 2025" */
    a = parse("Strike\n\nPort Sudan (AFP) - January 25, 2025\n\nA drone hit a hospital.\n", err,
              sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2025-01-25") == 0);
    CHECK(a && a->source && strcmp(a->source, "AFP") == 0);
    CHECK(a && a->dateline && strcmp(a->dateline, "Port Sudan") == 0);
    article_free(a);
    /* "(AFP) - " and then the story: no date from it */
    a = parse("Strike\n\nPORT SUDAN (AFP) - On January 25, 2025 a drone hit a hospital.\n", err,
              sizeof err);
    CHECK(a && a->date == NULL);
    article_free(a);

    /* a title-case head before an em or en dash; a hyphen or a long head is not one */
    a = parse("Ambush\n\nMexico City \xe2\x80\x94 Gunmen killed nine people.\n", err, sizeof err);
    CHECK(a && a->dateline && strcmp(a->dateline, "Mexico City") == 0);
    article_free(a);
    a = parse("Strike\n\nAddis Abeba \xe2\x80\x93 A drone strike hit a market.\n", err, sizeof err);
    CHECK(a && a->dateline && strcmp(a->dateline, "Addis Abeba") == 0);
    article_free(a);
    a = parse("Opinion\n\nAnalysis - The war enters its third year.\n", err, sizeof err);
    CHECK(a && a->dateline == NULL);
    article_free(a);
    a = parse("Opinion\n\nWhat The Minister Said \xe2\x80\x94 Nothing new.\n", err, sizeof err);
    CHECK(a && a->dateline == NULL);
    article_free(a);

    /* a parenthesis after a name in the story is not a dateline */
    a = parse("Strike\n\nThe Joint Operations Command (JOC) confirmed two strikes.\n", err,
              sizeof err);
    CHECK(a && a->source == NULL);
    article_free(a);
}

/* The page's date below a standfirst or the outlet's name, after "Issued on:", and
 * before the section and author; the date line itself is not part of the story. */
static void date_lines_below_the_headline(void)
{
    char err[256];
    struct article *a = parse("Raid on camp kills seven\n\nMinistry says 12 others wounded in "
                              "the raid.\n\nPublished On 12 Mar 2023\n\nForces killed seven "
                              "people on Sunday.\n",
                              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2023-03-12") == 0);
    CHECK(a && strstr(a->text, "Ministry says 12 others wounded") != NULL);
    CHECK(a && strstr(a->text, "Published On") == NULL);
    article_free(a);

    a = parse("Drone strike kills three\n\nExample Digital\n15-08-2023\n\nA drone hit a car "
              "on Tuesday.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2023-08-15") == 0);
    article_free(a);

    a = parse("Soldiers killed in ambush\n\nIssued on: 20/02/2023 - 17:05\n\nAbout 50 soldiers "
              "were killed.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2023-02-20") == 0);
    article_free(a);

    a = parse("Forces kill 13 fighters\n\nFriday November 17, 2023 - 10:05:32 in Latest News by "
              "Example Editor\n\nAt least 13 fighters were killed on Thursday.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2023-11-17") == 0);
    article_free(a);

    /* the date after a byline or an outlet, or before a time and an update note */
    a = parse("Gunmen kill five\n\nBy John Smith | May 5, 2024\n\nGunmen killed five people.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2024-05-05") == 0);
    CHECK(a && a->author && strcmp(a->author, "John Smith") == 0);
    article_free(a);
    a = parse("Gunmen kill five\n\nAFP | 5 May 2024\n\nGunmen killed five people.\n", err,
              sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2024-05-05") == 0);
    article_free(a);
    a = parse("Gunmen kill five\nMay 5, 2024 / 2:32 PM / Updated 3 hours ago\n\nGunmen killed "
              "five people.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2024-05-05") == 0);
    article_free(a);
    a = parse("Gunmen kill five\nPublished date: 6 May 2024 17:58 BST\n\nGunmen killed five "
              "people.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2024-05-06") == 0);
    article_free(a);
    a = parse("Gunmen kill five\nLast update: 6 May 2024 17:58 BST\n\nGunmen killed five "
              "people.\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2024-05-06") == 0);
    article_free(a);
    /* wire copy that states its date only at the end */
    a = parse("Two soldiers killed\n\nBogota, May 21 (EFE).- Two soldiers were killed.\n\n"
              "Published: 05/21/2024 21:40\n",
              err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2024-05-21") == 0);
    CHECK(a && strstr(a->text, "Published") == NULL);
    article_free(a);
    /* the date first and the place in brackets */
    a = parse(
        "Shelling kills 19\n\nFebruary 26, 2024 (EL OBEID) \xe2\x80\x93 At least 19 civilians "
        "were killed.\n",
        err, sizeof err);
    CHECK(a && a->date && strcmp(a->date, "2024-02-26") == 0);
    CHECK(a && a->dateline && strcmp(a->dateline, "El Obeid") == 0);
    article_free(a);
    /* a headline that ends with a date stays the headline */
    a = parse("Attack in Baghdad | May 5, 2024\n\nGunmen killed five people.\n", err, sizeof err);
    CHECK(a && a->title && strcmp(a->title, "Attack in Baghdad | May 5, 2024") == 0);
    article_free(a);

    /* a story's sentence that opens with a date is not a date line */
    a = parse("Talks resume\n\nMay 1, 2024 in Doha was the first round, officials said.\n", err,
              sizeof err);
    CHECK(a && a->date == NULL);
    article_free(a);
}

static void no_date_unless_stated(void)
{
    char err[256];
    struct article *a =
        parse("Clashes near Mosul\n\nFighting went on for days.\n", err, sizeof err);
    CHECK(a && a->date == NULL && a->source == NULL && a->dateline == NULL);
    article_free(a);
}

static void furniture_and_wrapping(void)
{
    char err[256];
    struct article *a = parse("Convoy attacked\n\nGunmen attacked a convoy on the road to\n"
                              "the airport, police said.\n\nShare this:\nTwitter\n\n"
                              "Three soldiers were wounded.\n\n12 Comments\n\nLeave a Reply\n"
                              "Nice article\n",
                              err, sizeof err);
    CHECK(a != NULL);
    if (!a)
        return;
    CHECK_STR(a->text, "Convoy attacked\n\nGunmen attacked a convoy on the road to the airport, "
                       "police said.\n\nThree soldiers were wounded.");
    CHECK_INT(a->n_sentences, 3);
    article_free(a);
}

/* Boxes of other stories' headlines ("Recommended Stories", "list of 3 items" ... "end of
 * list") and "READ MORE:" or "Related:" links are not the story. */
static void other_stories_left_out(void)
{
    char err[256];
    struct article *a =
        parse("Strike kills 12\n\nRecommended Stories\nlist of 2 items\nlist 1 of 2\nAttack "
              "kills 40\nlist 2 of 2\nRaid kills 7\nend of list\n\nA strike killed 12 "
              "people.\n\nREAD MORE: Strike on school kills 30\n\nRelated: Drone attack "
              "wounds 15\n\nThe dead included four children.\n",
              err, sizeof err);
    CHECK(a != NULL);
    if (!a)
        return;
    CHECK_STR(a->text, "Strike kills 12\n\nA strike killed 12 people.\n\nThe dead included four "
                       "children.");
    article_free(a);
    /* a line that merely begins so is the story's own */
    a = parse("Bombing in Kano\n\nList of 12 victims\n\nAnother 30 people were wounded in "
              "Bichi.\n",
              err, sizeof err);
    CHECK(a != NULL && strstr(a->text, "Another 30 people were wounded in Bichi.") != NULL);
    article_free(a);
}

/* JSON data is refused by name; a text that merely opens with a bracket is an article. */
static void json_refused(void)
{
    char err[256] = "";
    CHECK(parse("{\n  \"articles\": {\"a\": [1, 2]}\n}\n", err, sizeof err) == NULL);
    CHECK(strncmp(err, "JSON data,", 10) == 0);
    CHECK(parse("[{\"title\": \"x\"}]", err, sizeof err) == NULL);
    CHECK(strncmp(err, "JSON data,", 10) == 0);
    struct article *a = parse("[UPDATE] Gunmen kill 3 in Kandahar\n\nGunmen killed three people"
                              " at a checkpoint, police said. [AP]\n",
                              err, sizeof err);
    CHECK(a != NULL);
    if (a)
        CHECK_STR(a->title, "[UPDATE] Gunmen kill 3 in Kandahar");
    article_free(a);
}

static void refusals(void)
{
    char err[256];
    struct got g = {0};
    CHECK_INT(reader_parse("", 0, FORMAT_AUTO, "e", keep_last, &g, err, sizeof err), -1);
    CHECK_STR(err, "empty file");
    CHECK_INT(reader_parse(" \n\n\t", 4, FORMAT_AUTO, "e", keep_last, &g, err, sizeof err), -1);
    CHECK_STR(err, "empty file");
    /* No known signature: refused for its NUL bytes. */
    const char bin[] = "\x01\x02\x03\x04\0\0\0\x05\x06\x07\x08\0";
    CHECK_INT(reader_parse(bin, sizeof bin, FORMAT_AUTO, "b", keep_last, &g, err, sizeof err), -1);
    CHECK_STR(err, "binary file");
    const char elf[] = "\x7f"
                       "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0";
    CHECK_INT(reader_parse(elf, sizeof elf, FORMAT_AUTO, "b", keep_last, &g, err, sizeof err), -1);
    CHECK(strncmp(err, "ELF executable,", 15) == 0);
    size_t big = ARTICLE_MAX_INPUT + 1;
    char *huge = malloc(big);
    memset(huge, 'a', big);
    CHECK_INT(reader_parse(huge, big, FORMAT_AUTO, "h", keep_last, &g, err, sizeof err), -1);
    CHECK(strncmp(err, "file too large", 14) == 0);
    free(huge);
    CHECK_INT(reader_load("/nonexistent/sitrep-test", FORMAT_AUTO, keep_last, &g, err, sizeof err),
              -1);
    CHECK_STR(err, "No such file or directory");
    CHECK_INT(reader_load("assets", FORMAT_AUTO, keep_last, &g, err, sizeof err), -1);
    CHECK_STR(err, "is a directory");
    CHECK_INT(g.count, 0);
}

static void hostile_bytes_are_neutralised(void)
{
    char err[256];
    struct article *a = parse("Title \x1b[2J\x1b]0;owned\x07 here\n\nBad \xff\xfe bytes and "
                              "\xe2\x80\xae reversed.\n",
                              err, sizeof err);
    CHECK(a != NULL);
    if (!a)
        return;
    CHECK(strchr(a->text, '\x1b') == NULL);
    CHECK(strchr(a->text, '\x07') == NULL);
    CHECK(strstr(a->text, "\xe2\x80\xae") == NULL);
    CHECK(strstr(a->text, "\xef\xbf\xbd") != NULL); /* invalid bytes became U+FFFD */
    CHECK(strstr(a->text, "\xff") == NULL);
    article_free(a);
}

/* A PDF whose first page is plain ASCII is still a PDF; gzip is named even in a .txt. */
static void known_formats_named(void)
{
    const char pdf[] = "%PDF-1.4\n1 0 obj\nBT (Fighters were killed) Tj ET\n%%EOF\n";
    CHECK_STR(reader_known_binary(pdf, strlen(pdf)), "PDF document");
    CHECK_STR(reader_known_binary("\x1f\x8b\x08\0", 4), "gzip-compressed file");
    CHECK_STR(reader_known_binary("\x89PNG\r\n\x1a\n\0\0", 10), "PNG image");
    CHECK_STR(reader_known_binary("\xff\xd8\xff\xe0", 4), "JPEG image");
    CHECK_STR(reader_known_binary("PK\x03\x04\x14\0", 6), "zip archive (or office document)");
    CHECK_STR(reader_known_binary("\0\0\0\x18"
                                  "ftypmp42",
                                  12),
              "MP4 or QuickTime media");
    CHECK(reader_known_binary("%PDF", 4) == NULL); /* too short to be sure */
    CHECK(reader_known_binary("PDF report\n", 11) == NULL);
    CHECK(reader_known_binary("", 0) == NULL);
    char err[256];
    struct got g = {0};
    CHECK_INT(reader_parse(pdf, strlen(pdf), FORMAT_AUTO, "p", keep_last, &g, err, sizeof err), -1);
    CHECK(strstr(err, "PDF") != NULL);
    CHECK_INT(g.count, 0);
}

/* "Raid\n\nA raid in Kābul." with a BOM, in both byte orders. */
static void utf16_with_bom_is_read(void)
{
    static const char le[] = "\xff\xfeR\0a\0i\0d\0\n\0\n\0"
                             "A\0 \0r\0a\0i\0d\0 \0i\0n\0 \0"
                             "K\0\x01\x01"
                             "b\0u\0l\0.\0\n\0";
    char be[sizeof le];
    be[0] = '\xfe';
    be[1] = '\xff';
    for (size_t i = 2; i + 1 < sizeof le; i += 2) {
        be[i] = le[i + 1];
        be[i + 1] = le[i];
    }
    /* The same without their BOMs: the NUL in every other byte gives the order away. */
    const char *twins[] = {le, be, le + 2, be + 2};
    for (int k = 0; k < 4; k++) {
        char err[256] = "";
        struct got g = {0};
        CHECK_INT(reader_parse(twins[k], sizeof le - 1 - (k < 2 ? 0 : 2), FORMAT_AUTO, "u",
                               keep_last, &g, err, sizeof err),
                  1);
        CHECK_STR(err, "");
        CHECK_STR(g.a ? g.a->title : NULL, "Raid");
        CHECK(g.a && strstr(g.a->text, "K\xc4\x81"
                                       "bul") != NULL);
        article_free(g.a);
    }
}

/* NULs in every other byte but no text between them: still binary. */
static void nul_pattern_without_text_is_binary(void)
{
    const char bin[] = "\x01\0\x02\0\x03\0\x04\0\x05\0\x06\0\x07\0\x08\0";
    char err[256];
    struct got g = {0};
    CHECK_INT(reader_parse(bin, sizeof bin - 1, FORMAT_AUTO, "n", keep_last, &g, err, sizeof err),
              -1);
    CHECK_STR(err, "binary file");
    /* Only a BOM and blanks: empty once decoded. */
    CHECK_INT(reader_parse("\xff\xfe \0\n\0", 6, FORMAT_AUTO, "n", keep_last, &g, err, sizeof err),
              -1);
    CHECK_STR(err, "empty file");
    CHECK_INT(g.count, 0);
}

static void display_names(void)
{
    char *s = text_display_name("dir/new\nline\x1b[2J\ttab\x7f.txt");
    CHECK_STR(s, "dir/new\\nline\\x1b[2J\\ttab\\x7f.txt");
    free(s);
    s = text_display_name("bidi\xe2\x80\xaegpj.exe \xc2\x9b"
                          "x latin1-\xe9t\xe9 K\xc4\x81"
                          "bul");
    CHECK_STR(s, "bidi\\u202egpj.exe \\u009bx latin1-\\xe9t\\xe9 K\xc4\x81"
                 "bul");
    free(s);
    s = text_display_name("");
    CHECK_STR(s, "");
    free(s);
}

static void paragraph_as_first_line(void)
{
    char err[256];
    char *text = malloc(5000);
    strcpy(text, "Gunmen attacked");
    for (int i = 0; i < 400; i++)
        strcat(text, " a convoy");
    strcat(text, ".\n");
    struct article *a = parse(text, err, sizeof err);
    CHECK(a != NULL);
    if (a) {
        CHECK(strlen(a->title) <= 120 + 3);
        CHECK(strncmp(a->title, "Gunmen attacked a convoy", 24) == 0);
        CHECK(strstr(a->text, " a convoy a convoy.") != NULL); /* the whole line is kept */
    }
    article_free(a);
    free(text);
}

/* Issue 13: the header forms real pages use for their date, each read as the page's date
 * and never one from inside the story. */
static const char *date_of(const char *text)
{
    static char buf[16];
    char err[256];
    struct article *a = parse(text, err, sizeof err);
    snprintf(buf, sizeof buf, "%s", a && a->date ? a->date : "-");
    article_free(a);
    return buf;
}

static void header_date_forms(void)
{
    CHECK_STR(date_of("Toll climbs to 170\n\ndate 2021-08-28\n\nKABUL: Officials raised the "
                      "toll on Saturday.\n"),
              "2021-08-28");
    CHECK_STR(date_of("Bombing hits market\n\nBaghdad, Iraq | Updated: Jan 21, 2021, 03:44 PM "
                      "(IST)\n\nTwo bombers struck on Thursday.\n"),
              "2021-01-21");
    CHECK_STR(date_of("Blast toll rises\n\n30-Jan-2023\n\nPESHAWAR: A bomber struck a mosque "
                      "on Monday.\n"),
              "2023-01-30");
    CHECK_STR(date_of("32 killed in mosque blast\n\nPESHAWAR, (UrduPoint / Pakistan Point News - "
                      "4th Mar, 2022 ) : A suicide attack left 32 dead.\n"),
              "2022-03-04");
    CHECK_STR(date_of("Toll rises to 171\n\nDMG Newsroom\n14 April 2023, Kanbalu, Sagaing "
                      "Region\n\nThe number killed has risen to 171.\n"),
              "2023-04-14");
    CHECK_STR(date_of("Station strike: toll rises to 50\n\n2022-04-08 18:32 CEST\n\nKYIV (AFP) "
                      "- At least 50 people were killed.\n"),
              "2022-04-08");
    CHECK_STR(date_of("Strike on restaurant\n\nAFP/Belga | Last Updated: 27-06-23, 22:15\n\nAt "
                      "least three people were killed.\n"),
              "2023-06-27");
    CHECK_STR(date_of("Strike on restaurant\n\nAFP/Belga | Last Updated: 05-06-23, 22:15\n\nAt "
                      "least three people were killed.\n"),
              "-"); /* 5 June or May 6: ambiguous, left unread */
    CHECK_STR(date_of("Blast kills 44\n\nBy Staff Reporter | 31-Jul-2023\n\nKHAR: At least 44 "
                      "people were killed.\n"),
              "2023-07-31");
    CHECK_STR(date_of("Toll rises\n\nPosted on 12 March 2023\n\nThe toll rose.\n"), "2023-03-12");
    CHECK_STR(date_of("Toll rises\n\nThe toll rose to 12.\n\n30-Jan-2023, a year after the "
                      "attack, the families met.\n"),
              "-"); /* a date in the story is not the page's */
}

int main(void)
{
    RUN(paragraph_as_first_line);
    RUN(seed_titles_and_dates);
    RUN(repeated_title_and_caption_kept_once);
    RUN(header_lines_override);
    RUN(dateline_forms);
    RUN(date_lines_below_the_headline);
    RUN(header_date_forms);
    RUN(no_date_unless_stated);
    RUN(furniture_and_wrapping);
    RUN(other_stories_left_out);
    RUN(refusals);
    RUN(json_refused);
    RUN(known_formats_named);
    RUN(utf16_with_bom_is_read);
    RUN(nul_pattern_without_text_is_binary);
    RUN(display_names);
    RUN(hostile_bytes_are_neutralised);
    return TESTS_DONE();
}
