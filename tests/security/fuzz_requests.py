"""Random whole HTTP/1.1 requests as bytes, drawn from a seeded generator (the same requests on
every run): the app's routes and random paths, query strings and bodies with SPARQL fragments,
valid and invalid headers, and framing that lies (a Content-Length too short or too long)."""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

FORM = "application/x-www-form-urlencoded"
TOKEN = "test-token-6f1c"  # the fuzzed server's update token (tests/api/live.py's)
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"]
ALLOWED = {"/sparql": ["GET", "POST", "POST", "HEAD"], "/store": ["GET", "PUT", "POST", "DELETE"]}
TCHAR = string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~"
ENDPOINTS = ["/sparql", "/sparql", "/sparql", "/store", "/ontology", "/"]
ROUTES = [
    "/", "/sparql", "/explore", "/docs", "/ontology", "/.well-known/void", "/api/examples",
    "/openapi.json", "/store", "/store/x", "/store/a/b%20c", "/dumps/policykg.nq.gz",
    "/dumps/policykg.ttl", "/dumps/nothing", "/dumps/..%2f..%2fetc%2fpasswd", "/static/app.js",
    "/static/style.css", "/static/index.html", "/static/nothing.js", "/static/../app.py",
    "/static/..%2f..%2fapi%2fapp.py", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/",
    "/doc/sui-fu-ban-gui-2020-25", "/doc/sui-fu-ban-gui-2020-25/task/1", "/org/miit",
    "/org/costind", "/unresolved/%E5%B8%82%E7%95%99%E4%BA%A4%E5%8A%9E", "/ontology#Task",
    "//", "/./sparql", "/sparql/", "/%00", "/%zz", "/%", "*", "http://example.org/sparql",
]  # fmt: skip
SEGMENTS = ["..", ".", "", "%2e%2e", "%2F", "%00", "x", "sparql", "static", "%zz", "%C0%AE"]
SPARQL_TOKENS = [
    "SELECT", "*", "?s", "?p", "?o", "WHERE", "{", "}", ".", ";", ",", "ASK", "CONSTRUCT",
    "DESCRIBE", "LIMIT 3", "OFFSET 1", "ORDER BY", "GROUP BY", "COUNT(*)", "(", ")", "AS",
    "<http://example.org/x>", "<>", "<relative>", "<a b>", "<%zz>", "BASE <http://b/>",
    "PREFIX p: <http://p/>", "p:x", "pol:Task", "a", '"text"', '"x"@zh', '"1"^^xsd:integer',
    '"\\u0041"', "'''long'''", "1e999", "-0", "FILTER", 'regex(?o, "(a+)+$")', "STR(?s)",
    "BIND(1 AS ?x)", "VALUES ?x { 1 2 }", "OPTIONAL", "UNION", "MINUS", "GRAPH ?g", "FROM <x>",
    "FROM NAMED <x>", "SERVICE <http://example.org/sparql>", "INSERT DATA", "DELETE WHERE",
    "LOAD <http://example.org/>", "CLEAR ALL", "DROP GRAPH <x>", "WITH <x>", "USING <x>",
    "?s ?p ?o", "#", "\n", "\x00", "é", "中", "\\", '"', "NOW()", "RAND()", "UUID()",
    '"\\U00110000"', "<\\U0010FFFF>", '"\\ud800"',
]  # fmt: skip
TEMPLATES = [
    "SELECT * WHERE {{ ?s ?p ?o }} LIMIT {n}",
    "ASK {{ <{iri}> ?p ?o }}",
    "DESCRIBE <{iri}>",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }} LIMIT {n}",
    "SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{iri}> }}",
    'SELECT ?s WHERE {{ ?s ?p "{text}" }} LIMIT {n}',
    'INSERT DATA {{ <{iri}> <{iri}> "{text}" }}',
    "PREFIX pol: <https://w3id.org/policykg/ontology#> SELECT ?t {{ ?t a pol:Task }} LIMIT {n}",
]
NESTED = [
    "SELECT * WHERE {open}{close}",
    "ASK {{ FILTER({popen}1{pclose}) }}",
    "SELECT ({popen}1{pclose} AS ?x) {{}}",
]
IRIS = ["https://w3id.org/policykg/org/miit", "urn:x", "x", "a b", "%zz", "", "http://[::1"]
NUMBERS = ["0", "1", "10000000000000000000000", "-1", "x"]
MEDIA_TYPES = [
    "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
    "text/tab-separated-values", "text/turtle", "application/n-triples", "application/rdf+xml",
    "application/ld+json", "text/html", "application/json", "application/xml", "text/plain",
    "*/*", "text/*", "image/png", FORM, "application/sparql-query", "application/sparql-update",
    "multipart/form-data", "text/html;q=abc", "*/*;q=2", ",,,", "a/b;q=0.5;level=1",
    "text/csv;q=", "text/turtle; charset=junk", "application/sparql-query;;",
]  # fmt: skip
QUERY_KEYS = [
    "query", "update", "format", "graph", "default", "default-graph-uri", "named-graph-uri",
    "using-graph-uri", "using-named-graph-uri", "infer", "timeout", "x",
]  # fmt: skip
QUERY_VALUES = ["html", "turtle", "jsonld", "ntriples", "rdfxml", "false", "true", "", "%zz"]
RAW_QUERIES = ["?", "?&&", "?=", "?%", "?%zz", "?query", "?query=%FF%FE", "?a=b=c", "?query=%00"]
VALID_HOSTS = ["127.0.0.1", "localhost", "example.org", "[::1]:8080", "a%41.b:80", "x-y.z:1"]
INVALID_HOSTS = ["a%zz", "", "a b", "[::1", "[v1.x]", "x:99999", "u@h", "h/p", "é", "a%", "[::]x"]
JUNK_LENGTHS = ["-1", "abc", "1e3", " ", "0x10", "99999999999999999999"]
AUTHORIZATIONS = [f"Bearer {TOKEN}", "Bearer wrong", "Bearer", "Basic dXNlcjpwYXNz", "bearer  x"]
ETAGS = ["*", '"x"', 'W/"x"', '"', "a, b, *"]
RANGES = ["bytes=0-10", "bytes=-5", "bytes=abc", "bytes=10-5", "bytes=0-0,1-1,2-2",
          "bytes=99999999-", "items=0-1", "bytes=0-0," * 200]  # fmt: skip
