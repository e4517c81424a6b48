/* feed.c: RSS and Atom through libxml2's XML reader with entity substitution, DTD loading
 * and network access all off. Entity declarations are refused before parsing, so neither
 * an exponential expansion nor a reference to a local file can come out of a feed. */
#include "read/feed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "read/html.h"

static const char *skip_prolog(const char *s, const char *end)
{
    for (;;) {
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
            s++;
        if (end - s >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB)
            s += 3;
        else if (end - s >= 4 && strncmp(s, "<!--", 4) == 0) {
            const char *close = memmem(s, (size_t)(end - s), "-->", 3);
            s = close ? close + 3 : end;
        } else if (end - s >= 2 && (strncmp(s, "<?", 2) == 0 || strncmp(s, "<!", 2) == 0)) {
            const char *close = memchr(s, '>', (size_t)(end - s));
            s = close ? close + 1 : end;
        } else
            return s;
    }
}

static bool root_is(const char *s, const char *end, const char *name)
{
    size_t n = strlen(name);
    if ((size_t)(end - s) <= n + 1 || s[0] != '<' || strncasecmp(s + 1, name, n) != 0)
        return false;
    char c = s[n + 1];
    return c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '/';
}

bool feed_sniff(const char *buf, size_t len)
{
    const char *end = buf + len, *s = skip_prolog(buf, end);
    return root_is(s, end, "rss") || root_is(s, end, "feed") || root_is(s, end, "rdf:RDF");
}

/* True when the XML declaration names a 16- or 32-bit encoding. Bytes that reach this
 * parser hold no NUL (the reader refuses them, and decodes a UTF-16 file to UTF-8 first),
 * so such a declaration describes the file as it was, not these bytes. */
static bool declares_wide_encoding(const char *buf, size_t len)
{
    size_t probe = len < 512 ? len : 512;
    const char *close = memmem(buf, probe, "?>", 2);
    const char *at = close ? memmem(buf, (size_t)(close - buf), "encoding", 8) : NULL;
    if (!at)
        return false;
    at += 8;
    while (at < close && (*at == ' ' || *at == '=' || *at == '"' || *at == '\''))
        at++;
    return (size_t)(close - at) >= 5 &&
           (strncasecmp(at, "utf-16", 6) == 0 || strncasecmp(at, "utf-32", 6) == 0 ||
            strncasecmp(at, "ucs-2", 5) == 0 || strncasecmp(at, "ucs-4", 5) == 0);
}

static bool declares_entities(const char *buf, size_t len)
{
    return memmem(buf, len, "<!ENTITY", 8) != NULL;
}

static bool is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is_el(c, name))
            return c;
    return NULL;
}

