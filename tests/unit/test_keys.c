/* test_keys.c: the action table, key names, the keymap and the config file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actions.h"
#include "config.h"
#include "testlib.h"

static void test_key_names(void)
{
    CHECK_INT(key_from_name("j"), 'j');
    CHECK_INT(key_from_name("?"), '?');
    CHECK_INT(key_from_name("<Enter>"), '\n');
    CHECK_INT(key_from_name("<enter>"), '\n');
    CHECK_INT(key_from_name("<C-l>"), 12);
    CHECK_INT(key_from_name("<C-d>"), 4);
    CHECK_INT(key_from_name("<F1>"), KEY_F(1));
    CHECK_INT(key_from_name("<F12>"), KEY_F(12));
    CHECK_INT(key_from_name("<PgDn>"), KEY_NPAGE);
    CHECK_INT(key_from_name("<S-Tab>"), KEY_BTAB);
    CHECK_INT(key_from_name("<Lt>"), '<');
    /* not keys: two characters, an unknown name, F13, a control byte, an empty name */
    CHECK_INT(key_from_name("jj"), -1);
    CHECK_INT(key_from_name("<Frobnicate>"), -1);
    CHECK_INT(key_from_name("<F13>"), -1);
    CHECK_INT(key_from_name("<F1x>"), -1);
    CHECK_INT(key_from_name("\x1b"), -1);
    CHECK_INT(key_from_name(""), -1);
    CHECK_INT(key_from_name("<>"), -1);
}

static void test_key_labels(void)
{
    char buf[32];
    key_label('\n', buf, sizeof buf);
    CHECK_STR(buf, "Enter");
    key_label(KEY_F(1), buf, sizeof buf);
    CHECK_STR(buf, "F1");
    key_label(KEY_ENTER, buf, sizeof buf); /* never a raw code such as "#343" */
    CHECK_STR(buf, "KpEnter");
    CHECK_INT(key_from_name("<KpEnter>"), KEY_ENTER);
    key_label(12, buf, sizeof buf);
    CHECK_STR(buf, "C-l");
    key_label('x', buf, sizeof buf);
    CHECK_STR(buf, "x");
    key_label('<', buf, sizeof buf);
    CHECK_STR(buf, "<");
    key_label(KEY_NPAGE, buf, sizeof buf);
    CHECK_STR(buf, "PgDn");
}

static void test_names(void)
{
    CHECK_INT(action_from_name("quit"), ACT_QUIT);
    CHECK_INT(action_from_name("next-fact"), ACT_NEXT_FACT);
    CHECK_INT(action_from_name("LOCATION"), ACT_LOCATION);
    CHECK_INT(action_from_name("none"), ACT_NONE);
    CHECK_INT(action_from_name("frobnicate"), -2);
    CHECK_INT(view_mask_from_name("list"), VIEW_LIST);
    CHECK_INT(view_mask_from_name("timeline"), VIEW_TIMELINE);
    CHECK_INT(view_mask_from_name("all"), VIEW_ALL_BROWSING);
    CHECK_INT(view_mask_from_name("main"), VIEW_MAIN);
    CHECK_INT(view_mask_from_name("compare"), VIEW_COMPARE);
    CHECK_INT(view_mask_from_name("events"), VIEW_EVENTS);
    CHECK_INT(view_mask_from_name("pager"), 0);
    /* every action has a distinct name the config can use, and help text */
    for (int a = 0; a < ACT_COUNT; a++) {
        CHECK_INT(action_from_name(action_table[a].name), a);
        CHECK(action_table[a].help && *action_table[a].help);
        CHECK(action_table[a].views != 0);
    }
}