OTHER_HEADERS = [
    "Accept-Encoding", "Accept-Language", "Cookie", "Origin", "Referer", "User-Agent",
    "Access-Control-Request-Method", "Access-Control-Request-Headers", "If-Modified-Since",
    "If-Range", "If-Match", "X-Forwarded-For", "X-Forwarded-Proto", "Forwarded", "Upgrade",
    "Content-Encoding", "Content-Language", "Content-Disposition", "Cache-Control", "Expect",
]  # fmt: skip
HEADER_VALUES = [
    "", "*", "0", "-1", "gzip, br", "zh;q=0.9", "a=b; c", "null", "http://evil.example",
    "Mon, 32 Foo 2025 99:99:99 GMT", "Wed, 21 Oct 2015 07:28:00 GMT", '"x"', 'W/"x"',
    "1.2.3.4, ::1, [::1]:80, unknown", "https", "javascript", "websocket", "h2c",
    "100-continue", "PUT", "x" * 5000,
]  # fmt: skip
RDF_BODIES = [
    (b"<urn:a> <urn:b> <urn:c> .", "text/turtle"),
    (b"<urn:a> <urn:b> .", "application/n-triples"),
    (b"@prefix : <urn:> . :a :b :c .", "text/turtle; charset=latin-1"),
    (b'{"@id": "urn:a", "urn:b": "c"}', "application/ld+json"),
    (b"<rdf:RDF/>", "application/rdf+xml"),
    (b"\xff\xfe", "text/turtle"),
]
# what HTTP allows in a header value (tab and visible latin-1); junk adds control characters
VISIBLE = "\t" + "".join(chr(c) for c in range(0x20, 0x7F)) + "".join(map(chr, range(0xA0, 0x100)))
CONTROLS = "".join(chr(c) for c in range(1, 0x20) if chr(c) not in "\r\n") + "\x7f"


class Draws(random.Random):
    """A seeded generator that knows the server: its port, and the dead endpoint on its SERVICE
    allow-list."""

    def __init__(self, seed: int, port: int, remote: str):
        super().__init__(seed)
        self.port = port
        self.remote = remote


@dataclass(frozen=True)
class Draft:
    """A request as bytes, and whether it promises more body than it sends (the server would wait
    for the rest: the client ends its side so it does not)."""

    data: bytes
    short: bool


def chance(rng: Draws, probability: float) -> bool:
    return rng.random() < probability


