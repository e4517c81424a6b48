/* event_kinds.c: the kind of event an article reports, from trigger words. */
#include "events/event_int.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* ---- kinds of event, from trigger words (stems over folded text) ---- */

static const char *const kind_names[EVK_COUNT] = {
    "airstrike", "bombing", "clash", "shelling", "recapture", "convoy", "kidnapping", "execution",
};

const char *ev_kind_name(enum ev_kind k)
{
    return (unsigned)k < EVK_COUNT ? kind_names[k] : "event";
}

struct trigger {
    const char *stem;
    enum ev_kind kind;
};

/* Stems match the start of a folded word; two-word triggers match across one space. */
static const struct trigger triggers[] = {
    {"airstrike", EVK_AIRSTRIKE},
    {"air strike", EVK_AIRSTRIKE},
    {"air raid", EVK_AIRSTRIKE},
    {"warplane", EVK_AIRSTRIKE},
    {"jets", EVK_AIRSTRIKE},
    {"helicopter", EVK_AIRSTRIKE},
    {"drone", EVK_AIRSTRIKE},
    {"aircraft", EVK_AIRSTRIKE},
    {"bombard", EVK_AIRSTRIKE},
    {"sortie", EVK_AIRSTRIKE},
    {"aviation", EVK_AIRSTRIKE},
    {"bomb", EVK_BOMBING},
    {"suicide", EVK_BOMBING},
    {"explosi", EVK_BOMBING},
    {"blast", EVK_BOMBING},
    {"ied", EVK_BOMBING},
    {"detonat", EVK_BOMBING},
    {"explode", EVK_BOMBING},
    {"clash", EVK_CLASH},
    {"fighting", EVK_CLASH},
    {"gunmen", EVK_CLASH},
    {"gunfight", EVK_CLASH},
    {"firefight", EVK_CLASH},
    {"ambush", EVK_CLASH},
    {"battle", EVK_CLASH},
    {"skirmish", EVK_CLASH},
    {"shelling", EVK_SHELLING},
    {"shelled", EVK_SHELLING},
    {"artillery", EVK_SHELLING},
    {"mortar", EVK_SHELLING},
    {"rocket", EVK_SHELLING},
    {"missile", EVK_SHELLING},
    {"recaptur", EVK_RECAPTURE},
    {"retook", EVK_RECAPTURE},
    {"retake", EVK_RECAPTURE},
    {"liberat", EVK_RECAPTURE},
    {"regain", EVK_RECAPTURE},
    {"seized control", EVK_RECAPTURE},
    {"took control", EVK_RECAPTURE},
    {"captured", EVK_RECAPTURE},
    {"convoy", EVK_CONVOY},
    {"column of", EVK_CONVOY},
    {"kidnap", EVK_KIDNAPPING},
    {"abduct", EVK_KIDNAPPING},
    {"hostage", EVK_KIDNAPPING},
    {"execut", EVK_EXECUTION},
    {"behead", EVK_EXECUTION},
};

#define N_TRIGGERS (sizeof triggers / sizeof triggers[0])

/* For each byte, the triggers whose stem begins with it (bit t for triggers[t]). */
static uint64_t starting_with[256];
static pthread_once_t starting_once = PTHREAD_ONCE_INIT;

static void index_triggers(void)
{
    _Static_assert(N_TRIGGERS <= 64, "a trigger mask is one uint64_t");
    for (size_t t = 0; t < N_TRIGGERS; t++)
        starting_with[(unsigned char)triggers[t].stem[0]] |= (uint64_t)1 << t;
}

/* Counts triggers in folded text; the title (the first `title_len` bytes) counts thrice.
 * One pass over the word starts, trying only the stems that begin with the word's first
 * letter: the same matches as searching the text once per stem, since no stem can start
 * inside another's match at a word start. */
void ev_count_kinds(const char *folded, size_t title_len, double kinds[EVK_COUNT])
{
    pthread_once(&starting_once, index_triggers);
    for (const char *p = folded; *p;) {
        for (uint64_t m = starting_with[(unsigned char)*p]; m; m &= m - 1) {
            const struct trigger *t = &triggers[__builtin_ctzll(m)];
            size_t sl = 1;
            while (t->stem[sl] && p[sl] == t->stem[sl])
                sl++;
            /* exact short stems ("jets", "ied") must end the word */
            if (t->stem[sl] || (sl <= 4 && p[sl] && p[sl] != ' ' && p[sl] != '\n'))
                continue;
            kinds[t->kind] += (size_t)(p - folded) < title_len ? 3.0 : 1.0;
        }
        while (*p && *p != ' ' && *p != '\n')
            p++; /* to the next word's start */
        while (*p == ' ' || *p == '\n')
            p++;
    }
}
