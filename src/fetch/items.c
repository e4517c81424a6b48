/* items.c: items to articles. An item is known by "guid:", else "link:", else "hash:";
 * its item_hash (the hash of the article the feed's own text makes) tells whether it
 * changed, even for a --full feed whose stored article came from the item's page. */
#include "fetch/items.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch/http.h"
#include "ingest/ingest.h"
#include "read/article.h"
#include "read/feed.h"
#include "read/html.h"
#include "store/feeds.h"
#include "store/store.h"

/* An item waiting for its page (--full). */
struct pending {
    struct article *item;
    char *key;
    bool known;
    struct feed_item_row old;
    struct http_response *page;
};

struct collect {
    struct item_job *job;
    struct pending *pending;
    size_t n_pending, cap_pending;
};

static char *item_key(const struct feed_item *item, const struct article *a)
{
    const char *kind = item->guid ? "guid:" : a->url ? "link:" : "hash:";
    const char *id = item->guid ? item->guid : a->url ? a->url : a->hash;
    size_t len = strlen(kind) + strlen(id) + 1;
    char *key = malloc(len);
    if (key)
        snprintf(key, len, "%s%s", kind, id);
    return key;
}

static void note_failure(struct item_job *j, const char *why)
{
    j->failed++;
    if (!j->error[0])
        snprintf(j->error, sizeof j->error, "an item could not be stored: %.200s", why);
}

/* The old article goes when its item now makes another one and nothing else uses it. */
static void drop_replaced(struct item_job *j, const struct feed_item_row *old, int64_t new_id)
{
    if (old->article_id > 0 && old->article_id != new_id &&
        store_feed_item_refs(j->fi, old->article_id) <= 1)
        store_delete_article(j->store, old->article_id);
}

/* Stores a (the item's article, or one made from its page) under key. */
static void store_item(struct item_job *j, const struct article *a, const char *key,
                       const char *item_hash, const struct feed_item_row *old)
{
    int64_t id = 0;
    char err[256];
    int rc = ingest_article(j->store, j->x, a, &id, err, sizeof err);
    if (rc < 0) {
        note_failure(j, err);
        return;
    }
    if (old) {
        j->updated++;
        drop_replaced(j, old, id);
    } else if (rc == 1) {
        j->added++;
    } else {
        j->duplicates++;
    }
    if (store_feed_item_set(j->fi, j->feed_id, key, id, item_hash, j->run) < 0)
        note_failure(j, "recording the item");
}

static int add_pending(struct collect *c, struct article *a, char *key, bool known,
                       const struct feed_item_row *old)
{
    if (c->n_pending == c->cap_pending) {
        size_t cap = c->cap_pending ? c->cap_pending * 2 : 16;
        struct pending *grown = realloc(c->pending, cap * sizeof *grown);
        if (!grown)
            return -1;
        c->pending = grown;
        c->cap_pending = cap;
    }
    c->pending[c->n_pending++] = (struct pending){a, key, known, *old, NULL};
    return 0;
}

/* feed_parse_items' sink: unchanged items cost a look-up; items of --full feeds that
 * carry only a summary wait for their page. */
static int take_item(struct article *a, const struct feed_item *item, void *ctx)
{
    struct collect *c = ctx;
    struct item_job *j = c->job;
    struct feed_item_row old = {0};
    char *key = item_key(item, a);
    int found = key ? store_feed_item_find(j->fi, j->feed_id, key, &old) : -1;
    if (!j->title && a->source)
        j->title = strdup(a->source);
    if (found < 0) {
        note_failure(j, key ? "looking up the item" : "out of memory");
    } else if (found && old.run == j->run) {
        /* the same item twice in one document: the first one counts */
    } else if (found && strcmp(old.item_hash, a->hash) == 0) {
        j->unchanged++;
        store_feed_item_set(j->fi, j->feed_id, key, old.article_id, old.item_hash, j->run);
    } else if (j->full && item->summary_only && a->url &&
               add_pending(c, a, key, found == 1, &old) == 0) {
        return 0; /* a and key now belong to the pending list */
    } else {
        store_item(j, a, key, a->hash, found ? &old : NULL);
    }
    free(key);
    article_free(a);
    return 0;
}

static bool keep_page(struct http_response *r, void *ctx)
{
    ((struct pending *)r->request->user)->page = r;
    return true;
}

static int first_article(struct article *a, void *ctx)
{
    struct article **out = ctx;
    if (*out)
        article_free(a);
    else
        *out = a;
    return 1; /* one page, one article */
}

/* The body of the page's article (its text after the title paragraph). */
static const char *body_of(const struct article *page)
{
    const char *body = page->text;
    if (page->n_sentences > 0 && page->title && page->title[0]) {
        size_t end = page->sentences[0].start + page->sentences[0].len;
        if (end <= page->text_len)
            body = page->text + end;
    }
    while (*body == '\n' || *body == ' ')
        body++;
    return body;
}

/* The item's metadata with the page's text, or NULL when the page gave none. */
static struct article *article_from_page(const struct article *item, struct http_response *r)
{
    if (!r || r->error[0] || r->status < 200 || r->status > 299 || !r->len)
        return NULL;
    struct article *page = NULL;
    char err[256];
    html_parse(r->body, r->len, item->url, first_article, &page, err, sizeof err);
    if (!page)
        return NULL;
    struct html_meta m = {.title = item->title,
                          .date = item->date,
                          .source = item->source,
                          .url = item->url,
                          .author = item->author};
    const char *body = body_of(page);
    struct article *full =
        *body ? html_article_from(&m, body, item->origin, FORMAT_HTML, err, sizeof err) : NULL;
    article_free(page);
    return full;
}

/* Fetches the pages of the waiting items together, then stores each: from its page when
 * that worked, else from its summary. */
static void store_pending(struct collect *c)
{
    struct item_job *j = c->job;
    struct http_request *reqs = calloc(c->n_pending ? c->n_pending : 1, sizeof *reqs);
    char err[256];
    for (size_t i = 0; reqs && i < c->n_pending; i++)
        reqs[i] = (struct http_request){.url = c->pending[i].item->url, .user = &c->pending[i]};
    if (reqs)
        http_fetch_all(reqs, c->n_pending, j->lim, keep_page, NULL, NULL, err, sizeof err);
    for (size_t i = 0; i < c->n_pending; i++) {
        struct pending *p = &c->pending[i];
        struct article *full = article_from_page(p->item, p->page);
        store_item(j, full ? full : p->item, p->key, p->item->hash, p->known ? &p->old : NULL);
        article_free(full);
        article_free(p->item);
        http_response_free(p->page);
        free(p->key);
    }
    free(reqs);
    free(c->pending);
}

int items_store(struct item_job *job, const char *body, size_t len, const char *origin)
{
    struct collect c = {.job = job};
    char err[256] = "";
    int n = feed_parse_items(body, len, origin, take_item, &c, err, sizeof err);
    store_pending(&c);
    if (n < 0) {
        snprintf(job->error, sizeof job->error, "%s", err);
        return -1;
    }
    return job->error[0] ? -1 : 0;
}
