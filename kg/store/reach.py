"""What a SPARQL request reaches outside the store (SERVICE, LOAD) and whether it names its own
dataset (FROM, USING, WITH), read from a parse of the whole text by the SPARQL 1.1 grammar
(rdflib's parser), never from a scan for words.

Before parsing, `may_reach` asks a question that needs no parse: whether the words SERVICE, LOAD,
FROM, USING or WITH can be in the text at all. Keywords are ASCII and case-insensitive, and the
only rewriting the grammar applies before it reads a keyword is the codepoint escape (\\u0053 is
S), so a text in which none of these words occurs, in any ASCII case, either as sent or with its
escapes applied, has none of them as keywords to any conforming parser. Only texts that may have
one pay for the parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.term import URIRef

from kg.store.sparql_text import SparqlTextError, unescape

WORDS = (b"service", b"load", b"from", b"using", b"with")
ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
LOCAL_ESCAPE = re.compile(r"\\(.)")


class Unreadable(ValueError):
    """Text the grammar does not accept (or too deep for the parser to follow)."""


@dataclass(frozen=True)
class Target:
    """What a SERVICE or LOAD names: an absolute IRI, or why it names none that can be checked."""

    keyword: str
    iri: str | None
    problem: str | None = None


@dataclass(frozen=True)
class Reach:
    targets: tuple[Target, ...] = ()
    own_dataset: bool = False


NOTHING = Reach()


def may_reach(text: str) -> bool:
    """Whether SERVICE, LOAD or a dataset clause can be in the text (see the module's note)."""
    try:
        forms = (text, unescape(text))
    except SparqlTextError:
        return True  # the parse refuses it with the reason
    return any(word in form.encode("utf-8").lower() for form in forms for word in WORDS)


def read(
    text: str, prefixes: Mapping[str, str], update: bool = False, always: bool = False
) -> Reach:
    """The SERVICE and LOAD targets of a query or update, and whether it names its dataset;
    `always` parses even a text that cannot have them (to refuse what the grammar does not
    accept)."""
    if not always and not may_reach(text):
        return NOTHING
    tree = parse(text, update)
    if update:
        operations = list(
            zip(field(tree, "prologue") or [], field(tree, "request") or [], strict=False)
        )
        own = any(field(op, "using") or field(op, "withClause") for _, op in operations)
    else:
        operations = [(tree[0], tree[1])]
        own = bool(field(tree[1], "datasetClause"))
    namespaces = dict(prefixes)
    targets = []
    for prologue, operation in operations:
        declare(prologue, namespaces)
        targets.extend(targets_of(operation, namespaces))
    return Reach(tuple(targets), own)


def parse(text: str, update: bool) -> Any:
    try:
        return parseUpdate(text) if update else parseQuery(text)
    except (ParseException, ValueError) as error:
        raise Unreadable(str(error).splitlines()[0]) from error
    except RecursionError as error:
        raise Unreadable("nested too deeply to read") from error


def declare(prologue: Any, namespaces: dict[str, str]) -> None:
    """Apply a prologue's PREFIX declarations (a relative one cannot be a checked target)."""
    for declaration in prologue or ():
        if declaration.name == "PrefixDecl":
            namespaces[field(declaration, "prefix") or ""] = str(field(declaration, "iri"))


def targets_of(operation: Any, namespaces: Mapping[str, str]) -> Iterator[Target]:
    for node in nodes(operation):
        if node.name == "ServiceGraphPattern":
            yield target("SERVICE", field(node, "term"), namespaces)
        elif node.name == "Load":
            yield target("LOAD", field(node, "iri"), namespaces)


def field(node: Any, key: str) -> Any:
    """A grammar node's field as parsed (CompValue.get answers a missing key with the key)."""
    return dict.get(node, key)


def nodes(tree: Any) -> Iterator[Any]:
    """Every grammar node of a parse tree, walked without recursion (trees can be deep)."""
    stack = [tree]
    while stack:
        item = stack.pop()
        if hasattr(item, "name") and isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)


def target(keyword: str, term: Any, namespaces: Mapping[str, str]) -> Target:
    """The absolute IRI a SERVICE or LOAD names as written (no BASE applies: an IRI that needs
    one is refused rather than resolved, so no two readings of a relative IRI can differ)."""
    if getattr(term, "name", None) == "pname":
        prefix = field(term, "prefix") or ""
        if prefix not in namespaces:
            return Target(keyword, None, f"the prefix {prefix}: is not declared")
        iri = namespaces[prefix] + LOCAL_ESCAPE.sub(r"\1", field(term, "localname") or "")
    elif isinstance(term, URIRef):
        iri = str(term)
    else:
        return Target(keyword, None, "a variable cannot be checked against the allow-list")
    if not ABSOLUTE.match(iri):
        return Target(keyword, None, f"<{iri}> is relative: name the endpoint by an absolute IRI")
    return Target(keyword, iri)