/* Text of the first child element with this name, whitespace-trimmed, or NULL. */
static char *child_text(const xmlNode *n, const char *name)
{
    const xmlNode *c = child(n, name);
    if (!c)
        return NULL;
    xmlChar *v = xmlNodeGetContent(c);
    if (!v)
        return NULL;
    const char *s = (const char *)v;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t len = strlen(s);
    while (len &&
           (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
        len--;
    char *out = len ? strndup(s, len) : NULL;
    xmlFree(v);
    return out;
}

static char *atom_link(const xmlNode *entry)
{
    for (const xmlNode *c = entry->children; c; c = c->next) {
        if (!is_el(c, "link"))
            continue;
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        bool alternate = !rel || strcmp((const char *)rel, "alternate") == 0;
        xmlFree(rel);
        if (!alternate)
            continue;
        xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
        char *out = href ? strdup((const char *)href) : NULL;
        xmlFree(href);
        return out;
    }
    return NULL;
}

/* The item's text: escaped or CDATA HTML is parsed as a fragment; Atom xhtml content is
 * already a tree. */
static char *body_text(const xmlNode *item)
{
    static const char *const fields[] = {"encoded", "content", "description", "summary", NULL};
    for (const char *const *f = fields; *f; f++) {
        const xmlNode *c = child(item, *f);
        if (!c)
            continue;
        xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
        bool xhtml = type && strcmp((const char *)type, "xhtml") == 0;
        xmlFree(type);
        if (xhtml)
            return html_node_text(c->children);
        xmlChar *v = xmlNodeGetContent(c);
        char *text = v ? html_fragment_text((const char *)v, strlen((const char *)v)) : NULL;
        xmlFree(v);
        if (text && *text)
            return text;
        free(text);
    }
    return strdup("");
}

static char *item_date(const xmlNode *item)
{
    static const char *const fields[] = {"pubDate", "published", "date", "updated", "issued", NULL};
    for (const char *const *f = fields; *f; f++) {
        char *v = child_text(item, *f);
        char iso[16];
        bool ok = v && html_iso_date(v, iso);
        free(v);
        if (ok)
            return strdup(iso);
    }
    return NULL;
}

static char *item_author(const xmlNode *item)
{
    char *a = child_text(item, "creator");
    if (!a)
        a = child_text(child(item, "author"), "name");
    if (!a)
        a = child_text(item, "author");
    return a;
}

static struct article *item_article(const xmlNode *item, const char *source, const char *origin,
                                    int index)
{
    char *title = child_text(item, "title"), *url = child_text(item, "link");
    if (!url)
        url = atom_link(item);
    char *author = item_author(item), *date = item_date(item), *body = body_text(item);
    size_t olen = strlen(origin ? origin : "") + 16;
    char *item_origin = malloc(olen), err[128];
    struct article *a = NULL;
    if (item_origin && body) {
        snprintf(item_origin, olen, "%s#%d", origin ? origin : "", index);
        struct html_meta m = {
            .title = title, .date = date, .source = source, .url = url, .author = author};
        a = html_article_from(&m, body, item_origin, FORMAT_FEED, err, sizeof err);
    }
    free(title);
    free(url);
    free(author);
    free(date);
    free(body);
    free(item_origin);
    return a;
}

/* An import reads an XHTML page given as a feed as a page; a fetch reports it instead. */
struct html_fallback {
    article_sink sink;
    void *ctx;
};

static bool is_item(const xmlNode *n)
{
    return is_el(n, "item") || is_el(n, "entry");
}

/* An item's identity and whether its text is a summary (see struct feed_item). */
static void describe_item(const xmlNode *n, char **guid, struct feed_item *item)
{
    *guid = child_text(n, "guid");
    if (!*guid)
        *guid = child_text(n, "id");
    item->guid = *guid;
    item->summary_only = !child(n, "encoded") && !child(n, "content");
}

/* RSS 2.0 keeps items in <channel>; RSS 1.0 and Atom keep them under the root. */
static int emit_items(const xmlNode *root, const char *origin, feed_item_sink sink, void *ctx)
{
    const xmlNode *channel = child(root, "channel");
    char *source = child_text(channel ? channel : root, "title");
    const xmlNode *lists[2] = {channel, root};
    int count = 0;
    bool stop = false;
    for (int l = 0; l < 2 && !stop; l++)
        for (const xmlNode *n = lists[l] ? lists[l]->children : NULL; n && !stop; n = n->next) {
            if (!is_item(n))
                continue;
            struct article *a = item_article(n, source, origin, count + 1);
            if (!a)
                continue;
            if (a->text_len == 0) {
                article_free(a);
                continue;
            }
            count++;
            char *guid;
            struct feed_item item;
            describe_item(n, &guid, &item);
            stop = sink(a, &item, ctx) != 0;
            free(guid);
        }
    free(source);
    return count;
}

/* The first error explains a broken document; later ones are consequences of it. */
struct first_error {
    char message[200];
    int line;
    bool seen;
};

static void keep_first_error(void *data, xmlErrorPtr e)
{
    struct first_error *f = ((xmlParserCtxtPtr)data)->_private;
    if (!f || f->seen || !e || e->level < XML_ERR_ERROR)
        return;
    f->seen = true;
    f->line = e->line;
    snprintf(f->message, sizeof f->message, "%s", e->message ? e->message : "not well-formed");
}

static void describe_error(xmlParserCtxtPtr ctxt, char *err, size_t errlen)
{
    const struct first_error *f = ctxt->_private;
    if (f && f->seen) {
        char msg[200];
        snprintf(msg, sizeof msg, "%s", f->message);
        size_t n = strlen(msg);
        while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
            msg[--n] = '\0';
        snprintf(err, errlen, "malformed XML: %s at line %d", msg, f->line);
        return;
    }
    const xmlError *e = &ctxt->lastError;
    char msg[200] = "not well-formed";
    if (e->message) {
        snprintf(msg, sizeof msg, "%s", e->message);
        size_t n = strlen(msg);
        while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
            msg[--n] = '\0';
    }
    snprintf(err, errlen, "malformed XML: %s at line %d", msg, e->line);
}

/* Parses the document and passes its items to sink: the count (0 included), or -1. */
static int parse_document(const char *buf, size_t len, const char *origin, feed_item_sink sink,
                          void *ctx, const struct html_fallback *page, char *err, size_t errlen)
{
    if (declares_entities(buf, len)) {
        snprintf(err, errlen,
                 "entity declarations refused (possible billion-laughs or external entity)");
        return -1;
    }
    if (len > 0x7fffffff) {
        snprintf(err, errlen, "file too large");
        return -1;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    struct first_error first = {.seen = false};
    ctxt->_private = &first;
    ctxt->sax->serror = keep_first_error;
    bool wide = declares_wide_encoding(buf, len);
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, wide ? "UTF-8" : NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                          XML_PARSE_NOCDATA | (wide ? XML_PARSE_IGNORE_ENC : 0));
    int count = -1;
    if (!doc || !ctxt->wellFormed) {
        describe_error(ctxt, err, errlen);
    } else if (doc->intSubset && doc->intSubset->entities) {
        /* Declarations the byte scan could not see (another encoding) are caught here,
         * before any content is read: reading would expand references. */
        snprintf(err, errlen,
                 "entity declarations refused (possible billion-laughs or external entity)");
    } else {
        const xmlNode *root = xmlDocGetRootElement(doc);
        if (root && strcasecmp((const char *)root->name, "html") == 0 && page) {
            /* XHTML opens with an XML declaration but is a page. */
            xmlFreeDoc(doc);
            xmlFreeParserCtxt(ctxt);
            return html_parse(buf, len, origin, page->sink, page->ctx, err, errlen);
        }
        if (!root || !(is_el(root, "rss") || is_el(root, "feed") || is_el(root, "RDF")))
            snprintf(err, errlen, "not a feed (root element %s)",
                     root ? (const char *)root->name : "missing");
        else
            count = emit_items(root, origin, sink, ctx);
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return count;
}

int feed_parse_items(const char *buf, size_t len, const char *origin, feed_item_sink sink,
                     void *ctx, char *err, size_t errlen)
{
    return parse_document(buf, len, origin, sink, ctx, NULL, err, errlen);
}

/* feed_parse's sink, reached through the item sink: the item's identity is not wanted. */
static int article_only(struct article *a, const struct feed_item *item, void *ctx)
{
    const struct html_fallback *page = ctx;
    return page->sink(a, page->ctx);
}

int feed_parse(const char *buf, size_t len, const char *origin, article_sink sink, void *ctx,
               char *err, size_t errlen)
{
    struct html_fallback page = {sink, ctx};
    int count = parse_document(buf, len, origin, article_only, &page, &page, err, errlen);
    if (count == 0) {
        snprintf(err, errlen, "no articles in feed");
        count = -1;
    }
    return count;
}