static void test_defaults(void)
{
    struct keymap km;
    keymap_defaults(&km);
    CHECK_INT(keymap_lookup(&km, V_LIST, 'j'), ACT_DOWN);
    CHECK_INT(keymap_lookup(&km, V_ARTICLE, KEY_DOWN), ACT_DOWN);
    CHECK_INT(keymap_lookup(&km, V_LIST, 'q'), ACT_QUIT);
    CHECK_INT(keymap_lookup(&km, V_TIMELINE, 'z'), ACT_ZOOM);
    CHECK_INT(keymap_lookup(&km, V_LIST, 'm'), ACT_MARK);
    /* 'r' toggles read in the list only; the article pane leaves it unbound */
    CHECK_INT(keymap_lookup(&km, V_ARTICLE, 'r'), ACT_NONE);
    /* m marks the selected article from any pane (issue 15: after a layout change it did
     * nothing) */
    CHECK_INT(keymap_lookup(&km, V_ARTICLE, 'm'), ACT_MARK);
    CHECK_INT(keymap_lookup(&km, V_LIST, 'y'), ACT_NONE);
    /* keys outside the table never index past it */
    CHECK_INT(keymap_lookup(&km, V_LIST, -1), ACT_NONE);
    CHECK_INT(keymap_lookup(&km, V_LIST, KEY_MAX + 100), ACT_NONE);
    /* each default key is bound to its action in every view it names, except that in the
     * picker and the prompts a printable key is text */
    for (int a = 0; a < ACT_COUNT; a++)
        for (int v = 0; v < N_VIEWS; v++) {
            int key = action_table[a].key;
            bool text = view_takes_text((enum view_id)v) && key >= 32 && key < 127;
            if (action_table[a].views & (1 << v))
                CHECK_INT(keymap_lookup(&km, (enum view_id)v, key), text ? ACT_NONE : a);
        }
    /* the screens that were modes before: their keys come from the table too */
    CHECK_INT(keymap_lookup(&km, V_COMPARE, 'n'), ACT_NEXT_ALIGNED);
    CHECK_INT(keymap_lookup(&km, V_COMPARE, 'q'), ACT_QUIT);
    CHECK_INT(keymap_lookup(&km, V_EVENTS, 'r'), ACT_REGROUP);
    CHECK_INT(keymap_lookup(&km, V_EVENTS, 'm'), ACT_MARK);
    CHECK_INT(keymap_lookup(&km, V_EVENTS, ' '), ACT_PAGE_DOWN);
    CHECK_INT(keymap_lookup(&km, V_LIST, ' '), ACT_PAGE_DOWN);
    CHECK_INT(keymap_lookup(&km, V_PICKER, KEY_DOWN), ACT_DOWN);
    CHECK_INT(keymap_lookup(&km, V_PICKER, 'j'), ACT_NONE);
    CHECK_INT(keymap_lookup(&km, V_PROMPT, '\r'), ACT_OPEN);
    CHECK_INT(keymap_lookup(&km, V_LIST, 'M'), ACT_MAP);
    CHECK_INT(keymap_lookup(&km, V_LIST, 'x'), ACT_EXPORT);
    CHECK_INT(keymap_lookup(&km, V_EVENTS, 'x'), ACT_EXPORT);
    CHECK_INT(keymap_lookup(&km, V_MAP, 'h'), ACT_LEFT);
    CHECK_INT(keymap_lookup(&km, V_MAP, KEY_RIGHT), ACT_RIGHT);
    CHECK_INT(keymap_lookup(&km, V_EXPORT, 'x'), ACT_NONE); /* typing a file name */
    char buf[64];
    keymap_describe(&km, V_LIST, ACT_DOWN, buf, sizeof buf);
    CHECK(strstr(buf, "j") && strstr(buf, "Down"));
}

static void test_bind(void)
{
    struct keymap km;
    keymap_defaults(&km);
    keymap_bind(&km, VIEW_ARTICLE, 'X', ACT_LAYOUT);
    CHECK_INT(keymap_lookup(&km, V_ARTICLE, 'X'), ACT_LAYOUT);
    CHECK_INT(keymap_lookup(&km, V_LIST, 'X'), ACT_NONE);
    keymap_bind(&km, VIEW_ALL, 'j', ACT_NONE);
    CHECK_INT(keymap_lookup(&km, V_LIST, 'j'), ACT_NONE);
    CHECK_INT(keymap_lookup(&km, V_TIMELINE, 'j'), ACT_NONE);
    /* the arrow still moves */
    CHECK_INT(keymap_lookup(&km, V_LIST, KEY_DOWN), ACT_DOWN);
}

