/* figures.c: whether a count in a sentence is a toll, and of what kind. The kind comes from
 * the clause's trigger word: before the count ("killing seven people", "destroyed 175
 * vehicles", "the death toll rose to 30") or after it ("14 were killed", "three militants
 * dead", "20 bodies"). Measures, ages, years, occupants and counts of the displaced or
 * arrested never are. */
#include "extract/figures.h"

#include <ctype.h>
#include <string.h>

/* How many words back from a count "toll" may stand: any count, and one the toll "rose to"
 * or "stands at". */
#define TOLL_REACH    9
#define TOLL_REACH_TO 30

/* Verbs that put the count after them: "killing seven people", "destroyed 175 vehicles". */
static int active_kind(const struct tokens *t, size_t i)
{
    static const char *const killed[] = {"kill",         "kills",    "killed",    "killing",
                                         "slew",         "slaying",  "massacred", "executed",
                                         "executing",    "murdered", "murdering", "slaughtered",
                                         "slaughtering", NULL};
    static const char *const wounded[] = {"wound",  "wounds",  "wounded", "wounding",
                                          "injure", "injures", "injured", "injuring",
                                          "hurt",   "hurting", "maimed",  NULL};
    static const char *const destroyed[] = {
        "destroy",     "destroys",    "destroyed", "destroying", "eliminate", "eliminated",
        "eliminating", "eliminates",  "razed",     "razing",     "torched",   "torching",
        "demolished",  "demolishing", "flattened", NULL};
    static const char *const setting[] = {"set", "sets", "setting", NULL};
    static const char *const shooting[] = {"shot", "shooting", NULL};
    static const char *const gunning[] = {"gunned", "gunning", NULL};
    if (token_in(t, i, killed))
        return FIG_KILLED;
    if (token_in(t, i, wounded))
        return FIG_WOUNDED;
    if (token_in(t, i, destroyed))
        return FIG_DESTROYED;
    /* "set fire to at least 45 houses" */
    if (i >= 2 && token_is(t, i, "to") && token_is(t, i - 1, "fire") && token_in(t, i - 2, setting))
        return FIG_DESTROYED;
    /* "shot dead 11 people", "gunned down 8 militants"; "shot down 20 drones" is not one */
    if (i >= 1 && ((token_is(t, i, "dead") && token_in(t, i - 1, shooting)) ||
                   (token_is(t, i, "down") && token_in(t, i - 1, gunning))))
        return FIG_KILLED;
    return -1;
}

/* Things a toll of the destroyed counts, which fire destroys ("27 houses burnt"). */
static bool property_noun(const struct tokens *t, size_t i)
{
    static const char *const things[] = {
        "houses",  "homes",   "huts",    "buildings",   "shops",      "stores", "vehicles",
        "cars",    "trucks",  "lorries", "motorcycles", "motorbikes", "tents",  "churches",
        "mosques", "schools", "markets", "granaries",   NULL};
    return token_in(t, i, things);
}

/* Words after the count that say what happened to it: "14 were killed", "three dead",
 * "20 bodies", "11 others injured". */
static int passive_kind(const struct tokens *t, size_t i)
{
    static const char *const killed[] = {
        "killed",    "dead",     "died",     "die",         "dies",       "bodies",
        "corpses",   "deaths",   "slain",    "perished",    "fatalities", "executed",
        "massacred", "martyred", "murdered", "slaughtered", NULL};
    static const char *const wounded[] = {"wounded", "injured", "hurt", "injuries", "maimed", NULL};
    static const char *const destroyed[] = {"destroyed", "eliminated", "torched",
                                            "razed",     "demolished", "flattened",
                                            "levelled",  "leveled",    NULL};
    if (token_in(t, i, killed))
        return FIG_KILLED;
    if (token_in(t, i, wounded))
        return FIG_WOUNDED;
    if (token_in(t, i, destroyed))
        return FIG_DESTROYED;
    if (token_is(t, i, "lost") && token_is(t, i + 2, "lives"))
        return FIG_KILLED;
    /* "57 were being treated", "66 people were treated for their wounds": the injured */
    if (token_is(t, i, "treated") && i >= 1 &&
        (token_is(t, i - 1, "being") || token_is(t, i + 1, "for")))
        return FIG_WOUNDED;
    /* "five minors were burnt to death"; "about twenty houses burnt down", "27 houses
     * burnt" (people burnt are hurt, not destroyed); "221 houses were set ablaze" */
    bool burnt = token_is(t, i, "burnt") || token_is(t, i, "burned");
    if (burnt && token_is(t, i + 1, "to") && token_is(t, i + 2, "death"))
        return FIG_KILLED;
    if (burnt && (token_is(t, i + 1, "down") || (i >= 1 && property_noun(t, i - 1))))
        return FIG_DESTROYED;
    if (token_is(t, i, "set") && (token_is(t, i + 1, "ablaze") || token_is(t, i + 1, "alight") ||
                                  (token_is(t, i + 1, "on") && token_is(t, i + 2, "fire"))))
        return FIG_DESTROYED;
    /* "were gunned down" */
    if (token_is(t, i, "gunned") && token_is(t, i + 1, "down"))
        return FIG_KILLED;
    return -1;
}

