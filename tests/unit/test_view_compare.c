/* test_view_compare.c: the compare and events views drawn headless (curses on /dev/null),
 * on two stored reports of one convoy strike with hand-written facts; the screen is read
 * back from the window and checked against what the facts say. */
#include "views/compare.h"
#include "views/events.h"
#include "views/picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "testlib.h"
#include "base/text.h"

static struct store *st;
static char db_path[] = "/tmp/sitrep-test-viewcmp-XXXXXX";

static void fig(struct facts *f, enum figure_kind k, long n, long min, long max, enum qualifier q,
                int sentence, const char *source)
{
    struct figure_fact *g = facts_add_figure(f);
    g->kind = k;
    g->n = n;
    g->min = min;
    g->max = max;
    g->qualifier = q;
    g->sentence = sentence;
    g->source = source ? strdup(source) : NULL;
}

static void place(struct facts *f, const char *name, int64_t gid, int count, int first)
{
    struct place_fact *p = facts_add_place(f);
    p->name = strdup(name);
    p->kind = PLACE_CITY;
    p->gazetteer_id = gid;
    p->first_sentence = first;
    p->count = count;
    p->country_code = strdup("IQ");
}

static int64_t add(const char *title, const char *body, const struct facts *f)
{
    struct article *a = calloc(1, sizeof *a);
    size_t len = strlen(title) + strlen(body) + 3;
    a->title = strdup(title);
    a->source = strdup(title[0] == 'J' ? "Wire A" : "Wire B");
    a->origin = strdup(title);
    a->text = malloc(len);
    snprintf(a->text, len, "%s\n\n%s", title, body);
    a->text_len = strlen(a->text);
    a->n_sentences = text_split_sentences(a->text, a->text_len, &a->sentences);
    snprintf(a->hash, sizeof a->hash, "%064zu", strlen(body) * 7 + strlen(title));
    char err[200];
    int64_t id = -1;
    CHECK(store_add_article(st, a, f, &id, err, sizeof err) == 1);
    article_free(a);
    return id;
}

static int64_t id_a, id_b;

static void setup_store(void)
{
    int fd = mkstemp(db_path);
    close(fd);
    unlink(db_path);
    char err[200];
    CHECK(store_open(db_path, &st, err, sizeof err) == 0);
    struct facts fa, fb;
    facts_init(&fa);
    facts_init(&fb);
    fig(&fa, FIG_KILLED, 40, 40, FACT_NONE, Q_VAGUE, 2, NULL);
    fig(&fa, FIG_DESTROYED, 90, 91, FACT_NONE, Q_MORE_THAN, 3, "General Karim");
    place(&fa, "Ramadi", 500, 3, 0);
    place(&fa, "Hit", 503, 1, 4);
    fig(&fb, FIG_KILLED, 150, 150, 150, Q_ABOUT, 2, NULL);
    fig(&fb, FIG_DESTROYED, 140, 140, 140, Q_ABOUT, 2, NULL);
    place(&fb, "Ramadi", 500, 3, 0);
    place(&fb, "Anbar", 502, 1, 3);
    id_a = add("Jets strike convoy fleeing Ramadi",
               "Jets hit a convoy of militants fleeing the city of Ramadi.\n\n"
               "Scores of militants were killed in the air strikes, officials said.\n\n"
               "Helicopters destroyed more than 90 vehicles, General Karim said.\n\n"
               "Some of the vehicles had come from Hit.",
               &fa);
    id_b = add("Air raids hit militants fleeing Ramadi",
               "Air raids struck militants fleeing Ramadi in a long convoy.\n\n"
               "The raids on the fleeing convoy killed some 150 militants and destroyed some "
               "140 vehicles.\n\n"
               "The convoy had left Ramadi for the west of Anbar.",
               &fb);
    facts_free(&fa);
    facts_free(&fb);
}

static void teardown_store(void)
{
    store_close(st);
    testlib_unlink_db(db_path);
}

/* The whole window as text, rows joined by newlines. */
static char screen[64 * 256];

static const char *dump(WINDOW *w)
{
    int rows, cols;
    getmaxyx(w, rows, cols);
    size_t used = 0;
    for (int y = 0; y < rows && used + (size_t)cols + 2 < sizeof screen; y++) {
        char line[512];
        mvwinnstr(w, y, 0, line, cols < 511 ? cols : 511);
        used += (size_t)snprintf(screen + used, sizeof screen - used, "%s\n", line);
    }
    return screen;
}

static const char *row_with(const char *scr, const char *needle, char *out, size_t len)
{
    const char *p = strstr(scr, needle);
    if (!p)
        return "";
    const char *s = p;
    while (s > scr && s[-1] != '\n')
        s--;
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    snprintf(out, len, "%.*s", (int)(n < len ? n : len - 1), s);
    return out;
}

