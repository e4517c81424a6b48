/* gazc: compiles the gazetteer TSVs into the mapped index sitrep reads (see src/gazidx.h).
 *
 *   gazc -o assets/gazetteer.idx assets/gazetteer.tsv assets/places-supplement.tsv
 *
 * Two row layouts are accepted, told apart by their number of columns:
 *   generated (12): id kind name cc country admin1 parent_id lat lon population names ambiguous
 *   supplement (8 or 9): id kind name cc parent lat lon names [ambiguous]
 * A supplement row names its parent ("Baghdad"); it is resolved here against the places
 * of the same country, and gives the row its admin1, and its coordinates when it has none.
 * Names are folded with text_fold and loose-keyed with gazetteer_loose_key, so the index
 * and the reader can never disagree on a key. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/facts.h"
#include "extract/gazetteer.h"
#include "extract/gazidx.h"
#include "base/text.h"

#define SUPPLEMENT_RANK_POPULATION 10000u /* hand-kept places rank like a town this size */

struct rec {
    int64_t id, parent_id;
    double lat, lon;
    bool has_coords, supplement;
    uint32_t population;
    enum place_kind kind;
    char *name, *cc, *country, *admin1, *parent_name, *names, *ambiguous;
};

struct key {
    uint32_t str, place;
    uint16_t len;
    uint8_t ambiguous;
};

struct pool {
    char *buf;
    size_t len, cap;
    uint32_t *slots; /* open-addressing table of offsets + 1 (0 = empty) */
    size_t nslots, used;
};

static struct rec *recs;
static size_t n_recs, cap_recs;
static struct pool pool;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "gazc: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die("out of memory");
    return q;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

/* ---- string pool with interning, so repeated country and admin1 names cost once ---- */

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void pool_rehash(void)
{
    size_t n = pool.nslots ? pool.nslots * 2 : 1u << 20;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        die("out of memory");
    for (size_t i = 0; i < pool.nslots; i++) {
        if (!pool.slots[i])
            continue;
        const char *s = pool.buf + pool.slots[i] - 1;
        size_t j = hash_bytes(s, strlen(s)) & (n - 1);
        while (slots[j])
            j = (j + 1) & (n - 1);
        slots[j] = pool.slots[i];
    }
    free(pool.slots);
    pool.slots = slots;
    pool.nslots = n;
}

static uint32_t pool_add(const char *s, size_t n)
{
    if ((pool.used + 1) * 2 > pool.nslots)
        pool_rehash();
    size_t j = hash_bytes(s, n) & (pool.nslots - 1);
    while (pool.slots[j]) {
        const char *t = pool.buf + pool.slots[j] - 1;
        if (strlen(t) == n && memcmp(t, s, n) == 0)
            return pool.slots[j] - 1;
        j = (j + 1) & (pool.nslots - 1);
    }
    if (pool.len + n + 1 > UINT32_MAX - 1)
        die("string pool exceeds 4 GB");
    if (pool.len + n + 1 > pool.cap) {
        pool.cap = (pool.len + n + 1) * 2;
        pool.buf = xrealloc(pool.buf, pool.cap);
    }
    uint32_t off = (uint32_t)pool.len;
    memcpy(pool.buf + off, s, n);
    pool.buf[off + n] = '\0';
    pool.len += n + 1;
    pool.slots[j] = off + 1;
    pool.used++;
    return off;
}

/* ---- reading the TSVs ---- */

static const char *const kind_names[PLACE_KIND_COUNT] = {
    [PLACE_UNKNOWN] = "unknown",   [PLACE_COUNTRY] = "country",
    [PLACE_ADMIN1] = "admin1",     [PLACE_ADMIN2] = "admin2",
    [PLACE_CITY] = "city",         [PLACE_TOWN] = "town",
    [PLACE_VILLAGE] = "village",   [PLACE_NEIGHBORHOOD] = "neighborhood",
    [PLACE_LANDMARK] = "landmark", [PLACE_WATER] = "water",
    [PLACE_REGION] = "region"};

