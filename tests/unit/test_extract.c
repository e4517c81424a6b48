/* test_extract.c: the extractor on small hand-made texts: which capitalised words are
 * places (context for ambiguous names, demonyms, names the text gives as places) and which
 * numbers are tolls (trigger words, clause forms, and counts that are not casualties). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/article.h"
#include "extract/extract.h"
#include "base/facts.h"
#include "extract/lexicon.h"
#include "testlib.h"
#include "base/text.h"

static struct extractor *ex;
static struct facts F;

/* Extracts the facts of an article with this title, body and dateline (the reader's, which
 * the body may keep; NULL for none) into F. */
static void run_filed(const char *title, const char *body, const char *date, const char *dateline)
{
    facts_free(&F);
    /* built as every reader builds an article: title and body joined, sentences split */
    struct article *a = calloc(1, sizeof *a);
    CHECK(a && article_finish(a, title, body) == 0);
    a->date = date ? strdup(date) : NULL;
    a->dateline = dateline ? strdup(dateline) : NULL;
    CHECK(extract_article(ex, a, &F) == 0);
    article_free(a);
}

/* Extracts the facts of an article with this title and body into F. */
static void run(const char *title, const char *body, const char *date)
{
    run_filed(title, body, date, NULL);
}

static const struct place_fact *place(const char *name)
{
    for (size_t i = 0; i < F.n_places; i++) {
        if (strcmp(F.places[i].name, name) == 0)
            return &F.places[i];
        for (size_t k = 0; k < F.places[i].n_surface; k++)
            if (strcmp(F.places[i].surface[k], name) == 0)
                return &F.places[i];
    }
    return NULL;
}

static const struct figure_fact *figure(enum figure_kind kind, long n)
{
    for (size_t i = 0; i < F.n_figures; i++)
        if (F.figures[i].kind == kind && F.figures[i].n == n)
            return &F.figures[i];
    return NULL;
}

static void test_hit_needs_context(void)
{
    run("Title", "Militants hit the market in Ramadi. Police said the blast hit hard.", NULL);
    CHECK(place("Hit") == NULL);
    run("Title", "Clashes broke out in the town of Hit, west of Ramadi in Anbar.", NULL);
    const struct place_fact *p = place("Hit");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->country, "Iraq");
}

static void test_respelling_at_sentence_start(void)
{
    /* "Aid" is a loose respelling of Eid (Eritrea); opening a sentence it is a word */
    run("Aid convoy reaches city", "Aid trucks arrived on Monday.", NULL);
    CHECK_INT(F.n_places, 0);
    /* a respelling anchored by the article's country still counts */
    run("Strikes in Anbar", "Jets struck Qaem, near Ramadi in Iraq.", NULL);
    CHECK(place("Qaem") != NULL);
}

static void test_said_is_a_verb(void)
{
    run("Title", "Said Ahmed, a resident of Mosul, said the bridge was destroyed.", NULL);
    CHECK(place("Said") == NULL);
    CHECK(place("Mosul") != NULL);
}

static void test_demonym_is_not_a_place(void)
{
    run("Title", "Troops moved toward the Syrian border from Qaim.", NULL);
    CHECK(place("Syria") == NULL);
    CHECK(place("Qaim") != NULL);
}

static void test_context_places(void)
{
    run("Title",
        "Gunmen attacked the village of Albu Jabir near Ramadi. A bomb went off in the Albu "
        "Bali neighborhood. Fighting reached Mutaibija, south of Tikrit.",
        NULL);
    const struct place_fact *p = place("Albu Jabir");
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->kind, PLACE_VILLAGE);
        CHECK_STR(p->country, "Iraq");
    }
    p = place("Albu Bali");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->kind, PLACE_NEIGHBORHOOD);
    p = place("Mutaibija");
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->parent, "Tikrit");
        CHECK_STR(p->country, "Iraq");
    }
}

