/* main.c: the sitrep program; everything happens in the cli module. */
#include "cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