def text(rng: Draws, alphabet: str = "", size: int = 40) -> str:
    """Random text: from the alphabet, else any code point but surrogates."""
    length = rng.randrange(size + 1)
    if alphabet:
        return "".join(rng.choice(alphabet) for _ in range(length))
    points = (rng.choice([rng.randrange(0x80), rng.randrange(0xD800)]) for _ in range(length))
    return "".join(map(chr, points))


def percent(value: str) -> str:
    return quote(value, safe="")


def sparql(rng: Draws) -> str:
    """A query or update: a template with odd values, fragments thrown together, or nesting."""
    if chance(rng, 0.5):
        iri = rng.choice(IRIS) if chance(rng, 0.7) else text(rng)
        return rng.choice(TEMPLATES).format(iri=iri, text=text(rng), n=rng.choice(NUMBERS))
    if chance(rng, 0.05):
        depth = rng.choice([10, 100, 1000, 5000])
        return rng.choice(NESTED).format(open="{" * depth, close="}" * depth,
                                         popen="(" * depth, pclose=")" * depth)  # fmt: skip
    tokens = [*SPARQL_TOKENS, f"SERVICE <{rng.remote}> {{ ?s ?p ?o }}"]
    pieces = [rng.choice(tokens) if chance(rng, 0.8) else text(rng, size=10)
              for _ in range(rng.randrange(30))]  # fmt: skip
    return " ".join(pieces)


def path(rng: Draws) -> str:
    kind = rng.choice(["endpoint"] * 4 + ["route", "route", "encoded", "segments", "long"])
    if kind == "endpoint":
        return rng.choice(ENDPOINTS)
    if kind == "route":
        route = rng.choice(ROUTES)
        return route if chance(rng, 0.7) else route.rstrip("/") + segments(rng)
    if kind == "encoded":
        return "/" + quote(text(rng), safe="/%")
    if kind == "segments":
        return segments(rng)
    return "/doc/" + "a" * rng.randrange(100, 20000)


def segments(rng: Draws) -> str:
    return "/" + "/".join(rng.choice(SEGMENTS) for _ in range(rng.randrange(1, 8)))


def query_string(rng: Draws) -> str:
    kind = rng.choice(["none", "query", "query", "pairs", "raw"])
    if kind == "none":
        return ""
    if kind == "query":
        return "?query=" + percent(sparql(rng))
    if kind == "raw":
        return rng.choice(RAW_QUERIES)
    pairs = []
    for _ in range(rng.randrange(1, 5)):
        key = rng.choice(QUERY_KEYS) if chance(rng, 0.9) else percent(text(rng, size=8))
        value = rng.choice([sparql(rng), rng.choice(QUERY_VALUES), rng.choice(IRIS), text(rng)])
        pairs.append(f"{key}={percent(value)}")
    return "?" + "&".join(pairs)


def body(rng: Draws) -> tuple[bytes, str | None]:
    """A body and the content type that goes with it (None: none goes with it)."""
    kind = rng.choice(["none", "none", "form", "form", "direct", "rdf", "multipart", "random",
                       "big"])  # fmt: skip
    if kind == "none":
        return b"", None
    if kind == "form":
        pairs = [
            f"{rng.choice(QUERY_KEYS)}={percent(sparql(rng))}" for _ in range(rng.randrange(3))
        ]
        return "&".join(pairs).encode(), FORM
    if kind == "direct":
        kind = rng.choice(["application/sparql-query", "application/sparql-update"])
        return sparql(rng).encode(), kind
    if kind == "rdf":
        return rng.choice(RDF_BODIES)
    if kind == "multipart":
        part = b'--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n'
        return part + sparql(rng).encode() + b"\r\n--b--\r\n", "multipart/form-data; boundary=b"
    if kind == "random":
        return rng.randbytes(rng.randrange(300)), None
    return b"query=" + b"x" * rng.randrange(60000, 70000), FORM  # past the 64 KiB limit


def header_line(name: str | bytes, value: str | bytes) -> bytes:
    raw_name = name.encode("latin-1") if isinstance(name, str) else name
    raw_value = value.encode("latin-1", "replace") if isinstance(value, str) else value
    return raw_name + b": " + raw_value + b"\r\n"


def header_value(rng: Draws, clean: bool) -> str:
    return text(rng, VISIBLE if clean else VISIBLE + CONTROLS)


