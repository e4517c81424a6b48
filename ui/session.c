/* session.c: the reader's state kept between runs (session.h). */
#include "session.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/sha256.h"
#include "state.h"
#include "store/article_view.h"
#include "store/list_window.h"
#include "views/list.h"
#include "views/timeline.h"

static const char *const layout_names[N_LAYOUTS] = {"four", "two", "article"};

static int make_dir(const char *path)
{
    return mkdir(path, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

/* The state directory, created when create is set; false when there is none. */
static bool state_dir(char *out, size_t cap, bool create)
{
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    int w;
    if (xdg && *xdg == '/') {
        w = snprintf(out, cap, "%s/sitrep", xdg);
        if (create && make_dir(xdg) < 0)
            return false;
    } else if (home && *home) {
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s/.local", home);
        if (create && make_dir(dir) < 0)
            return false;
        snprintf(dir, sizeof dir, "%s/.local/state", home);
        if (create && make_dir(dir) < 0)
            return false;
        w = snprintf(out, cap, "%s/.local/state/sitrep", home);
    } else {
        return false;
    }
    return w > 0 && (size_t)w < cap && (!create || make_dir(out) == 0);
}

/* The collection's state file: state-<first 16 hex digits of its path's SHA-256>. */
static bool state_path(const struct app *a, const char *db_path, char *out, size_t cap, bool create)
{
    const char *env = getenv("XDG_STATE_HOME");
    if (!db_path || (a->headless && !(env && *env)))
        return false;
    char dir[PATH_MAX], abs[PATH_MAX], hex[65];
    if (!state_dir(dir, sizeof dir, create))
        return false;
    const char *db = realpath(db_path, abs) ? abs : db_path;
    sha256_hex(db, strlen(db), hex);
    hex[16] = '\0';
    int w = snprintf(out, cap, "%s/state-%s", dir, hex);
    return w > 0 && (size_t)w < cap;
}

static bool article_exists(struct app *a, int64_t id)
{
    struct store_article_head h;
    if (id <= 0 || store_article_head(a->s, id, &h) != 0)
        return false;
    store_article_head_free(&h);
    return true;
}

static void copy_value(char *dst, size_t cap, const char *v)
{
    snprintf(dst, cap, "%s", v);
}

static void restore_line(struct app *a, const char *key, const char *v)
{
    if (strcmp(key, "layout") == 0) {
        for (int i = 0; i < N_LAYOUTS; i++)
            if (strcmp(v, layout_names[i]) == 0)
                a->layout = a->layout_before_open = (enum layout)i;
    } else if (strcmp(key, "zoom") == 0) {
        int z = atoi(v);
        if (z >= 0 && z < N_ZOOMS)
            a->tl->zoom = (enum zoom)z;
    } else if (strcmp(key, "sort") == 0) {
        int o = store_list_order_from_name(v);
        if (o >= 0)
            a->sort = o;
    } else if (strcmp(key, "search") == 0) {
        copy_value(a->search, sizeof a->search, v);
    } else if (strcmp(key, "filter") == 0) {
        copy_value(a->filter, sizeof a->filter, v);
    } else if (strcmp(key, "place") == 0) {
        char *end;
        long long id = strtoll(v, &end, 10);
        if (id > 0 && *end == ' ') {
            a->place_id = id;
            copy_value(a->place_name, sizeof a->place_name, end + 1);
        }
    } else if (strcmp(key, "place-meaning") == 0) {
        a->place_meaning = strcmp(v, "mentions") == 0 ? PLACE_MENTIONS : PLACE_EVENTS;
    } else if (strcmp(key, "marked") == 0) {
        int64_t id = strtoll(v, NULL, 10);
        a->list->marked = article_exists(a, id) ? id : 0;
    } else if (strcmp(key, "selected") == 0) {
        a->list->sel_id = strtoll(v, NULL, 10);
    }
}

void session_restore(struct app *a, const char *db_path)
{
    char path[PATH_MAX];
    if (!state_path(a, db_path, path, sizeof path, false))
        return;
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[600];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *space = strchr(line, ' ');
        if (!space)
            continue;
        *space = '\0';
        restore_line(a, line, space + 1);
    }
    fclose(f);
    a->focus = a->layout == LAYOUT_ARTICLE ? V_ARTICLE : V_LIST;
}

void session_select(struct app *a)
{
    int64_t id = a->list->sel_id;
    if (id > 0 && !list_pane_select_id(a->list, a->s, &a->q, id))
        a->list->sel = a->list->top = 0; /* gone, or not under the filter: the first row */
}

/* Text values are one line: the prompts never put a newline in them. */
void session_save(struct app *a, const char *db_path)
{
    char path[PATH_MAX], tmp[PATH_MAX + 8];
    if (!state_path(a, db_path, path, sizeof path, true))
        return;
    snprintf(tmp, sizeof tmp, "%s.new", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return;
    fprintf(f, "layout %s\nzoom %d\n", layout_names[a->layout_before_open], (int)a->tl->zoom);
    fprintf(f, "sort %s\n", store_list_order_name((enum store_list_order)a->sort));
    if (a->place_id)
        fprintf(f, "place %" PRId64 " %s\n", a->place_id, a->place_name);
    /* kept without a place too: the picker opens in the meaning last chosen */
    fprintf(f, "place-meaning %s\n", a->place_meaning == PLACE_MENTIONS ? "mentions" : "events");
    if (a->search[0])
        fprintf(f, "search %s\n", a->search);
    if (a->filter[0])
        fprintf(f, "filter %s\n", a->filter);
    if (a->list->marked)
        fprintf(f, "marked %" PRId64 "\n", a->list->marked);
    if (a->list->sel_id)
        fprintf(f, "selected %" PRId64 "\n", a->list->sel_id);
    if (fclose(f) == 0)
        rename(tmp, path);
    else
        remove(tmp);
}
