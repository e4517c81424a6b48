/* http.c: the curl multi loop. Transfers are started here only while their host has
 * fewer than per_host of them running, rather than handed all at once to curl, because
 * a transfer queued inside curl for a connection is already on the clock of its timeout
 * (CURLMOPT_MAX_HOST_CONNECTIONS is set as well, for redirects to another host). */
#include "fetch/http.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#ifndef SITREP_VERSION
#define SITREP_VERSION "0.1"
#endif

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_result = CURLE_FAILED_INIT;

static void init_curl(void)
{
    curl_init_result = curl_global_init(CURL_GLOBAL_DEFAULT);
}

static long env_long(const char *name, long fallback, long min, long max)
{
    const char *v = getenv(name);
    char *end;
    if (!v || !*v)
        return fallback;
    long n = strtol(v, &end, 10);
    return *end || n < min || n > max ? fallback : n;
}

void http_limits_from_env(struct http_limits *lim)
{
    lim->connect_timeout = env_long("SITREP_FETCH_CONNECT_TIMEOUT", 15, 1, 600);
    lim->timeout = env_long("SITREP_FETCH_TIMEOUT", 60, 1, 3600);
    if (lim->connect_timeout > lim->timeout)
        lim->connect_timeout = lim->timeout;
    /* A feed trickling in under 100 bytes a second for 30 s is stuck, not slow. */
    lim->low_speed_bytes = 100;
    lim->low_speed_time = lim->timeout < 30 ? lim->timeout : 30;
    lim->max_redirects = 8;
    lim->max_bytes = env_long("SITREP_FETCH_MAX_BYTES", 16L * 1024 * 1024, 1, 1L << 30);
    lim->per_host = env_long("SITREP_FETCH_PER_HOST", 4, 1, 64);
    lim->total = 32;
}

bool http_url_ok(const char *url)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL;
    bool ok = u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
              (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0) && host[0];
    curl_free(scheme);
    curl_free(host);
    curl_url_cleanup(u);
    return ok;
}

char *http_resolve(const char *base, const char *ref)
{
    CURLU *u = curl_url();
    char *joined = NULL, *out = NULL;
    if (u && curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
        curl_url_set(u, CURLUPART_URL, ref, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_URL, &joined, 0) == CURLUE_OK)
        out = strdup(joined);
    curl_free(joined);
    curl_url_cleanup(u);
    return out;
}

/* "host:port", the unit the per-host cap counts; the URL itself when it has no host. */
static char *host_key(const char *url)
{
    CURLU *u = curl_url();
    char *host = NULL, *port = NULL, *out = NULL;
    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
        size_t len = strlen(host) + strlen(port) + 2;
        if ((out = malloc(len)))
            snprintf(out, len, "%s:%s", host, port);
    }
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
    return out ? out : strdup(url);
}

struct transfer {
    CURL *easy;
    size_t index; /* into the requests */
    struct http_response *resp;
    size_t cap;
    long max_bytes;
    bool too_big;
    struct curl_slist *headers;
    char errbuf[CURL_ERROR_SIZE];
};

void http_response_free(struct http_response *r)
{
    if (!r)
        return;
    free(r->body);
    free(r->etag);
    free(r->last_modified);
    free(r->content_type);
    free(r->effective_url);
    free(r);
}

/* Past max_bytes the transfer is aborted: returning less than given is curl's signal. */
static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
    struct transfer *t = arg;
    struct http_response *r = t->resp;
    size_t len = size * n;
    if (r->len + len > (size_t)t->max_bytes) {
        t->too_big = true;
        return 0;
    }
    if (r->len + len + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 16384;
        while (cap < r->len + len + 1)
            cap *= 2;
        char *grown = realloc(r->body, cap);
        if (!grown)
            return 0;
        r->body = grown;
        t->cap = cap;
    }
    memcpy(r->body + r->len, data, len);
    r->len += len;
    r->body[r->len] = '\0';
    return len;
}

/* The value of "Name: value" when line is that header, trimmed and without controls
 * (it goes back into a request header), else NULL. */
