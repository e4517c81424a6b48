/* article.c: the article type. Every format reader (plaintext, html, feed) builds its
 * articles through article_finish, so every article's text, sentences and hash are made
 * the same way. */
#include "read/article.h"

#include <stdlib.h>
#include <string.h>

#include "base/sha256.h"
#include "base/text.h"

/* Stored text must be safe to print and valid: controls and escape sequences go, and
 * whatever a parser passed on is repaired once more. */
static char *clean_part(const char *s)
{
    size_t len;
    char *repaired = text_repair(s, strlen(s), &len, NULL);
    if (!repaired)
        return NULL;
    char *safe = text_sanitize(repaired, len);
    free(repaired);
    return safe;
}

static char *join_title_body(const char *title, const char *body)
{
    size_t tl = strlen(title), bl = strlen(body);
    char *text = malloc(tl + bl + 3);
    if (!text)
        return NULL;
    memcpy(text, title, tl);
    size_t at = tl;
    if (bl) {
        memcpy(text + at, "\n\n", 2);
        memcpy(text + at + 2, body, bl);
        at += 2 + bl;
    }
    text[at] = '\0';
    return text;
}

int article_finish(struct article *a, const char *title, const char *body)
{
    char *t = clean_part(title ? title : "");
    char *b = clean_part(body ? body : "");
    char *text = t && b ? join_title_body(t, b) : NULL;
    free(b);
    if (!text) {
        free(t);
        return -1;
    }
    free(a->title);
    a->title = t;
    free(a->text);
    a->text = text;
    a->text_len = strlen(text);
    free(a->sentences);
    a->n_sentences = text_split_sentences(text, a->text_len, &a->sentences);
    sha256_hex(text, a->text_len, a->hash);
    return 0;
}

void article_free(struct article *a)
{
    if (!a)
        return;
    free(a->title);
    free(a->date);
    free(a->source);
    free(a->url);
    free(a->author);
    free(a->dateline);
    free(a->origin);
    free(a->text);
    free(a->sentences);
    free(a);
}
