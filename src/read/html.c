/* html.c: news pages through libxml2's forgiving HTML parser. Network access is off and
 * errors are silenced: a page is read as well as it can be, never refused for bad markup. */
#include "read/html.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "read/plaintext.h"
#include "base/text.h"
#include "base/timex.h"

struct sbuf {
    char *s;
    size_t len, cap;
    bool ok;
};

static void sb_put(struct sbuf *b, const char *s, size_t n)
{
    if (!b->ok)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->ok = false;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static char *sb_take(struct sbuf *b)
{
    if (!b->ok) {
        free(b->s);
        return NULL;
    }
    if (!b->s)
        return strdup("");
    return b->s;
}

static bool name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

static bool name_in(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (name_is(n, *names))
            return true;
    return false;
}

static const char *const skipped_elements[] = {
    "nav",   "header", "footer", "aside",  "script",     "style",    "form",   "noscript", "iframe",
    "svg",   "button", "select", "figure", "figcaption", "template", "object", "embed",    "video",
    "audio", "menu",   "dialog", "input",  "label",      "textarea", NULL};

static const char *const block_elements[] = {
    "p",   "div",   "section", "article", "main", "h1", "h2",      "h3",     "h4",
    "h5",  "h6",    "li",      "ul",      "ol",   "dl", "dt",      "dd",     "blockquote",
    "pre", "table", "tr",      "td",      "th",   "hr", "address", "center", NULL};

/* Class and id words that mark furniture inside an article: comments, sharing, related
 * links, subscription boxes, advertising. */
static const char *const furniture_words[] = {
    "comment", "share", "social", "related", "newsletter", "subscribe", "advert", "promo",
    "sidebar", "breadcrumb", "byline-share", "cookie", "popup", "modal", "widget", "tags",
    "sponsor",
    /* boxes of other stories, whose headlines carry other events' tolls */
    "recommend", "most-read", "mostread", "most_read", "popular", "trending", "read-more",
    "readmore", "more-stories", "also-read", "outbrain", "taboola", NULL};

static bool attr_has_word(const xmlNode *n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    if (!v)
        return false;
    bool hit = false;
    for (const char *const *w = furniture_words; *w && !hit; w++)
        hit = strcasestr((const char *)v, *w) != NULL;
    xmlFree(v);
    return hit;
}

static bool is_skipped(const xmlNode *n)
{
    if (n->type == XML_COMMENT_NODE)
        return true;
    if (n->type != XML_ELEMENT_NODE)
        return false;
    if (name_in(n, skipped_elements))
        return true;
    /* Page-level containers often carry words like "has-sidebar" in their class. */
    static const char *const never_by_class[] = {"html", "body", "main", "article",
                                                 "p",    "h1",   "h2",   NULL};
    if (name_in(n, never_by_class))
        return false;
    return attr_has_word(n, "class") || attr_has_word(n, "id");
}

/* Writes text with runs of whitespace collapsed to one space. */
struct collector {
    struct sbuf out;
    bool pending_space, pending_break;
};

static void put_text(struct collector *c, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
            c->pending_space = true;
            continue;
        }
        /* U+00A0 no-break space reads as a space too. */
        if (ch == 0xC2 && (unsigned char)s[1] == 0xA0) {
            c->pending_space = true;
            s++;
            continue;
        }
        if (c->pending_break && c->out.len) {
            sb_put(&c->out, "\n\n", 2);
        } else if (c->pending_space && c->out.len && c->out.s[c->out.len - 1] != '\n') {
            sb_put(&c->out, " ", 1);
        }
        c->pending_break = c->pending_space = false;
        sb_put(&c->out, s, 1);
    }
}