static enum place_kind kind_from(const char *s)
{
    for (int k = 1; k < PLACE_KIND_COUNT; k++)
        if (strcmp(s, kind_names[k]) == 0)
            return (enum place_kind)k;
    return PLACE_UNKNOWN;
}

static size_t split_tabs(char *line, char **f, size_t max)
{
    size_t n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++) {
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    }
    return n;
}

static struct rec *new_rec(void)
{
    if (n_recs == cap_recs) {
        cap_recs = cap_recs ? cap_recs * 2 : 1 << 18;
        recs = xrealloc(recs, cap_recs * sizeof *recs);
    }
    struct rec *r = &recs[n_recs++];
    memset(r, 0, sizeof *r);
    return r;
}

static void set_coords(struct rec *r, const char *lat, const char *lon)
{
    r->has_coords = *lat && *lon;
    r->lat = r->has_coords ? strtod(lat, NULL) : 0;
    r->lon = r->has_coords ? strtod(lon, NULL) : 0;
}

static void parse_generated(struct rec *r, char **f)
{
    r->cc = xstrdup(f[3]);
    r->country = xstrdup(f[4]);
    r->admin1 = xstrdup(f[5]);
    r->parent_id = strtoll(f[6], NULL, 10);
    set_coords(r, f[7], f[8]);
    r->population = (uint32_t)strtoul(f[9], NULL, 10);
    r->names = xstrdup(f[10]);
    r->ambiguous = xstrdup(f[11]);
}

static void parse_supplement(struct rec *r, char **f, size_t n)
{
    r->supplement = true;
    r->cc = xstrdup(f[3]);
    r->country = xstrdup("");
    r->admin1 = xstrdup("");
    r->parent_name = xstrdup(f[4]);
    set_coords(r, f[5], f[6]);
    r->names = xstrdup(f[7]);
    r->ambiguous = xstrdup(n > 8 ? f[8] : "");
}

/* Supplement rows of kind "alias" add names to a place defined elsewhere (usually a
 * GeoNames one): "Salahuddin" for the admin1 Salah ad Din. */
struct alias {
    int64_t id;
    char *names, *ambiguous;
};
static struct alias *aliases;
static size_t n_aliases;

static void add_alias(char **f, size_t n, const char *path, long lineno)
{
    if (n < 8)
        die("%s:%ld: an alias row needs the supplement columns", path, lineno);
    aliases = xrealloc(aliases, (n_aliases + 1) * sizeof *aliases);
    size_t len = strlen(f[2]) + strlen(f[7]) + 2;
    char *names = xrealloc(NULL, len);
    snprintf(names, len, "%s%s%s", f[2], *f[7] ? "," : "", f[7]);
    aliases[n_aliases++] =
        (struct alias){strtoll(f[0], NULL, 10), names, xstrdup(n > 8 ? f[8] : "")};
}

static char *join_lists(char *a, const char *b)
{
    size_t len = strlen(a) + strlen(b) + 2;
    char *out = xrealloc(NULL, len);
    snprintf(out, len, "%s%s%s", a, *a && *b ? "," : "", b);
    free(a);
    return out;
}

static long find_rec(int64_t id);

static void apply_aliases(void)
{
    for (size_t i = 0; i < n_aliases; i++) {
        long r = find_rec(aliases[i].id);
        if (r < 0)
            die("alias: no place with id %lld", (long long)aliases[i].id);
        recs[r].names = join_lists(recs[r].names, aliases[i].names);
        recs[r].ambiguous = join_lists(recs[r].ambiguous, aliases[i].ambiguous);
    }
}

static void read_tsv(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        die("%s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *f[13];
        size_t n = split_tabs(line, f, 13);
        if (n != 12 && n != 8 && n != 9)
            die("%s:%ld: wrong number of columns", path, lineno);
        if (strcmp(f[1], "alias") == 0) {
            add_alias(f, n, path, lineno);
            continue;
        }
        struct rec *r = new_rec();
        r->id = strtoll(f[0], NULL, 10);
        r->kind = kind_from(f[1]);
        r->name = xstrdup(f[2]);
        if (r->id <= 0 || r->kind == PLACE_UNKNOWN || !*r->name)
            die("%s:%ld: bad id, kind or name", path, lineno);
        if (n == 12)
            parse_generated(r, f);
        else
            parse_supplement(r, f, n);
    }
    free(line);
    fclose(fp);
}

