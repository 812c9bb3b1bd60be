"""A lexical reading of SPARQL text: enough to see what a request reaches outside the store.

The SPARQL grammar applies codepoint escapes (\\u0053 is S) before anything else, so they are
applied here too; after that, strings, IRIs and comments are tokens of their own, and a keyword
found here is a keyword to the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
NAME_START = r"A-Za-z\u00C0-\u02FF\u0370-\u1FFF\u200C-\u218F\u2C00-\uFFFD"
NAME_CHAR = NAME_START + r"0-9_\-.\u00B7\u0300-\u036F\u203F-\u2040"
TOKEN = re.compile(
    rf"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][{NAME_CHAR}]+)
  | (?P<pname>(?:[{NAME_START}][{NAME_CHAR}]*)?:(?:[{NAME_CHAR}:%]|\\.)*)
  | (?P<word>[{NAME_START}_][{NAME_CHAR}]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int

    def keyword(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


@dataclass(frozen=True)
class Reference:
    """A keyword reaching outside the store (SERVICE, LOAD) and the IRI it names, if known."""

    keyword: str
    iri: str | None


def unescape(text: str) -> str:
    """Apply SPARQL codepoint escapes, as the grammar does before parsing."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def tokenize(text: str) -> list[Token]:
    """The significant tokens of already unescaped text (no spaces, no comments)."""
    tokens = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            tokens.append(Token(kind, match.group(), match.start()))
    return tokens


@lru_cache(maxsize=64)
def lexed(text: str) -> tuple[str, tuple[Token, ...]]:
    """The unescaped text and its tokens, remembered for the few texts last asked about: a
    request's query is read for several things (its form, its dataset, what it reaches)."""
    unescaped = unescape(text)
    return unescaped, tuple(tokenize(unescaped))


class Reader:
    """Tokens with the prologue in force at each one (PREFIX and BASE may recur in an update)."""

    def __init__(self, text: str, base: str | None, prefixes: Mapping[str, str]):
        self.text, self.tokens = lexed(text)
        self.base = base
        self.prefixes = dict(prefixes)

    def walk(self) -> Iterator[tuple[int, Token, int]]:
        """Each token with its index and the brace depth it sits at; declarations are applied."""
        depth = 0
        for index, token in enumerate(self.tokens):
            if token.text == "{":
                depth += 1
            elif token.text == "}":
                depth -= 1
            elif token.keyword("PREFIX"):
                self.declare_prefix(index)
            elif token.keyword("BASE"):
                self.base = self.resolve(self.at(index + 1))
            yield index, token, depth

    def at(self, index: int) -> Token | None:
        return self.tokens[index] if index < len(self.tokens) else None

    def declare_prefix(self, index: int) -> None:
        name, iri = self.at(index + 1), self.at(index + 2)
        if name is not None and name.kind == "pname" and name.text.endswith(":"):
            self.prefixes[name.text[:-1]] = self.resolve(iri) or ""

    def resolve(self, token: Token | None) -> str | None:
        """The absolute IRI a token names, or None when it names none knowable (a variable)."""
        if token is None:
            return None
        if token.kind == "iri":
            iri = token.text[1:-1]
            return urljoin(self.base, iri) if self.base else iri
        if token.kind == "pname":
            prefix, _, local = token.text.rstrip(".").partition(":")
            namespace = self.prefixes.get(prefix)
            return None if namespace is None else namespace + re.sub(r"\\(.)", r"\1", local)
        return None


def external_references(
    text: str, base: str | None, prefixes: Mapping[str, str]
) -> list[Reference]:
    """Every SERVICE and LOAD in a query or update, with the IRI it reaches."""
    reader = Reader(text, base, prefixes)
    found = []
    for index, token, _ in reader.walk():
        if token.keyword("SERVICE", "LOAD"):
            target = reader.at(index + 1)
            if target is not None and target.keyword("SILENT"):
                target = reader.at(index + 2)
            found.append(Reference(token.text.upper(), reader.resolve(target)))
    return found


def has_from_clause(query: str) -> bool:
    """Whether a query names its own dataset (FROM or FROM NAMED)."""
    reader = Reader(query, None, {})
    return any(token.keyword("FROM") for _, token, _ in reader.walk())