/* Whether the gap after token i holds one of these characters. */
static bool punctuation_between(const struct tokens *t, size_t i, const char *chars)
{
    if (i + 1 >= t->n)
        return false;
    for (size_t p = t->tok[i].start + t->tok[i].len; p < t->tok[i + 1].start; p++)
        if (strchr(chars, t->text[p]))
            return true;
    return false;
}

/* A toll by another name: "the death toll", "the death count", "the number of dead" (of
 * people killed, of injured). The kind it counts, or -1. */
static int toll_word(const struct tokens *t, size_t k)
{
    static const char *const dead[] = {"dead",    "deaths", "killed", "fatalities",
                                       "victims", "bodies", NULL};
    static const char *const hurt[] = {"wounded", "injured", "injuries", NULL};
    if (token_is(t, k, "toll"))
        return FIG_KILLED;
    if (token_is(t, k, "count") && k >= 1 && token_is(t, k - 1, "death"))
        return FIG_KILLED;
    if (!token_is(t, k, "number") || !token_is(t, k + 1, "of"))
        return -1;
    /* "the number of dead", "the number of people killed", "the number of regime soldiers
     * and loyal gunmen killed in the desert" */
    for (size_t j = k + 2; j <= k + 8 && j < t->n; j++) {
        if (j > k + 2 && punctuation_between(t, j - 1, ",;:()"))
            break; /* the phrase ends at a comma */
        if (token_in(t, j, dead))
            return FIG_KILLED;
        if (token_in(t, j, hurt))
            return FIG_WOUNDED;
    }
    return -1;
}

/* Words after a number that make it a measure, not a count of people or things. */
static const char *const units[] = {
    "km",       "kilometers", "kilometres", "kilometer", "kilometre",   "miles",      "mile",
    "meters",   "metres",     "meter",      "metre",     "feet",        "foot",       "yards",
    "percent",  "per",        "pc",         "years",     "year",        "months",     "month",
    "weeks",    "week",       "days",       "day",       "hours",       "hour",       "minutes",
    "minute",   "seconds",    "am",         "pm",        "a.m",         "p.m",        "gmt",
    "utc",      "dollars",    "usd",        "euros",     "pounds",      "tons",       "tonnes",
    "kg",       "kilograms",  "mm",         "cm",        "helicopters", "helicopter", "jets",
    "aircraft", "planes",     "warplanes",  "drones",    "sorties",     "times",      "st",
    "nd",       "rd",         "th",         "degrees",   "hectares",    "acres",      "square",
    "liters",   "litres",     "barrels",    "billion",   "trillion",    NULL};

/* Words before a number that make it something other than a toll. */
static const char *const not_toll_before[] = {
    "housing",  "carrying",   "holding",    "containing", "hosting",    "sheltering", "aged",
    "age",      "displaced",  "displacing", "trapped",    "rescued",    "evacuated",  "arrested",
    "detained", "captured",   "freed",      "released",   "kidnapped",  "abducted",   "deployed",
    "sent",     "dispatched", "mobilized",  "mobilised",  "recruited",  "trained",    "numbering",
    "about",    "route",      "highway",    "road",       "resolution", "article",    "number",
    "no",       "flight",     "brigade",    "division",   "battalion",  "regiment",   "unit",
    "squadron", "corps",      "army",       "page",       "chapter",    "since",      "until",
    "in",       "by",         "from",       NULL};

static const char *const months[] = {
    "january", "february", "march",    "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan",   "feb", "mar",  "apr",  "jun",    "jul",
    "aug",     "sep",      "sept",     "oct",   "nov", "dec",  NULL};