static void test_context_places_more(void)
{
    /* a Persian connective inside a name; the name, not its last word */
    run("Title", "The blast hit worshippers in the Kot-e Sangi area of western Kabul.", NULL);
    CHECK(place("Kot-e Sangi") != NULL);
    CHECK(place("Sangi") == NULL);
    /* descriptions, not names */
    run("Title", "A bomb hit a mainly Shi'ite neighbourhood of Kabul.", NULL);
    CHECK(place("Shi'ite") == NULL);
    CHECK_INT(F.n_places, 1);
    run("Title", "Drones struck a base near the Iraqi province of Duhok.", NULL);
    CHECK(place("Iraqi") == NULL);
    CHECK(place("Duhok") != NULL);
    /* the other end of a road from a known place */
    run("Title", "The car was hit on the road between Tikrit and Tell Qasra.", NULL);
    const struct place_fact *p = place("Tell Qasra");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->country, "Iraq");
    run("Title", "Talks between Karim and Hamid Qasra ended.", NULL);
    CHECK(place("Hamid Qasra") == NULL);
    /* a name described as a place after a preposition */
    run("Title", "Gunmen fled to Dauri Kasa, a neighbouring community, said Musa Sani, a farmer.",
        NULL);
    CHECK(place("Dauri Kasa") != NULL);
    CHECK(place("Musa Sani") == NULL);
    /* the text calls it a region; its only namesake is a Czech village */
    run("Title", "Jets struck the Zap region of northern Iraq.", NULL);
    p = place("Zap");
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->kind, PLACE_REGION);
        CHECK_STR(p->country, "Iraq");
    }
    /* territories of the DRC; a country named with "of the" inside */
    run("Title",
        "Bombs fell near Goma, in Nyiragongo territory, in the Democratic Republic of the "
        "Congo.",
        NULL);
    CHECK(place("Nyiragongo") != NULL);
    p = place("Democratic Republic of the Congo");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->country_code, "CD");
    /* an outlet's name is not a place mention */
    run("Title", "By Levant Monitor staff. Tensions rose across the Levant.", NULL);
    p = place("Levant");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->count, 1);
}

static void test_spellings_are_one_place(void)
{
    run("Title", "Jets struck al-Qaim on Monday. Residents of Qaim fled toward Qaem.", NULL);
    size_t qaims = 0;
    for (size_t i = 0; i < F.n_places; i++)
        if (F.places[i].n_surface >= 2)
            qaims++;
    CHECK_INT(qaims, 1);
    CHECK_INT(F.n_places, 1);
}

static void test_not_tolls(void)
{
    run("Title",
        "Jets struck a building housing 25 militants in Mosul. More than 20 helicopters took "
        "part. The convoy was 60 kilometers from Baghdad. The fighting displaced 3,000 people. "
        "Turnout was 45 percent. A 35-year-old man was arrested. In 2014 the group seized "
        "the city.",
        NULL);
    CHECK_INT(F.n_figures, 0);
}

static void test_coordinated(void)
{
    run("Title",
        "A suicide bomber blew himself up in a market in Baghdad, killing seven people and "
        "wounding at least 15.",
        NULL);
    const struct figure_fact *k = figure(FIG_KILLED, 7);
    const struct figure_fact *w = figure(FIG_WOUNDED, 15);
    CHECK(k != NULL);
    CHECK(w != NULL);
    if (w)
        CHECK_INT(w->qualifier, Q_AT_LEAST);
    if (k)
        CHECK_STR(k->place, "Baghdad");
    CHECK_INT(F.n_figures, 2);
}

static void test_shared_trigger(void)
{
    run("Title",
        "The attack in Kunduz left eight policemen and three militants dead and 11 others "
        "injured.",
        NULL);
    CHECK(figure(FIG_KILLED, 8) != NULL);
    CHECK(figure(FIG_KILLED, 3) != NULL);
    CHECK(figure(FIG_WOUNDED, 11) != NULL);
    CHECK_INT(F.n_figures, 3);
}

static void test_headline_and_passive(void)
{
    run("Army jets kill 14 Islamic State members in Qaim",
        "In Zafaraniya, two civilians were killed and eight were wounded, police said.", NULL);
    const struct figure_fact *h = figure(FIG_KILLED, 14);
    CHECK(h != NULL);
    if (h) {
        CHECK_INT(h->sentence, 0);
        CHECK_STR(h->who, "Islamic State members");
    }
    CHECK(figure(FIG_KILLED, 2) != NULL);
    const struct figure_fact *w = figure(FIG_WOUNDED, 8);
    CHECK(w != NULL);
    if (w)
        CHECK_STR(w->source, "police");
    CHECK(figure(FIG_KILLED, 8) == NULL);
}

static void test_vague_and_agents(void)
{
    run("Title",
        "Dozens of militants have been killed in the strikes. Two gunmen killed five "
        "soldiers in Kirkuk. The death toll rose to 30.",
        NULL);
    const struct figure_fact *d = figure(FIG_KILLED, 24);
    CHECK(d != NULL);
    if (d)
        CHECK_INT(d->qualifier, Q_VAGUE);
    CHECK(figure(FIG_KILLED, 5) != NULL);
    CHECK(figure(FIG_KILLED, 2) == NULL);
    CHECK(figure(FIG_KILLED, 30) != NULL);
}

static void test_figure_date(void)
{
    run("Title", "On Tuesday, a bomb killed 14 people in Mosul.", "2024-05-01");
    const struct figure_fact *g = figure(FIG_KILLED, 14);
    CHECK(g != NULL);
    if (g)
        CHECK_STR(g->date, "2024-04-30");
}