def headers(rng: Draws, clean: bool) -> list[bytes]:
    """Header lines other than Host and the framing ones (Content-Length, Transfer-Encoding)."""

    def pick(values: Sequence[str]) -> Callable[[], str]:
        return lambda: rng.choice(values) if chance(rng, 0.8) else header_value(rng, clean)

    makers = {
        "Accept": pick(MEDIA_TYPES),
        "Content-Type": pick(MEDIA_TYPES),
        "Authorization": pick(AUTHORIZATIONS),
        "If-None-Match": pick(ETAGS),
        "Range": pick(RANGES),
        "Other": pick(HEADER_VALUES),
        "Random": lambda: header_value(rng, clean),
    }
    lines = []
    for _ in range(rng.randrange(7)):
        name = rng.choice(list(makers))
        value = makers[name]()
        if name == "Other":
            name = rng.choice(OTHER_HEADERS)
        elif name == "Random":
            name = text(rng, TCHAR, 20) or "X"
        lines.append(header_line(name, value))
    if not clean and chance(rng, 0.3):
        lines.append(header_line(rng.choice([b"Bad Name", b"", b"\xe4", b"X{"]), b"v"))
    return lines


def host(rng: Draws, clean: bool) -> list[bytes]:
    """Mostly this server's own; else another valid one, an invalid one, random text, none, or
    (breaking HTTP) two."""
    own = f"127.0.0.1:{rng.port}"
    kind = rng.choice(["own"] * 12 + ["valid", "invalid", "random", "none"])
    if not clean and chance(rng, 0.3):
        return [header_line("Host", own), header_line("Host", header_value(rng, clean))]
    if kind == "none":
        return []
    value = {
        "own": own,
        "valid": rng.choice(VALID_HOSTS),
        "invalid": rng.choice(INVALID_HOSTS),
        "random": header_value(rng, clean),
    }[kind]
    return [header_line("Host", value)]


def request_line(rng: Draws, clean: bool) -> bytes:
    """Method, target and version; a junk method or version when the request breaks HTTP."""
    route = path(rng)
    target = (route + query_string(rng)).encode("utf-8")
    if clean:
        method = rng.choice(ALLOWED.get(route, ["GET", "HEAD"]) if chance(rng, 0.8) else METHODS)
        version = "HTTP/1.1" if chance(rng, 0.9) else "HTTP/1.0"
    else:
        method = rng.choice([text(rng, TCHAR, 12), "get", "GE T", "", "M\x7f", "GET"])
        version = rng.choice(["HTTP/2.0", "HTTP/x", "HTTP/1", "HTTP/1.1"])
        if chance(rng, 0.3):
            target = rng.choice([b"/\xe4", b"/a b", b"", b"/\x01"])
    return method.encode("latin-1") + b" " + target + b" " + version.encode() + b"\r\n"


def draft(rng: Draws) -> Draft:
    """One request: its line, headers, framing that is right or lies, and Connection: close so
    the server ends the exchange. One in eight also breaks HTTP itself (a junk method, version,
    header or framing), for the HTTP parser to refuse."""
    clean = chance(rng, 7 / 8)
    line = request_line(rng, clean)
    lines = host(rng, clean) + headers(rng, clean)
    content, content_type = body(rng)
    if content_type is not None and chance(rng, 0.7):
        lines.append(header_line("Content-Type", content_type))
    framings = ["length"] * 4 + ["none", "short", "long", "chunked"]
    framing = rng.choice(framings if clean else ["junk", "bad-chunks", "both", "twice"])
    short = False
    if framing == "length" or (framing == "none" and content):
        lines.append(header_line("Content-Length", str(len(content))))
    elif framing == "short":  # promises more than it sends
        lines.append(header_line("Content-Length", str(len(content) + 10)))
        short = True
    elif framing == "long":  # sends more than it promises: the rest reads as another request
        lines.append(header_line("Content-Length", str(max(len(content) - 5, 0))))
    elif framing == "junk":
        lines.append(header_line("Content-Length", rng.choice(JUNK_LENGTHS)))
    elif framing in ("chunked", "bad-chunks", "both"):
        lines.append(header_line("Transfer-Encoding", "chunked"))
        if framing == "both":
            lines.append(header_line("Content-Length", str(len(content))))
        size = b"zz" if framing == "bad-chunks" else f"{len(content):x}".encode()
        content = (size + b"\r\n" + content + b"\r\n0\r\n\r\n") if content else b"0\r\n\r\n"
    elif framing == "twice":
        lines += [
            header_line("Content-Length", str(len(content))),
            header_line("Content-Length", "1"),
        ]
    head = line + b"".join(lines) + b"Connection: close\r\n\r\n"
    return Draft(head + content, short)
