"""The review desk (``claims review OUT``): the review pages served from this machine, where a
reviewer's verdicts, notes, evidence links and name are saved into the claims tables as they are
typed.

The standard library's ``http.server`` serves it: one user on 127.0.0.1, a handful of requests a
minute, pages made from the tables on each request; a web framework would add a dependency and
nothing this needs. What keeps other pages and machines out: it listens on 127.0.0.1 only, every
path starts with a random token, a request must name this host (no DNS rebinding), and a save must
come from the desk's own origin as JSON (which a form on another site cannot send).
"""
from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pipeline.errors import E_REVIEW_STATUS, PipelineError
from pipeline.output.lock import hold_output_lock
from pipeline.review.groups import followers_before, give_to_followers
from pipeline.review.pages import article_page, index_page, read_failures
from pipeline.review.report import ArticleSummary, read_reports
from pipeline.review.verdicts import Edit, save_edit

HOLDER = "claims review"
"""How the desk names itself in the output folder's lock."""

MAX_BODY = 64 * 1024
"""The largest save accepted: one row's four cells."""

SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store",
                    "Content-Security-Policy": "frame-ancestors 'none'", "Referrer-Policy": "no-referrer"}


class Desk(ThreadingHTTPServer):
    """The server of one output folder, with its token; ``url`` is what the reviewer opens."""

    daemon_threads = True

    def __init__(self, out_dir: Path, port: int = 0, report: Callable[[str], None] = lambda line: None) -> None:
        self.out_dir, self.report = out_dir, report
        self.token = secrets.token_urlsafe(18)
        super().__init__(("127.0.0.1", port), DeskHandler)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def url(self) -> str:
        return f"{self.origin}/{self.token}/index.html"

    def hosts(self) -> set[str]:
        """The Host headers a request from the reviewer's browser carries."""
        port = self.server_address[1]
        return {f"127.0.0.1:{port}", f"localhost:{port}"}

    def page(self, name: str) -> str | None:
        """The HTML of ``index.html`` or ``<article id>.html``, made from the tables as they are now."""
        api = f"/{self.token}/api/verdict"
        if name == "index.html":
            summaries = [ArticleSummary.of(article) for article in read_reports(self.out_dir, self.report)]
            return index_page(summaries, read_failures(self.out_dir))
        article_id = name.removesuffix(".html")
        for article in read_reports(self.out_dir, self.report):
            if article.article_id == article_id:
                return article_page(article, api=api)
        return None


class DeskHandler(BaseHTTPRequestHandler):
    """GET a page, POST a verdict; anything else, or anything without the token, is refused."""

    server: Desk
    server_version = "claims-review"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        """Requests are not logged: the token is in every path."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        name = self._name()
        if name is None:
            return
        try:
            page = self.server.page(name or "index.html")
        except PipelineError as error:
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, str(error), "text/plain")
            return
        if page is None:
            self._send(HTTPStatus.NOT_FOUND, "no such article", "text/plain")
        else:
            self._send(HTTPStatus.OK, page, "text/html")

    def do_POST(self) -> None:  # noqa: N802
        name = self._name()
        if name is None:
            return
        origin = self.headers.get("Origin", "")
        if name != "api/verdict" or origin not in {f"http://{host}" for host in self.server.hosts()}:
            self._send(HTTPStatus.FORBIDDEN, {"error": "saves come from the desk's own pages only"})
            return
        if self.headers.get_content_type() != "application/json":
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": "a save is JSON"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_BODY:
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "one row's cells at a time"})
            return
        try:
            edit = Edit.of_json(json.loads(self.rfile.read(length)))
        except ValueError as error:
            self._send(HTTPStatus.BAD_REQUEST, {"error": str(error)})
            return
        try:
            with hold_output_lock(self.server.out_dir, HOLDER):
                answer = self._save(edit)
        except PipelineError as error:  # a run holds the lock: the page keeps the change and retries
            answer = HTTPStatus.LOCKED, {"error": str(error)}
        self._send(*answer)  # once the lock is released, so that the page's next save finds it free

    def _save(self, edit: Edit) -> tuple[HTTPStatus, dict]:
        """Save under the lock: the cells as saved, or why not (E031 for a status not allowed,
        E032 for a cell changed in the file since the page loaded it). The rows that restate the
        edited one and follow it take the same cells (``group``, by claim id)."""
        out_dir = self.server.out_dir
        try:
            followers = followers_before(out_dir, edit)
            saved = save_edit(out_dir, edit)
        except PipelineError as error:
            status = HTTPStatus.UNPROCESSABLE_ENTITY if error.code == E_REVIEW_STATUS else HTTPStatus.CONFLICT
            return status, {"error": str(error)}
        group, refused = give_to_followers(out_dir, edit, followers, saved)
        return HTTPStatus.OK, {"cells": saved, "group": group, "refused": refused}

    def _name(self) -> str | None:
        """The path after the token (``index.html``, ``<id>.html``, ``api/verdict``); None, with the
        refusal sent, for a foreign host or a path without the token."""
        if self.headers.get("Host", "") not in self.server.hosts():
            self._send(HTTPStatus.MISDIRECTED_REQUEST, "not a host of this desk", "text/plain")
            return None
        path = unquote(urlsplit(self.path).path)
        prefix = f"/{self.server.token}/"
        if not (path.startswith(prefix) and secrets.compare_digest(path[:len(prefix)], prefix)):
            self._send(HTTPStatus.NOT_FOUND, "not found", "text/plain")
            return None
        return path[len(prefix):]

    def _send(self, status: HTTPStatus, body: object, kind: str = "application/json") -> None:
        data = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
