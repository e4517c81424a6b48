/* feed_cli.h: `sitrep feed add|list|remove|import|export` and `sitrep fetch`, dispatched
 * from cli.c (argv[0] is the command name). Exit status: 0 ok, 1 failure, 2 usage. */
#ifndef SITREP_FEED_CLI_H
#define SITREP_FEED_CLI_H

int cli_feed(int argc, char **argv);
int cli_fetch(int argc, char **argv);

#endif