/* ---- keys ---- */

static struct key *keys, *loose;
static size_t n_keys, n_loose, cap_keys, cap_loose;
static int max_words;

static void push_key(struct key **arr, size_t *n, size_t *cap, const char *s, size_t len,
                     uint32_t place, bool amb)
{
    if (len == 0 || len > UINT16_MAX)
        return;
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 1 << 20;
        *arr = xrealloc(*arr, *cap * sizeof **arr);
    }
    (*arr)[(*n)++] = (struct key){pool_add(s, len), place, (uint16_t)len, amb};
}

static int word_count(const char *s)
{
    int n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

/* True when name is one of the comma-separated names in list. */
static bool listed(const char *list, const char *name, size_t n)
{
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && memcmp(p, name, n) == 0)
            return true;
        if (!e)
            break;
        p = e + 1;
    }
    return false;
}

/* Loose keys exist for places where romanisations of Arabic, Persian, Pashto, Kurdish,
 * Somali, Hausa, Cyrillic... disagree: the Middle East, Africa's conflict belts, Central
 * and South Asia, the Caucasus and Eastern Europe, and places spanning countries. Elsewhere
 * spellings are settled, and loose keys there would only let ordinary words ("This",
 * "State") reach some European village. */
static const char loose_countries[] =
    " IQ SY JO LB PS IL SA YE OM AE QA BH KW IR TR CY EG LY TN DZ MA EH MR SD SS ML NE TD BF"
    " NG SN GM GN GW SL LR CI GH TG BJ CM CF SO DJ ER ET KE UG TZ RW BI CD CG MZ AF PK IN BD"
    " LK NP TJ UZ TM KZ KG MM AZ AM GE UA RU BY MD XK ";

static bool wants_loose_keys(const char *cc)
{
    if (!*cc)
        return true;
    if (strlen(cc) != 2)
        return false;
    char probe[5] = {' ', cc[0], cc[1], ' ', '\0'};
    return strstr(loose_countries, probe) != NULL;
}

static void add_name(uint32_t place, const char *name, size_t n, bool amb)
{
    char folded[512];
    size_t flen = text_fold(name, n, folded, sizeof folded);
    if (flen == 0 || word_count(folded) > GAZIDX_MAX_WORDS)
        return;
    if (word_count(folded) > max_words)
        max_words = word_count(folded);
    push_key(&keys, &n_keys, &cap_keys, folded, flen, place, amb);
    if (!wants_loose_keys(recs[place].cc))
        return;
    char lk[512];
    size_t llen = gazetteer_loose_key(folded, flen, lk, sizeof lk);
    push_key(&loose, &n_loose, &cap_loose, lk, llen, place, amb);
}

static void add_names(uint32_t place)
{
    const struct rec *r = &recs[place];
    add_name(place, r->name, strlen(r->name), listed(r->ambiguous, r->name, strlen(r->name)));
    for (const char *p = r->names; *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len)
            add_name(place, p, len, listed(r->ambiguous, p, len));
        if (!e)
            break;
        p = e + 1;
    }
}

static int tier(enum place_kind k)
{
    return k == PLACE_COUNTRY ? 0 : k == PLACE_ADMIN1 ? 1 : k == PLACE_ADMIN2 ? 3 : 2;
}

/* The population a place ranks by. GeoNames gives many district seats no population
 * (Al Qa'im: 0), so a city or town ranks at least as its kind's threshold, ahead of a
 * village of the same name elsewhere. */
static uint32_t rank_population(const struct rec *r)
{
    uint32_t floor = r->kind == PLACE_CITY ? 100000u : r->kind == PLACE_TOWN ? 5000u : 0u;
    if (r->supplement && floor < SUPPLEMENT_RANK_POPULATION)
        floor = SUPPLEMENT_RANK_POPULATION;
    return r->population > floor ? r->population : floor;
}

