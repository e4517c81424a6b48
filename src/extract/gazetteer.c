/* gazetteer.c: reading the compiled index (see gazidx.h) through a read-only mapping.
 *
 * The file may be stale, truncated or damaged, so open checks the header and every
 * offset a lookup could follow; after that, lookups index the mapping directly. */
#include "extract/gazetteer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/gazidx.h"
#include "base/paths.h"

struct gazetteer {
    const unsigned char *map;
    size_t size;
    const struct gazidx_header *hdr;
    const struct gazidx_place *places;
    const struct gazidx_key *keys;
    const struct gazidx_key *loose;
    const struct gazidx_slot *key_slots, *loose_slots;
    const struct gazidx_country *countries;
    const char *pool;
};

/* ---- loose keys ---- */

/* The Arabic article and its assimilated forms; the ones ending in u (Nasir ud-Din) occur
 * only inside a name, so they are not dropped from its start ("US-led"). */
static const char *const article_words[] = {"al", "el", "ar", "as", "ash", "ad", "at",
                                            "an", "az", "ez", "ed", "es",  "et", "er",
                                            "en", "ul", "ud", "ur", "us",  NULL};

static bool is_article(const char *w, size_t n, bool first)
{
    if (first && n == 2 && w[0] == 'u')
        return false;
    for (size_t i = 0; article_words[i]; i++)
        if (strlen(article_words[i]) == n && memcmp(article_words[i], w, n) == 0)
            return true;
    return false;
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Joins the words of a folded name, leaving out Arabic articles (al-, el-, ash-, ez-...)
 * that precede another word, and the silent final h of a word ending in a vowel
 * (Fallujah = Falluja, Rawah = Rawa); a final -eh becomes -a. */
static size_t join_without_articles(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    while (i < len) {
        while (i < len && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ')
            i++;
        size_t n = i - start;
        if (n == 0)
            break;
        size_t rest = i;
        while (rest < len && s[rest] == ' ')
            rest++;
        if (rest < len && is_article(s + start, n, start == 0))
            continue;
        /* Levantine and Persian -eh is the -a of other spellings (Dahiyeh = Dahiya). */
        bool eh_to_a = n > 3 && s[start + n - 1] == 'h' && s[start + n - 2] == 'e';
        if (n > 2 && s[start + n - 1] == 'h' && is_vowel(s[start + n - 2]))
            n--;
        if (o + n >= cap)
            n = cap - 1 - o;
        memcpy(out + o, s + start, n);
        o += n;
        if (eh_to_a && o > 0)
            out[o - 1] = 'a';
    }
    out[o] = '\0';
    return o;
}

/* Maps the letters romanisations of Arabic, Persian and Pashto disagree on to one form:
 * ei=ai, aw=au=u before a consonant, then e=i and o=u (Arabic has three vowels), q=k, dh=d, th=t,
 * ph=f, dj=j, a y between a vowel and a consonant is i (Ubaydi = Obaidi), iy before a vowel is i
 * (Ghazaliya = Ghazalia); then doubled letters collapse (Tall Afar = Tal Afar). */
static size_t normalise_letters(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < cap; i++) {
        char c = s[i], next = i + 1 < len ? s[i + 1] : '\0';
        char prev = i > 0 ? s[i - 1] : '\0';
        char after_next = i + 2 < len ? s[i + 2] : '\0';
        if ((c == 'd' || c == 't' || c == 'p') && next == 'h') {
            c = c == 'p' ? 'f' : c;
            i++;
        } else if ((c == 'd' && next == 'j') || (c == 'c' && next == 'k')) {
            c = c == 'd' ? 'j' : 'k';
            i++;
        } else if (c == 'a' && (next == 'w' || next == 'u') && !is_vowel(after_next)) {
            c = 'u'; /* aw, au before a consonant = o, u: Zawr = Zor, Dawr = Dour */
            i++;
        } else if (c == 'e' && (next == 'i' || (next == 'y' && !is_vowel(after_next)))) {
            c = 'a'; /* ei, ey = ai, ay: Beiji = Bayji, Sheikh = Shaykh */
        } else if (c == 'y' && is_vowel(prev)) {
            /* "iya" loses its y; "ay", "ey" before a consonant are diphthongs. */
            if (is_vowel(next))
                c = prev == 'i' ? '\0' : 'y';
            else
                c = 'i';
        }
        switch (c) {
        case 'e':
            c = 'i';
            break;
        case 'o':
            c = 'u';
            break;
        case 'q':
            c = 'k';
            break;
        default:
            break;
        }
        if (c == '\0' || (o > 0 && out[o - 1] == c))
            continue;
        out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

size_t gazetteer_loose_key(const char *folded, size_t len, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    char joined[512];
    if (len >= sizeof joined)
        len = sizeof joined - 1;
    size_t jn = join_without_articles(folded, len, joined, sizeof joined);
    return normalise_letters(joined, jn, out, cap);
}

/* ---- opening and validating ---- */

static struct gazetteer *fail(struct gazetteer *g, char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    gazetteer_close(g);
    return NULL;
}

/* True when count items of size bytes at off, aligned to align, lie inside the file. */
static bool section_fits(uint64_t off, uint64_t count, uint64_t size, uint64_t align,
                         uint64_t file_size)
{
    if (off % align != 0 || off > file_size || off < sizeof(struct gazidx_header))
        return false;
    if (count > (file_size - off) / size)
        return false;
    return true;
}

static bool keys_valid(const struct gazetteer *g, const struct gazidx_key *k, uint32_t n)
{
    const struct gazidx_header *h = g->hdr;
    for (uint32_t i = 0; i < n; i++) {
        if (k[i].place >= h->n_places || (uint64_t)k[i].str + k[i].len >= h->pool_size)
            return false;
    }
    return true;
}

/* Every slot names a key or none, and one at least is empty, so that every probe ends. */
static bool slots_valid(const struct gazidx_slot *slots, uint32_t n_slots, uint32_t n_keys)
{
    if (n_slots == 0 || (n_slots & (n_slots - 1)) != 0)
        return false;
    bool empty = false;
    for (uint32_t i = 0; i < n_slots; i++) {
        if (slots[i].first > n_keys)
            return false;
        empty = empty || slots[i].first == 0;
    }
    return empty;
}

static bool places_valid(const struct gazetteer *g)
{
    const struct gazidx_header *h = g->hdr;
    for (uint32_t i = 0; i < h->n_places; i++) {
        const struct gazidx_place *p = &g->places[i];
        if (p->name >= h->pool_size || p->admin1 >= h->pool_size || p->country >= h->pool_size ||
            p->country_code >= h->pool_size || p->kind >= PLACE_KIND_COUNT)
            return false;
    }
    return true;
}

static const char *check_header(const struct gazetteer *g)
{
    const struct gazidx_header *h = g->hdr;
    uint64_t fs = g->size;
    if (memcmp(h->magic, GAZIDX_MAGIC, 8) != 0)
        return "not a sitrep gazetteer index (bad magic)";
    if (h->endian != GAZIDX_ENDIAN)
        return "index was built on a machine of other byte order";
    if (h->version != GAZIDX_VERSION)
        return "index version mismatch; rebuild it with make";
    if (h->file_size != fs)
        return "index is truncated or has trailing data";
    if (!section_fits(h->places_off, h->n_places, sizeof(struct gazidx_place), 8, fs) ||
        !section_fits(h->keys_off, h->n_keys, sizeof(struct gazidx_key), 4, fs) ||
        !section_fits(h->loose_off, h->n_loose, sizeof(struct gazidx_key), 4, fs) ||
        !section_fits(h->key_slots_off, h->n_key_slots, sizeof(struct gazidx_slot), 4, fs) ||
        !section_fits(h->loose_slots_off, h->n_loose_slots, sizeof(struct gazidx_slot), 4, fs) ||
        !section_fits(h->countries_off, h->n_countries, sizeof(struct gazidx_country), 4, fs) ||
        !section_fits(h->pool_off, h->pool_size, 1, 1, fs))
        return "index section out of range";
    if (h->pool_size == 0 || g->map[h->pool_off + h->pool_size - 1] != '\0')
        return "index string pool is not terminated";
    if (h->max_words > 64)
        return "index header is corrupt (max_words)";
    return NULL;
}

static const char *check_contents(struct gazetteer *g)
{
    const struct gazidx_header *h = g->hdr;
    g->places = (const struct gazidx_place *)(g->map + h->places_off);
    g->keys = (const struct gazidx_key *)(g->map + h->keys_off);
    g->loose = (const struct gazidx_key *)(g->map + h->loose_off);
    g->key_slots = (const struct gazidx_slot *)(g->map + h->key_slots_off);
    g->loose_slots = (const struct gazidx_slot *)(g->map + h->loose_slots_off);
    g->countries = (const struct gazidx_country *)(g->map + h->countries_off);
    g->pool = (const char *)(g->map + h->pool_off);
    if (!places_valid(g))
        return "index place record out of range";
    if (!keys_valid(g, g->keys, h->n_keys) || !keys_valid(g, g->loose, h->n_loose))
        return "index key out of range";
    if (!slots_valid(g->key_slots, h->n_key_slots, h->n_keys) ||
        !slots_valid(g->loose_slots, h->n_loose_slots, h->n_loose))
        return "index key table out of range";
    for (uint32_t i = 0; i < h->n_countries; i++)
        if (g->countries[i].place >= h->n_places)
            return "index country entry out of range";
    return NULL;
}

static struct gazetteer *map_file(struct gazetteer *g, int fd, const char *path, char *err,
                                  size_t errlen)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return fail(g, err, errlen, "%s: %s", path, strerror(errno));
    if (st.st_size < (off_t)sizeof(struct gazidx_header))
        return fail(g, err, errlen, "%s: too small to be a gazetteer index", path);
    void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED)
        return fail(g, err, errlen, "%s: mmap: %s", path, strerror(errno));
    g->map = m;
    g->size = (size_t)st.st_size;
    g->hdr = (const struct gazidx_header *)g->map;
    const char *why = check_header(g);
    if (!why)
        why = check_contents(g);
    if (why)
        return fail(g, err, errlen, "%s: %s", path, why);
    return g;
}

struct gazetteer *gazetteer_open(const char *path, char *err, size_t errlen)
{
    char *found = NULL;
    if (!path) {
        found = paths_asset("gazetteer.idx");
        if (!found) {
            fail(NULL, err, errlen, "gazetteer.idx not found (run make)");
            return NULL;
        }
        path = found;
    }
    struct gazetteer *g = calloc(1, sizeof *g);
    if (!g) {
        free(found);
        return fail(NULL, err, errlen, "out of memory");
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fail(g, err, errlen, "%s: %s", path, strerror(errno));
        free(found);
        return NULL;
    }
    g = map_file(g, fd, path, err, errlen);
    close(fd);
    free(found);
    return g;
}

void gazetteer_close(struct gazetteer *g)
{
    if (!g)
        return;
    if (g->map)
        munmap((void *)g->map, g->size);
    free(g);
}

/* ---- lookups ---- */

static void fill_place(const struct gazetteer *g, uint32_t idx, bool ambiguous,
                       struct gaz_place *out)
{
    const struct gazidx_place *p = &g->places[idx];
    out->id = p->id;
    out->name = g->pool + p->name;
    out->kind = (enum place_kind)p->kind;
    out->country_code = g->pool + p->country_code;
    out->country = g->pool + p->country;
    out->admin1 = g->pool + p->admin1;
    out->parent_id = p->parent_id;
    out->lat = p->lat;
    out->lon = p->lon;
    out->population = p->population;
    out->ambiguous = ambiguous;
}

static int compare_key(const struct gazetteer *g, const struct gazidx_key *k, const char *key,
                       size_t keylen)
{
    size_t n = k->len < keylen ? k->len : keylen;
    int c = memcmp(g->pool + k->str, key, n);
    if (c != 0)
        return c;
    return k->len < keylen ? -1 : k->len > keylen ? 1 : 0;
}

/* The index of the first key with these bytes, by its slot, or n when there is none. */
static uint32_t first_key(const struct gazetteer *g, const struct gazidx_key *keys, uint32_t n,
                          const struct gazidx_slot *slots, uint32_t n_slots, const char *key,
                          size_t keylen)
{
    uint32_t h = gazidx_hash(key, keylen), mask = n_slots - 1;
    for (uint32_t i = h & mask; slots[i].first; i = (i + 1) & mask) {
        const struct gazidx_slot *s = &slots[i];
        if (s->hash == h && compare_key(g, &keys[s->first - 1], key, keylen) == 0)
            return s->first - 1;
    }
    return n;
}

static size_t lookup_in(const struct gazetteer *g, const struct gazidx_key *keys, uint32_t n,
                        const struct gazidx_slot *slots, uint32_t n_slots, const char *key,
                        size_t keylen, struct gaz_place *out, size_t max)
{
    if (!g || !key || keylen == 0)
        return 0;
    size_t found = 0;
    for (uint32_t i = first_key(g, keys, n, slots, n_slots, key, keylen); i < n && found < max;
         i++) {
        if (compare_key(g, &keys[i], key, keylen) != 0)
            break;
        fill_place(g, keys[i].place, keys[i].ambiguous != 0, &out[found++]);
    }
    return found;
}

size_t gazetteer_lookup(const struct gazetteer *g, const char *key, size_t keylen,
                        struct gaz_place *out, size_t max)
{
    return g ? lookup_in(g, g->keys, g->hdr->n_keys, g->key_slots, g->hdr->n_key_slots, key, keylen,
                         out, max)
             : 0;
}

size_t gazetteer_lookup_loose(const struct gazetteer *g, const char *key, size_t keylen,
                              struct gaz_place *out, size_t max)
{
    return g ? lookup_in(g, g->loose, g->hdr->n_loose, g->loose_slots, g->hdr->n_loose_slots, key,
                         keylen, out, max)
             : 0;
}

int gazetteer_get(const struct gazetteer *g, int64_t id, struct gaz_place *out)
{
    if (!g)
        return -1;
    uint32_t lo = 0, hi = g->hdr->n_places;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (g->places[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= g->hdr->n_places || g->places[lo].id != id)
        return -1;
    fill_place(g, lo, false, out);
    return 0;
}

int gazetteer_country(const struct gazetteer *g, const char *code, struct gaz_place *out)
{
    if (!g || !code || strlen(code) != 2)
        return -1;
    char want[2] = {(char)(code[0] & ~0x20), (char)(code[1] & ~0x20)};
    uint32_t lo = 0, hi = g->hdr->n_countries;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = memcmp(g->countries[mid].code, want, 2);
        if (c == 0) {
            fill_place(g, g->countries[mid].place, false, out);
            return 0;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int gazetteer_max_words(const struct gazetteer *g)
{
    return g ? (int)g->hdr->max_words : 0;
}

size_t gazetteer_place_count(const struct gazetteer *g)
{
    return g ? g->hdr->n_places : 0;
}

size_t gazetteer_name_count(const struct gazetteer *g)
{
    return g ? g->hdr->n_keys : 0;
}
