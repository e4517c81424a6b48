/* fuzz_html.c: any bytes through the reader as html (decoding, repair, the html parser). */
#include "reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_as(data, size, FORMAT_HTML);
    return 0;
}
