/* cli.c: placeholder until the command line lands (issue 2). */
#include "cli.h"

#include <stdio.h>

int cli_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("sitrep: not built yet\n", stderr);
    return 1;
}