static void test_compare_screen(void)
{
    char err[200];
    struct compare_view *v = compare_view_open(st, id_a, id_b, err, sizeof err);
    CHECK(v != NULL);
    if (!v)
        return;
    WINDOW *w = newwin(24, 100, 0, 0);
    compare_view_draw(v, w);
    const char *scr = dump(w);
    char row[512];
    CHECK(strstr(row_with(scr, "A #", row, sizeof row), "Jets strike convoy fleeing Ramadi"));
    CHECK(strstr(row_with(scr, "A #", row, sizeof row), "B #"));
    row_with(scr, "killed", row, sizeof row);
    CHECK(strstr(row, "scores") && strstr(row, "some 150") && strstr(row, "differ"));
    row_with(scr, "destroyed", row, sizeof row);
    CHECK(strstr(row, "more than 90 (General Karim)") && strstr(row, "some 140"));
    row_with(scr, "places", row, sizeof row);
    CHECK(strstr(row, "both: Ramadi") && strstr(row, "only A: Hit") &&
          strstr(row, "only B: Anbar"));
    CHECK(strstr(scr, "Jets hit a convoy of militants") != NULL);
    CHECK(strstr(scr, "Air raids struck militants") != NULL);
    /* next aligned pair: A's killed sentence (2) and B's tolls sentence (2) */
    int ta, tb;
    CHECK(compare_view_action(v, ACT_NEXT_ALIGNED) == VIEW_KEY_HANDLED);
    compare_view_tops(v, &ta, &tb);
    CHECK(ta >= 1);
    CHECK(tb == 2 || ta == 1);
    /* scrolling B to its end brings A to the sentence aligned with it or before it */
    compare_view_action(v, ACT_FOCUS_NEXT);
    compare_view_action(v, ACT_BOTTOM);
    compare_view_tops(v, &ta, &tb);
    CHECK_INT(tb, 3);
    CHECK(compare_view_action(v, ACT_QUIT) == VIEW_KEY_CLOSE);
    /* any size: a tiny window shows a notice, never crashes */
    WINDOW *tiny = newwin(5, 12, 0, 0);
    compare_view_draw(v, tiny);
    CHECK(strstr(dump(tiny), "too small") != NULL);
    WINDOW *narrow = newwin(12, 30, 0, 0);
    compare_view_draw(v, narrow);
    CHECK(strstr(dump(narrow), "killed") != NULL);
    delwin(narrow);
    delwin(tiny);
    delwin(w);
    compare_view_close(v);
}

static void test_events_screen(void)
{
    char err[200];
    struct events_view *v = events_view_open(st, NULL, false, err, sizeof err);
    CHECK(v != NULL);
    if (!v)
        return;
    WINDOW *w = newwin(20, 90, 0, 0);
    events_view_draw(v, w);
    char row[512];
    const char *scr = dump(w);
    row_with(scr, "2 rep", row, sizeof row);
    /* "scores" (40 or more) and "some 150" can both be true: a range as the reports word
     * it, no disagreement */
    CHECK(strstr(row, "killed scores to 150 ") != NULL && strstr(row, "disagree") == NULL);
    CHECK(strstr(row, "Ramadi") != NULL);
    events_view_action(v, ACT_OPEN);
    events_view_draw(v, w);
    scr = dump(w);
    row_with(scr, "destroyed", row, sizeof row);
    CHECK(strstr(row, "range 91-140") && strstr(row, "conservative 91"));
    CHECK(strstr(row, "DISAGREE") == NULL); /* more than 90 and some 140 can both hold */
    CHECK(strstr(scr, "Jets strike convoy fleeing Ramadi") != NULL);
    CHECK(strstr(scr, "Air raids hit militants fleeing Ramadi") != NULL);
    events_view_action(v, ACT_COMPARE);
    events_view_draw(v, w);
    scr = dump(w);
    CHECK(strstr(scr, "A #") != NULL && strstr(scr, "some 150") != NULL);
    events_view_action(v, ACT_QUIT); /* closes the comparison */
    events_view_action(v, ACT_QUIT); /* back to the list */
    CHECK(events_view_action(v, ACT_QUIT) == VIEW_KEY_CLOSE);
    delwin(w);
    events_view_close(v);
}

static const struct pick *pick_named(const struct picker *p, const char *name)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->v[i].name, name) == 0)
            return &p->v[i];
    return NULL;
}

/* The picker opens on the places uncounted (a million reports take seconds to count) and
 * takes the counts when they come, keeping what was typed, the meaning and the place
 * selected. */
static void test_picker_takes_counts(void)
{
    struct picker shown = {0}, counted = {0};
    char err[200];
    CHECK_INT(picker_load(&shown, st, false, err, sizeof err), 0);
    CHECK(!shown.counted);
    const struct pick *ramadi = pick_named(&shown, "Ramadi");
    CHECK(ramadi != NULL);
    CHECK(ramadi && ramadi->count == -1 && strcmp(ramadi->label, "Ramadi") == 0);
    picker_open(&shown);
    picker_set_meaning(&shown, PLACE_MENTIONS);
    snprintf(shown.input, sizeof shown.input, "Hi");
    picker_narrow(&shown);
    const struct pick *sel = picker_selected(&shown);
    CHECK(sel && strcmp(sel->name, "Hit") == 0);

    CHECK_INT(picker_load(&counted, st, true, err, sizeof err), 0);
    picker_adopt(&shown, &counted);
    CHECK(shown.counted);
    CHECK_INT(counted.n, 0);
    CHECK_STR(shown.input, "Hi");
    CHECK_INT(shown.meaning, PLACE_MENTIONS);
    sel = picker_selected(&shown);
    CHECK(sel && strcmp(sel->name, "Hit") == 0);
    ramadi = pick_named(&shown, "Ramadi");
    CHECK(ramadi && ramadi->count == 2); /* both reports name it */
    CHECK(ramadi && strcmp(ramadi->label, "Ramadi (2)") == 0);
    picker_release(&shown);
    picker_release(&counted);
}

int main(void)
{
    setenv("TERM", "xterm", 1);
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = out && in ? newterm("xterm", out, in) : NULL;
    if (!scr) {
        printf("ok test_view_compare # skipped: no terminfo for xterm\n");
        return 0;
    }
    setup_store();
    RUN(test_compare_screen);
    RUN(test_events_screen);
    RUN(test_picker_takes_counts);
    teardown_store();
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
    return TESTS_DONE();
}
