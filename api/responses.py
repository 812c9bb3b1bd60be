"""Turning answers and refusals into HTTP responses (plain text errors, never a traceback)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import PlainTextResponse, Response

from api.jobs import Answer, JobError
from api.protocol import ProtocolError

log = logging.getLogger("policykg.errors")
TEXT = "text/plain; charset=utf-8"


def answer(result: Answer, head: bool = False) -> Response:
    headers = dict(result.headers)
    if result.status in (204, 304):
        return Response(status_code=result.status, headers=headers)
    body = b"" if head else result.body
    response = Response(body, result.status, headers, media_type=result.media_type)
    if head:
        response.headers["content-length"] = str(len(result.body))
    return response


def install(app: FastAPI) -> None:
    """Every error, expected or not, answers in plain text with no trace of the code."""

    @app.exception_handler(ProtocolError)
    async def protocol_error(request: Request, error: ProtocolError) -> Response:
        return PlainTextResponse(error.message + "\n", error.status, error.headers, media_type=TEXT)

    @app.exception_handler(JobError)
    async def job_error(request: Request, error: JobError) -> Response:
        headers = {"Retry-After": "1"} if error.status == 503 else {}
        headers.update(error.headers)
        body = error.message if error.message.endswith("\n") else error.message + "\n"
        return Response(body, error.status, headers, media_type=error.media_type)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return PlainTextResponse(
            f"{error.detail}\n", error.status_code, error.headers, media_type=TEXT
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return PlainTextResponse(f"bad request: {problems}\n", 400, media_type=TEXT)

    @app.exception_handler(ClientDisconnect)
    async def gone(request: Request, error: ClientDisconnect) -> Response:
        """The client closed the connection before the end of its body: no one reads this."""
        return PlainTextResponse("the request ended before its body\n", 400, media_type=TEXT)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return PlainTextResponse("internal error\n", 500, media_type=TEXT)