static char *header_value(const char *line, size_t len, const char *name)
{
    size_t n = strlen(name);
    if (len <= n + 1 || strncasecmp(line, name, n) != 0 || line[n] != ':')
        return NULL;
    const char *v = line + n + 1, *end = line + len;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
        end--;
    for (const char *c = v; c < end; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            return NULL;
    return end > v ? strndup(v, (size_t)(end - v)) : NULL;
}

static void keep_header(char **slot, char *value)
{
    if (!value)
        return;
    free(*slot);
    *slot = value;
}

/* Headers of every response in a redirect chain pass here; only the last one's count. */
static size_t on_header(char *line, size_t size, size_t n, void *arg)
{
    struct http_response *r = ((struct transfer *)arg)->resp;
    size_t len = size * n;
    if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        free(r->etag);
        free(r->last_modified);
        free(r->content_type);
        r->etag = r->last_modified = r->content_type = NULL;
    }
    keep_header(&r->etag, header_value(line, len, "ETag"));
    keep_header(&r->last_modified, header_value(line, len, "Last-Modified"));
    keep_header(&r->content_type, header_value(line, len, "Content-Type"));
    return len;
}

static struct curl_slist *conditional_headers(const struct http_request *q)
{
    struct curl_slist *h = NULL;
    char line[1024];
    if (q->etag && strlen(q->etag) < 900) {
        snprintf(line, sizeof line, "If-None-Match: %s", q->etag);
        h = curl_slist_append(h, line);
    }
    if (q->last_modified && strlen(q->last_modified) < 900) {
        snprintf(line, sizeof line, "If-Modified-Since: %s", q->last_modified);
        struct curl_slist *more = curl_slist_append(h, line);
        h = more ? more : h;
    }
    return h;
}

static void set_limits(CURL *e, const struct http_limits *lim)
{
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, lim->connect_timeout);
    curl_easy_setopt(e, CURLOPT_TIMEOUT, lim->timeout);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, lim->low_speed_bytes);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, lim->low_speed_time);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, lim->max_redirects);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)lim->max_bytes);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding curl can decode */
    curl_easy_setopt(e, CURLOPT_USERAGENT, "sitrep/" SITREP_VERSION);
    /* Signals cannot time out a resolver in a program with threads. */
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
}

static struct transfer *start_transfer(CURLM *m, const struct http_request *q, size_t index,
                                       const struct http_limits *lim)
{
    struct transfer *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->index = index;
    t->max_bytes = lim->max_bytes;
    t->resp = calloc(1, sizeof *t->resp);
    t->easy = curl_easy_init();
    if (!t->resp || !t->easy) {
        curl_easy_cleanup(t->easy);
        free(t->resp);
        free(t);
        return NULL;
    }
    t->resp->request = q;
    t->headers = conditional_headers(q);
    CURL *e = t->easy;
    curl_easy_setopt(e, CURLOPT_URL, q->url);
    set_limits(e, lim);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    curl_multi_add_handle(m, e);
    return t;
}

/* One line in words a reader of `feed list` understands; curl's own text as a detail. */
static void describe_failure(struct transfer *t, CURLcode rc, const struct http_limits *lim)
{
    char *why = t->resp->error;
    size_t cap = sizeof t->resp->error;
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
        snprintf(why, cap, "cannot resolve the host name (DNS)");
        break;
    case CURLE_COULDNT_CONNECT:
        snprintf(why, cap, "cannot connect (refused or unreachable)");
        break;
    case CURLE_OPERATION_TIMEDOUT:
        if (strstr(t->errbuf, "too slow"))
            snprintf(why, cap, "too slow: under %ld bytes/s for %ld s", lim->low_speed_bytes,
                     lim->low_speed_time);
        else
            snprintf(why, cap, "timed out after %ld s", lim->timeout);
        break;
    case CURLE_TOO_MANY_REDIRECTS:
        snprintf(why, cap, "redirect loop, or more than %ld redirects", lim->max_redirects);
        break;
    case CURLE_FILESIZE_EXCEEDED:
        snprintf(why, cap, "response larger than %ld bytes", lim->max_bytes);
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
        snprintf(why, cap, "only http and https are fetched");
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
        snprintf(why, cap, "certificate not trusted: %.200s", t->errbuf);
        break;
    default:
        if (t->too_big)
            snprintf(why, cap, "response larger than %ld bytes", lim->max_bytes);
        else
            snprintf(why, cap, "%.250s", t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc));
    }
}

/* Detaches a finished transfer and turns it into its response. */
static struct http_response *finish_transfer(CURLM *m, struct transfer *t, CURLcode rc,
                                             const struct http_limits *lim)
{
    struct http_response *r = t->resp;
    char *url = NULL;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r->status);
    curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url);
    r->effective_url = strdup(url ? url : r->request->url);
    if (rc != CURLE_OK || t->too_big)
        describe_failure(t, rc, lim);
    if (!r->body)
        r->body = calloc(1, 1);
    curl_multi_remove_handle(m, t->easy);
    curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->headers);
    free(t);
    return r;
}

