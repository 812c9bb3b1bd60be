"""The web page's files (api/static, 4 MB), read once when the app is made and answered from
memory: no file system call and no thread hop per request, so a busy event loop answers them in
one turn, as it does a cached query (Starlette's StaticFiles took several turns, each behind
whatever else the loop had queued)."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send

from api.cache import matches


@dataclass(frozen=True)
class Asset:
    body: bytes
    media_type: str
    etag: str

    def response(self, request: Request) -> Response:
        """The file, or 304 to a client that has it; HEAD gets the headers alone."""
        headers = {"ETag": self.etag, "Cache-Control": "no-cache"}
        if matches(request.headers.get("if-none-match"), self.etag):
            return Response(status_code=304, headers=headers)
        body = b"" if request.method == "HEAD" else self.body
        response = Response(body, headers=headers, media_type=self.media_type)
        response.headers["content-length"] = str(len(self.body))
        return response


def load(directory: Path) -> dict[str, Asset]:
    """Every file under the directory by its path below it."""
    assets = {}
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        body = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        media_type = f"{kind}; charset=utf-8" if kind.startswith("text/") else kind
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        assets[path.relative_to(directory).as_posix()] = Asset(body, media_type, etag)
    return assets


class Assets:
    """An ASGI app serving the files by path (mounted at /static)."""

    def __init__(self, directory: Path):
        self.files = load(directory)

    def __getitem__(self, name: str) -> Asset:
        return self.files[name]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        asset = self.files.get(scope["path"].removeprefix(scope.get("root_path", "")).lstrip("/"))
        if request.method not in ("GET", "HEAD"):
            response: Response = PlainTextResponse("only GET and HEAD\n", 405)
        elif asset is None:
            response = PlainTextResponse("not found\n", 404)
        else:
            response = asset.response(request)
        await response(scope, receive, send)
