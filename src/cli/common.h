/* common.h: services every command uses. Exit status: 0 ok, 1 failure, 2 usage; messages
 * go to stderr prefixed "sitrep: ", with names escaped (they can hold newlines, escape
 * sequences and bidi overrides). */
#ifndef SITREP_CLI_COMMON_H
#define SITREP_CLI_COMMON_H

#include <stdbool.h>
#include <stdio.h>

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

struct store;
struct extractor;

/* Chooses the collection: path, or the default when NULL. */
void cli_set_db_path(const char *path);
/* --read-only: every later cli_open_store opens the collection without write access. */
void cli_set_read_only(bool read_only);

/* The path chosen (NULL only when no default could be made: no HOME). */
const char *cli_db_path(void);

void cli_free_db_path(void);

/* Opens the collection, with a message on failure; returns EXIT_OK or EXIT_FAIL. */
int cli_open_store(struct store **out);

/* The same, and a new collection's first run imports the bundled samples. */
int cli_open_store_first_run(struct store **out);

/* The extractor, or NULL with a warning that facts will not be extracted. */
struct extractor *cli_open_extractor(void);

void cli_print_name(FILE *out, const char *name);

/* "sitrep: NAME: reason" */
void cli_report_file(const char *name, const char *why);

/* "sitrep: " fmt (with arg escaped) and a hint to --help. */
void cli_usage_error(const char *fmt, const char *arg);

#endif
