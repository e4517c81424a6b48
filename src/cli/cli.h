/* cli.h: the command line (sitrep COMMAND ...). Exit status: 0 ok, 1 failure, 2 usage.
 * With no command it opens the reader, which lives above the library: main.c passes it
 * in, so the command line never depends on the curses front end. */
#ifndef SITREP_CLI_H
#define SITREP_CLI_H

struct store;

struct cli_reader_options {
    const char *db_path;     /* shown in the status line */
    const char *script_path; /* headless key script (tests), or NULL for a terminal */
    const char *dump_path;   /* where script "dump" commands write screens, or NULL */
    int lines, cols;         /* headless screen size (--size), 0 for the terminal's */
};

/* Runs the reader on an open collection until the user quits; returns an exit status. */
typedef int (*cli_reader_fn)(struct store *s, const struct cli_reader_options *opt);

int cli_main(int argc, char **argv, cli_reader_fn reader);

#endif
