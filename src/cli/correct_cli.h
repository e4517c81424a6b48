/* correct_cli.h: `sitrep correct`, the analyst's last word on the events from the command
 * line (the events view offers the same). argv[0] is "correct". Exit status: 0 ok,
 * 1 failure, 2 usage. */
#ifndef SITREP_CORRECT_CLI_H
#define SITREP_CORRECT_CLI_H

int cli_correct(int argc, char **argv);

#endif
