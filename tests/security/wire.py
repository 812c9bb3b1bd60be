"""Raw HTTP over a socket: send any bytes (an HTTP client would refuse a bad Host or request
line), read until the server closes, and find the final status in what came back."""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass

STATUS_LINE = re.compile(rb"HTTP/1\.[01] (\d{3})(?: [^\r\n]*)?\r\n")
HEAD_END = b"\r\n\r\n"


@dataclass(frozen=True)
class Exchange:
    """What was sent, what came back, and whether the server reset the connection."""

    sent: bytes
    received: bytes
    reset: bool

    @property
    def status(self) -> int | None:
        """The final (not 1xx) status answered; None if the server closed without one."""
        rest = self.received
        while rest:
            line = STATUS_LINE.match(rest)
            if line is None:
                raise ValueError(f"not an HTTP response: {rest[:200]!r}")
            code = int(line[1])
            if code >= 200:
                return code
            rest = rest[rest.index(HEAD_END) + len(HEAD_END) :]
        return None

    @property
    def body(self) -> bytes:
        return self.received.partition(HEAD_END)[2]


def exchange(
    address: tuple[str, int], data: bytes, half_close: bool, timeout: float = 60
) -> Exchange:
    """Send `data` on a new connection and read until the server closes it. `half_close` ends
    our side at once, for a request whose body the server would otherwise wait for; a server
    that neither answers nor closes within `timeout` seconds raises TimeoutError."""
    reset = False
    chunks = []
    with socket.create_connection(address, timeout=timeout) as connection:
        try:
            connection.sendall(data)
            if half_close:
                connection.shutdown(socket.SHUT_WR)
        except (BrokenPipeError, ConnectionResetError):  # it answered and closed before the end
            reset = True
        try:
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:  # it closed with some of our bytes unread
            reset = True
    return Exchange(data, b"".join(chunks), reset)
