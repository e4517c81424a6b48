/* fuzz_feed.c: any bytes through the reader as feed (decoding, repair, the feed parser). */
#include "reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_as(data, size, FORMAT_FEED);
    return 0;
}
