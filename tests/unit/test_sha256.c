/* test_sha256.c: digests against the FIPS 180-4 examples and coreutils' sha256sum. */
#include <stdlib.h>
#include <string.h>

#include "base/sha256.h"
#include "testlib.h"

static void known_digests(void)
{
    char hex[65];
    sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two_blocks, strlen(two_blocks), hex);
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void incremental_equals_whole(void)
{
    size_t n = 1000000;
    char *a = malloc(n);
    memset(a, 'a', n);
    char whole[65];
    sha256_hex(a, n, whole);
    CHECK_STR(whole, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    struct sha256 h;
    sha256_init(&h);
    for (size_t off = 0; off < n; off += 997)
        sha256_update(&h, a + off, off + 997 <= n ? 997 : n - off);
    unsigned char d[32];
    sha256_final(&h, d);
    CHECK_INT(d[0], 0xcd);
    CHECK_INT(d[31], 0xd0);
    free(a);
}

/* On a processor with the SHA instructions the tests above ran on them: the portable rounds
 * must give the same digests. */
static void portable_rounds_agree(void)
{
    sha256_use_portable(true);
    known_digests();
    incremental_equals_whole();
    sha256_use_portable(false);
}

int main(void)
{
    RUN(known_digests);
    RUN(incremental_equals_whole);
    RUN(portable_rounds_agree);
    return TESTS_DONE();
}
