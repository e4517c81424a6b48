/* app.h: the curses front end's entry point. */
#ifndef SITREP_UI_APP_H
#define SITREP_UI_APP_H

struct store;

struct ui_options {
    const char *db_path;     /* shown in the status line */
    const char *script_path; /* headless key script (tests), or NULL for a terminal */
    const char *dump_path;   /* where script "dump" commands write screens, or NULL */
    int lines, cols;         /* headless screen size */
};

/* Runs the reader until the user quits. Returns a process exit status. */
int ui_run(struct store *s, const struct ui_options *opt);

#endif
