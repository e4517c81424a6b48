/* test_gazetteer.c: lookups against the compiled index built from the committed TSVs,
 * the loose key, and rejection of damaged index files. Expected ids are GeoNames ids
 * checked by hand in ../shared/data/geonames/cities500.txt and admin1CodesASCII.txt. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/gazetteer.h"
#include "extract/gazidx.h"
#include "testlib.h"
#include "base/text.h"

#define AL_QAIM_ID        92138
#define FALLUJAH_ID       99454
#define BAGHDAD_ID        98182
#define BAGHDAD_ADMIN1_ID 98180
#define ANBAR_ADMIN1_ID   99592
#define TAL_AFAR_ID       90393

static struct gazetteer *gaz;
static const char *index_path = "assets/gazetteer.idx";

/* The first place a name finds, exact key first, then loose, as the extractor does. */
static int find(const char *name, struct gaz_place *p)
{
    char folded[256], loose[256];
    size_t n = text_fold(name, strlen(name), folded, sizeof folded);
    if (gazetteer_lookup(gaz, folded, n, p, 1) == 1)
        return 1;
    size_t ln = gazetteer_loose_key(folded, n, loose, sizeof loose);
    return (int)gazetteer_lookup_loose(gaz, loose, ln, p, 1);
}

/* The best place in country cc a name finds among all candidates. */
static int find_in(const char *name, const char *cc, struct gaz_place *out)
{
    struct gaz_place c[64];
    char folded[256], loose[256];
    size_t n = text_fold(name, strlen(name), folded, sizeof folded);
    size_t k = gazetteer_lookup(gaz, folded, n, c, 64);
    for (size_t i = 0; i < k; i++)
        if (strcmp(c[i].country_code, cc) == 0)
            return *out = c[i], 1;
    size_t ln = gazetteer_loose_key(folded, n, loose, sizeof loose);
    k = gazetteer_lookup_loose(gaz, loose, ln, c, 64);
    for (size_t i = 0; i < k; i++)
        if (strcmp(c[i].country_code, cc) == 0)
            return *out = c[i], 1;
    return 0;
}

static void loose_key_of(const char *name, char *out, size_t cap)
{
    char folded[256];
    size_t n = text_fold(name, strlen(name), folded, sizeof folded);
    gazetteer_loose_key(folded, n, out, cap);
}

static void test_loose_key_merges_spellings(void)
{
    char a[64], b[64];
    const char *same[][2] = {
        {"Qaem", "al-Qa'im"},      {"Qaim", "Al Qā’im"},     {"Falluja", "Fallujah"},
        {"Tall Afar", "Tal Afar"}, {"Talafar", "Tal Afar"},  {"Ghazaliya", "Ghazalia"},
        {"Hawija", "Hawijah"},     {"al-Ubaydi", "Obaidi"},  {"Rawa", "Rawah"},
        {"Annah", "Anah"},         {"Jazeera", "al-Jazira"}, {"Zafaraniyah", "Zafaraniya"}};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        loose_key_of(same[i][0], a, sizeof a);
        loose_key_of(same[i][1], b, sizeof b);
        CHECK_STR(a, b);
    }
    const char *also_same[][2] = {{"Beiji", "Bayji"},         {"Deir ez-Zor", "Dayr az Zawr"},
                                  {"Dahiyeh", "Dahiya"},      {"Sheikh", "Shaykh"},
                                  {"Mayadeen", "al-Mayadin"}, {"Raqqa", "Ar-Raqqah"},
                                  {"Ashrafieh", "Ashrafiya"}};
    for (size_t i = 0; i < sizeof also_same / sizeof also_same[0]; i++) {
        loose_key_of(also_same[i][0], a, sizeof a);
        loose_key_of(also_same[i][1], b, sizeof b);
        CHECK_STR(a, b);
    }
    loose_key_of("al-Qa'im", a, sizeof a);
    CHECK_STR(a, "kaim");
    /* Different places stay apart. */
    loose_key_of("Mosul", a, sizeof a);
    loose_key_of("Basra", b, sizeof b);
    CHECK(strcmp(a, b) != 0);
    loose_key_of("Hit", a, sizeof a);
    loose_key_of("Heet", b, sizeof b);
    CHECK_STR(a, b);
    /* "us" is an article only inside a name (Nasir ud-Din), never at its start. */
    loose_key_of("US-led", a, sizeof a);
    CHECK_STR(a, "uslid");
    /* A lone article is a name, not something to drop. */
    loose_key_of("As", a, sizeof a);
    CHECK_STR(a, "as");
}

