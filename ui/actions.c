/* actions.c: the action table, the keymap built from it, and key names. */
#include "actions.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define ACTION_ROW(id, name, key, key2, views, help) {name, key, key2, views, help},
const struct action_info action_table[ACT_COUNT] = {ACTIONS(ACTION_ROW)};
#undef ACTION_ROW

static const char *const view_names[N_VIEWS] = {
    "list", "article", "facts",  "timeline", "picker", "prompt",
    "help", "compare", "events", "map",      "export", "feeds",
};

const char *view_name(enum view_id v)
{
    return v < N_VIEWS ? view_names[v] : "?";
}

bool view_takes_text(enum view_id v)
{
    return v == V_PICKER || v == V_PROMPT || v == V_EXPORT;
}

static bool is_text_key(int key)
{
    return key >= 32 && key < 256 && key != 127;
}

void keymap_bind(struct keymap *km, int view_mask, int key, enum action act)
{
    if (key < 0 || key > KEY_MAX)
        return;
    for (int v = 0; v < N_VIEWS; v++)
        if ((view_mask & (1 << v)) && !(view_takes_text((enum view_id)v) && is_text_key(key)))
            km->action[v][key] = (signed char)act;
}

/* Keys a screen gives an action besides the table's defaults: the events view walks in
 * and out with the arrows. */
static const struct {
    int views, key;
    enum action act;
} screen_keys[] = {
    {VIEW_EVENTS, KEY_RIGHT, ACT_OPEN},
    {VIEW_EVENTS, KEY_LEFT, ACT_BACK},
};

void keymap_defaults(struct keymap *km)
{
    memset(km->action, ACT_NONE, sizeof km->action);
    for (int a = 0; a < ACT_COUNT; a++) {
        const struct action_info *ai = &action_table[a];
        keymap_bind(km, ai->views, ai->key, (enum action)a);
        if (ai->key2)
            keymap_bind(km, ai->views, ai->key2, (enum action)a);
    }
    for (size_t i = 0; i < sizeof screen_keys / sizeof screen_keys[0]; i++)
        keymap_bind(km, screen_keys[i].views, screen_keys[i].key, screen_keys[i].act);
    /* terminals send Enter as CR or LF; both open */
    keymap_bind(km, action_table[ACT_OPEN].views, '\r', ACT_OPEN);
}

const struct keymap *keymap_default(void)
{
    static struct keymap km;
    static bool made;
    if (!made) {
        keymap_defaults(&km);
        made = true;
    }
    return &km;
}

enum action keymap_lookup(const struct keymap *km, enum view_id view, int key)
{
    if (key < 0 || key > KEY_MAX || view >= N_VIEWS)
        return ACT_NONE;
    return (enum action)km->action[view][key];
}

void keymap_describe(const struct keymap *km, enum view_id view, enum action act, char *buf,
                     size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int key = 0; key <= KEY_MAX && used + 1 < cap; key++) {
        /* CR and the keypad's Enter are Enter's aliases: the help names Enter once */
        if (km->action[view][key] != act || key == '\r' || key == KEY_ENTER)
            continue;
        char name[24];
        key_label(key, name, sizeof name);
        int n = snprintf(buf + used, cap - used, "%s%s", used ? " " : "", name);
        if (n < 0 || (size_t)n >= cap - used)
            break;
        used += (size_t)n;
    }
}

void keymap_hint_line(const struct keymap *km, enum view_id view, const struct key_hint *hints,
                      size_t n_hints, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n_hints; i++) {
        char keys[64];
        keymap_describe(km, view, hints[i].act, keys, sizeof keys);
        char *space = strchr(keys, ' ');
        if (space)
            *space = '\0';
        if (!keys[0])
            continue;
        int w = snprintf(buf + used, cap - used, "%s%s %s", used ? "  " : "", keys, hints[i].label);
        if (w < 0 || (size_t)w >= cap - used) {
            buf[used] = '\0';
            break;
        }
        used += (size_t)w;
    }
}

int action_from_name(const char *name)
{
    if (strcasecmp(name, "none") == 0)
        return ACT_NONE;
    for (int a = 0; a < ACT_COUNT; a++)
        if (strcasecmp(name, action_table[a].name) == 0)
            return a;
    return -2;
}

int view_mask_from_name(const char *name)
{
    if (strcasecmp(name, "all") == 0)
        return VIEW_ALL_BROWSING;
    if (strcasecmp(name, "main") == 0)
        return VIEW_MAIN;
    for (int v = 0; v < N_VIEWS; v++)
        if (strcasecmp(name, view_names[v]) == 0)
            return 1 << v;
    return 0;
}

static const struct {
    const char *name;
    int key;
} named_keys[] = {
    {"Enter", '\n'},     {"Tab", '\t'},          {"S-Tab", KEY_BTAB},
    {"Esc", KEY_ESCAPE}, {"Up", KEY_UP},         {"Down", KEY_DOWN},
    {"Left", KEY_LEFT},  {"Right", KEY_RIGHT},   {"PgUp", KEY_PPAGE},
    {"PgDn", KEY_NPAGE}, {"Home", KEY_HOME},     {"End", KEY_END},
    {"Space", ' '},      {"BS", KEY_BACKSPACE},  {"Backspace", KEY_BACKSPACE},
    {"Del", KEY_DC},     {"Ins", KEY_IC},        {"Return", '\n'},
    {"Lt", '<'},         {"KpEnter", KEY_ENTER},
};

/* The part between < and >: a named key, F1-F12 or C-x. */
static int bracketed_key(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
        if (strlen(named_keys[i].name) == n && strncasecmp(s, named_keys[i].name, n) == 0)
            return named_keys[i].key;
    if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3) {
        int f = 0;
        for (size_t i = 1; i < n; i++) {
            if (s[i] < '0' || s[i] > '9')
                return -1;
            f = f * 10 + (s[i] - '0');
        }
        return f >= 1 && f <= 12 ? KEY_F(f) : -1;
    }
    if (n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-' && s[2] >= '@' && s[2] <= 'z')
        return KEY_CTRL(s[2]);
    return -1;
}

int key_from_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 1 && (unsigned char)name[0] >= 32 && (unsigned char)name[0] < 127)
        return (unsigned char)name[0];
    if (n > 2 && name[0] == '<' && name[n - 1] == '>')
        return bracketed_key(name + 1, n - 2);
    return -1;
}

void key_label(int key, char *buf, size_t cap)
{
    for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
        if (named_keys[i].key == key && key != '<') {
            snprintf(buf, cap, "%s", named_keys[i].name);
            return;
        }
    if (key >= KEY_F(1) && key <= KEY_F(12))
        snprintf(buf, cap, "F%d", key - KEY_F(0));
    else if (key > 0 && key < 32)
        snprintf(buf, cap, "C-%c", key + 'a' - 1);
    else if (key >= 32 && key < 127)
        snprintf(buf, cap, "%c", key);
    else
        snprintf(buf, cap, "#%d", key);
}
