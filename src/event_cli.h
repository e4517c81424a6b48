/* event_cli.h: the `sitrep events` and `sitrep compare` commands, dispatched from cli.c,
 * and the two cli.c services they use.
 *
 * argv[0] is the command name ("events", "compare"), followed by the command's own
 * arguments; global options (--db PATH) are already consumed. Exit status: 0 ok,
 * 1 failure, 2 usage; messages on stderr prefixed "sitrep: ". */
#ifndef SITREP_EVENT_CLI_H
#define SITREP_EVENT_CLI_H

struct store;

int cli_events(int argc, char **argv);
int cli_compare(int argc, char **argv);

/* Implemented in cli.c: the database path chosen by --db or the default (never NULL
 * after cli_main has started), and opening it with a "sitrep: ..." message on failure
 * (returns 0, or 1 = the exit status to use). */
const char *cli_db_path(void);
int cli_open_store(struct store **out);

#endif