static void test_qaim_spellings_one_place(void)
{
    const char *spellings[] = {"Qaim", "al-Qaim", "Qaem", "al-Qa'im", "Al Qa'im", "Al-Qaim"};
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        struct gaz_place p;
        CHECK(find_in(spellings[i], "IQ", &p) == 1);
        CHECK_INT(p.id, AL_QAIM_ID);
        CHECK_STR(p.admin1, "Al Anbar");
        CHECK_INT(p.parent_id, ANBAR_ADMIN1_ID);
    }
}

static void test_fallujah_and_tal_afar(void)
{
    const char *f[] = {"Fallujah", "Falluja", "al-Fallujah", "Faluja"};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        struct gaz_place p;
        CHECK(find_in(f[i], "IQ", &p) == 1);
        CHECK_INT(p.id, FALLUJAH_ID);
    }
    const char *t[] = {"Tal Afar", "Tall Afar", "Talafar", "Tal-Afar"};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct gaz_place p;
        CHECK(find_in(t[i], "IQ", &p) == 1);
        CHECK_INT(p.id, TAL_AFAR_ID);
    }
}

static void test_baghdad_city_before_admin1(void)
{
    struct gaz_place c[16];
    size_t n = gazetteer_lookup(gaz, "baghdad", 7, c, 16);
    CHECK(n >= 2);
    /* admin1 outranks a city of the same name, per the contract: both are there. */
    int city = -1;
    for (size_t i = 0; i < n; i++)
        if (c[i].id == BAGHDAD_ID)
            city = (int)i;
    CHECK(city >= 0);
    if (city >= 0) {
        CHECK_INT(c[city].kind, PLACE_CITY);
        CHECK_STR(c[city].country_code, "IQ");
        CHECK_STR(c[city].country, "Iraq");
        CHECK_STR(c[city].admin1, "Baghdad");
        CHECK_INT(c[city].parent_id, BAGHDAD_ADMIN1_ID);
        CHECK(c[city].population > 1000000);
        CHECK(c[city].lat > 33 && c[city].lat < 34 && c[city].lon > 44 && c[city].lon < 45);
    }
    CHECK_INT(c[0].kind, PLACE_ADMIN1);
    CHECK_INT(c[0].id, BAGHDAD_ADMIN1_ID);
}

static void test_anbar_admin1(void)
{
    const char *names[] = {"Anbar", "al-Anbar", "Al Anbar"};
    for (size_t i = 0; i < 3; i++) {
        struct gaz_place p;
        CHECK(find_in(names[i], "IQ", &p) == 1);
        CHECK_INT(p.id, ANBAR_ADMIN1_ID);
        CHECK_INT(p.kind, PLACE_ADMIN1);
        CHECK_STR(p.country, "Iraq");
    }
}

