/* script.h: the reader run headless from a script of keys (like tig's TIG_SCRIPT), for
 * tests. One command per line:
 *   j, <Enter>, <C-l>, <F1>...   a key, named as in the config file
 *   type TEXT                    each character of TEXT as a key
 *   :dump                        append the screen as text to the dump file
 *   :attrs                       append, for each row, which element each cell is drawn
 *                                as (p place, a actor, f figure, d date, C current fact,
 *                                s selected, h a match of the article's find, H its
 *                                current match, . anything else)
 *   :resize COLSxLINES           resize the screen
 *   # comment
 * Screens in the dump file are separated by "----" lines. */
#ifndef SITREP_UI_SCRIPT_H
#define SITREP_UI_SCRIPT_H

#include <stdbool.h>
#include <stdio.h>

struct script_host {
    void *ctx;
    void (*key)(void *ctx, int key);
    void (*draw)(void *ctx);
    bool (*done)(void *ctx);
};

/* Runs the script at path; dumps go to dump_path. Returns 0, or 1 when a file cannot be
 * opened (the reason on stderr). Unknown commands are reported on stderr with their line. */
int script_run(const char *path, const char *dump_path, const struct script_host *h);

/* Writes stdscr as text (trailing blanks trimmed). */
void screen_dump_text(FILE *f);

/* Writes stdscr's highlight letters (see above). */
void screen_dump_attrs(FILE *f);

#endif
