/* export.c: the export line. */
#include "views/export.h"

#include <stdio.h>
#include <string.h>

#include "export/rows.h"
#include "state.h"
#include "views/events.h"
#include "views/map.h"
#include "views/prompt.h"

void export_view_open(struct app *a)
{
    a->input[0] = '\0';
    app_open_screen(a, &export_view);
}

/* The list exports its reports; the events screen and the map their events. */
static enum export_kind kind_shown(const struct app *a)
{
    return a->under == &events_screen || a->under == &map_screen ? EXPORT_EVENTS : EXPORT_REPORTS;
}

static void draw_export_view(struct app *a)
{
    if (a->under)
        a->under->draw(a);
    else
        app_draw_main(a);
    char line[320];
    snprintf(line, sizeof line, "export %s to (.csv .jsonl .geojson): %s",
             export_kind_name(kind_shown(a)), a->input);
    move(LINES - 1, 0);
    clrtoeol();
    put_raw(LINES - 1, 0, COLS, line, A_NORMAL);
}

static void export_to(struct app *a)
{
    int format = table_format_from_path(a->input);
    enum export_kind kind = kind_shown(a);
    char m[300];
    if (format < 0 || (format == TABLE_GEOJSON && kind != EXPORT_EVENTS)) {
        app_say(a, true,
                format < 0 ? "export: end the name in .csv, .jsonl or .geojson"
                           : "export: GeoJSON holds events (x from the events or the map)");
        return;
    }
    struct export_request r = {.kind = kind,
                               .format = (enum table_format)format,
                               .filter = &a->q,
                               .filter_text = a->filter[0] ? a->filter : NULL,
                               .generator = "sitrep reader"};
    struct export_result res;
    char err[256];
    if (export_to_path(a->s, &r, a->input, &res, err, sizeof err) < 0) {
        snprintf(m, sizeof m, "export: %s", err);
        app_say(a, true, m);
        return;
    }
    snprintf(m, sizeof m, "exported %zu %s to %.200s", res.rows, export_kind_name(kind), a->input);
    app_close_screen(a);
    app_say(a, false, m);
}

static bool export_action(struct app *a, enum action act, int key)
{
    switch (act) {
    case ACT_OPEN:
        if (a->input[0])
            export_to(a);
        return true;
    case ACT_BACK:
        app_close_screen(a);
        return true;
    case ACT_NONE:
        prompt_edit(a->input, sizeof a->input, key);
        return true;
    default:
        return prompt_edit(a->input, sizeof a->input, key);
    }
}

static const char *describe_export(enum action act)
{
    switch (act) {
    case ACT_OPEN:
        return "write the file (its extension says the format)";
    case ACT_BACK:
        return "close the line, nothing written";
    default:
        return NULL;
    }
}

const struct view_ops export_view = {
    .title = "Export line (x)",
    .id = V_EXPORT,
    .draw = draw_export_view,
    .action = export_action,
    .describe = describe_export,
};
