/* event_cli.h: the `sitrep events` and `sitrep compare` commands, dispatched from cli.c.
 *
 *
 * argv[0] is the command name ("events", "compare"), followed by the command's own
 * arguments; global options (--db PATH) are already consumed. Exit status: 0 ok,
 * 1 failure, 2 usage; messages on stderr prefixed "sitrep: ". */
#ifndef SITREP_EVENT_CLI_H
#define SITREP_EVENT_CLI_H

int cli_events(int argc, char **argv);
int cli_compare(int argc, char **argv);

#endif
