#!/usr/bin/env python3
"""Serves a directory (the built page, target/site) on the loopback interface, compressed.

Like `python3 -m http.server`, but a response to a client that accepts gzip is gzip-compressed
(the 0.9 MB `.wasm` shrinks to about a third), with `Content-Type: application/wasm` for the
engine and `Cache-Control: no-cache` so that a rebuilt page is never stale (the page's service
worker keeps its own copy for offline use). Compressed bodies are kept in memory by file and
modification time.

    python3 scripts/serve.py DIRECTORY PORT
"""

import gzip
import http.server
import os
import sys
from functools import partial

COMPRESSIBLE = (".wasm", ".js", ".mjs", ".html", ".css", ".json", ".svg", ".txt")
_cache = {}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        body = _cache.get(key)
        if body is None:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), compresslevel=6)
            _cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args):
        pass


class _Body:
    """The file-like object send_head returns: copyfile reads it once."""

    def __init__(self, data):
        self.data = data

    def read(self, _n=-1):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    directory, port = sys.argv[1], int(sys.argv[2])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=directory))
    server.serve_forever()


if __name__ == "__main__":
    main()