static void test_countries(void)
{
    struct gaz_place p;
    CHECK_INT(gazetteer_country(gaz, "iq", &p), 0);
    CHECK_STR(p.name, "Iraq");
    CHECK_INT(p.kind, PLACE_COUNTRY);
    CHECK_INT(gazetteer_country(gaz, "SY", &p), 0);
    CHECK_STR(p.name, "Syria");
    CHECK_INT(gazetteer_country(gaz, "ZZ", &p), -1);
    CHECK(find("Syria", &p) == 1);
    CHECK_STR(p.country_code, "SY");
    CHECK_INT(p.kind, PLACE_COUNTRY);
    CHECK(find("Iraq", &p) == 1);
    CHECK_INT(p.kind, PLACE_COUNTRY);
    CHECK(!p.ambiguous);
    struct gaz_place again;
    CHECK_INT(gazetteer_get(gaz, p.id, &again), 0);
    CHECK_STR(again.name, "Iraq");
    CHECK_INT(gazetteer_get(gaz, -5, &again), -1);
}

static void test_ambiguous_names(void)
{
    struct gaz_place p;
    CHECK(find_in("Hit", "IQ", &p) == 1);
    CHECK_INT(p.kind, PLACE_TOWN);
    CHECK(p.ambiguous);
    CHECK(find("Said", &p) == 0 || p.ambiguous);
    CHECK(find("Police", &p) == 0 || p.ambiguous);
    CHECK(find("Mosul", &p) == 1);
    CHECK(!p.ambiguous);
}

static void test_supplement(void)
{
    struct gaz_place p, parent;
    CHECK(find_in("Lake Tharthar", "IQ", &p) == 1);
    CHECK(p.id >= 1000000000);
    CHECK_INT(p.kind, PLACE_WATER);
    CHECK(p.parent_id != 0);
    CHECK_INT(gazetteer_get(gaz, p.parent_id, &parent), 0);
    CHECK_STR(parent.country_code, "IQ");
    CHECK(find_in("Tharthar", "IQ", &p) == 1);
    CHECK_INT(p.kind, PLACE_WATER);
    CHECK(find_in("Ghazaliyah", "IQ", &p) == 1);
    CHECK_INT(p.kind, PLACE_NEIGHBORHOOD);
    CHECK_INT(p.parent_id, BAGHDAD_ID);
    CHECK_STR(p.admin1, "Baghdad");
}

/* News drops the Arabic article GeoNames keeps: the exact key without it finds the
 * place, ahead of a foreign village that happens to be spelt that way. */
static void test_article_dropped_exact(void)
{
    struct gaz_place c[8];
    size_t n = gazetteer_lookup(gaz, "anbar", 5, c, 8);
    CHECK(n >= 1);
    CHECK_INT(c[0].id, ANBAR_ADMIN1_ID);
    n = gazetteer_lookup(gaz, "qaim", 4, c, 8);
    CHECK(n >= 1);
    CHECK_INT(c[0].id, AL_QAIM_ID);
    n = gazetteer_lookup(gaz, "fallujah", 8, c, 8);
    CHECK(n >= 1);
    CHECK_INT(c[0].id, FALLUJAH_ID);
}

static void test_supplement_aliases_and_regions(void)
{
    struct gaz_place p;
    CHECK(find_in("Salahuddin", "IQ", &p) == 1);
    CHECK_INT(p.id, 91695); /* admin1 Salah ad Din */
    CHECK_INT(p.kind, PLACE_ADMIN1);
    CHECK(find("Euphrates", &p) == 1);
    CHECK_INT(p.kind, PLACE_WATER);
    CHECK_STR(p.country_code, ""); /* spans Turkey, Syria and Iraq */
    CHECK_INT(p.parent_id, 0);
    CHECK(find("Ain al-Asad", &p) == 1);
    CHECK_INT(p.kind, PLACE_LANDMARK);
    CHECK_STR(p.admin1, "Al Anbar");
    CHECK(find_in("Sadr City", "IQ", &p) == 1);
    CHECK_INT(p.parent_id, BAGHDAD_ID);
    /* Every supplement place's parent chain ends at a country (or it has none). */
    for (int64_t id = 1000000000; id < 1000013000; id++) {
        struct gaz_place s, up;
        if (gazetteer_get(gaz, id, &s) != 0)
            continue;
        int64_t at = s.parent_id;
        int hops = 0;
        while (at && hops < 6 && gazetteer_get(gaz, at, &up) == 0) {
            at = up.parent_id;
            hops++;
        }
        if (at != 0)
            printf("#   place %lld: parent chain broken at %lld\n", (long long)id, (long long)at);
        CHECK(at == 0);
        CHECK(*s.country_code == '\0' || *s.country != '\0');
    }
}

