/* evsynth.c: times grouping N synthetic articles into events, without the extractor: each
 * article gets a main place and one or two others from a pool of places nested in
 * provinces, a date over ten years (a tenth undated), one to three figures, and a text of
 * words from a shared vocabulary, with re-reports of one event (other wording, a day
 * later) mixed in, as a wire story is picked up by several outlets.
 *   evsynth N...   prints one line per N: prepare and group times, pairs scored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "events/event.h"

#define N_PLACES 600
#define N_ADMIN1 60
#define N_WORDS  3000

static unsigned long long rng_state = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void add_place(struct facts *f, unsigned p, int count, int first)
{
    char name[32], admin[32];
    snprintf(name, sizeof name, "Town%u", p);
    snprintf(admin, sizeof admin, "Province%u", p % N_ADMIN1);
    struct place_fact *pf = facts_add_place(f);
    pf->name = strdup(name);
    pf->kind = PLACE_TOWN;
    pf->gazetteer_id = 1000 + p;
    pf->count = count;
    pf->first_sentence = first;
    pf->country_code = strdup("XX");
    pf->chain = calloc(1, sizeof *pf->chain);
    pf->chain[0] = (struct place_ref){strdup(admin), PLACE_ADMIN1, 10 + p % N_ADMIN1};
    pf->n_chain = 1;
}

static const char *const triggers[] = {"airstrike",  "car bomb", "clashes",   "shelling",
                                       "recaptured", "convoy",   "kidnapped", "ambush"};

/* One article: when `of` is not NULL it re-reports the same event in other words. */
static void make_article(struct ev_doc *d, int64_t id, unsigned place, long day, unsigned kind,
                         unsigned seed_words)
{
    struct facts f;
    facts_init(&f);
    add_place(&f, place, 2 + (int)rnd(4), 0);
    for (unsigned k = rnd(3); k > 0; k--)
        add_place(&f, rnd(N_PLACES), 1, 2 + (int)rnd(8));
    for (unsigned k = 1 + rnd(3); k > 0; k--) {
        struct figure_fact *g = facts_add_figure(&f);
        g->kind = (enum figure_kind)rnd(3);
        g->n = g->min = g->max = 1 + (long)rnd(200);
        g->qualifier = Q_EXACT;
    }
    char text[2400], title[160], date[16];
    size_t used = 0;
    unsigned local = seed_words;
    for (int w = 0; w < 150 && used + 16 < sizeof text; w++) {
        /* half the words come from the event's own stream, so re-reports share wording */
        unsigned word =
            (w % 2 == 0) ? (local = local * 1103515245u + 12345u) % N_WORDS : rnd(N_WORDS);
        used += (size_t)snprintf(text + used, sizeof text - used, "w%u ", word);
    }
    snprintf(text + used, sizeof text - used, "%s near Town%u.", triggers[kind], place);
    snprintf(title, sizeof title, "%s near Town%u", triggers[kind], place);
    if (day >= 0) {
        time_t t = (time_t)(1388534400 + day * 86400);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(date, sizeof date, "%Y-%m-%d", &tm);
    }
    ev_doc_from_facts(d, id, title, day >= 0 ? date : NULL, "Wire", text, &f);
    facts_free(&f);
}

static void run(size_t n)
{
    struct ev_doc *docs = calloc(n, sizeof *docs);
    size_t i = 0;
    while (i < n) {
        unsigned place = rnd(N_PLACES), kind = rnd(8), words = rnd(1u << 30);
        long day = rnd(10) == 0 ? -1 : (long)rnd(3650);
        unsigned reports = 1 + (rnd(3) == 0 ? 1 + rnd(3) : 0);
        for (unsigned r = 0; r < reports && i < n; r++, i++)
            make_article(&docs[i], (int64_t)i + 1, place, day < 0 ? -1 : day + (long)rnd(2), kind,
                         words);
    }
    struct ev_options o;
    ev_options_default(&o);
    struct ev_set set;
    double t0 = now();
    ev_prepare(docs, n, true);
    double t1 = now();
    ev_group(docs, n, &o, &set);
    double t2 = now();
    size_t multi = 0, largest = 0;
    for (size_t g = 0; g < set.n_groups; g++) {
        multi += set.groups[g].n_members > 1;
        if (set.groups[g].n_members > largest)
            largest = set.groups[g].n_members;
    }
    printf(
        "events (synthetic): %zu articles: prepare %.2f s, group %.2f s, total %.2f s; "
        "%zu pairs scored (%.1f per article); %zu events, %zu with several reports, largest %zu\n",
        n, t1 - t0, t2 - t1, t2 - t0, set.pairs_scored, (double)set.pairs_scored / (double)n,
        set.n_groups, multi, largest);
    fflush(stdout);
    ev_set_free(&set);
    ev_docs_free(docs, n);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        run(strtoul(argv[i], NULL, 10));
    return 0;
}
