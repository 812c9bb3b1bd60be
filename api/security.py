"""What keeps the service safe to expose: reach outside the store, writes, response headers."""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from starlette.requests import Request
from starlette.types import Message, Receive, Scope, Send

from api.config import Settings
from api.middleware import HttpMiddleware
from api.protocol import ProtocolError
from kg.store.sparql_text import external_references

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


def check_reach(
    text: str, base: str | None, prefixes: Mapping[str, str], settings: Settings
) -> None:
    """Refuse LOAD, and SERVICE to any endpoint not on the operator's allow-list."""
    for reference in external_references(text, base, prefixes):
        if reference.keyword == "LOAD":
            raise ProtocolError(
                403, "LOAD is disabled on this endpoint: it never reads files or URLs; "
                "send data with the Graph Store Protocol instead"
            )  # fmt: skip
        if reference.iri is None:
            raise ProtocolError(
                403, "SERVICE needs a fixed endpoint IRI here (a variable cannot be checked "
                "against the allow-list)"
            )  # fmt: skip
        if reference.iri not in settings.service_allow_list:
            listed = ", ".join(sorted(settings.service_allow_list)) or "none"
            raise ProtocolError(
                403, f"SERVICE <{reference.iri}> is not on this endpoint's allow-list "
                f"(allowed: {listed})"
            )  # fmt: skip


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