static void collect(struct collector *c, const xmlNode *n, int depth)
{
    for (; n; n = n->next) {
        if (is_skipped(n) || depth > 200)
            continue;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put_text(c, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        bool block = name_in(n, block_elements);
        if (block)
            c->pending_break = true;
        if (name_is(n, "br"))
            c->pending_break = true;
        collect(c, n->children, depth + 1);
        if (block)
            c->pending_break = true;
    }
}

char *html_node_text(const void *node)
{
    struct collector c = {.out = {.ok = true}};
    collect(&c, (const xmlNode *)node, 0);
    return sb_take(&c.out);
}

/* Whether the bytes from p (up to end) start with word, in any case. */
static bool starts_ci(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && strncasecmp(p, word, n) == 0;
}

static htmlDocPtr read_html(const char *buf, size_t len)
{
    /* Pages that declare another charset are decoded by libxml2 itself; the rest are
     * taken as UTF-8, which is what nearly all news pages are. */
    const char *enc = "UTF-8";
    int ignore_declared = 0;
    size_t probe = len < 4096 ? len : 4096;
    const char *end = buf + len; /* the bytes need not end in a NUL */
    for (size_t i = 0; i + 8 < probe; i++)
        if (strncasecmp(buf + i, "charset=", 8) == 0) {
            const char *v = buf + i + 8;
            while (v < end && (*v == '"' || *v == '\''))
                v++;
            /* A page saved as UTF-16 reaches this parser already decoded to UTF-8 (the
             * reader refuses NUL bytes otherwise), so its declaration no longer holds. */
            if (starts_ci(v, end, "utf-16") || starts_ci(v, end, "utf-32") ||
                starts_ci(v, end, "ucs-2") || starts_ci(v, end, "ucs-4"))
                ignore_declared = HTML_PARSE_IGNORE_ENC;
            else if (!starts_ci(v, end, "utf-8") && !starts_ci(v, end, "utf8"))
                enc = NULL;
            break;
        }
    if (len > 0x7fffffff)
        return NULL;
    return htmlReadMemory(buf, (int)len, NULL, enc,
                          HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_RECOVER | HTML_PARSE_COMPACT | ignore_declared);
}

char *html_fragment_text(const char *html, size_t len)
{
    if (len == 0)
        return strdup("");
    /* A fragment is wrapped so that libxml2 reads it as UTF-8 body content. */
    struct sbuf w = {.ok = true};
    static const char open[] = "<html><head><meta charset=\"utf-8\"></head><body>";
    static const char close[] = "</body></html>";
    sb_put(&w, open, sizeof open - 1);
    sb_put(&w, html, len);
    sb_put(&w, close, sizeof close - 1);
    if (!w.ok) {
        free(w.s);
        return NULL;
    }
    htmlDocPtr doc = read_html(w.s, w.len);
    free(w.s);
    if (!doc)
        return strdup("");
    xmlNode *root = xmlDocGetRootElement(doc);
    char *text = html_node_text(root);
    xmlFreeDoc(doc);
    return text;
}

int html_iso_date(const char *s, char iso[16])
{
    iso[0] = '\0';
    if (!s)
        return 0;
    while (isspace((unsigned char)*s))
        s++;
    /* A compact ISO date: "20240501" (pubdate meta tags). */
    if (strlen(s) >= 8 && strspn(s, "0123456789") == 8 && !isalnum((unsigned char)s[8])) {
        int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        int m = (s[4] - '0') * 10 + (s[5] - '0'), d = (s[6] - '0') * 10 + (s[7] - '0');
        if (y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
            snprintf(iso, 16, "%04d-%02d-%02d", y, m, d);
            return 1;
        }
        return 0;
    }
    /* ISO dates first: "2024-05-01T10:00:00+03:00". */
    if (isdigit((unsigned char)s[0]) && strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
        int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
        if (y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
            snprintf(iso, 16, "%04d-%02d-%02d", y, m, d);
            return 1;
        }
        return 0;
    }
    /* RFC 822 opens with a weekday: "Wed, 01 May 2024 10:00:00 GMT". */
    const char *p = s;
    while (isalpha((unsigned char)*p))
        p++;
    if (p > s && *p == ',')
        s = p + 1;
    while (isspace((unsigned char)*s))
        s++;
    struct timex_date d;
    if (!timex_parse_date(s, strlen(s), &d) || !d.year || !d.month || !d.day)
        return 0;
    timex_format(&d, iso, 16);
    return 1;
}

/* Everything learnt from the head of a page. */
struct page_meta {
    char *title, *og_title, *date, *source, *url, *author;
};

static void keep_first(char **field, const xmlChar *v)
{
    if (!*field && v && *v)
        *field = strdup((const char *)v);
}

static const char *const date_keys[] = {"article:published_time",
                                        "og:published_time",
                                        "datepublished",
                                        "date",
                                        "pubdate",
                                        "publishdate",
                                        "dc.date",
                                        "dc.date.issued",
                                        "dcterms.created",
                                        "sailthru.date",
                                        "parsely-pub-date",
                                        "article.published",
                                        "publish-date",
                                        "publish_date",
                                        "published_date",
                                        "published-date",
                                        "original-publish-date",
                                        "article_date_original",
                                        "datecreated",
                                        NULL};

static bool is_date_key(const char *key)
{
    for (const char *const *k = date_keys; *k; k++)
        if (strcasecmp(key, *k) == 0)
            return true;
    return false;
}

static void read_meta(struct page_meta *m, const xmlNode *n)
{
    xmlChar *key = xmlGetProp(n, (const xmlChar *)"property");
    if (!key)
        key = xmlGetProp(n, (const xmlChar *)"name");
    if (!key)
        key = xmlGetProp(n, (const xmlChar *)"itemprop");
    xmlChar *content = xmlGetProp(n, (const xmlChar *)"content");
    if (!content)
        content = xmlGetProp(n, (const xmlChar *)"datetime");
    if (key && content) {
        const char *k = (const char *)key;
        char iso[16];
        if (is_date_key(k) && !m->date && html_iso_date((const char *)content, iso))
            m->date = strdup(iso);
        else if (strcasecmp(k, "og:title") == 0 || strcasecmp(k, "twitter:title") == 0)
            keep_first(&m->og_title, content);
        else if (strcasecmp(k, "og:site_name") == 0)
            keep_first(&m->source, content);
        else if (strcasecmp(k, "og:url") == 0)
            keep_first(&m->url, content);
        else if (strcasecmp(k, "author") == 0 || strcasecmp(k, "article:author") == 0)
            keep_first(&m->author, content);
    }
    xmlFree(key);
    xmlFree(content);
}

static void read_time(struct page_meta *m, const xmlNode *n)
{
    xmlChar *dt = xmlGetProp(n, (const xmlChar *)"datetime");
    char iso[16];
    if (dt && !m->date && html_iso_date((const char *)dt, iso))
        m->date = strdup(iso);
    xmlFree(dt);
}

/* Structured data ('<script type="application/ld+json">{"datePublished": "..."}'): the
 * first datePublished's value. Pages that carry no meta date often carry this. */
static void read_json_ld(struct page_meta *m, const xmlNode *n)
{
    xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
    bool json_ld = type && strstr((const char *)type, "ld+json");
    xmlFree(type);
    if (!json_ld || m->date)
        return;
    xmlChar *body = xmlNodeGetContent(n);
    const char *key = body ? strstr((const char *)body, "\"datePublished\"") : NULL;
    if (key) {
        const char *v = key + strlen("\"datePublished\"");
        while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' || *v == ':')
            v++;
        char iso[16];
        if (*v == '"' && html_iso_date(v + 1, iso))
            m->date = strdup(iso);
    }
    xmlFree(body);
}

static void read_link(struct page_meta *m, const xmlNode *n)
{
    xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
    if (rel && strcasecmp((const char *)rel, "canonical") == 0 && !m->url) {
        xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
        keep_first(&m->url, href);
        xmlFree(href);
    }
    xmlFree(rel);
}

static void read_page_meta(struct page_meta *m, const xmlNode *n, int depth)
{
    for (; n && depth < 200; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (name_is(n, "meta"))
            read_meta(m, n);
        else if (name_is(n, "time"))
            read_time(m, n);
        else if (name_is(n, "link"))
            read_link(m, n);
        else if (name_is(n, "script"))
            read_json_ld(m, n);
        else if (name_is(n, "title") && !m->title)
            m->title = html_node_text(n->children);
        else if (name_is(n, "h1") && !m->og_title && !is_skipped(n)) {
            char *h = html_node_text(n->children);
            if (h && *h)
                m->og_title = h;
            else
                free(h);
        }
        read_page_meta(m, n->children, depth + 1);
    }
}

/* Bytes of paragraph text directly under n: how much of the story a block holds. */
static size_t paragraph_weight(const xmlNode *n)
{
    size_t w = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (name_is(c, "p") && !is_skipped(c)) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t)
                w += strlen((const char *)t);
            xmlFree(t);
        }
    return w;
}

