/* sha256.c: SHA-256, with the x86 SHA instructions where the processor has them. */
#include "base/sha256.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

static void schedule(uint32_t w[64], const unsigned char block[64])
{
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)block[i * 4] << 24 | (uint32_t)block[i * 4 + 1] << 16 |
               (uint32_t)block[i * 4 + 2] << 8 | block[i * 4 + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
}

/* The working variables are named, not an array shifted each round: the shift (a memmove
 * per round) cost more than the round itself, and named values stay in registers. */
static void compress_portable(uint32_t state[8], const unsigned char *blocks, size_t n)
{
    for (; n > 0; n--, blocks += 64) {
        uint32_t w[64];
        schedule(w, blocks);
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; i++) {
            uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) +
                          round_constants[i] + w[i];
            uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a, state[1] += b, state[2] += c, state[3] += d;
        state[4] += e, state[5] += f, state[6] += g, state[7] += h;
    }
}

/* x86's SHA extensions hash a block in a fraction of the portable rounds' time; every article
 * is hashed as it is read, so this is a visible share of extraction. Chosen at run time. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define SHA_NI 1

/* The message words 4k..4k+3 from the four groups before them. */
__attribute__((target("sha,sse4.1"))) static __m128i next_words(__m128i w4, __m128i w3, __m128i w2,
                                                                __m128i w1)
{
    __m128i t = _mm_add_epi32(_mm_sha256msg1_epu32(w4, w3), _mm_alignr_epi8(w1, w2, 4));
    return _mm_sha256msg2_epu32(t, w1);
}

/* The state as the instructions want it: ABEF and CDGH (and back: the same shuffles). */
__attribute__((target("sha,sse4.1"))) static void shani_load(const uint32_t state[8], __m128i *abef,
                                                             __m128i *cdgh)
{
    __m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)state), 0xB1);
    __m128i hgfe = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(state + 4)), 0x1B);
    *abef = _mm_alignr_epi8(dcba, hgfe, 8);
    *cdgh = _mm_blend_epi16(hgfe, dcba, 0xF0);
}

__attribute__((target("sha,sse4.1"))) static void shani_store(uint32_t state[8], __m128i abef,
                                                              __m128i cdgh)
{
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)state, _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}

__attribute__((target("sha,sse4.1"))) static void
compress_shani(uint32_t state[8], const unsigned char *blocks, size_t n)
{
    const __m128i big_endian = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i abef, cdgh;
    shani_load(state, &abef, &cdgh);
    for (; n > 0; n--, blocks += 64) {
        __m128i abef0 = abef, cdgh0 = cdgh, w[4];
        for (int k = 0; k < 16; k++) {
            if (k < 4)
                w[k] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * k)),
                                        big_endian);
            else
                w[k & 3] = next_words(w[k & 3], w[(k + 1) & 3], w[(k + 2) & 3], w[(k + 3) & 3]);
            __m128i kw = _mm_add_epi32(w[k & 3],
                                       _mm_loadu_si128((const __m128i *)(round_constants + 4 * k)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, kw);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(kw, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }
    shani_store(state, abef, cdgh);
}

static bool has_shani(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
        return false;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}
#endif

/* -1 until the processor is asked; 0 portable, 1 the SHA instructions. Relaxed atomics: a
 * benign race, since every thread finds the same answer. */
static _Atomic int use_shani = -1;

void sha256_use_portable(bool portable)
{
    atomic_store_explicit(&use_shani, portable ? 0 : -1, memory_order_relaxed);
}

static void compress(uint32_t state[8], const unsigned char *blocks, size_t n)
{
#ifdef SHA_NI
    int use = atomic_load_explicit(&use_shani, memory_order_relaxed);
    if (use < 0) {
        use = has_shani();
        atomic_store_explicit(&use_shani, use, memory_order_relaxed);
    }
    if (use) {
        compress_shani(state, blocks, n);
        return;
    }
#endif
    compress_portable(state, blocks, n);
}

void sha256_init(struct sha256 *h)
{
    static const uint32_t initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(h->state, initial, sizeof initial);
    h->total = 0;
    h->used = 0;
}

void sha256_update(struct sha256 *h, const void *data, size_t len)
{
    const unsigned char *p = data;
    h->total += len;
    while (len > 0) {
        if (h->used == 0 && len >= 64) { /* whole blocks straight from the input, uncopied */
            size_t whole = len / 64;
            compress(h->state, p, whole);
            p += 64 * whole;
            len -= 64 * whole;
            continue;
        }
        size_t take = 64 - h->used < len ? 64 - h->used : len;
        memcpy(h->block + h->used, p, take);
        h->used += take;
        p += take;
        len -= take;
        if (h->used == 64) {
            compress(h->state, h->block, 1);
            h->used = 0;
        }
    }
}

void sha256_final(struct sha256 *h, unsigned char digest[32])
{
    uint64_t bits = h->total * 8;
    unsigned char pad = 0x80;
    sha256_update(h, &pad, 1);
    unsigned char zero = 0;
    while (h->used != 56)
        sha256_update(h, &zero, 1);
    unsigned char length[8];
    for (int i = 0; i < 8; i++)
        length[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha256_update(h, length, 8);
    for (int i = 0; i < 8; i++) {
        digest[i * 4] = (unsigned char)(h->state[i] >> 24);
        digest[i * 4 + 1] = (unsigned char)(h->state[i] >> 16);
        digest[i * 4 + 2] = (unsigned char)(h->state[i] >> 8);
        digest[i * 4 + 3] = (unsigned char)h->state[i];
    }
}

void sha256_hex(const void *data, size_t len, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    struct sha256 h;
    unsigned char digest[32];
    sha256_init(&h);
    sha256_update(&h, data, len);
    sha256_final(&h, digest);
    for (int i = 0; i < 32; i++) {
        out[i * 2] = hex[digest[i] >> 4];
        out[i * 2 + 1] = hex[digest[i] & 15];
    }
    out[64] = '\0';
}
