/* script.c: headless key scripts and screen dumps. */
#include "script.h"

#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "actions.h"
#include "draw.h"

/* A line-drawing cell as plain text: curses keeps them as the VT100 letters ('q' for a
 * horizontal line, 'x' for a vertical one) marked A_ALTCHARSET. */
static wchar_t line_drawing_as_text(wchar_t c)
{
    return c == L'q' ? L'-' : c == L'x' ? L'|' : L'+';
}

/* Row y as text, one cell at a time: wide characters take their two columns once. */
static int row_text(int y, wchar_t *buf, int cap)
{
    int n = 0;
    for (int x = 0; x < COLS && n + CCHARW_MAX < cap;) {
        cchar_t cell;
        wchar_t wc[CCHARW_MAX + 1];
        attr_t attrs;
        short pair;
        if (mvwin_wch(stdscr, y, x, &cell) == ERR ||
            getcchar(&cell, wc, &attrs, &pair, NULL) == ERR || wc[0] == L'\0') {
            buf[n++] = L' ';
            x++;
            continue;
        }
        if (attrs & A_ALTCHARSET) {
            buf[n++] = line_drawing_as_text(wc[0]);
            x++;
            continue;
        }
        for (int i = 0; wc[i] && i < CCHARW_MAX; i++)
            buf[n++] = wc[i];
        int w = wcwidth(wc[0]);
        x += w > 1 ? w : 1;
    }
    return n;
}

void screen_dump_text(FILE *f)
{
    wchar_t buf[2048];
    for (int y = 0; y < LINES; y++) {
        int n = row_text(y, buf, 2047);
        while (n > 0 && buf[n - 1] == L' ')
            n--;
        buf[n] = L'\0';
        fprintf(f, "%ls\n", buf);
    }
}

static char cell_letter(int y, int x)
{
    static const char letters[N_ELEMENTS] = {
        [EL_PLACE] = 'p', [EL_ACTOR] = 'a',   [EL_FIGURE] = 'f',
        [EL_DATE] = 'd',  [EL_CURRENT] = 'C', [EL_SELECTED] = 's',
    };
    cchar_t cell;
    if (mvwin_wch(stdscr, y, x, &cell) == ERR)
        return '.';
    wchar_t wc[CCHARW_MAX + 1];
    attr_t attrs;
    short pair;
    if (getcchar(&cell, wc, &attrs, &pair, NULL) == ERR)
        return '.';
    int el = element_of_pair(pair);
    if (el >= 0 && letters[el])
        return letters[el];
    /* the article's find draws its matches in reverse video without a colour of its own;
     * the current match is underlined too */
    if ((attrs & A_REVERSE) && (attrs & A_BOLD))
        return attrs & A_UNDERLINE ? 'H' : 'h';
    return '.';
}

void screen_dump_attrs(FILE *f)
{
    for (int y = 0; y < LINES; y++) {
        char row[1024];
        int n = COLS < 1023 ? COLS : 1023;
        for (int x = 0; x < n; x++)
            row[x] = cell_letter(y, x);
        while (n > 0 && row[n - 1] == '.')
            n--;
        row[n] = '\0';
        fprintf(f, "%s\n", row);
    }
}

struct script_run {
    const struct script_host *h;
    const char *dump_path;
    FILE *dump;
    int dumps, line_no;
};

static void dump(struct script_run *r, bool attrs)
{
    if (!r->dump_path)
        return;
    if (!r->dump && !(r->dump = fopen(r->dump_path, "w"))) {
        perror(r->dump_path);
        return;
    }
    if (r->dumps++ > 0)
        fputs("----\n", r->dump);
    r->h->draw(r->h->ctx);
    if (attrs)
        screen_dump_attrs(r->dump);
    else
        screen_dump_text(r->dump);
    fflush(r->dump);
}

static void press(struct script_run *r, int key)
{
    r->h->key(r->h->ctx, key);
    r->h->draw(r->h->ctx);
}

static void run_line(struct script_run *r, char *line)
{
    line[strcspn(line, "\r\n")] = '\0';
    int w, h, key;
    if (line[0] == '\0' || line[0] == '#')
        return;
    if (sscanf(line, ":resize %dx%d", &w, &h) == 2 && w > 0 && h > 0 && w < 1000 && h < 1000) {
        resizeterm(h, w);
        r->h->draw(r->h->ctx);
    } else if (strcmp(line, ":dump") == 0) {
        dump(r, false);
    } else if (strcmp(line, ":attrs") == 0) {
        dump(r, true);
    } else if (strncmp(line, "type ", 5) == 0) {
        for (const char *c = line + 5; *c && !r->h->done(r->h->ctx); c++)
            press(r, (unsigned char)*c);
    } else if ((key = key_from_name(line)) >= 0) {
        press(r, key);
    } else {
        fprintf(stderr, "script:%d: unknown key or command '%.60s'\n", r->line_no, line);
    }
}

int script_run(const char *path, const char *dump_path, const struct script_host *h)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 1;
    }
    struct script_run r = {h, dump_path, NULL, 0, 0};
    char line[1024];
    h->draw(h->ctx);
    while (!h->done(h->ctx) && fgets(line, sizeof line, f)) {
        r.line_no++;
        run_line(&r, line);
    }
    fclose(f);
    if (r.dumps == 0)
        dump(&r, false);
    if (r.dump)
        fclose(r.dump);
    return 0;
}
