/* app.c: placeholder until the terminal reader lands (issue 4). */
#include "app.h"

#include <stdio.h>

int ui_run(struct store *s, const struct ui_options *opt)
{
    (void)s;
    (void)opt;
    fputs("sitrep: the terminal reader is not built yet\n", stderr);
    return 1;
}
