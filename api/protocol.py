"""The SPARQL 1.1 Protocol's request side: an HTTP request -> a query or update operation, or an
error with the status the standard asks for."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.datastructures import Headers
from starlette.requests import Request

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


class ProtocolError(Exception):
    """A request the protocol refuses: status, message, and headers to send with it."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(status, message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True)
class QueryOperation:
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    infer: bool = True  # infer=false: the default graph without the inferred graphs


@dataclass(frozen=True)
class UpdateOperation:
    update: str
    using: tuple[str, ...] = ()
    using_named: tuple[str, ...] = ()


Operation = QueryOperation | UpdateOperation


def media_type(headers: Headers) -> tuple[str | None, str | None]:
    """The request's media type and charset, lower-cased."""
    header = headers.get("content-type")
    if not header:
        return None, None
    kind, *params = (part.strip() for part in header.split(";"))
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return kind.lower(), charset


async def body_bytes(request: Request, limit: int) -> bytes:
    """The body, read no further than the limit."""
    size, chunks = 0, []
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(
                413, f"the request body is larger than this endpoint's limit of {limit} bytes"
            )  # fmt: skip
        chunks.append(chunk)
    return b"".join(chunks)


async def body_text(request: Request, limit: int) -> str:
    """The body as UTF-8 text, read no further than the limit."""
    try:
        return (await body_bytes(request, limit)).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(
            400, f"the request body is not UTF-8 ({error.reason} at byte {error.start})"
        ) from error


def single(params: list[tuple[str, str]], name: str) -> str | None:
    values = [value for key, value in params if key == name]
    if len(values) > 1:
        raise ProtocolError(
            400, f"the request has {len(values)} '{name}' parameters; send exactly one"
        )
    return values[0] if values else None


def every(params: list[tuple[str, str]], name: str) -> tuple[str, ...]:
    return tuple(value for key, value in params if key == name)


def flag(value: str | None, name: str) -> bool:
    """A true/false parameter (true when absent), as GraphDB's and RDF4J's 'infer' is written."""
    if value is None or value.lower() == "true":
        return True
    if value.lower() == "false":
        return False
    raise ProtocolError(400, f"'{name}' is true or false, not {value!r}")


def operation(params: list[tuple[str, str]]) -> Operation | None:
    """The operation named by protocol parameters (None: neither a query nor an update)."""
    query, update = single(params, "query"), single(params, "update")
    if query is not None and update is not None:
        raise ProtocolError(400, "a request carries a query or an update, not both")
    if query is not None:
        return QueryOperation(
            query,
            every(params, "default-graph-uri"),
            every(params, "named-graph-uri"),
            flag(single(params, "infer"), "infer"),
        )
    if update is not None:
        return UpdateOperation(
            update, every(params, "using-graph-uri"), every(params, "using-named-graph-uri")
        )
    return None


async def read_operation(request: Request, limit: int) -> Operation | None:
    """The operation a GET or POST asks for; None for a GET with neither query nor update."""
    url_params = list(request.query_params.multi_items())
    if request.method in ("GET", "HEAD"):
        if any(key == "update" for key, _ in url_params):
            raise ProtocolError(400, "SPARQL Update must be sent by POST, not GET")
        return operation(url_params)
    kind, charset = media_type(request.headers)
    if kind is None:
        raise ProtocolError(400, f"a POST needs a Content-Type: {FORM}, {QUERY} or {UPDATE}")
    if charset not in (None, "utf-8", "utf8"):
        raise ProtocolError(400, f"the request body must be UTF-8, not {charset}")
    if kind not in (FORM, QUERY, UPDATE):
        raise ProtocolError(400, f"unsupported media type {kind}; send {FORM}, {QUERY} or {UPDATE}")
    text = await body_text(request, limit)
    if kind == FORM:
        found = operation([*url_params, *parse_qsl(text, keep_blank_values=True)])
        if found is None:
            raise ProtocolError(400, "the form has neither a 'query' nor an 'update' parameter")
        return found
    if any(key in ("query", "update") for key, _ in url_params):
        raise ProtocolError(400, f"a {kind} body is the operation; do not also send one in the URL")
    if kind == QUERY:
        return operation([("query", text), *url_params])
    return operation([("update", text), *url_params])