struct fixture {
    struct keymap keys;
    struct palette colours;
    struct ui_settings settings;
    struct config_target target;
};

static void fixture_init(struct fixture *f)
{
    keymap_defaults(&f->keys);
    palette_defaults(&f->colours);
    f->settings = (struct ui_settings){0}; /* no saved filters, date order */
    f->settings.layout = LAYOUT_FOUR;
    f->settings.zoom = ZOOM_DAY;
    f->target.keys = &f->keys;
    f->target.colours = &f->colours;
    f->target.settings = &f->settings;
}

/* Applies one line of config text; returns what config_apply_line returns. */
static int apply(struct fixture *f, const char *text, char *err, size_t errlen)
{
    char line[256];
    snprintf(line, sizeof line, "%s", text);
    err[0] = '\0';
    return config_apply_line(&f->target, line, err, errlen);
}

static void test_config_lines(void)
{
    struct fixture f;
    fixture_init(&f);
    char err[200];
    CHECK_INT(apply(&f, "bind list <C-d> page-down", err, sizeof err), 0);
    CHECK_INT(keymap_lookup(&f.keys, V_LIST, 4), ACT_PAGE_DOWN);
    CHECK_INT(apply(&f, "  # a comment", err, sizeof err), 0);
    CHECK_INT(apply(&f, "", err, sizeof err), 0);
    CHECK_INT(apply(&f, "bind all x layout # trailing comment", err, sizeof err), 0);
    CHECK_INT(keymap_lookup(&f.keys, V_FACTS, 'x'), ACT_LAYOUT);
    CHECK_INT(apply(&f, "set layout two", err, sizeof err), 0);
    CHECK_INT(f.settings.layout, LAYOUT_TWO);
    CHECK_INT(apply(&f, "set zoom month", err, sizeof err), 0);
    CHECK_INT(f.settings.zoom, ZOOM_MONTH);
    CHECK_INT(apply(&f, "color place bright-blue default", err, sizeof err), 0);
    CHECK_INT(f.colours.fg[EL_PLACE], 12);
    CHECK_INT(f.colours.bg[EL_PLACE], -1);
    CHECK_INT(apply(&f, "colour killed 196", err, sizeof err), 0);
    CHECK_INT(f.colours.fg[EL_KILLED], 196);

    CHECK_INT(apply(&f, "bind pager j down", err, sizeof err), -1);
    CHECK(strstr(err, "unknown view 'pager'") != NULL);
    CHECK_INT(apply(&f, "bind list <Nope> down", err, sizeof err), -1);
    CHECK(strstr(err, "unknown key '<Nope>'") != NULL);
    CHECK_INT(apply(&f, "bind list j frobnicate", err, sizeof err), -1);
    CHECK(strstr(err, "unknown action 'frobnicate'") != NULL);
    CHECK_INT(apply(&f, "bind list j", err, sizeof err), -1);
    CHECK(strstr(err, "usage: bind") != NULL);
    CHECK_INT(apply(&f, "color nothing red", err, sizeof err), -1);
    CHECK(strstr(err, "unknown element 'nothing'") != NULL);
    CHECK_INT(apply(&f, "color place mauve", err, sizeof err), -1);
    CHECK(strstr(err, "unknown colour 'mauve'") != NULL);
    CHECK_INT(apply(&f, "set layout six", err, sizeof err), -1);
    CHECK(strstr(err, "unknown layout 'six'") != NULL);
    CHECK_INT(apply(&f, "set speed fast", err, sizeof err), -1);
    CHECK(strstr(err, "unknown setting 'speed'") != NULL);
    CHECK_INT(apply(&f, "frob a b", err, sizeof err), -1);
    CHECK(strstr(err, "unknown command 'frob'") != NULL);
    /* a failed line changes nothing */
    CHECK_INT(f.settings.layout, LAYOUT_TWO);
    CHECK_INT(keymap_lookup(&f.keys, V_LIST, 'j'), ACT_DOWN);
}

