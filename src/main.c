/* main.c: the sitrep program. The one file that joins the command line and the reader:
 * everything happens in the cli module, which calls back here to open the reader. */
#include "app.h"
#include "cli/cli.h"

static int run_reader(struct store *s, const struct cli_reader_options *o)
{
    struct ui_options opt = {
        .db_path = o->db_path,
        .script_path = o->script_path,
        .dump_path = o->dump_path,
        .lines = o->lines,
        .cols = o->cols,
    };
    return ui_run(s, &opt);
}

int main(int argc, char **argv)
{
    return cli_main(argc, argv, run_reader);
}