/* Best place first: country, admin1, then populated places by size, admin2 last. */
static int compare_places(uint32_t a, uint32_t b)
{
    const struct rec *x = &recs[a], *y = &recs[b];
    if (tier(x->kind) != tier(y->kind))
        return tier(x->kind) - tier(y->kind);
    uint32_t px = rank_population(x), py = rank_population(y);
    if (px != py)
        return px > py ? -1 : 1;
    if (x->kind != y->kind)
        return (int)x->kind - (int)y->kind;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int compare_keys(const void *pa, const void *pb)
{
    const struct key *a = pa, *b = pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(pool.buf + a->str, pool.buf + b->str, n);
    if (c)
        return c;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return compare_places(a->place, b->place);
}

/* Sorts and merges duplicate (key, place) pairs; a key is ambiguous if any spelling
 * folding to it is. */
static size_t sort_unique(struct key *k, size_t n)
{
    qsort(k, n, sizeof *k, compare_keys);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (o > 0 && k[o - 1].str == k[i].str && k[o - 1].place == k[i].place) {
            k[o - 1].ambiguous |= k[i].ambiguous;
            continue;
        }
        k[o++] = k[i];
    }
    return o;
}

/* ---- resolving the supplement ---- */

static int compare_recs(const void *pa, const void *pb)
{
    const struct rec *a = pa, *b = pb;
    return a->id < b->id ? -1 : a->id > b->id;
}