static void test_more_trigger_forms(void)
{
    run("Title", "Two soldiers were martyred and three others injured in the attack.", NULL);
    CHECK(figure(FIG_KILLED, 2) != NULL);
    CHECK(figure(FIG_WOUNDED, 3) != NULL);
    run("Title", "The group has been responsible for the deaths of more than 40,000 people.", NULL);
    const struct figure_fact *f = figure(FIG_KILLED, 40000);
    CHECK(f != NULL);
    if (f)
        CHECK_INT(f->qualifier, Q_MORE_THAN);
    run("Title", "A strike hit an ambulance, killing the two paramedics.", NULL);
    CHECK(figure(FIG_KILLED, 2) != NULL);
    /* a month or a "since" before the comma does not govern the count after it */
    run("Title", "Since October, more than 300 people have been killed in the south.", NULL);
    CHECK(figure(FIG_KILLED, 300) != NULL);
    run("Title", "Since January, at least 1,200 civilians have been killed.", NULL);
    CHECK(figure(FIG_KILLED, 1200) != NULL);
    /* without the comma the month still makes it a date */
    run("Title", "Fighting since October 12 killed a shepherd.", NULL);
    CHECK(figure(FIG_KILLED, 12) == NULL);
}

/* A namesake abroad is meant when it lies next to the article's places (across a border);
 * a small one on another continent is not: the text's place is one the gazetteer lacks. */
static void test_namesakes_abroad(void)
{
    run("Title",
        "Militias moved into Al-Bukamal in eastern Syria from the Al-Qaim border crossing.", NULL);
    const struct place_fact *q = place("Al-Qaim");
    CHECK(q != NULL);
    if (q)
        CHECK_STR(q->country, "Iraq");
    run("Title",
        "Gangs attacked the Solino district of Port-au-Prince, Haiti, and residents fled "
        "towards neighbouring Delmas.",
        NULL);
    const struct place_fact *d = place("Delmas");
    CHECK(d != NULL);
    if (d)
        CHECK_STR(d->country, "Haiti");
    /* a namesake a hundred kilometres across the border is another place */
    run("Title",
        "Militants attacked a checkpoint in Bannu, Pakistan. The attack took place in the Jani "
        "Khel area.",
        NULL);
    const struct place_fact *j = place("Jani Khel");
    CHECK(j != NULL);
    if (j)
        CHECK_STR(j->country, "Pakistan");
    /* a country named after the place is a neighbour, not where it is */
    run("Title",
        "Soldiers were killed in Burkina Faso. The attack took place near Tin-Akoff in Oudalan "
        "province, close to the borders with Mali and Niger.",
        NULL);
    const struct place_fact *o = place("Oudalan");
    CHECK(o != NULL);
    if (o)
        CHECK_STR(o->country, "Burkina Faso");
}

/* What a post or camp stands at, and a name the text puts in a place it names, are places
 * the gazetteer may lack; the country is the one their sentence names. */
static void test_posts_and_places_inside_places(void)
{
    run("Title",
        "Jihadists attacked the army post at Chatoumane in the Tillaberi region of Niger. In "
        "neighbouring Mali, the group said it raided a military camp at Boulkessi.",
        NULL);
    const struct place_fact *c = place("Chatoumane");
    CHECK(c != NULL);
    if (c)
        CHECK_STR(c->country, "Niger");
    const struct place_fact *b = place("Boulkessi");
    CHECK(b != NULL);
    if (b)
        CHECK_STR(b->country, "Mali");
    run("Title",
        "Al-Shabaab fighters attacked El Baraf in Middle Shabelle. Militants seized Moura in "
        "central Mali. Gunmen attacked Governor Zulum in Borno.",
        NULL);
    CHECK(place("El Baraf") != NULL);
    CHECK(place("Moura") != NULL);
    CHECK(place("Zulum") == NULL);
    CHECK(place("Governor Zulum") == NULL);
    run("Title", "He arrived in Ramadan in Iraq. A checkpoint at Kilometre 5 was hit.", NULL);
    CHECK(place("Ramadan") == NULL);
    CHECK(place("Kilometre") == NULL);
}