/* Words a clause passes through between its count and a passive trigger. */
static const char *const clause_stops[] = {
    "took",         "take",     "takes",     "taking",   "fled",      "fleeing",     "flee",
    "displaced",    "trapped",  "housing",   "carrying", "holding",   "able",        "who",
    "which",        "while",    "but",       "after",    "before",    "when",        "because",
    "since",        "where",    "during",    "against",  "if",        "although",    "though",
    "attacked",     "attack",   "attacking", "launched", "fired",     "stormed",     "targeted",
    "entered",      "joined",   "arrived",   "returned", "fought",    "surrendered", "escaped",
    "arrested",     "captured", "detained",  "rescued",  "evacuated", "said",        "says",
    "told",         "claimed",  "opened",    "used",     "carried",   "staged",      "waged",
    "participated", "involved", "rushed",    "gathered", "crossed",   "moved",       NULL};

/* Words between the count and the victims that are not part of who they are. */
static const char *const who_stops[] = {
    "were",      "was",       "are",        "is",     "have",      "has",   "had",
    "been",      "be",        "being",      "in",     "on",        "at",    "near",
    "during",    "after",     "when",       "and",    "while",     "as",    "by",
    "from",      "with",      "reportedly", "also",   "all",       "who",   "which",
    "that",      "to",        "including",  "inside", "across",    "since", "thought",
    "believed",  "estimated", "feared",     "said",   "confirmed", "later", "every",
    "each",      "daily",     "west",       "east",   "north",     "south", "northwest",
    "northeast", "southwest", "southeast",  "for",    NULL};

static bool gap_has_clause_break(const char *text, const struct tokens *t, size_t i)
{
    if (!(t->tok[i].flags & TOK_BREAK_AFTER) || i + 1 >= t->n)
        return false;
    for (size_t p = t->tok[i].start + t->tok[i].len; p < t->tok[i + 1].start; p++)
        if (strchr(",;:()[]\"", text[p]))
            return true;
    /* curly quotes and dashes */
    for (size_t p = t->tok[i].start + t->tok[i].len; p + 2 < t->tok[i + 1].start + 1; p++)
        if ((unsigned char)text[p] == 0xE2)
            return true;
    return false;
}

/* Whether the gap after token i holds only spaces and quotes: '"up to a hundred" people'
 * quotes the count, it does not end its clause. */
static bool gap_only_quotes(const char *text, const struct tokens *t, size_t i)
{
    if (i + 1 >= t->n)
        return false;
    for (size_t p = t->tok[i].start + t->tok[i].len; p < t->tok[i + 1].start; p++) {
        unsigned char c = (unsigned char)text[p];
        if (c == 0xE2 && p + 2 < t->tok[i + 1].start && (unsigned char)text[p + 1] == 0x80 &&
            ((unsigned char)text[p + 2] == 0x9C || (unsigned char)text[p + 2] == 0x9D)) {
            p += 2;
            continue;
        }
        if (c != ' ' && c != '"')
            return false;
    }
    return true;
}

/* An -ed word that is a verb of its own clause ("20 helicopters deployed"), not a victim
 * description ("armed men", "suspected militants"). */
static bool finite_verb(const struct tokens *t, size_t i)
{
    static const char *const adjectives[] = {
        "armed",     "suspected", "alleged",  "unidentified", "unarmed",   "affiliated", "based",
        "linked",    "backed",    "led",      "wanted",       "masked",    "hooded",     "trained",
        "disguised", "reported",  "believed", "confirmed",    "estimated", "feared",     "thought",
        NULL};
    const struct token *k = &t->tok[i];
    if (k->len < 4 || (k->flags & TOK_CAP))
        return false;
    const char *w = t->text + k->start + k->len - 2;
    if (!(w[0] == 'e' && w[1] == 'd'))
        return false;
    return !token_in(t, i, adjectives) && passive_kind(t, i) < 0;
}

