/* event_kinds.c: the kind of event an article reports, from trigger words. */
#include "events/event_int.h"

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

static bool word_start(const char *text, const char *p)
{
    return p == text || p[-1] == ' ' || p[-1] == '\n';
}

/* Counts triggers in folded text; the title (the first `title_len` bytes) counts thrice. */
void ev_count_kinds(const char *folded, size_t title_len, double kinds[EVK_COUNT])
{
    for (size_t t = 0; t < sizeof triggers / sizeof triggers[0]; t++) {
        size_t sl = strlen(triggers[t].stem);
        for (const char *p = strstr(folded, triggers[t].stem); p;
             p = strstr(p + sl, triggers[t].stem)) {
            if (!word_start(folded, p))
                continue;
            /* exact short stems ("jets", "ied") must end the word */
            if (sl <= 4 && p[sl] && p[sl] != ' ' && p[sl] != '\n')
                continue;
            kinds[triggers[t].kind] += (size_t)(p - folded) < title_len ? 3.0 : 1.0;
        }
    }
}
