"""What keeps the service safe to expose: writes, response headers (reach outside the store is
api.reach, checked in the worker)."""

from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.types import Message, Receive, Scope, Send

from api.config import Settings
from api.middleware import HttpMiddleware
from api.protocol import ProtocolError

HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
    ),
}


def require_writer(request: Request, settings: Settings) -> None:
    """Writes need updates turned on and the operator's token as a Bearer credential."""
    if not settings.update_token:
        raise ProtocolError(
            403, "this endpoint is read-only: the operator has not turned updates on"
        )
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), settings.update_token.encode()
    ):
        raise ProtocolError(
            401, "writes need the update token: Authorization: Bearer <token>",
            {"WWW-Authenticate": 'Bearer realm="policykg"'},
        )  # fmt: skip


class SecurityHeaders(HttpMiddleware):
    """Adds the security headers to every response (pure ASGI: no per-request task overhead)."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", [])}
                extra = [
                    (key.encode(), value.encode())
                    for key, value in HEADERS.items()
                    if key.encode() not in present
                ]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)
