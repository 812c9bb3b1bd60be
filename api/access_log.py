"""Structured access logs: one JSON line per request, with its duration and the query's."""

from __future__ import annotations

import json
import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("policykg.access")


class AccessLog:
    """Logs method, path, status, bytes, total and query milliseconds (pure ASGI middleware)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        seen = {"status": 500, "bytes": 0}

        async def counting(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
            elif message["type"] == "http.response.body":
                seen["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting)
        finally:
            state = scope.get("state", {})
            client = scope.get("client")
            record = {
                "method": scope["method"],
                "path": scope["path"],
                "status": seen["status"],
                "bytes": seen["bytes"],
                "ms": round((time.perf_counter() - start) * 1000, 2),
                "query_ms": state.get("query_ms"),
                "operation": state.get("operation"),
                "client": client[0] if client else None,
            }
            log.info(json.dumps(record, ensure_ascii=False))