struct best_block {
    const xmlNode *article, *densest;
    size_t article_weight, densest_weight;
};

static void find_story(struct best_block *b, const xmlNode *n, int depth)
{
    for (; n && depth < 200; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || is_skipped(n))
            continue;
        size_t w = paragraph_weight(n);
        if (w > b->densest_weight) {
            b->densest = n;
            b->densest_weight = w;
        }
        if (name_is(n, "article") && !b->article) {
            xmlChar *t = xmlNodeGetContent(n);
            b->article_weight = t ? strlen((const char *)t) : 0;
            xmlFree(t);
            b->article = n;
        }
        find_story(b, n->children, depth + 1);
    }
}

static const xmlNode *story_root(const xmlNode *root)
{
    struct best_block b = {0};
    find_story(&b, root, 0);
    /* An <article> is the story unless it is a teaser much shorter than a text block. */
    if (b.article && b.article_weight >= b.densest_weight / 2)
        return b.article;
    if (b.densest)
        return b.densest;
    return root;
}

static void free_meta(struct page_meta *m)
{
    free(m->title);
    free(m->og_title);
    free(m->date);
    free(m->source);
    free(m->url);
    free(m->author);
}

/* One header line for the plain-text parser; a value never spans lines. */
static void put_header(struct sbuf *b, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    sb_put(b, key, strlen(key));
    for (const char *p = value; *p; p++)
        sb_put(b, *p == '\n' || *p == '\r' ? " " : p, 1);
    sb_put(b, "\n", 1);
}