/* Loose keys cover regions where romanisations disagree, not settled European names:
 * an ordinary capitalised word must not reach an Italian village by them. */
static void test_loose_keys_only_where_spellings_vary(void)
{
    struct gaz_place c[16];
    char folded[64], loose[64];
    size_t n = text_fold("State", 5, folded, sizeof folded);
    size_t ln = gazetteer_loose_key(folded, n, loose, sizeof loose);
    size_t k = gazetteer_lookup_loose(gaz, loose, ln, c, 16);
    for (size_t i = 0; i < k; i++)
        CHECK(strcmp(c[i].country_code, "IT") != 0);
    CHECK_INT(gazetteer_lookup(gaz, "statte", 6, c, 16) >= 1, 1); /* exact still works */
}

static void test_max_words_and_counts(void)
{
    CHECK(gazetteer_max_words(gaz) >= 3 && gazetteer_max_words(gaz) <= GAZIDX_MAX_WORDS);
    CHECK(gazetteer_place_count(gaz) > 200000);
    CHECK(gazetteer_name_count(gaz) > gazetteer_place_count(gaz));
    struct gaz_place p;
    CHECK_INT(gazetteer_lookup(gaz, "", 0, &p, 1), 0);
    CHECK_INT(gazetteer_lookup(gaz, "zzzqqqxx", 8, &p, 1), 0);
}

/* ---- damaged files ---- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Writes len bytes of buf to a temp file and expects gazetteer_open to refuse it with a
 * reason containing want. */
static void expect_rejected(const char *buf, size_t len, const char *want)
{
    char path[] = "/tmp/sitrep-gaz-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    CHECK(write(fd, buf, len) == (ssize_t)len);
    close(fd);
    char err[256] = "";
    struct gazetteer *g = gazetteer_open(path, err, sizeof err);
    CHECK(g == NULL);
    if (!strstr(err, want))
        printf("#   reason \"%s\" lacks \"%s\"\n", err, want);
    CHECK(strstr(err, want) != NULL);
    gazetteer_close(g);
    unlink(path);
}

/* The first place of each key in the index, as the sorted keys give it (the best place of
 * the name comes first), is what a lookup of the key's bytes answers first. */
static int first_places_disagree(const char *buf, const struct gazidx_key *k, uint32_t n,
                                 bool loose)
{
    const struct gazidx_header *h = (const struct gazidx_header *)buf;
    const struct gazidx_place *places = (const struct gazidx_place *)(buf + h->places_off);
    const char *pool = buf + h->pool_off;
    int wrong = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (i > 0 && k[i].len == k[i - 1].len &&
            memcmp(pool + k[i].str, pool + k[i - 1].str, k[i].len) == 0)
            continue;
        struct gaz_place p;
        size_t got = loose ? gazetteer_lookup_loose(gaz, pool + k[i].str, k[i].len, &p, 1)
                           : gazetteer_lookup(gaz, pool + k[i].str, k[i].len, &p, 1);
        if ((got != 1 || p.id != places[k[i].place].id) && wrong++ < 3)
            printf("#   key \"%.*s\": %zu places, first %lld, want %lld\n", (int)k[i].len,
                   pool + k[i].str, got, got ? (long long)p.id : 0LL,
                   (long long)places[k[i].place].id);
    }
    return wrong;
}

