/* opml.c: OPML through libxml2 with network access off and entity declarations refused
 * before parsing, as for feeds; written with libxml2's escaping so names and URLs cannot
 * break the document. */
#include "fetch/opml.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "fetch/http.h"

#define MAX_FOLDER_DEPTH 16

static char *prop(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *out = v && *v ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return out;
}

/* "/news,/iraq, world" -> news, iraq, world */
static int add_categories(struct sub *s, const char *categories)
{
    char *copy = strdup(categories), *save = NULL;
    if (!copy)
        return -1;
    int rc = 0;
    for (char *t = strtok_r(copy, ",", &save); t && rc == 0; t = strtok_r(NULL, ",", &save)) {
        while (*t == ' ' || *t == '/')
            t++;
        size_t len = strlen(t);
        while (len && t[len - 1] == ' ')
            t[--len] = '\0';
        if (len)
            rc = sub_add_tag(s, t);
    }
    free(copy);
    return rc;
}

struct folders {
    const char *names[MAX_FOLDER_DEPTH];
    int depth;
};

static int add_feed(const xmlNode *n, const char *url, const struct folders *f,
                    struct sub_list *out)
{
    char *name = prop(n, "title"), *category = prop(n, "category");
    if (!name)
        name = prop(n, "text");
    struct sub *s = sub_list_add(out, url, name);
    int rc = s ? 0 : -1;
    for (int i = 0; rc == 0 && i < f->depth; i++)
        rc = sub_add_tag(s, f->names[i]);
    if (rc == 0 && category)
        rc = add_categories(s, category);
    free(name);
    free(category);
    return rc;
}

static int walk_outlines(const xmlNode *n, struct folders *f, struct sub_list *out, int *count);

/* An outline is a feed (xmlUrl) or a folder whose text tags the feeds inside it. */
static int take_outline(const xmlNode *n, struct folders *f, struct sub_list *out, int *count)
{
    char *url = prop(n, "xmlUrl");
    int rc = 0;
    if (url && http_url_ok(url)) {
        rc = add_feed(n, url, f, out);
        *count += rc == 0;
    } else if (url) {
        sub_list_note(out, "line %d: not an http or https feed URL, skipped", n->line);
    } else {
        char *folder = prop(n, "text");
        if (!folder)
            folder = prop(n, "title");
        bool pushed = folder && f->depth < MAX_FOLDER_DEPTH;
        if (pushed)
            f->names[f->depth++] = folder;
        rc = walk_outlines(n->children, f, out, count);
        if (pushed)
            f->depth--;
        free(folder);
    }
    free(url);
    return rc;
}

static int walk_outlines(const xmlNode *n, struct folders *f, struct sub_list *out, int *count)
{
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "outline") == 0 &&
            take_outline(n, f, out, count) < 0)
            return -1;
    return 0;
}

static const xmlNode *child_named(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

int opml_parse(const char *buf, size_t len, struct sub_list *out, char *err, size_t errlen)
{
    if (memmem(buf, len, "<!ENTITY", 8)) {
        snprintf(err, errlen, "entity declarations refused");
        return -1;
    }
    if (len > 0x7fffffff) {
        snprintf(err, errlen, "file too large");
        return -1;
    }
    xmlDocPtr doc = xmlReadMemory(buf, (int)len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    const xmlNode *body = child_named(root, "body");
    int count = 0;
    if (!doc) {
        snprintf(err, errlen, "malformed XML");
        count = -1;
    } else if (!root || strcmp((const char *)root->name, "opml") != 0 || !body) {
        snprintf(err, errlen, "not an OPML document (no <opml> with a <body>)");
        count = -1;
    } else {
        struct folders f = {.depth = 0};
        if (walk_outlines(body->children, &f, out, &count) < 0) {
            snprintf(err, errlen, "out of memory");
            count = -1;
        }
    }
    xmlFreeDoc(doc);
    return count;
}

static xmlNode *feed_outline(xmlNode *body, const struct sub *s)
{
    xmlNode *o = xmlNewChild(body, NULL, (const xmlChar *)"outline", NULL);
    const char *name = s->name ? s->name : s->url;
    xmlNewProp(o, (const xmlChar *)"type", (const xmlChar *)"rss");
    xmlNewProp(o, (const xmlChar *)"text", (const xmlChar *)name);
    xmlNewProp(o, (const xmlChar *)"title", (const xmlChar *)name);
    xmlNewProp(o, (const xmlChar *)"xmlUrl", (const xmlChar *)s->url);
    return o;
}

static void add_category(xmlNode *o, const struct sub *s)
{
    size_t len = 1;
    for (size_t i = 0; i < s->n_tags; i++)
        len += strlen(s->tags[i]) + 1;
    char *cat = malloc(len);
    if (!cat)
        return;
    cat[0] = '\0';
    for (size_t i = 0; i < s->n_tags; i++) {
        if (i)
            strcat(cat, ",");
        strcat(cat, s->tags[i]);
    }
    xmlNewProp(o, (const xmlChar *)"category", (const xmlChar *)cat);
    free(cat);
}

void opml_write(FILE *out, const struct sub *subs, size_t n)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNode *root = xmlNewNode(NULL, (const xmlChar *)"opml");
    xmlDocSetRootElement(doc, root);
    xmlNewProp(root, (const xmlChar *)"version", (const xmlChar *)"2.0");
    xmlNode *head = xmlNewChild(root, NULL, (const xmlChar *)"head", NULL);
    xmlNewTextChild(head, NULL, (const xmlChar *)"title", (const xmlChar *)"sitrep feeds");
    xmlNode *body = xmlNewChild(root, NULL, (const xmlChar *)"body", NULL);
    for (size_t i = 0; i < n; i++) {
        xmlNode *o = feed_outline(body, &subs[i]);
        if (subs[i].n_tags)
            add_category(o, &subs[i]);
    }
    xmlChar *text = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(doc, &text, &len, "UTF-8", 1);
    if (text)
        fwrite(text, 1, (size_t)len, out);
    xmlFree(text);
    xmlFreeDoc(doc);
}