/* The metadata becomes header lines above the story text, and the plain-text parser does
 * the rest: furniture lines, comment sections, a repeated title, a dateline and outlet in
 * the first paragraph, a date stated in the text when no tag gave one. */
struct article *html_article_from(const struct html_meta *m, const char *body, const char *origin,
                                  enum article_format fmt, char *err, size_t errlen)
{
    struct sbuf doc = {.ok = true};
    put_header(&doc, "Title: ", m->title);
    put_header(&doc, "Date: ", m->date);
    put_header(&doc, "Source: ", m->source);
    put_header(&doc, "URL: ", m->url);
    put_header(&doc, "Author: ", m->author);
    sb_put(&doc, "\n", 1);
    if (body)
        sb_put(&doc, body, strlen(body));
    char *text = sb_take(&doc);
    size_t repaired_len;
    char *repaired = text ? text_repair(text, strlen(text), &repaired_len, NULL) : NULL;
    free(text);
    /* Metadata is stored as stated (source, author, address), so escape sequences and bidi
     * controls a tag or a feed element carried go before it is read, as they do from the
     * title and body. */
    char *clean = repaired ? text_sanitize(repaired, repaired_len) : NULL;
    free(repaired);
    size_t clean_len = clean ? strlen(clean) : 0;
    if (!clean) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    struct article *a = plaintext_parse(clean, clean_len, origin ? origin : "", err, errlen);
    free(clean);
    if (a)
        a->format = fmt;
    return a;
}

static struct article *page_article(struct page_meta *m, const xmlNode *root, const char *origin,
                                    char *err, size_t errlen)
{
    struct html_meta hm = {
        .title = m->og_title && *m->og_title ? m->og_title : m->title,
        .date = m->date,
        .source = m->source,
        .url = m->url,
        .author = m->author,
    };
    char *body = html_node_text(story_root(root));
    if (!body) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    struct article *a = html_article_from(&hm, body, origin, FORMAT_HTML, err, errlen);
    free(body);
    return a;
}

int html_parse(const char *buf, size_t len, const char *origin, article_sink sink, void *ctx,
               char *err, size_t errlen)
{
    htmlDocPtr doc = read_html(buf, len);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        snprintf(err, errlen, "unreadable HTML");
        xmlFreeDoc(doc);
        return -1;
    }
    struct page_meta m = {0};
    read_page_meta(&m, root, 0);
    struct article *a = page_article(&m, root, origin, err, errlen);
    free_meta(&m);
    xmlFreeDoc(doc);
    if (!a)
        return -1;
    sink(a, ctx);
    return 1;
}
