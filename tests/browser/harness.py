"""Serve a built site over HTTP and open Chromium contexts that cannot reach the internet.

Shared by `tests/test_browser.py` and `tests/browser/screenshots.py`.
"""

from __future__ import annotations

import functools
import http.server
import os
import posixpath
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route

DEFAULT_CHROMIUM = "/usr/lib/chromium/chromium"  # Debian's `chromium` package
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOST = "127.0.0.1"


def chromium_path() -> Path:
    """The Chromium to drive: `$EXPLAINERS_CHROMIUM`, else Debian's."""
    return Path(os.environ.get("EXPLAINERS_CHROMIUM") or DEFAULT_CHROMIUM)


def launch_chromium(playwright: Playwright) -> Browser:
    """A headless Chromium from the system, never one Playwright would download."""
    return playwright.chromium.launch(executable_path=str(chromium_path()), args=CHROMIUM_ARGS)


def localise_sitemap(xml: str, base_url: str) -> str:
    """The sitemap with the site's address (`site_url`) replaced by `base_url`.

    Material's instant navigation only intercepts links to pages listed in
    sitemap.xml, compared by protocol, host, port and path, after replacing just
    the protocol and host name with the current ones. Served on a random local
    port, a sitemap written for `site_url` would match no link; this puts the
    site where the sitemap says it is, as `mkdocs serve` does by rewriting
    `site_url`. An empty sitemap (no `site_url`) stays empty.
    """
    locations = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", xml)
    if not locations:
        return xml
    # Every page lies under site_url, and the home page's address is site_url itself.
    prefix = posixpath.commonprefix(locations)
    site_url = prefix[: prefix.rfind("/") + 1]
    return xml.replace(site_url, base_url)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files under `under` (a sub-path, as GitHub Pages serves a project site), quietly, with the
    sitemap pointing at this server. Anything outside the sub-path is not found, as on GitHub Pages."""

    def __init__(self, *args: Any, under: str = "/", **kwargs: Any) -> None:
        self.under = under
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output for the tests

    def end_headers(self) -> None:
        # LinkChecker limits itself to a few requests a second per host unless the server says it may go faster.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def do_GET(self) -> None:
        if urlsplit(self.path).path.endswith("/sitemap.xml"):
            self._send_sitemap()
        else:
            super().do_GET()

    def send_head(self) -> Any:
        path = urlsplit(self.path).path
        if path + "/" == self.under:  # the project's address without its final slash
            self.send_response(301)
            self.send_header("Location", self.under)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if not path.startswith(self.under):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path.removeprefix(self.under))

    def _send_sitemap(self) -> None:
        path = Path(self.translate_path(self.path))
        if not urlsplit(self.path).path.startswith(self.under) or not path.is_file():
            self.send_error(404)
            return
        base_url = f"http://{HOST}:{self.server.server_address[1]}{self.under}"
        body = localise_sitemap(path.read_text(encoding="utf-8"), base_url).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path, under: str = "/") -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1 in a thread, at the path `under` ("/x/" for a project site).

    Yields the site's base URL (with a final slash). The folder may be filled after the server starts.
    """
    handler = functools.partial(_SiteHandler, directory=str(site), under=under)
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}{under}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _only_local(route: Route) -> None:
    # Anything else (fonts, analytics, a GitHub repository badge) would hang or flake offline.
    if urlsplit(route.request.url).hostname == HOST:
        route.continue_()
    else:
        route.abort("blockedbyclient")


def offline_context(browser: Browser, **options: object) -> BrowserContext:
    """A new browser context that can reach 127.0.0.1 and nothing else."""
    context = browser.new_context(**options)  # type: ignore[arg-type]
    context.route("**/*", _only_local)
    return context


def wait_for_palette(page: Page, scheme: str) -> None:
    """Wait until Material has applied the colour scheme (`default` or `slate`) to the page."""
    # While switching, Material sets data-md-color-switching to turn transitions off; colours are final without it.
    settled = "s => document.body.dataset.mdColorScheme === s && !document.body.hasAttribute('data-md-color-switching')"
    page.wait_for_function(settled, arg=scheme)
