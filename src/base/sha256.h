/* sha256.h: SHA-256 (FIPS 180-4), for the content hash that identifies an article. */
#ifndef SITREP_SHA256_H
#define SITREP_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sha256 {
    uint32_t state[8];
    uint64_t total;
    unsigned char block[64];
    size_t used;
};

void sha256_init(struct sha256 *h);
void sha256_update(struct sha256 *h, const void *data, size_t len);
void sha256_final(struct sha256 *h, unsigned char digest[32]);

/* The lowercase hex digest of data into out (65 bytes with the NUL). */
void sha256_hex(const void *data, size_t len, char out[65]);

/* Tests: true forces the portable rounds, false goes back to the fastest the processor has;
 * the digests are the same either way. */
void sha256_use_portable(bool portable);

#endif
