/* tag_cli.h: `sitrep tag ID TAG...` and `sitrep untag ID TAG...` (store/tags.h); with only
 * ID, `tag` prints the article's tags. argv[0] is the command's name. Exit status: 0 ok,
 * 1 failure (no such article), 2 usage (a bad tag name). */
#ifndef SITREP_TAG_CLI_H
#define SITREP_TAG_CLI_H

int cli_tag(int argc, char **argv);
int cli_untag(int argc, char **argv);

#endif