def has_dataset_clause(update: str) -> bool:
    """Whether an update names its own dataset (USING, USING NAMED or WITH)."""
    reader = Reader(update, None, {})
    return any(token.keyword("USING", "WITH") and depth == 0 for _, token, depth in reader.walk())


def with_using(update: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """The update with USING clauses for the protocol's graphs before each DELETE/INSERT's WHERE."""
    reader = Reader(update, None, {})
    clause = " ".join(
        [*(f"USING <{iri}>" for iri in using), *(f"USING NAMED <{iri}>" for iri in using_named)]
    )
    cuts = [
        token.start
        for index, token, depth in reader.walk()
        if depth == 0
        and token.keyword("WHERE")
        and not (index > 0 and reader.tokens[index - 1].keyword("DELETE"))
    ]
    text = reader.text
    for cut in reversed(cuts):
        text = f"{text[:cut]}{clause} {text[cut:]}"
    return text


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of them in the text, if any."""
    for token in lexed(query)[1]:
        if token.keyword("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return token.text.upper()
    return None


def outer_limit(query: str) -> int | None:
    """The LIMIT of the query as a whole (not a subquery's), if it has one."""
    reader = Reader(query, None, {})
    for _, token, depth in reader.walk():
        if depth == 0 and token.keyword("LIMIT"):
            found = re.match(r"LIMIT\s+(\d+)", reader.text[token.start :], re.IGNORECASE)
            return int(found.group(1)) if found else None
    return None


def one_pattern(query: str) -> bool:
    """Whether a query is a single triple pattern, selected or asked as it is (SELECT with plain
    variables or *, or ASK; at most a LIMIT after it). Its engine streams such a query: each
    triple the index finds is a row of the answer, so the work is bounded by the answer's size,
    unlike a query that may scan without answering (FILTER, OFFSET, DISTINCT, ORDER BY, ...)."""
    tokens = prologue_free(lexed(query)[1])
    head = 0
    if tokens and tokens[0].keyword("SELECT"):
        head = 1
        while head < len(tokens) and (tokens[head].kind == "var" or tokens[head].text == "*"):
            head += 1
        if head == 1:
            return False
    elif tokens and tokens[0].keyword("ASK"):
        head = 1
    else:
        return False
    if head < len(tokens) and tokens[head].keyword("WHERE"):
        head += 1
    if head >= len(tokens) or tokens[head].text != "{" or "}" not in (t.text for t in tokens):
        return False
    close = next(i for i in range(head, len(tokens)) if tokens[i].text == "}")
    return is_triple_pattern(tokens[head + 1 : close]) and is_limit(tokens[close + 1 :])


def prologue_free(tokens: Sequence[Token]) -> Sequence[Token]:
    """The tokens after the PREFIX and BASE declarations."""
    index = 0
    while index < len(tokens) and tokens[index].keyword("PREFIX", "BASE"):
        index += 3 if tokens[index].keyword("PREFIX") else 2
    return tokens[index:]


def is_triple_pattern(tokens: Sequence[Token]) -> bool:
    """Three terms (the object maybe a tagged or typed literal), no variable twice: a repeated
    variable would make the index scan triples that are not in the answer."""
    if tokens and tokens[-1].text == ".":
        tokens = tokens[:-1]
    if len(tokens) < 3 or not all(map(is_term, tokens[:2])) or tokens[0].text == "a":
        return False
    obj, rest = tokens[2], tokens[3:]
    if obj.kind == "string":
        tagged = len(rest) == 2 and rest[0].text == "@" and rest[1].kind == "word"
        typed = len(rest) == 3 and rest[0].text == rest[1].text == "^" and is_name(rest[2])
        literal = not rest or tagged or typed
    else:
        literal = not rest and is_term(obj)
    variables = [t.text[1:] for t in tokens[:3] if t.kind == "var"]
    return literal and len(variables) == len(set(variables))


def is_term(token: Token) -> bool:
    return token.kind == "var" or is_name(token) or token.text == "a"


def is_name(token: Token) -> bool:
    return token.kind in ("iri", "pname")


def is_limit(tokens: Sequence[Token]) -> bool:
    """Nothing, or LIMIT and a number (whose digits are tokens of their own)."""
    if not tokens:
        return True
    digits = tokens[1:]
    return tokens[0].keyword("LIMIT") and bool(digits) and all(t.text.isdigit() for t in digits)