static void test_every_key_found(void)
{
    size_t len = 0;
    char *buf = slurp(index_path, &len);
    CHECK(buf != NULL && len > sizeof(struct gazidx_header));
    if (!buf)
        return;
    const struct gazidx_header *h = (const struct gazidx_header *)buf;
    CHECK_INT(first_places_disagree(buf, (const struct gazidx_key *)(buf + h->keys_off), h->n_keys,
                                    false),
              0);
    CHECK_INT(first_places_disagree(buf, (const struct gazidx_key *)(buf + h->loose_off),
                                    h->n_loose, true),
              0);
    struct gaz_place p;
    CHECK_INT(gazetteer_lookup(gaz, "no such place anywhere", 22, &p, 1), 0);
    free(buf);
}

static void test_corrupt_index_rejected(void)
{
    size_t len = 0;
    char *orig = slurp(index_path, &len);
    CHECK(orig != NULL && len > sizeof(struct gazidx_header));
    if (!orig)
        return;
    char *buf = malloc(len);
    struct gazidx_header *h = (struct gazidx_header *)buf;

    expect_rejected(orig, 20, "too small");
    expect_rejected(orig, len / 2, "truncated");

    memcpy(buf, orig, len);
    memcpy(h->magic, "NOTGAZID", 8);
    expect_rejected(buf, len, "magic");

    memcpy(buf, orig, len);
    h->version = 99;
    expect_rejected(buf, len, "version");

    memcpy(buf, orig, len);
    h->keys_off = len - 4;
    expect_rejected(buf, len, "out of range");

    memcpy(buf, orig, len);
    h->n_places = UINT32_MAX;
    expect_rejected(buf, len, "out of range");

    memcpy(buf, orig, len);
    struct gazidx_key *k = (struct gazidx_key *)(buf + h->keys_off + 5 * sizeof *k);
    k->str = (uint32_t)h->pool_size;
    expect_rejected(buf, len, "key out of range");

    memcpy(buf, orig, len);
    struct gazidx_slot *slot = (struct gazidx_slot *)(buf + h->key_slots_off);
    slot[3].first = h->n_keys + 1;
    expect_rejected(buf, len, "key table out of range");

    memcpy(buf, orig, len);
    h->n_loose_slots -= 1; /* not a power of two */
    expect_rejected(buf, len, "key table out of range");

    memcpy(buf, orig, len);
    struct gazidx_place *p = (struct gazidx_place *)(buf + h->places_off);
    p[7].name = UINT32_MAX - 3;
    expect_rejected(buf, len, "place record out of range");

    memcpy(buf, orig, len);
    buf[len - 1] = 'x';
    expect_rejected(buf, len, "not terminated");

    char err[256] = "";
    CHECK(gazetteer_open("/nonexistent/gazetteer.idx", err, sizeof err) == NULL);
    CHECK(strstr(err, "/nonexistent/gazetteer.idx") != NULL);
    free(buf);
    free(orig);
}

int main(void)
{
    char err[256] = "";
    if (access(index_path, R_OK) != 0)
        index_path = getenv("SITREP_GAZETTEER_IDX");
    gaz = index_path ? gazetteer_open(index_path, err, sizeof err) : NULL;
    if (!gaz) {
        printf("not ok gazetteer_open: %s\n", err);
        return 1;
    }
    RUN(test_loose_key_merges_spellings);
    RUN(test_qaim_spellings_one_place);
    RUN(test_fallujah_and_tal_afar);
    RUN(test_baghdad_city_before_admin1);
    RUN(test_anbar_admin1);
    RUN(test_countries);
    RUN(test_ambiguous_names);
    RUN(test_supplement);
    RUN(test_article_dropped_exact);
    RUN(test_supplement_aliases_and_regions);
    RUN(test_loose_keys_only_where_spellings_vary);
    RUN(test_max_words_and_counts);
    RUN(test_every_key_found);
    RUN(test_corrupt_index_rejected);
    gazetteer_close(gaz);
    return TESTS_DONE();
}
