/* export_cli.h: `sitrep export events|reports|figures [--format csv|jsonl|geojson]
 * [-o FILE] [FILTER]`. */
#ifndef SITREP_EXPORT_CLI_H
#define SITREP_EXPORT_CLI_H

int cli_export(int argc, char **argv);

#endif
