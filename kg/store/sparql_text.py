"""A lexical reading of SPARQL text, in linear time: enough for what the endpoint decides before
a worker reads a request (its form, how deep it nests, whether it is one triple pattern, its
LIMIT). What a request reaches outside the store is never decided here but from a parse
(kg.store.reach).

The SPARQL grammar applies codepoint escapes (\\u0053 is S) before anything else, so they are
applied here too; after that, strings, IRIs and comments are tokens of their own, and tokens
follow the grammar's terminals (VARNAME, PN_PREFIX, PN_LOCAL).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, islice
from typing import NamedTuple

ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# The grammar's character classes (SPARQL 1.1 Query, section 19.8)
PN_CHARS_BASE = (
    r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
    r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
)
PN_CHARS_U = PN_CHARS_BASE + "_"
PN_CHARS = PN_CHARS_U + r"\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
VARNAME_CHARS = PN_CHARS_U + r"0-9\u00B7\u0300-\u036F\u203F-\u2040"
PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
LOCAL = rf":(?:(?:[{PN_CHARS_U}:0-9]|{PLX})(?:\.*+(?:[{PN_CHARS}:]|{PLX}))*+)?"
# Every alternative consumes what it starts on in one pass, closed or not (an unclosed string
# runs to the end of its line, or of the text), so no character is read twice: linear time. A
# run of name characters is one match (a prefixed name where a colon follows its prefix), and
# is split into words afterwards where it is none: scanning the run again from each of its
# words, as separate alternatives would, is quadratic on a.a.a.a...
COMMENT = r"\#[^\n\r]*+"
STRING = r"""'''(?:[^'\\]|\\.|'(?!''))*+(?:'''|\Z)|\"\"\"(?:[^"\\]|\\.|"(?!""))*+(?:\"\"\"|\Z)
              |'(?:[^'\\\n\r]|\\.)*+'?|"(?:[^"\\\n\r]|\\.)*+"?"""
IRI = r"<[^<>\"{}|^`\\\x00-\x20]*+>"
TOKEN = re.compile(
    rf"""
    (?P<space>\s+)
  | (?P<comment>{COMMENT})
  | (?P<string>{STRING})
  | (?P<iri>{IRI})
  | (?P<var>[?$][{VARNAME_CHARS}]++)
  | (?P<name>(?:[{PN_CHARS_BASE}](?:\.*+[{PN_CHARS}])*+)?{LOCAL}
              |_:[{PN_CHARS_U}0-9](?:\.*+[{PN_CHARS}])*+
              |[{PN_CHARS_BASE}](?:\.*+[{PN_CHARS}])*+)
  | (?P<number>[0-9]++(?:\.[0-9]++)?(?:[eE][+-]?[0-9]++)?|\.[0-9]++(?:[eE][+-]?[0-9]++)?)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
WORDS = re.compile(r"(?P<word>[A-Za-z_][A-Za-z0-9_]*+)|(?P<number>[0-9]++)|(?P<other>.)", re.DOTALL)
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*+")
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
# For the nesting depth, read in C: strings, IRIs and comments dropped, then all but brackets
QUOTED = re.compile(rf"{COMMENT}|{STRING}|{IRI}", re.VERBOSE | re.DOTALL)
NOT_BRACKETS = re.compile(r"[^{}()\[\]]++")
DEPTH = {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}
# A query of one triple pattern is short: past this, it is left to the workers unread
ONE_PATTERN_CHARACTERS = 8192
# The query's form is its first keyword after the prologue: looked for among so many tokens
FORM_TOKENS = 4096


class SparqlTextError(ValueError):
    """Text that is not SPARQL before any parsing: a codepoint escape of no character."""


class Token(NamedTuple):
    kind: str
    text: str
    start: int

    def keyword(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


def unescape(text: str) -> str:
    """Apply SPARQL codepoint escapes, as the grammar does before parsing; an escape of no
    character (past U+10FFFF, or a surrogate) is refused."""

    def character(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise SparqlTextError(
                f"the escape {match.group()} at character {match.start()} names no character"
            )
        return chr(code)

    return ESCAPE.sub(character, text)


def tokenize(text: str) -> list[Token]:
    """The significant tokens of already unescaped text (no spaces, no comments), in one pass."""
    tokens: list[Token] = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "name":
            tokens.extend(name_tokens(match.group(), match.start()))
        elif kind != "space" and kind != "comment":
            tokens.append(Token(kind, match.group(), match.start()))  # type: ignore[arg-type]
    return tokens


def name_tokens(run: str, start: int) -> list[Token]:
    """A run of name characters as the grammar reads it: a prefixed name or a blank node label
    whole, a keyword whole, anything else (true.SERVICE) word by word."""
    if ":" in run:
        return [Token("pname", run, start)]
    if WORD.fullmatch(run):
        return [Token("word", run, start)]
    return [Token(m.lastgroup, m.group(), start + m.start()) for m in WORDS.finditer(run)]  # type: ignore[misc]


@lru_cache(maxsize=4)
def lexed(text: str) -> tuple[str, tuple[Token, ...]]:
    """The unescaped text and its tokens, remembered for the last few texts: a text is read for
    several things in one stretch (whether it is one pattern and its LIMIT; an update's dataset
    clauses, then its USING added). Few, because a 64 kB text can be 64,000 tokens."""
    unescaped = unescape(text)
    return unescaped, tuple(tokenize(unescaped))


class Reader:
    """A text's tokens, each with the brace depth it sits at."""

    def __init__(self, text: str):
        self.text, self.tokens = lexed(text)

    def walk(self) -> Iterator[tuple[int, Token, int]]:
        """Each token with its index and the brace depth it sits at."""
        depth = 0
        for index, token in enumerate(self.tokens):
            if token.text == "{":
                depth += 1
            elif token.text == "}":
                depth -= 1
            yield index, token, depth


def nesting(text: str) -> int:
    """How deep brackets ({, ( and [) nest in a text, outside strings, IRIs and comments (one
    pass in C whatever the text: this runs on the event loop for every request)."""
    brackets = NOT_BRACKETS.sub("", QUOTED.sub("", unescape(text)))
    return max(accumulate(map(DEPTH.__getitem__, brackets)), default=0)


def has_from_clause(query: str) -> bool:
    """Whether a query names its own dataset (FROM or FROM NAMED)."""
    reader = Reader(query)
    return any(token.keyword("FROM") for _, token, _ in reader.walk())


def has_dataset_clause(update: str) -> bool:
    """Whether an update names its own dataset (USING, USING NAMED or WITH)."""
    reader = Reader(update)
    return any(token.keyword("USING", "WITH") and depth == 0 for _, token, depth in reader.walk())


def with_using(update: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """The update with USING clauses for the protocol's graphs before each DELETE/INSERT's WHERE."""
    reader = Reader(update)
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
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of them in the text, if any among its first
    tokens (a prologue of a thousand prefixes fits; the engine reads the rest)."""
    for match in islice(TOKEN.finditer(unescape(query)), FORM_TOKENS):
        if match.lastgroup == "name" and match.group().upper() in QUERY_FORMS:
            return match.group().upper()
    return None


def outer_limit(query: str) -> int | None:
    """The LIMIT of the query as a whole (not a subquery's), if it has one."""
    reader = Reader(query)
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
    if len(query) > ONE_PATTERN_CHARACTERS:
        return False
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