/* "killed 14 militants": trigger right before the count. */
static bool read_active(const struct tokens *t, size_t qi, size_t qend, struct figure_hit *h)
{
    if (qi == 0)
        return false;
    size_t p = qi - 1;
    /* "killing a total of 14", "killed an estimated 30", "killed another 5" */
    if (token_is(t, p, "of") && p >= 3 && token_is(t, p - 1, "total"))
        p -= 3;
    else if (token_is(t, p, "estimated") && p >= 1 && token_is(t, p - 1, "an"))
        p -= 2;
    else if ((token_is(t, p, "another") || token_is(t, p, "all") || token_is(t, p, "his") ||
              token_is(t, p, "her") || token_is(t, p, "their")) &&
             p >= 1)
        p -= 1; /* "killed his 3 brothers" */
    else if (token_is(t, p, "the") && p >= 1 && active_kind(t, p - 1) >= 0)
        p -= 1; /* "killing the two paramedics" */
    int kind = active_kind(t, p);
    /* "Two soldiers killed, three injured": a comma after the verb ends its clause (a quote
     * does not: 'had killed "more than 20 soldiers"') */
    for (size_t k = p; kind >= 0 && k < qi; k++)
        if (punctuation_between(t, k, ",;:()"))
            return false;
    if (kind == FIG_KILLED && (token_is(t, p, "dead") || token_is(t, p, "down")))
        p -= 1; /* the trigger is "shot dead", "gunned down" */
    if (kind < 0) {
        /* "the death toll rose to 30", "a toll of 30"; "a rise in the death toll of the
         * strikes on ... late on Friday to 29" names the event at length before the count */
        size_t reach =
            token_is(t, qi - 1, "to") || token_is(t, qi - 1, "at") ? TOLL_REACH_TO : TOLL_REACH;
        for (size_t k = qi; k-- > 0 && qi - k <= reach;) {
            if (gap_has_clause_break(t->text, t, k))
                break;
            if ((kind = toll_word(t, k)) >= 0) {
                p = k;
                break;
            }
        }
        /* "Those killed numbered 16", "The dead numbered at least 40" */
        for (size_t k = p; kind < 0 && token_is(t, p, "numbered") && k-- > 0 && p - k <= 2;)
            if ((kind = passive_kind(t, k)) >= 0)
                p = k;
        /* "claimed 14 lives", "has cost 15 lives" */
        if (kind < 0 && token_is(t, qend, "lives") &&
            (token_is(t, p, "claimed") || token_is(t, p, "claiming") || token_is(t, p, "claims") ||
             token_is(t, p, "cost") || token_is(t, p, "costing")))
            kind = FIG_KILLED;
        /* "claimed the lives of 12", "responsible for the deaths of more than 40,000" */
        /* "documented the killing of at least 45 civilians" */
        if (kind < 0 && p >= 1 && token_is(t, p, "of") &&
            (token_is(t, p - 1, "lives") || token_is(t, p - 1, "bodies") ||
             token_is(t, p - 1, "corpses") || token_is(t, p - 1, "deaths") ||
             token_is(t, p - 1, "killing") || token_is(t, p - 1, "killings") ||
             token_is(t, p - 1, "murder") || token_is(t, p - 1, "murders") ||
             token_is(t, p - 1, "massacre")))
            kind = FIG_KILLED, p -= 1;
    }
    if (kind < 0)
        return false;
    h->kind = kind;
    h->trigger = p;
    h->who_from = qend;
    size_t e = qend;
    if (qend > qi && gap_has_clause_break(t->text, t, qend - 1)) {
        h->who_to = qend; /* "risen to 45, the ministry said": no victims named */
        return true;
    }
    if (token_is(t, e, "of"))
        h->who_from = ++e;
    while (e < t->n && e - h->who_from < 6 &&
           !(token_in(t, e, who_stops) && !(t->tok[e].flags & TOK_CAP)) && active_kind(t, e) < 0) {
        bool brk = gap_has_clause_break(t->text, t, e);
        e++;
        if (brk)
            break;
    }
    h->who_to = e;
    return true;
}

static bool starts_quantity(const struct tokens *t, size_t i)
{
    struct quantity q;
    const char *s = t->text + t->tok[i].start;
    return (t->tok[i].flags & TOK_DIGIT) || quantity_parse(s, strnlen(s, 64), &q) > 0;
}

