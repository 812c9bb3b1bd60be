"""Structured access logs: one JSON line per request, with its duration and the query's."""

from __future__ import annotations

import json
import logging
import time

from starlette.types import Message, Receive, Scope, Send

from api.middleware import HttpMiddleware

log = logging.getLogger("policykg.access")


class AccessLog(HttpMiddleware):
    """Logs method, path, status, bytes, total and query milliseconds (pure ASGI middleware)."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
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
