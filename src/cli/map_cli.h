/* map_cli.h: `sitrep map [--size COLSxLINES] [FILTER]`: the events a filter selects as
 * points on a Braille map of the country outlines, zoomed to them, with a key. */
#ifndef SITREP_MAP_CLI_H
#define SITREP_MAP_CLI_H

int cli_map(int argc, char **argv);

#endif
