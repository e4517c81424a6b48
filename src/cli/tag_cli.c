/* tag_cli.c: tags from the command line. */
#include "cli/tag_cli.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "cli/common.h"
#include "store/query.h"
#include "store/store.h"
#include "store/tags.h"

static int resolve(struct store *s, const char *cmd, const char *arg, int64_t *id)
{
    *id = query_resolve_article(store_db(s), arg);
    if (*id >= 0)
        return 0;
    char *safe = text_display_name(arg);
    fprintf(stderr, "sitrep: %s: %s %s\n", cmd,
            *id == -2 ? "more than one article is" : "no article", safe ? safe : "?");
    free(safe);
    return -1;
}

static void print_tags(struct store *s, int64_t id)
{
    char tags[2048];
    store_tags_joined(s, id, " ", tags, sizeof tags);
    if (tags[0])
        printf("%s\n", tags);
}

static int change(int argc, char **argv, bool add)
{
    const char *cmd = argv[0];
    if (argc < 2 || (!add && argc < 3)) {
        cli_usage_error(add ? "tag needs an article and tags (sitrep tag ID TAG...)%s"
                            : "untag needs an article and tags (sitrep untag ID TAG...)%s",
                        "");
        return EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++)
        if (!tag_name_valid(argv[i])) {
            cli_usage_error("not a tag: %s (no spaces, quotes or colons; at most 64 bytes)",
                            argv[i]);
            return EXIT_USAGE;
        }
    struct store *s;
    if (cli_open_store(&s) != EXIT_OK)
        return EXIT_FAIL;
    int64_t id;
    int rc = resolve(s, cmd, argv[1], &id) == 0 ? EXIT_OK : EXIT_FAIL;
    for (int i = 2; rc == EXIT_OK && i < argc; i++) {
        char err[300];
        int changed = add ? store_tag_add(s, id, argv[i], err, sizeof err)
                          : store_tag_remove(s, id, argv[i], err, sizeof err);
        if (changed < 0) {
            fprintf(stderr, "sitrep: %s: %s\n", cmd, err);
            rc = EXIT_FAIL;
        }
    }
    if (rc == EXIT_OK && add)
        print_tags(s, id);
    store_close(s);
    return rc;
}

int cli_tag(int argc, char **argv)
{
    return change(argc, argv, true);
}

int cli_untag(int argc, char **argv)
{
    return change(argc, argv, false);
}
