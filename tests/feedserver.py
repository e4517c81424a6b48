#!/usr/bin/env python3
"""feedserver.py: a scripted HTTP server on 127.0.0.1 for the fetch tests and benchmark.

usage: feedserver.py --root DIR --port-file FILE [--log FILE] [--lifetime SECONDS]
                     [--gen-items N]

It binds port 0, writes the port it got to --port-file, and exits by itself after
--lifetime seconds (default 60) or on GET /quit. Routes:
  /f/NAME            the file DIR/NAME, with an ETag (its hash) and Last-Modified (its
                     mtime); a matching If-None-Match or If-Modified-Since gets 304
  /gzip/NAME         the same file gzip-compressed, when the client accepts gzip
  /redirect/N/NAME   N 301s in a row, then /f/NAME
  /loop/A            301 to /loop/B, which redirects back to /loop/A
  /status/CODE       that status with a short body
  /slow              a feed that trickles one byte every 0.5 s for up to 30 s
  /big?bytes=N       N bytes of a feed-looking body
  /gen/I             a generated RSS feed (number I) of --gen-items items
  /page/I            an article page for --full
Each request is logged to --log as one JSON object a line: path, If-None-Match,
If-Modified-Since, Accept-Encoding, User-Agent, status."""
import argparse
import email.utils
import gzip
import hashlib
import json
import os
import random
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

ARGS = None
LOG_LOCK = threading.Lock()
GEN_CACHE = {}
GEN_LOCK = threading.Lock()

PLACES = ["Mosul", "Ramadi", "Fallujah", "Kirkuk", "Raqqa", "Aleppo", "Idlib", "Kunduz",
          "Maiduguri", "Aden", "Hodeidah", "Mogadishu", "Kharkiv", "Bakhmut"]
ACTORS = ["the army", "militants", "government forces", "the coalition", "police"]
VICTIMS = ["civilians", "soldiers", "fighters", "people"]


def generated_feed(index, items):
    """A deterministic RSS feed of `items` short reports (a few hundred bytes each)."""
    with GEN_LOCK:
        if index in GEN_CACHE:
            return GEN_CACHE[index]
    rng = random.Random(index)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
             f"<title>Generated feed {index}</title><link>http://example.org/{index}</link>"]
    for i in range(items):
        place = rng.choice(PLACES)
        n = rng.randint(2, 200)
        day = 1 + i % 28
        body = (f"{rng.choice(ACTORS).capitalize()} killed {n} {rng.choice(VICTIMS)} in "
                f"{place} on Monday, a local official said. At least {rng.randint(2, 90)} "
                f"people were wounded near {rng.choice(PLACES)}. Report {index}-{i}.")
        parts.append(f"<item><title>Clashes in {place}, report {index}-{i}</title>"
                     f"<link>http://example.org/{index}/{i}</link>"
                     f"<guid>gen-{index}-{i}</guid>"
                     f"<pubDate>Mon, {day:02d} Jan 2024 10:00:00 GMT</pubDate>"
                     f"<description>{body}</description></item>")
    parts.append("</channel></rss>\n")
    data = "".join(parts).encode()
    with GEN_LOCK:
        GEN_CACHE[index] = data
    return data


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, status):
        if not ARGS.log:
            return
        entry = {"path": self.path, "status": status,
                 "if_none_match": self.headers.get("If-None-Match"),
                 "if_modified_since": self.headers.get("If-Modified-Since"),
                 "accept_encoding": self.headers.get("Accept-Encoding"),
                 "user_agent": self.headers.get("User-Agent")}
        with LOG_LOCK, open(ARGS.log, "a") as f:
            f.write(json.dumps(entry) + "\n")

    def send(self, status, body=b"", headers=None):
        self.record(status)
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, to):
        self.send(301, b"moved\n", {"Location": to})

    def serve_file(self, name, compress=False):
        path = os.path.join(ARGS.root, os.path.basename(name))
        if not os.path.isfile(path):
            return self.send(404, b"no such file\n")
        data = open(path, "rb").read()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        mtime = email.utils.formatdate(os.path.getmtime(path), usegmt=True)
        if self.headers.get("If-None-Match") == etag or (
                not self.headers.get("If-None-Match")
                and self.headers.get("If-Modified-Since") == mtime):
            return self.send(304, b"", {"ETag": etag, "Last-Modified": mtime})
        ctype = "text/html; charset=utf-8" if name.endswith(".html") else "application/rss+xml"
        headers = {"ETag": etag, "Last-Modified": mtime, "Content-Type": ctype}
        if compress and "gzip" in (self.headers.get("Accept-Encoding") or ""):
            data = gzip.compress(data)
            headers["Content-Encoding"] = "gzip"
        self.send(200, data, headers)

    def slow(self):
        self.record(200)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass
        self.close_connection = True

    def do_GET(self):
        url = urlparse(self.path)
        parts = url.path.strip("/").split("/")
        head = parts[0]
        if head == "quit":
            self.send(200, b"bye\n")
            threading.Thread(target=self.server.shutdown, daemon=True).start()
        elif head == "f" and len(parts) == 2:
            self.serve_file(parts[1])
        elif head == "gzip" and len(parts) == 2:
            self.serve_file(parts[1], compress=True)
        elif head == "redirect" and len(parts) == 3:
            n = int(parts[1])
            self.redirect(f"/redirect/{n - 1}/{parts[2]}" if n > 1 else f"/f/{parts[2]}")
        elif head == "loop":
            self.redirect("/loop/b" if parts[-1] == "a" else "/loop/a")
        elif head == "status" and len(parts) == 2:
            self.send(int(parts[1]), b"status page\n", {"Content-Type": "text/plain"})
        elif head == "slow":
            self.slow()
        elif head == "big":
            n = int(parse_qs(url.query).get("bytes", ["1000000"])[0])
            body = b'<?xml version="1.0"?><rss><channel>' + b" " * n + b"</channel></rss>"
            self.send(200, body, {"Content-Type": "application/rss+xml"})
        elif head == "gen" and len(parts) == 2:
            self.send(200, generated_feed(int(parts[1]), ARGS.gen_items),
                      {"Content-Type": "application/rss+xml"})
        elif head == "page" and len(parts) == 2:
            body = (f"<html><head><title>Page {parts[1]}</title></head><body><article>"
                    f"<h1>Page {parts[1]}</h1><p>The full text of page {parts[1]}: militants "
                    f"killed 12 civilians in Mosul on Monday, officials said.</p>"
                    f"<p>A second paragraph only the page has.</p></article></body></html>")
            self.send(200, body.encode(), {"Content-Type": "text/html"})
        else:
            self.send(404, b"no route\n")


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--root", default=".")
    p.add_argument("--port-file", required=True)
    p.add_argument("--log")
    p.add_argument("--lifetime", type=float, default=60)
    p.add_argument("--gen-items", type=int, default=20)
    ARGS = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = ARGS.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(tmp, ARGS.port_file)
    timer = threading.Timer(ARGS.lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever(poll_interval=0.2)
    sys.exit(0)


if __name__ == "__main__":
    main()