struct run {
    CURLM *multi;
    const struct http_request *reqs;
    size_t n;
    char **hosts; /* host_key of each request */
    bool *started;
    struct transfer **active;
    size_t n_active;
    size_t next; /* no request before it is waiting */
    const struct http_limits *lim;
};

static size_t running_on(const struct run *r, const char *host)
{
    size_t count = 0;
    for (size_t i = 0; i < r->n_active; i++)
        count += strcmp(r->hosts[r->active[i]->index], host) == 0;
    return count;
}

/* Starts waiting requests, in order, whose host has room. */
static void start_more(struct run *r)
{
    while (r->next < r->n && r->started[r->next])
        r->next++;
    for (size_t i = r->next; i < r->n && r->n_active < (size_t)r->lim->total; i++) {
        if (r->started[i] || running_on(r, r->hosts[i]) >= (size_t)r->lim->per_host)
            continue;
        struct transfer *t = start_transfer(r->multi, &r->reqs[i], i, r->lim);
        if (!t)
            return; /* out of memory: retried when a transfer ends */
        r->started[i] = true;
        r->active[r->n_active++] = t;
    }
}

static void forget_active(struct run *r, const struct transfer *t)
{
    for (size_t i = 0; i < r->n_active; i++)
        if (r->active[i] == t) {
            r->active[i] = r->active[--r->n_active];
            return;
        }
}

/* Hands every finished transfer to the callback; false when it asked to stop. */
static bool collect_finished(struct run *r, http_done_fn done, void *ctx)
{
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(r->multi, &left))) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        struct transfer *t;
        CURLcode rc = msg->data.result;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
        forget_active(r, t);
        if (!done(finish_transfer(r->multi, t, rc, r->lim), ctx))
            return false;
    }
    return true;
}

static void abandon_active(struct run *r)
{
    for (size_t i = 0; i < r->n_active; i++)
        http_response_free(
            finish_transfer(r->multi, r->active[i], CURLE_ABORTED_BY_CALLBACK, r->lim));
    r->n_active = 0;
}

static void free_run(struct run *r)
{
    for (size_t i = 0; r->hosts && i < r->n; i++)
        free(r->hosts[i]);
    free(r->hosts);
    free(r->started);
    free(r->active);
    if (r->multi)
        curl_multi_cleanup(r->multi);
}

static int setup_run(struct run *r, char *err, size_t errlen)
{
    pthread_once(&curl_once, init_curl);
    r->multi = curl_init_result == CURLE_OK ? curl_multi_init() : NULL;
    r->hosts = calloc(r->n ? r->n : 1, sizeof *r->hosts);
    r->started = calloc(r->n ? r->n : 1, sizeof *r->started);
    r->active = calloc((size_t)r->lim->total, sizeof *r->active);
    if (!r->multi || !r->hosts || !r->started || !r->active) {
        snprintf(err, errlen, "cannot start curl: %s",
                 r->multi ? "out of memory" : curl_easy_strerror(curl_init_result));
        return -1;
    }
    for (size_t i = 0; i < r->n; i++)
        if (!(r->hosts[i] = host_key(r->reqs[i].url))) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    curl_multi_setopt(r->multi, CURLMOPT_MAX_HOST_CONNECTIONS, r->lim->per_host);
    curl_multi_setopt(r->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, r->lim->total);
    return 0;
}

int http_fetch_all(const struct http_request *reqs, size_t n, const struct http_limits *lim,
                   http_done_fn done, void *ctx, const atomic_bool *stop, char *err, size_t errlen)
{
    struct run r = {.reqs = reqs, .n = n, .lim = lim};
    if (setup_run(&r, err, errlen) < 0) {
        free_run(&r);
        return -1;
    }
    bool go_on = true;
    start_more(&r);
    while (go_on && r.n_active > 0) {
        int running;
        curl_multi_perform(r.multi, &running);
        go_on = collect_finished(&r, done, ctx) && !(stop && atomic_load(stop));
        if (go_on)
            start_more(&r);
        if (go_on && r.n_active > 0)
            curl_multi_poll(r.multi, NULL, 0, 200, NULL);
    }
    abandon_active(&r);
    free_run(&r);
    return 0;
}
