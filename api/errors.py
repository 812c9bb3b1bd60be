"""The failure a job reports to its client."""

from __future__ import annotations


class JobError(Exception):
    """A failure to report to the client: an HTTP status, a message (never a traceback), and
    headers to send with it (a 429's Retry-After)."""

    def __init__(
        self,
        status: int,
        message: str,
        media_type: str = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
    ):
        super().__init__(status, message, media_type, headers)
        self.status = status
        self.message = message
        self.media_type = media_type
        self.headers = headers or {}
