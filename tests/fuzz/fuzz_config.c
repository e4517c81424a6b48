/* fuzz_config.c: the reader's config file, one line at a time as config_load applies it. */
#include "config.h"
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct keymap keys;
    static struct palette colours;
    struct ui_settings settings = {.layout = LAYOUT_FOUR}; /* the rest zero: no saved filters */
    keymap_defaults(&keys);
    palette_defaults(&colours);
    struct config_target t = {&keys, &colours, &settings};
    char *text = fuzz_strdup(data, size);
    char err[256];
    for (char *line = text, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        config_apply_line(&t, line, err, sizeof err);
    }
    free(text);
    return 0;
}