/* Crime and wire forms of a killing, and tolls by other names. */
static void test_shootings_lives_and_numbers_of_dead(void)
{
    run("Title", "Gunmen shot dead 11 people at a bar.", NULL);
    CHECK(figure(FIG_KILLED, 11) != NULL);
    run("Title", "Security forces gunned down 8 militants. Nine others were gunned down.", NULL);
    CHECK(figure(FIG_KILLED, 8) != NULL);
    CHECK(figure(FIG_KILLED, 9) != NULL);
    run("Title", "The attack claimed 14 lives. The fighting has cost 15 lives.", NULL);
    CHECK(figure(FIG_KILLED, 14) != NULL);
    CHECK(figure(FIG_KILLED, 15) != NULL);
    run("Title", "Assailants murdered 19 villagers. Twelve people were murdered.", NULL);
    CHECK(figure(FIG_KILLED, 19) != NULL);
    CHECK(figure(FIG_KILLED, 12) != NULL);
    run("Title",
        "The number of people killed in the attack rose to 33. The number of injured rose to "
        "52. The death count stands at 57.",
        NULL);
    CHECK(figure(FIG_KILLED, 33) != NULL);
    CHECK(figure(FIG_WOUNDED, 52) != NULL);
    CHECK(figure(FIG_KILLED, 57) != NULL);
    /* aircraft and drones brought down are not people killed */
    run("Title", "Air defences shot down 20 of the 25 drones.", NULL);
    CHECK(figure(FIG_KILLED, 20) == NULL);
    run("Title", "Those killed numbered 16. The wounded numbered at least 40.", NULL);
    CHECK(figure(FIG_KILLED, 16) != NULL);
    CHECK(figure(FIG_WOUNDED, 40) != NULL);
    run("Title", "A force numbering 500 attacked the town.", NULL);
    CHECK_INT(F.n_figures, 0);
    run("Title", "An attack in 2016 killed his 3 brothers.", NULL);
    CHECK(figure(FIG_KILLED, 3) != NULL);
}

/* A division word after a known name means the division, not its seat, and is part of
 * what the text wrote. */
static void test_division_words(void)
{
    run("Title", "Drones struck Krasnopillia in Sumy Oblast and shelling hit the Donetsk region.",
        NULL);
    const struct place_fact *s = place("Sumy Oblast");
    CHECK(s != NULL);
    if (s)
        CHECK_INT(s->kind, PLACE_ADMIN1);
    const struct place_fact *d = place("Donetsk region");
    CHECK(d != NULL);
    if (d)
        CHECK_INT(d->kind, PLACE_ADMIN1);
    /* the gazetteer knows "Kurram District"; "Kurram" alone would be Korem in Ethiopia */
    run("Title", "Militants killed soldiers in Kurram district of Pakistan.", NULL);
    const struct place_fact *k = place("Kurram");
    CHECK(k != NULL);
    if (k)
        CHECK_STR(k->country, "Pakistan");
    run("Title", "Shelling hit the city of Donetsk.", NULL);
    const struct place_fact *c = place("Donetsk");
    CHECK(c != NULL);
    if (c)
        CHECK_INT(c->kind, PLACE_CITY);
}

/* Two names sharing one plural noun are both places; a name called a neighbourhood is not
 * the province that shares it. */
static void test_coordinated_names_and_local_nouns(void)
{
    run("Title", "The bombs struck the Mugunga and Lac Vert sites, west of Goma.", NULL);
    CHECK(place("Mugunga") != NULL);
    CHECK(place("Lac Vert") != NULL);
    run("Title", "Fighting reached the Shuhada and Qadisiya neighbourhoods of Mosul in Iraq.",
        NULL);
    CHECK(place("Shuhada") != NULL);
    const struct place_fact *q = place("Qadisiya");
    CHECK(q != NULL);
    if (q)
        CHECK_INT(q->kind, PLACE_NEIGHBORHOOD);
}

/* A quoted nickname makes a person of the names around it; a hamlet at home sharing its
 * name with a division of a country the text names is that division. */
static void test_nicknames_and_named_divisions_abroad(void)
{
    run("Title",
        "Fighting in Culiacan, Mexico, broke out after Ismael \"El Mayo\" Zambada was flown "
        "to Texas in the United States by a son of Joaquin \"El Chapo\" Guzman.",
        NULL);
    CHECK(place("Joaquin") == NULL);
    CHECK(place("El Chapo") == NULL);
    const struct place_fact *t = place("Texas");
    CHECK(t != NULL);
    if (t)
        CHECK_STR(t->country, "United States");
    /* the names after a credit line's "Writing by" are journalists */
    run("Title",
        "Gunmen killed five people in Jos, Nigeria. (Reporting by Camillus Eboh in Abuja; "
        "Writing by Elisha Bala-Gbogbo; Editing by Hugh Lawson)",
        NULL);
    CHECK(place("Abuja") != NULL);
    CHECK(place("Elisha") == NULL);
    CHECK(place("Lawson") == NULL);
}

/* "Two soldiers killed, three injured": the comma ends what the verb governs. */
static void test_comma_ends_active_clause(void)
{
    run("Two soldiers killed, three injured in attack on outpost", "Title.", NULL);
    CHECK(figure(FIG_KILLED, 2) != NULL);
    CHECK(figure(FIG_WOUNDED, 3) != NULL);
    CHECK(figure(FIG_KILLED, 3) == NULL);
    run("Title", "The group said it had killed \"more than 20 soldiers\".", NULL);
    CHECK(figure(FIG_KILLED, 20) != NULL);
}

