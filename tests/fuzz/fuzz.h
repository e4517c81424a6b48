/* fuzz.h: what every fuzz target shares. A target defines LLVMFuzzerTestOneInput; it is
 * linked either with libFuzzer (make fuzz, clang) or with driver.c, which feeds it the
 * files kept under tests/fuzz/regress/ and tests/fuzz/corpus/ (make check, any compiler). */
#ifndef SITREP_FUZZ_H
#define SITREP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated malloc'd copy of the input: most parsers want a C string. Aborts when
 * out of memory (an OOM is the fuzzer's to report, not the target's to hide). */
char *fuzz_strdup(const uint8_t *data, size_t size);

#endif
