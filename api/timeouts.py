"""Limits on how a request arrives: uvicorn's httptools protocol with a header and a body
timeout, and a bound on the size of a request's headers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Literal

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

TIMEOUT = b"408 Request Timeout"


class DeadlineProtocol(HttpToolsProtocol):
    """HttpToolsProtocol that closes a connection whose request arrives too slowly.

    A request's headers must be complete within `header_timeout` seconds of the connection
    opening or of the previous response, its body within `body_timeout` seconds of its headers
    (or of the previous response, for a pipelined request). Neither clock runs while the server
    still owes an earlier response. Late headers, and a late body that nothing was answered to
    yet, get a 408 and the connection is closed; a connection that never sent a byte is closed
    silently, as uvicorn's keep-alive timeout does.

    uvicorn has no such option (timeout_keep_alive only covers a connection idle after a
    response; any byte resets it). This relies on uvicorn internals that are the same from 0.30
    to 0.55: the parser callbacks, on_response_complete, and the attributes transport, loop,
    cycle (response_started, response_complete, disconnected, message_event), pipeline and
    server_state.default_headers.
    """

    header_timeout: float = 10.0
    body_timeout: float = 30.0
    # the request line and headers together: a GET may carry a 64 kB query percent-encoded
    max_header_bytes: int = 256 * 1024
    header_bytes = 0  # of the request whose headers are being read
    deadline: asyncio.TimerHandle | None = None
    reading: Literal["headers", "body"] = "headers"
    begun = False  # a byte of the request being read has arrived

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.arm(self.header_timeout, self.headers_late)

    def connection_lost(self, exc: Exception | None) -> None:
        self.disarm()
        super().connection_lost(exc)

    def handle_websocket_upgrade(self) -> None:
        self.disarm()
        super().handle_websocket_upgrade()

    def data_received(self, data: bytes) -> None:
        """Feed the parser; headers past the size bound get a 431 (httptools would buffer them
        without end: a client once sent 1.28 GB of headers in 3 s)."""
        if self.reading == "headers":
            self.header_bytes += len(data)
        super().data_received(data)
        too_large = self.reading == "headers" and self.header_bytes > self.max_header_bytes
        if too_large and not self.transport.is_closing():
            self.disarm()
            self.refuse(
                b"431 Request Header Fields Too Large",
                f"The request line and headers are larger than {self.max_header_bytes} bytes.",
            )
            self.transport.close()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.begun = True

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        self.reading, self.header_bytes = "body", 0
        if self.pipeline:  # queued behind a request still running: its clock starts later
            self.disarm()
        else:
            self.arm(self.body_timeout, self.body_late)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self.reading, self.begun = "headers", False
        self.disarm()
        if self.idle():
            self.arm(self.header_timeout, self.headers_late)

    def on_response_complete(self) -> None:
        started = bool(self.pipeline)  # a queued request starts now
        super().on_response_complete()
        if self.transport.is_closing() or self.pipeline:
            return
        if self.reading == "headers" and not started:
            self.arm(self.header_timeout, self.headers_late)
        elif self.reading == "body" and started:
            self.arm(self.body_timeout, self.body_late)

    def idle(self) -> bool:
        """Whether every request read so far has been answered."""
        cycle = self.cycle
        return not self.pipeline and (cycle is None or cycle.response_complete)

    def arm(self, seconds: float, late: Callable[[], None]) -> None:
        self.disarm()
        if not self.transport.is_closing():
            self.deadline = self.loop.call_later(seconds, late)

    def disarm(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def headers_late(self) -> None:
        self.deadline = None
        if self.begun:
            self.refuse(
                TIMEOUT, f"The request headers were not received within {self.header_timeout:g} s."
            )
        self.transport.close()

    def body_late(self) -> None:
        self.deadline = None
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            if not cycle.response_started:
                self.refuse(
                    TIMEOUT, f"The request body was not received within {self.body_timeout:g} s."
                )
            cycle.disconnected = True  # the application's receive() now returns http.disconnect
            cycle.message_event.set()
        self.transport.close()

    def refuse(self, status: bytes, message: str) -> None:
        """Write a response of this status with the message as plain text, closing the
        connection."""
        body = message.encode()
        lines = [b"HTTP/1.1 " + status]
        lines += [name + b": " + value for name, value in self.server_state.default_headers]
        lines += [
            b"content-type: text/plain; charset=utf-8",
            b"content-length: %d" % len(body),
            b"connection: close",
        ]
        self.transport.write(b"\r\n".join(lines) + b"\r\n\r\n" + body)


def with_timeouts(header: float, body: float) -> type[DeadlineProtocol]:
    """The protocol class to give uvicorn.run(http=...), with these timeouts in seconds."""

    class Configured(DeadlineProtocol):
        header_timeout = header
        body_timeout = body

    return Configured
