/* http.h: many GETs at once through one curl multi handle, as a polite client: a cap on
 * connections per host, conditional requests, compressed bodies, bounded redirects, time
 * and size limits, http and https only, certificates always checked, proxies from the
 * environment (curl's own behaviour).
 *
 * The caller's thread runs the transfers; each finished one is handed to a callback in
 * that thread, so a slow consumer should queue responses rather than work in it (a
 * stalled loop counts against the transfers' timeouts). */
#ifndef SITREP_FETCH_HTTP_H
#define SITREP_FETCH_HTTP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

struct http_request {
    const char *url;
    const char *etag;          /* sent as If-None-Match, or NULL */
    const char *last_modified; /* sent as If-Modified-Since, or NULL */
    void *user;                /* the caller's, handed back with the response */
};

struct http_response {
    const struct http_request *request;
    long status; /* the last HTTP status, 0 when there was no response */
    char *body;  /* decoded (gzip, deflate), NUL-terminated; never NULL */
    size_t len;
    char *etag; /* the response's validators, or NULL */
    char *last_modified;
    char *content_type;  /* or NULL */
    char *effective_url; /* after redirects */
    char error[256];     /* why the transfer failed, "" when it completed (any status) */
};

/* The limits; http_limits_from_env fills the defaults and lets tests shorten them. */
struct http_limits {
    long connect_timeout; /* seconds: SITREP_FETCH_CONNECT_TIMEOUT, default 15 */
    long timeout;         /* seconds for a whole transfer: SITREP_FETCH_TIMEOUT, default 60 */
    long low_speed_bytes; /* slower than this per second ... */
    long low_speed_time;  /* ... for this many seconds aborts (at most the timeout) */
    long max_redirects;   /* 8 */
    long max_bytes;       /* per response, decoded: SITREP_FETCH_MAX_BYTES, default 16 MiB */
    long per_host;        /* connections per host: SITREP_FETCH_PER_HOST, default 4 */
    long total;           /* transfers at once: 32 */
};

void http_limits_from_env(struct http_limits *lim);

/* Takes the response (free it with http_response_free). Returning false stops the run:
 * transfers still going are abandoned and no more callbacks come. */
typedef bool (*http_done_fn)(struct http_response *r, void *ctx);

/* Fetches every request; each ends in exactly one callback unless the run stops (false
 * from the callback, or *stop set by another thread; stop may be NULL). Returns 0, or -1
 * when curl could not be set up (err says why). Thread-safe: each call has its own
 * handles, and curl is initialised once. */
int http_fetch_all(const struct http_request *reqs, size_t n, const struct http_limits *lim,
                   http_done_fn done, void *ctx, const atomic_bool *stop, char *err, size_t errlen);

void http_response_free(struct http_response *r);

/* True for an absolute http:// or https:// URL with a host. */
bool http_url_ok(const char *url);

/* ref resolved against base (a link in a page), malloc'd; NULL when it cannot be. */
char *http_resolve(const char *base, const char *ref);

#endif