/* "Eliminated" is a destroyed figure, people or positions alike: the facts issue files it
 * there (destroyed: destroyed, eliminated), whatever military statements mean by it.
 * Houses torched or razed are destroyed too. */
static void test_eliminated_and_torched(void)
{
    run("Title", "The army said 23 militants were eliminated. Jets eliminated 4 positions.", NULL);
    CHECK(figure(FIG_DESTROYED, 23) != NULL);
    CHECK(figure(FIG_KILLED, 23) == NULL);
    CHECK(figure(FIG_DESTROYED, 4) != NULL);
    run("Title", "Some 300 houses were torched. The army razed 12 homes.", NULL);
    CHECK(figure(FIG_DESTROYED, 300) != NULL);
    CHECK(figure(FIG_DESTROYED, 12) != NULL);
    /* fire: houses set ablaze or burnt are destroyed, people burnt to death killed, people
     * burnt hurt (not counted here) */
    run("Title",
        "Gunmen set fire to at least 45 houses. Later 221 houses were set ablaze and 27 shops "
        "burnt. Five minors were burnt to death, and 3 people burned were treated.",
        NULL);
    CHECK(figure(FIG_DESTROYED, 45) != NULL);
    CHECK(figure(FIG_DESTROYED, 221) != NULL);
    CHECK(figure(FIG_DESTROYED, 27) != NULL);
    CHECK(figure(FIG_KILLED, 5) != NULL);
    CHECK(figure(FIG_DESTROYED, 3) == NULL);
}

/* Seas are water, not provinces named after them; two places joined by a hyphen are both
 * named; a city is its province's seat however the gazetteer spells the province. */
static void test_seas_pairs_and_seats(void)
{
    run("Title", "Houthi forces attacked ships in the Red Sea.", NULL);
    const struct place_fact *r = place("Red Sea");
    CHECK(r != NULL);
    if (r)
        CHECK_INT(r->kind, PLACE_WATER);
    run("Title", "Militants attacked a convoy on the Kabul-Jalalabad highway.", NULL);
    CHECK(place("Kabul") != NULL);
    CHECK(place("Jalalabad") != NULL);
    run("Title", "Saudi-led jets struck the area.", NULL);
    CHECK_INT(F.n_places, 0);
    run("Title", "A car bomb exploded in Damascus, Syria.", NULL);
    const struct place_fact *d = place("Damascus");
    CHECK(d != NULL);
    if (d)
        CHECK_INT(d->kind, PLACE_CITY);
}

/* A big city before a seatless division of the same name; a kunya opening a person's name. */
static void test_salient_cities_and_kunyas(void)
{
    run("Title", "Israeli strikes killed 20 people in Gaza, Israel said.", NULL);
    const struct place_fact *g = place("Gaza");
    CHECK(g != NULL);
    if (g) {
        CHECK_INT(g->kind, PLACE_CITY);
        CHECK_STR(g->country, "Palestine");
    }
    run("Title", "HTS leader Abu Mohammed al-Julani spoke in Damascus.", NULL);
    CHECK(place("Abu") == NULL);
    CHECK(place("Damascus") != NULL);
    run("Title", "Abu Bakr al-Baghdadi's men left Abu Ghraib, west of Baghdad.", NULL);
    CHECK(place("Abu") == NULL);
    CHECK(place("Abu Ghraib") != NULL);
}

/* "the killing of N" is a toll; a zone is a place noun; "the town of X" abroad is only a
 * namesake across a border or in a country the text names. */
static void test_killing_of_zones_and_far_towns(void)
{
    run("Title", "The commission documented the killing of at least 45 civilians.", NULL);
    const struct figure_fact *k = figure(FIG_KILLED, 45);
    CHECK(k != NULL);
    if (k)
        CHECK_INT(k->qualifier, Q_AT_LEAST);
    run("Title",
        "A drone hit a market in Amhara region's North Shewa zone, in the town of Merawi, and "
        "patients were sent to Bahir Dar.",
        NULL);
    CHECK(place("North Shewa") != NULL);
    const struct place_fact *m = place("Merawi");
    CHECK(m != NULL);
    if (m)
        CHECK_STR(m->country, "Ethiopia");
}

/* A preposition opening a sentence is no first name; "some 70 km southwest of the capital,
 * Mogadishu" places a town the gazetteer lacks. */
static void test_opening_prepositions_and_capitals(void)
{
    run("Title", "Near Vovchansk, Ukrainian forces repelled nine assaults.", NULL);
    CHECK(place("Vovchansk") != NULL);
    run("Title",
        "Troops killed eight fighters near Awdheegle, some 70 km southwest of the capital, "
        "Mogadishu.",
        NULL);
    const struct place_fact *a = place("Awdheegle");
    CHECK(a != NULL);
    if (a)
        CHECK_STR(a->country, "Somalia");
}