static void test_config_file(void)
{
    char path[] = "/tmp/sitrep-test-config-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    FILE *out = fdopen(fd, "w");
    fputs("# sitrep config\n"
          "set layout article\n"
          "bind all x nothing-at-all\n"
          "\n"
          "color title nocolour\n"
          "bind timeline w zoom\n",
          out);
    /* a line longer than any buffer is one bad line, and the numbering goes on after it */
    fputs("set layout ", out);
    for (int i = 0; i < 3000; i++)
        fputc('x', out);
    fputs("\nset zoom week\nset zoom fortnight\n", out);
    fclose(out);
    struct fixture f;
    fixture_init(&f);
    char err[300], want[300];
    CHECK_INT(config_load(&f.target, path, err, sizeof err), 4);
    /* the first bad line is named with its number; the good lines around it still apply */
    snprintf(want, sizeof want, "%s:3: unknown action 'nothing-at-all'", path);
    CHECK(strncmp(err, want, strlen(want)) == 0);
    CHECK_INT(f.settings.layout, LAYOUT_ARTICLE);
    CHECK_INT(keymap_lookup(&f.keys, V_TIMELINE, 'w'), ACT_ZOOM);
    CHECK_INT(f.settings.zoom, ZOOM_WEEK);
    unlink(path);
    /* a missing file is no error */
    fixture_init(&f);
    CHECK_INT(config_load(&f.target, path, err, sizeof err), 0);
    CHECK_INT(f.settings.layout, LAYOUT_FOUR);
}

/* The example shipped in assets/ is valid, and says what it means (tests run from the
 * top of the repository). */
static void test_shipped_example(void)
{
    struct fixture f;
    fixture_init(&f);
    char err[300] = "";
    CHECK_INT(config_load(&f.target, "assets/config.example", err, sizeof err), 0);
    CHECK_STR(err, "");
    CHECK_INT(f.settings.layout, LAYOUT_TWO);
    CHECK_INT(f.settings.zoom, ZOOM_WEEK);
    CHECK_INT(keymap_lookup(&f.keys, V_TIMELINE, KEY_CTRL('d')), ACT_PAGE_DOWN);
    CHECK_INT(keymap_lookup(&f.keys, V_LIST, KEY_CTRL('t')), ACT_TOGGLE_READ);
    CHECK_INT(f.colours.fg[EL_KILLED], 9);
    CHECK_INT(f.colours.bg[EL_CURRENT], 3);
    /* the example's saved filters, in order, and its sort */
    CHECK_INT(f.settings.n_filters, 3);
    CHECK_STR(f.settings.filters[1].name, "heavy");
    CHECK_STR(f.settings.filters[2].name, "baghdad-named");
    CHECK_STR(f.settings.filters[2].expr, "mentions:Baghdad");
    CHECK_STR(f.settings.filters[1].expr, "killed>=20 since:2024");
    CHECK_INT(f.settings.sort, 0);
}

static void test_default_path(void)
{
    const char *saved = getenv("XDG_CONFIG_HOME");
    char *keep = saved ? strdup(saved) : NULL;
    setenv("XDG_CONFIG_HOME", "/xdg/conf", 1);
    char *p = config_default_path();
    CHECK_STR(p, "/xdg/conf/sitrep/config");
    free(p);
    /* a relative XDG_CONFIG_HOME is ignored, as the spec says */
    setenv("XDG_CONFIG_HOME", "relative", 1);
    setenv("HOME", "/home/reader", 1);
    p = config_default_path();
    CHECK_STR(p, "/home/reader/.config/sitrep/config");
    free(p);
    if (keep)
        setenv("XDG_CONFIG_HOME", keep, 1);
    else
        unsetenv("XDG_CONFIG_HOME");
    free(keep);
}

int main(void)
{
    RUN(test_key_names);
    RUN(test_key_labels);
    RUN(test_names);
    RUN(test_defaults);
    RUN(test_bind);
    RUN(test_config_lines);
    RUN(test_config_file);
    RUN(test_shipped_example);
    RUN(test_default_path);
    return TESTS_DONE();
}
