/* fuzz_plaintext.c: any bytes through the reader as plaintext (decoding, repair, the plaintext
 * parser). */
#include "reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_as(data, size, FORMAT_TEXT);
    return 0;
}