static long find_rec(int64_t id)
{
    size_t lo = 0, hi = n_recs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (recs[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n_recs && recs[lo].id == id ? (long)lo : -1;
}

static long find_country(const char *cc)
{
    for (size_t i = 0; i < n_recs; i++)
        if (recs[i].kind == PLACE_COUNTRY && strcmp(recs[i].cc, cc) == 0)
            return (long)i;
    return -1;
}

static int compare_text(const struct key *k, const char *s, size_t len)
{
    size_t n = k->len < len ? k->len : len;
    int c = memcmp(pool.buf + k->str, s, n);
    if (c)
        return c;
    return k->len < len ? -1 : k->len > len;
}

/* The best place named `name` in country cc (any country when cc is empty). */
static long find_named(const char *name, const char *cc, size_t self)
{
    if (strspn(name, "0123456789") == strlen(name) && *name)
        return find_rec(strtoll(name, NULL, 10));
    char folded[512];
    size_t flen = text_fold(name, strlen(name), folded, sizeof folded);
    size_t lo = 0, hi = n_keys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_text(&keys[mid], folded, flen) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* A district's parent is the city, not the province of the same name. */
    long best = -1;
    for (size_t i = lo; i < n_keys && compare_text(&keys[i], folded, flen) == 0; i++) {
        const struct rec *r = &recs[keys[i].place];
        if (keys[i].place == self || r->kind == PLACE_ADMIN2 || (*cc && strcmp(r->cc, cc) != 0))
            continue;
        if (r->kind == PLACE_CITY)
            return keys[i].place;
        if (best < 0)
            best = keys[i].place;
    }
    return best;
}

static void resolve_supplement(void)
{
    for (size_t i = 0; i < n_recs; i++) {
        struct rec *r = &recs[i];
        if (!r->supplement)
            continue;
        long c = *r->cc ? find_country(r->cc) : -1;
        if (c >= 0) {
            free(r->country);
            r->country = xstrdup(recs[c].name);
        }
        if (!*r->parent_name)
            continue;
        long p = find_named(r->parent_name, r->cc, i);
        if (p < 0)
            die("supplement: parent \"%s\" of place %lld not found", r->parent_name,
                (long long)r->id);
        const struct rec *parent = &recs[p];
        r->parent_id = parent->id;
        free(r->admin1);
        r->admin1 = xstrdup(parent->kind == PLACE_ADMIN1 ? parent->name : parent->admin1);
        if (!r->has_coords && parent->has_coords) {
            r->has_coords = true;
            r->lat = parent->lat;
            r->lon = parent->lon;
        }
    }
}

/* ---- writing ---- */

static void write_all(FILE *fp, const void *p, size_t size, size_t n, const char *path)
{
    if (n && fwrite(p, size, n, fp) != n)
        die("%s: write failed", path);
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
    return (v + a - 1) / a * a;
}

static void pad_to(FILE *fp, uint64_t *pos, uint64_t target, const char *path)
{
    static const char zeros[8];
    write_all(fp, zeros, 1, (size_t)(target - *pos), path);
    *pos = target;
}

static struct gazidx_place *build_places(void)
{
    struct gazidx_place *out = calloc(n_recs ? n_recs : 1, sizeof *out);
    if (!out)
        die("out of memory");
    for (size_t i = 0; i < n_recs; i++) {
        const struct rec *r = &recs[i];
        out[i] = (struct gazidx_place){
            .id = r->id,
            .parent_id = r->parent_id,
            .lat = r->lat,
            .lon = r->lon,
            .name = pool_add(r->name, strlen(r->name)),
            .admin1 = pool_add(r->admin1, strlen(r->admin1)),
            .country = pool_add(r->country, strlen(r->country)),
            .country_code = pool_add(r->cc, strlen(r->cc)),
            .population = r->population,
            .kind = (uint8_t)r->kind,
            .flags = r->has_coords ? GAZIDX_HAS_COORDS : 0,
        };
    }
    return out;
}

static size_t build_countries(struct gazidx_country **out)
{
    size_t n = 0;
    *out = calloc(300, sizeof **out);
    for (size_t i = 0; i < n_recs && n < 300; i++) {
        if (recs[i].kind != PLACE_COUNTRY || strlen(recs[i].cc) != 2)
            continue;
        memcpy((*out)[n].code, recs[i].cc, 2);
        (*out)[n++].place = (uint32_t)i;
    }
    for (size_t i = 1; i < n; i++) /* few hundred: insertion sort by code */
        for (size_t j = i; j > 0 && memcmp((*out)[j - 1].code, (*out)[j].code, 2) > 0; j--) {
            struct gazidx_country t = (*out)[j];
            (*out)[j] = (*out)[j - 1];
            (*out)[j - 1] = t;
        }
    return n;
}

static struct gazidx_key *export_keys(const struct key *k, size_t n)
{
    struct gazidx_key *out = calloc(n ? n : 1, sizeof *out);
    if (!out)
        die("out of memory");
    for (size_t i = 0; i < n; i++)
        out[i] = (struct gazidx_key){k[i].str, k[i].place, k[i].len, k[i].ambiguous, 0};
    return out;
}

/* The hash table over n sorted keys: one slot per distinct key, naming the first of the
 * keys that share its bytes; at most half full, so a missing key ends its probe soon. */
static struct gazidx_slot *build_slots(const struct key *k, size_t n, size_t *n_slots)
{
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        distinct += i == 0 || compare_text(&k[i - 1], pool.buf + k[i].str, k[i].len) != 0;
    size_t cap = 1;
    while (cap < 2 * distinct + 1)
        cap *= 2;
    struct gazidx_slot *slots = calloc(cap, sizeof *slots);
    if (!slots || cap > UINT32_MAX)
        die("out of memory");
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && compare_text(&k[i - 1], pool.buf + k[i].str, k[i].len) == 0)
            continue;
        uint32_t h = gazidx_hash(pool.buf + k[i].str, k[i].len);
        size_t at = h & (cap - 1);
        while (slots[at].first)
            at = (at + 1) & (cap - 1);
        slots[at] = (struct gazidx_slot){h, (uint32_t)i + 1};
    }
    *n_slots = cap;
    return slots;
}

