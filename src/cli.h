/* cli.h: the command line (sitrep COMMAND ...). Exit status: 0 ok, 1 failure, 2 usage. */
#ifndef SITREP_CLI_H
#define SITREP_CLI_H

int cli_main(int argc, char **argv);

#endif