/* Names joined by Romance connectors are one; a list of names sharing one plural noun are
 * all places; "Baghdad-INA" is a place and an agency. */
static void test_connectors_lists_and_agencies(void)
{
    run("Title", "A bomb exploded in Jamundi, in neighboring Valle del Cauca, Colombia.", NULL);
    CHECK(place("Valle del Cauca") != NULL);
    CHECK(place("Valle de San Juan") == NULL);
    run("Title",
        "Fighting was concentrated in the Ain Zara, Salah al-Din and Furnaj areas in southern "
        "Tripoli, Libya.",
        NULL);
    CHECK(place("Salah al-Din") != NULL);
    CHECK(place("Furnaj") != NULL);
    run("Title", "Baghdad-INA: Aircraft struck hideouts in Anbar.", NULL);
    CHECK(place("Baghdad") != NULL);
    CHECK(place("INA") == NULL);
}

/* A name the gazetteer lists with "State"; a place given a bearing from "the city"; a list
 * of names after a verb sharing a plural noun. */
static void test_state_names_bearings_and_verb_lists(void)
{
    run("Title", "In West Kordofan, Sudan, the group took Babanusa.", NULL);
    const struct place_fact *w = place("West Kordofan");
    CHECK(w != NULL);
    if (w)
        CHECK_INT(w->kind, PLACE_ADMIN1);
    CHECK(place("Kordofan") == NULL);
    run("Title",
        "Shells hit El Obeid in Sudan, fired from positions near Um Sumeima, west of the city.",
        NULL);
    CHECK(place("Um Sumeima") != NULL);
    run("Title", "Bandits attacked Dan Gulbi and Kwana villages in Zamfara, Nigeria.", NULL);
    CHECK(place("Dan Gulbi") != NULL);
    CHECK(place("Kwana") != NULL);
}

/* "the towns of A, B and C" names three; "the city of A, Governor B said" one; a gas field
 * is a place. */
static void test_comma_lists_and_fields(void)
{
    run("Title",
        "Strikes targeted the towns of Kfar Roummane, Zawtar al-Sharqiyah and Doueir in "
        "Lebanon.",
        NULL);
    CHECK(place("Zawtar al-Sharqiyah") != NULL);
    CHECK(place("Doueir") != NULL);
    run("Title", "Shells hit the city of Kherson, Governor Oleksandr Prokudin said.", NULL);
    CHECK(place("Kherson") != NULL);
    CHECK(place("Governor Oleksandr Prokudin") == NULL);
    run("Title", "A drone struck the village of Kuwaram, Abubakar Shehu said.", NULL);
    CHECK(place("Abubakar Shehu") == NULL);
    run("Title", "A drone struck the Khor Mor gas field in Sulaimani province.", NULL);
    CHECK(place("Khor Mor") != NULL);
}

/* A name after "near" or "outside" is a place, unless a person's or a road mark. */
static void test_near_names(void)
{
    run("Title", "A boat was attacked on the Niger River near Banikane, in Mali.", NULL);
    CHECK(place("Banikane") != NULL);
    run("Title",
        "The convoy stopped near Kilometre 40, outside Parliament, near Hamas positions and "
        "near President Assad's palace.",
        NULL);
    CHECK(place("Kilometre") == NULL);
    CHECK(place("Parliament") == NULL);
    CHECK(place("Hamas") == NULL);
    CHECK(place("President") == NULL);
}

/* "ELN" is an acronym, not Elne (GeoNames spells it "El'n"); a place the text measures a
 * distance from is not where the figure's event happened. */
static void test_acronyms_and_distance_references(void)
{
    run("Title", "Police blamed the ELN for the bombing in Bogota, which killed 21 cadets.", NULL);
    CHECK(place("ELN") == NULL);
    CHECK(place("Bogota") != NULL);
    run("Title", "Gunmen killed 12 people some 110 km west of Baghdad, in Ramadi, police said.",
        NULL);
    const struct figure_fact *g = figure(FIG_KILLED, 12);
    CHECK(g && g->place && strcmp(g->place, "Ramadi") == 0);
    run("Title", "A bomb killed 7 people about 14km from Ramadi in Fallujah on Sunday.", NULL);
    g = figure(FIG_KILLED, 7);
    CHECK(g && g->place && strcmp(g->place, "Al Fallujah") == 0);
    run("Title", "A bomb killed 9 soldiers north-west of Ramadi, in Hit.", NULL);
    g = figure(FIG_KILLED, 9);
    CHECK(g && g->place && strcmp(g->place, "Hit") == 0);
    /* a country across a border is no figure's place */
    run("Title", "Dozens of militants were killed near the border with Syria, the army said.",
        NULL);
    g = figure(FIG_KILLED, 24);
    CHECK(g && g->place == NULL);
    /* the headline's count told again in the lede takes the lede's finer place */
    run("Missile kills 51 in Kharkiv region",
        "A missile struck a cafe in the village of Hroza on Thursday, killing 51 people, "
        "police said.",
        NULL);
    g = figure(FIG_KILLED, 51);
    CHECK(g && g->place && strcmp(g->place, "Hroza") == 0);
    /* "the north of" a place is in it */
    run("Title", "A bomb killed 5 soldiers in the north of Anbar, near Ramadi.", NULL);
    g = figure(FIG_KILLED, 5);
    CHECK(g && g->place && strcmp(g->place, "Al Anbar") == 0);
}

