/* edits.c: tags, delete and undo from the reader. */
#include "edits.h"

#include <stdio.h>
#include <string.h>

#include "state.h"
#include "store/tags.h"
#include "store/trash.h"

static int change_one(struct app *a, int64_t id, char *word, char *err, size_t errlen)
{
    if (word[0] == '-')
        return store_tag_remove(a->s, id, word + 1, err, errlen);
    return store_tag_add(a->s, id, word[0] == '+' ? word + 1 : word, err, errlen);
}

void edits_tag(struct app *a, int64_t id, const char *words)
{
    char buf[256], err[300] = "";
    snprintf(buf, sizeof buf, "%s", words);
    for (char *save = NULL, *w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
        if (change_one(a, id, w, err, sizeof err) < 0) {
            app_say(a, true, err);
            return;
        }
    char tags[200], m[260];
    store_tags_joined(a->s, id, " ", tags, sizeof tags);
    snprintf(m, sizeof m, "#%lld tags: %s", (long long)id, tags[0] ? tags : "(none)");
    app_say(a, false, m);
    app_apply_filter(a);
    app_reload_article(a); /* its header shows the tags */
}

void edits_delete(struct app *a, int64_t id)
{
    char err[300], m[200];
    if (store_trash_article(a->s, id, err, sizeof err) != 0) {
        app_say(a, true, err);
        return;
    }
    int n = (int)(sizeof a->deleted / sizeof a->deleted[0]);
    if (a->n_deleted == n) { /* the oldest delete can no longer be undone */
        store_trash_forget(a->s, a->deleted[0]);
        memmove(a->deleted, a->deleted + 1, sizeof a->deleted[0] * (size_t)(n - 1));
        a->n_deleted--;
    }
    a->deleted[a->n_deleted++] = id;
    snprintf(m, sizeof m, "deleted #%lld (u brings it back)", (long long)id);
    app_say(a, false, m);
    app_apply_filter(a);
}

void edits_undo(struct app *a)
{
    char err[300], m[200];
    if (a->n_deleted == 0) {
        app_say(a, false, "nothing to undo");
        return;
    }
    int64_t id = a->deleted[a->n_deleted - 1];
    if (store_restore_article(a->s, id, err, sizeof err) != 0) {
        app_say(a, true, err);
        return;
    }
    a->n_deleted--;
    app_apply_filter(a);
    app_select_article(a, id);
    snprintf(m, sizeof m, "#%lld is back", (long long)id);
    app_say(a, false, m);
}

void edits_forget(struct app *a)
{
    for (int i = 0; i < a->n_deleted; i++)
        store_trash_forget(a->s, a->deleted[i]);
    a->n_deleted = 0;
}