/* "14 were killed", "dozens of militants have been killed", "three militants dead". */
static bool read_passive(const struct tokens *t, size_t qi, size_t qend, struct figure_hit *h)
{
    size_t who_to = (size_t)-1;
    size_t e = qend;
    /* "one of the wounded was in critical condition", "three of the dead were children":
     * a part of a toll already counted */
    if (token_is(t, e, "of") && (token_is(t, e + 1, "the") || token_is(t, e + 1, "those")) &&
        passive_kind(t, e + 2) >= 0)
        return false;
    h->who_from = token_is(t, e, "of") ? e + 1 : e;
    /* "40, including children, were critically injured" goes on past its comma */
    bool aside = qend < t->n && (token_is(t, qend, "including") || token_is(t, qend, "among"));
    if (qend > qi && gap_has_clause_break(t->text, t, qend - 1) &&
        !gap_only_quotes(t->text, t, qend - 1) && !aside)
        return false;
    if (aside) { /* past "including children," to the verb */
        h->who_to = qend;
        who_to = qend;
        while (e < t->n && !gap_has_clause_break(t->text, t, e))
            e++;
        e++;
    }
    for (size_t k = 0; e < t->n && k < 12; e++, k++) {
        if (token_is(t, e, "who") && gap_has_clause_break(t->text, t, e)) {
            /* "110 farmers who, according to the UN, were murdered": past the aside */
            if (who_to == (size_t)-1)
                who_to = e;
            for (e++; e < t->n && !gap_has_clause_break(t->text, t, e); e++)
                ;
            continue;
        }
        int kind = passive_kind(t, e);
        if (kind >= 0) {
            /* "2 gunmen killed 5 people": the count is the agent, not the victims. */
            if (token_is(t, e, "killed") || token_is(t, e, "wounded") ||
                token_is(t, e, "injured") || token_is(t, e, "destroyed")) {
                size_t n = e + 1;
                if (n < t->n &&
                    (starts_quantity(t, n) || token_is(t, n, "the") || token_is(t, n, "a") ||
                     token_is(t, n, "at") || token_is(t, n, "more") || token_is(t, n, "dozens") ||
                     token_is(t, n, "several") || token_is(t, n, "scores") ||
                     token_is(t, n, "his") || token_is(t, n, "their")) &&
                    !gap_has_clause_break(t->text, t, e))
                    return false;
            }
            h->kind = kind;
            h->trigger = e;
            h->who_to = who_to == (size_t)-1 ? e : who_to;
            if (h->who_to < h->who_from)
                h->who_to = h->who_from;
            return true;
        }
        if (token_in(t, e, clause_stops) || active_kind(t, e) >= 0 || finite_verb(t, e))
            return false;
        if (who_to == (size_t)-1 && token_in(t, e, who_stops) && !(t->tok[e].flags & TOK_CAP))
            who_to = e;
        if (gap_has_clause_break(t->text, t, e)) {
            /* "Five people, including two children, were killed" */
            if (!(token_is(t, e + 1, "including") || token_is(t, e + 1, "among") ||
                  token_is(t, e + 1, "mostly") || token_is(t, e + 1, "most")))
                return false;
            if (who_to == (size_t)-1)
                who_to = e + 1;
            for (e++; e < t->n && !gap_has_clause_break(t->text, t, e); e++)
                ;
        }
    }
    return false;
}

static bool measure_or_date(const char *s, size_t len, const struct tokens *t, size_t qi,
                            size_t qend, const struct quantity *q, size_t qpos, size_t qlen)
{
    size_t after = qpos + qlen;
    if (after < len && (s[after] == ':' || s[after] == '%' || isalpha((unsigned char)s[after])))
        return true;
    if (after + 1 < len && s[after] == '-' && isalpha((unsigned char)s[after + 1]))
        return true; /* "25-year-old", "60-km" */
    if (after + 1 < len && s[after] == '.' && isdigit((unsigned char)s[after + 1]))
        return true;
    if (qend < t->n && (token_in(t, qend, units) || token_in(t, qend, months)))
        return true;
    /* "Since October, more than 300 people": a comma ends what the word before governs */
    if (qi > 0 && !gap_has_clause_break(t->text, t, qi - 1) &&
        (token_in(t, qi - 1, not_toll_before) || token_in(t, qi - 1, months)))
        return true;
    if (q->qualifier == Q_EXACT && q->n >= 1900 && q->n <= 2100 && qlen == 4)
        return true;
    return false;
}

bool figure_read(const struct tokens *t, const char *s, size_t len, size_t sentence_start,
                 const struct quantity *q, size_t qpos, size_t qlen, struct figure_hit *h,
                 size_t *qi_out)
{
    size_t qi = token_at(t, sentence_start + qpos);
    size_t qend = token_at(t, sentence_start + qpos + qlen);
    *qi_out = qi;
    if (qi >= t->n || measure_or_date(s, len, t, qi, qend, q, qpos, qlen))
        return false;
    return read_active(t, qi, qend, h) || read_passive(t, qi, qend, h);
}
