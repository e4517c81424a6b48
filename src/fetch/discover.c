/* discover.c: feed autodiscovery through libxml2's HTML parser, which reads tag soup and,
 * with NONET, never loads anything a page refers to. */
#include "fetch/discover.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "fetch/http.h"

/* The first non-blank bytes, past a byte-order mark and comments, start with prefix
 * (case-insensitively). */
static bool opens_with(const char *s, size_t len, const char *prefix)
{
    const char *end = s + len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    for (;;) {
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
            s++;
        if (end - s < 4 || strncmp(s, "<!--", 4) != 0)
            break;
        const char *close = memmem(s, (size_t)(end - s), "-->", 3);
        s = close ? close + 3 : end;
    }
    size_t n = strlen(prefix);
    return (size_t)(end - s) >= n && strncasecmp(s, prefix, n) == 0;
}

bool discover_is_page(const char *body, size_t len, const char *content_type)
{
    if (content_type && strstr(content_type, "text/html"))
        return true;
    if (opens_with(body, len, "<!doctype html") || opens_with(body, len, "<html"))
        return true;
    if (!opens_with(body, len, "<?xml"))
        return false;
    /* An XML declaration, then the XHTML root. */
    size_t probe = len < 1024 ? len : 1024;
    return memmem(body, probe, "<html", 5) != NULL && memmem(body, probe, "<rss", 4) == NULL &&
           memmem(body, probe, "<feed", 5) == NULL;
}

static bool has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; (p = strcasestr(p, word)); p += n) {
        bool starts = p == list || p[-1] == ' ';
        bool ends = p[n] == '\0' || p[n] == ' ';
        if (starts && ends)
            return true;
    }
    return false;
}

static bool is_feed_link(xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || strcasecmp((const char *)n->name, "link") != 0)
        return false;
    xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
    xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
    bool yes = rel && type && has_word((const char *)rel, "alternate") &&
               (strcasecmp((const char *)type, "application/rss+xml") == 0 ||
                strcasecmp((const char *)type, "application/atom+xml") == 0);
    xmlFree(rel);
    xmlFree(type);
    return yes;
}

static xmlNode *find_feed_link(xmlNode *n)
{
    for (; n; n = n->next) {
        if (is_feed_link(n))
            return n;
        xmlNode *inner = find_feed_link(n->children);
        if (inner)
            return inner;
    }
    return NULL;
}

char *discover_feed_link(const char *body, size_t len, const char *page_url)
{
    if (len > 0x7fffffff)
        return NULL;
    htmlDocPtr doc = htmlReadMemory(body, (int)len, page_url, NULL,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET);
    if (!doc)
        return NULL;
    xmlNode *link = find_feed_link(xmlDocGetRootElement(doc));
    xmlChar *href = link ? xmlGetProp(link, (const xmlChar *)"href") : NULL;
    char *url = href ? http_resolve(page_url, (const char *)href) : NULL;
    xmlFree(href);
    xmlFreeDoc(doc);
    if (url && !http_url_ok(url)) {
        free(url);
        url = NULL;
    }
    return url;
}