static void write_index(const char *path)
{
    struct gazidx_place *places = build_places();
    struct gazidx_country *countries;
    size_t n_countries = build_countries(&countries);
    struct gazidx_key *ek = export_keys(keys, n_keys), *el = export_keys(loose, n_loose);
    size_t n_ks, n_ls;
    struct gazidx_slot *ks = build_slots(keys, n_keys, &n_ks),
                       *ls = build_slots(loose, n_loose, &n_ls);

    struct gazidx_header h = {.version = GAZIDX_VERSION, .endian = GAZIDX_ENDIAN};
    memcpy(h.magic, GAZIDX_MAGIC, 8);
    h.n_places = (uint32_t)n_recs;
    h.n_keys = (uint32_t)n_keys;
    h.n_loose = (uint32_t)n_loose;
    h.n_countries = (uint32_t)n_countries;
    h.max_words = (uint32_t)max_words;
    h.places_off = align_up(sizeof h, 8);
    h.keys_off = align_up(h.places_off + n_recs * sizeof *places, 8);
    h.loose_off = align_up(h.keys_off + n_keys * sizeof *ek, 8);
    h.n_key_slots = (uint32_t)n_ks;
    h.n_loose_slots = (uint32_t)n_ls;
    h.key_slots_off = align_up(h.loose_off + n_loose * sizeof *el, 8);
    h.loose_slots_off = align_up(h.key_slots_off + n_ks * sizeof *ks, 8);
    h.countries_off = align_up(h.loose_slots_off + n_ls * sizeof *ls, 8);
    h.pool_off = align_up(h.countries_off + n_countries * sizeof *countries, 8);
    h.pool_size = pool.len;
    h.file_size = h.pool_off + pool.len;

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    FILE *fp = fopen(tmp, "wb");
    if (!fp)
        die("%s: cannot create", tmp);
    uint64_t pos = 0;
    write_all(fp, &h, sizeof h, 1, tmp);
    pos = sizeof h;
    pad_to(fp, &pos, h.places_off, tmp);
    write_all(fp, places, sizeof *places, n_recs, tmp);
    pos += n_recs * sizeof *places;
    pad_to(fp, &pos, h.keys_off, tmp);
    write_all(fp, ek, sizeof *ek, n_keys, tmp);
    pos += n_keys * sizeof *ek;
    pad_to(fp, &pos, h.loose_off, tmp);
    write_all(fp, el, sizeof *el, n_loose, tmp);
    pos += n_loose * sizeof *el;
    pad_to(fp, &pos, h.key_slots_off, tmp);
    write_all(fp, ks, sizeof *ks, n_ks, tmp);
    pos += n_ks * sizeof *ks;
    pad_to(fp, &pos, h.loose_slots_off, tmp);
    write_all(fp, ls, sizeof *ls, n_ls, tmp);
    pos += n_ls * sizeof *ls;
    pad_to(fp, &pos, h.countries_off, tmp);
    write_all(fp, countries, sizeof *countries, n_countries, tmp);
    pos += n_countries * sizeof *countries;
    pad_to(fp, &pos, h.pool_off, tmp);
    write_all(fp, pool.buf, 1, pool.len, tmp);
    if (fclose(fp) != 0 || rename(tmp, path) != 0)
        die("%s: cannot write", path);
    fprintf(stderr, "gazc: %zu places, %zu names, %zu loose keys, %zu countries -> %s\n", n_recs,
            n_keys, n_loose, n_countries, path);
    free(places);
    free(countries);
    free(ek);
    free(el);
    free(ks);
    free(ls);
}

int main(int argc, char **argv)
{
    const char *out = NULL;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "-o") == 0) {
        out = argv[2];
        first = 3;
    }
    if (!out || first >= argc) {
        fprintf(stderr, "usage: gazc -o INDEX FILE.tsv...\n");
        return 2;
    }
    for (int i = first; i < argc; i++)
        read_tsv(argv[i]);
    qsort(recs, n_recs, sizeof *recs, compare_recs);
    for (size_t i = 1; i < n_recs; i++)
        if (recs[i].id == recs[i - 1].id)
            die("duplicate place id %lld", (long long)recs[i].id);
    apply_aliases();
    pool_add("", 0);
    for (size_t i = 0; i < n_recs; i++)
        add_names((uint32_t)i);
    n_keys = sort_unique(keys, n_keys);
    resolve_supplement();
    n_loose = sort_unique(loose, n_loose);
    write_index(out);
    return 0;
}