/* A place the text puts in a province where the gazetteer has no namesake of it is a place
 * the gazetteer lacks, in that province; with a namesake there, it is that one. */
static void test_hamlet_in_named_province(void)
{
    run("Title", "The victims lived in the hamlet of La Mora in Sonora state, police said.", NULL);
    const struct place_fact *p = place("La Mora");
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->admin1, "Sonora");
        CHECK(p->gazetteer_id == 0);
    }
    run("Title", "Clashes broke out in the town of Hit in Anbar province.", NULL);
    p = place("Hit");
    CHECK(p != NULL);
    if (p)
        CHECK(p->gazetteer_id > 0);
}

/* The dateline the text keeps ("KABUL (Reuters) -") is one mention of its place, not two;
 * a word opening a longer place name, before another capitalised word, is a name. */
static void test_kept_dateline_and_name_openers(void)
{
    run_filed("Bomb in Kandahar",
              "KABUL (Reuters) - A bomb killed 5 people in Kandahar on Monday, officials in "
              "Kabul said.",
              NULL, "Kabul");
    const struct place_fact *p = place("Kabul");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->count, 2);
    /* nor is it the nearest place to a count in the lede */
    run_filed("Bomb in Kandahar",
              "KABUL (Reuters) - 5 people were killed when a bomb hit a crowded market near "
              "Kandahar on Monday.",
              NULL, "Kabul");
    const struct figure_fact *g = figure(FIG_KILLED, 5);
    CHECK(g && g->place && strcmp(g->place, "Kandahar") == 0);
    run("Title",
        "The families belonged to the Church of Jesus Christ of Latter-day Saints, which "
        "condemned the killing of nine people near Bavispe in Sonora.",
        NULL);
    CHECK(place("Jesus") == NULL);
    CHECK(place("Bavispe") != NULL);
}

/* A village the gazetteer knows only as a town abroad (Solhan, Turkey) named again and again
 * in a story from the country the text names, in its headline or around it, is a village
 * there; so is every other mention of a name the text once places at home. */
static void test_home_country_over_namesake_abroad(void)
{
    run("Burkina Faso: gunmen returned to Solhan after massacre",
        "The gunmen returned to the village of Solhan on Saturday. They looted Solhan and "
        "burned what was left of Solhan before heading to Solhan market.",
        NULL);
    const struct place_fact *p = place("Solhan");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->country, "Burkina Faso");
    run("Solhan attack toll rises to 138",
        "The number of people killed in the attack on Solhan in northern Burkina Faso has "
        "risen to 138. The raid on Solhan was the deadliest in Burkina Faso in six years.",
        NULL);
    p = place("Solhan");
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->country, "Burkina Faso");
        CHECK_INT(p->count, 3);
    }
}

/* "Democratic Republic of Congo" without "the", and "Congo" in a story from its east, are
 * DR Congo, not the Republic of the Congo across the river. */
static void test_congo_spellings(void)
{
    run("Rebels kill 12 in eastern Democratic Republic of Congo",
        "Rebels killed 12 civilians near Beni in North Kivu province on Monday.", NULL);
    CHECK(place("DR Congo") != NULL);
    CHECK(place("Republic of the Congo") == NULL);
    run("Rebels kill 12 near Beni",
        "Rebels killed 12 civilians near Beni in eastern Congo, officials in North Kivu said.",
        NULL);
    const struct place_fact *p = place("Congo");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->name, "DR Congo");
}

/* A division word is not a surname; "administration head X" is a person; a long "number of
 * ... killed" is a toll. */
static void test_divisions_heads_and_long_numbers(void)
{
    run("Title",
        "Shelling hit Sumy, Ukraine, near the border with Russia's Kursk Oblast, administration "
        "head Volodymyr Artiukh said.",
        NULL);
    CHECK(place("Kursk Oblast") != NULL);
    CHECK(place("Volodymyr") == NULL);
    run("Title",
        "The number of regime soldiers and loyal gunmen killed in the desert since January has "
        "risen to 211.",
        NULL);
    CHECK(figure(FIG_KILLED, 211) != NULL);
}

/* A part of a toll is no new toll; a text-found place lies where the known place beside it
 * does; the headline outweighs a regional bureau's dateline. */
