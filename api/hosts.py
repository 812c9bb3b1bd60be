"""The Host header, checked before anything reads it: the request's base URL is built from it and
becomes links, Location headers and the base IRI of queries, so it must make a valid IRI."""

from __future__ import annotations

import ipaddress
import string

from starlette.types import Receive, Scope, Send

from api.middleware import HttpMiddleware

# RFC 3986 reg-name: unreserved / pct-encoded / sub-delims
UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")
SUB_DELIMS = frozenset("!$&'()*+,;=")
REG_NAME = UNRESERVED | SUB_DELIMS
HEX = frozenset(string.hexdigits)
IPV6 = frozenset(string.hexdigits + ":.")
EXPECTED = (
    "expected host[:port] (RFC 3986): a registered name of letters, digits, -._~!$&'()*+,;= and "
    "%HH escapes, an IPv4 address or an [IPv6 address], then a port of at most 65535"
)


def valid_host(value: str) -> bool:
    """Whether a Host header is `host [":" port]` of RFC 3986, with a non-empty host (an IPv4
    address is also a registered name) and, after a colon, a port number up to 65535."""
    if value.startswith("["):
        literal, bracket, port = value[1:].partition("]")
        if not bracket or not ipv6(literal):
            return False
        if not port:
            return True
        if not port.startswith(":"):
            return False
        return valid_port(port[1:])
    name, colon, port = value.partition(":")
    return reg_name(name) and (not colon or valid_port(port))


def reg_name(name: str) -> bool:
    """A non-empty RFC 3986 reg-name whose every % starts a %HH escape."""
    if not name:
        return False
    index = 0
    while index < len(name):
        if name[index] == "%":
            if not (len(name) >= index + 3 and name[index + 1] in HEX and name[index + 2] in HEX):
                return False
            index += 3
        elif name[index] in REG_NAME:
            index += 1
        else:
            return False
    return True


def ipv6(literal: str) -> bool:
    """An IPv6 address as RFC 3986 writes one (no zone identifier, no IPvFuture)."""
    if not literal or not set(literal) <= IPV6:
        return False
    try:
        ipaddress.IPv6Address(literal)
    except ValueError:
        return False
    return True


def valid_port(port: str) -> bool:
    """Digits only (an empty port is RFC 3986's too), at most 65535."""
    if port == "":
        return True
    return len(port) <= 5 and port.isascii() and port.isdigit() and int(port) <= 65535


def refusal(reason: str) -> bytes:
    return f"invalid Host header: {reason}\n".encode()


class HostCheck(HttpMiddleware):
    """Answers 400 in plain text to a request whose Host header is not a valid authority, or
    that has more than one; a request without one (HTTP/1.0) goes on, named by the server."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        hosts = [value for name, value in scope["headers"] if name == b"host"]
        if len(hosts) > 1:
            return await self.refuse(send, refusal(f"{len(hosts)} of them, where one is allowed"))
        if hosts:
            value = hosts[0].decode("latin-1")
            if not valid_host(value):
                shown = value if len(value) <= 100 else value[:100] + "…"
                return await self.refuse(send, refusal(f"{shown!r}: {EXPECTED}"))
        await self.app(scope, receive, send)

    @staticmethod
    async def refuse(send: Send, body: bytes) -> None:
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 400, "headers": headers})
        await send({"type": "http.response.body", "body": body})
