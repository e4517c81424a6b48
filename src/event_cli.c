/* event_cli.c: placeholder for `sitrep events` and `sitrep compare` (H7 replaces it). */
#include "event_cli.h"

#include <stdio.h>

int cli_events(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("sitrep: events: not yet available\n", stderr);
    return 1;
}

int cli_compare(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("sitrep: compare: not yet available\n", stderr);
    return 1;
}