static void test_partitives_and_neighbours(void)
{
    run("Title", "Five people were injured. One of the wounded was in critical condition.", NULL);
    CHECK(figure(FIG_WOUNDED, 5) != NULL);
    CHECK(figure(FIG_WOUNDED, 1) == NULL);
    run("Title", "The attack occurred near the town of Djibo in Soum province, officials said.",
        NULL);
    const struct place_fact *s = place("Soum");
    CHECK(s != NULL);
    if (s)
        CHECK_STR(s->country, "Burkina Faso");
}

/* A toll that "rose to" its count may name the event at length in between; other counts
 * stay near the word. */
static void test_long_toll(void)
{
    run("Title",
        "Monitors documented a rise in the death toll of the airstrikes carried out by "
        "warplanes on positions of militias in the eastern countryside late on Friday to 29.",
        NULL);
    CHECK(figure(FIG_KILLED, 29) != NULL);
    run("Title",
        "The toll of the fighting is disputed and relief agencies trying to reach the area "
        "with supplies sent 12 trucks.",
        NULL);
    CHECK(figure(FIG_KILLED, 12) == NULL);
}

static void test_actors_fold_aliases(void)
{
    run("Title",
        "Daesh fighters attacked Iraqi security forces. IS later claimed it, Amaq said. "
        "The attack is over, Reuters reported.",
        NULL);
    bool is = false, source = false;
    for (size_t i = 0; i < F.n_actors; i++) {
        if (strcmp(F.actors[i].name, "Islamic State") == 0) {
            is = true;
            CHECK_INT(F.actors[i].count, 2); /* "Daesh", "IS"; not "is over" */
        }
        if (!strcmp(F.actors[i].name, "Amaq") || !strcmp(F.actors[i].name, "Reuters"))
            source = true;
    }
    CHECK(is);
    CHECK(!source);
}

static void test_lexicon_capitals(void)
{
    char err[128];
    struct lexicon *lx = lexicon_parse("actor\tIslamic State\tIS|Daesh\n", err, sizeof err);
    CHECK(lx != NULL);
    if (!lx)
        return;
    CHECK(lexicon_find(lx, "is", 2, "IS", 2) == 0);
    CHECK(lexicon_find(lx, "is", 2, "is", 2) < 0);
    CHECK(lexicon_find(lx, "daesh", 5, "DAESH", 5) == 0);
    CHECK(lexicon_find(lx, "islamic state", 13, "Islamic State", 13) == 0);
    lexicon_free(lx);
}

int main(void)
{
    if (!getenv("SITREP_DATA_DIR") && access("assets/gazetteer.idx", R_OK) == 0)
        setenv("SITREP_DATA_DIR", "assets", 1);
    char err[256] = "";
    ex = extractor_open(err, sizeof err);
    if (!ex) {
        printf("not ok extractor_open: %s\n", err);
        return 1;
    }
    facts_init(&F);
    RUN(test_hit_needs_context);
    RUN(test_respelling_at_sentence_start);
    RUN(test_said_is_a_verb);
    RUN(test_demonym_is_not_a_place);
    RUN(test_context_places);
    RUN(test_context_places_more);
    RUN(test_spellings_are_one_place);
    RUN(test_not_tolls);
    RUN(test_coordinated);
    RUN(test_shared_trigger);
    RUN(test_headline_and_passive);
    RUN(test_vague_and_agents);
    RUN(test_figure_date);
    RUN(test_more_trigger_forms);
    RUN(test_namesakes_abroad);
    RUN(test_posts_and_places_inside_places);
    RUN(test_shootings_lives_and_numbers_of_dead);
    RUN(test_division_words);
    RUN(test_coordinated_names_and_local_nouns);
    RUN(test_nicknames_and_named_divisions_abroad);
    RUN(test_comma_ends_active_clause);
    RUN(test_eliminated_and_torched);
    RUN(test_seas_pairs_and_seats);
    RUN(test_salient_cities_and_kunyas);
    RUN(test_killing_of_zones_and_far_towns);
    RUN(test_opening_prepositions_and_capitals);
    RUN(test_connectors_lists_and_agencies);
    RUN(test_state_names_bearings_and_verb_lists);
    RUN(test_comma_lists_and_fields);
    RUN(test_near_names);
    RUN(test_acronyms_and_distance_references);
    RUN(test_hamlet_in_named_province);
    RUN(test_kept_dateline_and_name_openers);
    RUN(test_home_country_over_namesake_abroad);
    RUN(test_congo_spellings);
    RUN(test_divisions_heads_and_long_numbers);
    RUN(test_partitives_and_neighbours);
    RUN(test_long_toll);
    RUN(test_actors_fold_aliases);
    RUN(test_lexicon_capitals);
    facts_free(&F);
    extractor_close(ex);
    return TESTS_DONE();
}
