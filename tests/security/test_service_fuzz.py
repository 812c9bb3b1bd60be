"""A property-based adversary for the reach check: Hypothesis writes queries that hide SERVICE (and
its target) by every lexical means the grammar allows — codepoint escapes, any ASCII case,
comments, no spaces, variables glued to the keyword, prefixed names with escapes, BASE and
relative IRIs, nesting in OPTIONAL, EXISTS, UNION and subqueries — and decoys that only mention it
in strings, IRIs and comments. Each query is run twice: through the check (api.reach), and by the
engine itself with no check, in this process, against a listener. The property: whatever the
engine would send out, the check refuses. POLICYKG_FUZZ_EXAMPLES sets how many (CI: 1,500; the
README gives the figure of a 10,000-query run).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listener import Listener, listening
from pyoxigraph import Store

from api.errors import JobError
from api.reach import ReachPolicy
from kg.graph.iris import PREFIXES

EXAMPLES = int(os.environ.get("POLICYKG_FUZZ_EXAMPLES", "1500"))
ALLOWED = "http://allowed.invalid/sparql"  # on the allow-list, never reachable
BASE = "http://127.0.0.1/"


def escaped(draw: st.DrawFn, text: str, letters: bool = True) -> str:
    """Text with some characters written as \\u or \\U codepoint escapes."""
    out = []
    for character in text:
        how = draw(st.sampled_from(["plain", "plain", "plain", "u", "U"]))
        if how == "u" and (letters or not character.isalpha()):
            out.append(f"\\u{ord(character):04X}")
        elif how == "U" and (letters or not character.isalpha()):
            out.append(f"\\U{ord(character):08x}")
        else:
            out.append(character)
    return "".join(out)


def keyword(draw: st.DrawFn, word: str) -> str:
    """A keyword in any ASCII case, sometimes escaped (which Oxigraph reads as no keyword)."""
    cased = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in word)
    return escaped(draw, cased) if draw(st.integers(0, 5)) == 0 else cased


def gap(draw: st.DrawFn) -> str:
    """What may separate tokens: nothing, spaces, line breaks, comments."""
    return draw(st.sampled_from(["", " ", "\t", "\n", "  ", " #c\n", "#SERVICE <x>\n", "\r\n"]))


def target(draw: st.DrawFn, url: str) -> tuple[str, str]:
    """(prologue, term) naming `url` by an IRI, an escaped IRI, a prefixed name or BASE."""
    how = draw(st.sampled_from(["iri", "escaped", "pname", "pname-escaped", "base", "empty"]))
    head, _, tail = url.rpartition("/")
    if how == "iri":
        return "", f"<{url}>"
    if how == "escaped":
        return "", f"<{escaped(draw, url)}>"
    if how == "pname":
        return f"PREFIX r: <{head}/>{gap(draw)}", f"r:{tail}"
    if how == "pname-escaped":
        return f"PREFIX r{escaped(draw, ':')} <{head}/>\n", "r:" + "\\-".join(tail.split("-"))
    if how == "base":
        return f"BASE <{head}/>{gap(draw)}", f"<{tail}>"
    return f"PREFIX : <{head}/>{gap(draw)}", f":{tail}"


def glue(draw: st.DrawFn) -> str:
    """What comes before SERVICE in its group: nothing, a triple glued on, a group, a filter."""
    return draw(
        st.sampled_from(
            [
                "",
                "?x ?y ?z.",
                "?x ?y $z.",
                "?x ?y ?z .",
                "?x ?y 1.",
                "?x ?y true.",
                "?x ?y 'a'.",
                "?x ?y <urn:o>.",
                "?x <urn:p> ?o;<urn:q> ?r.",
                "{}",
                "FILTER(true)",
                "BIND(1 AS ?b)",
                "?x ?y ?z.#\n",
            ]
        )
    )


def wrap(draw: st.DrawFn, pattern: str) -> str:
    """The SERVICE pattern where it sits: a group, OPTIONAL, UNION, EXISTS, MINUS, a subquery."""
    for _ in range(draw(st.integers(0, 2))):
        how = draw(st.sampled_from(["group", "optional", "union", "exists", "minus", "select"]))
        pattern = {
            "group": f"{{{pattern}}}",
            "optional": f"OPTIONAL{gap(draw)}{{{pattern}}}",
            "union": f"{{}}UNION{{{pattern}}}",
            "exists": f"FILTER{gap(draw)}EXISTS{{{pattern}}}",
            "minus": f"?a ?b ?c MINUS{{{pattern}}}",
            "select": f"{{SELECT * WHERE{{{pattern}}}}}",
        }[how]
    return pattern


def decoy(draw: st.DrawFn, url: str) -> str:
    """SERVICE only mentioned: in a string, an IRI, a comment. The engine sends nothing."""
    return draw(
        st.sampled_from(
            [
                f"BIND('SERVICE <{url}> {{}}' AS ?d)",
                f'BIND("""SERVICE <{url}>""" AS ?d)',
                f"?d <urn:SERVICE> <{url}>",
                f"# SERVICE <{url}> {{}}\n",
                "?service ?load ?from",
            ]
        )
    )


@st.composite
def queries(draw: st.DrawFn, url: str) -> str:
    prologue, term = target(draw, url)
    silent = keyword(draw, "SILENT") + gap(draw) if draw(st.booleans()) else ""
    service = f"{keyword(draw, 'SERVICE')}{gap(draw) or ' '}{silent}{term}{gap(draw)}{{}}"
    body = f"{glue(draw)}{gap(draw)}{wrap(draw, service)}"
    if draw(st.booleans()):
        body = f"{decoy(draw, url)}{gap(draw)}{body}"
    if draw(st.integers(0, 4)) == 0:
        body = decoy(draw, url)  # nothing but a mention
    select = keyword(draw, "SELECT")
    return f"{prologue}{select}{gap(draw) or ' '}*{gap(draw)}WHERE{gap(draw)}{{{body}}}"


def engine_reaches(store: Store, query: str, listener: Listener) -> bool:
    """Whether the engine, with nothing in front of it, connects to the listener for this query."""
    before = listener.connections
    with contextlib.suppress(SyntaxError, OSError, ValueError, RuntimeError):
        list(store.query(query, base_iri=BASE, prefixes=PREFIXES))
    return listener.connections > before


def refused(policy: ReachPolicy, query: str) -> bool:
    try:
        policy.check(query, PREFIXES, update=False)
    except JobError as error:
        assert error.status in (400, 403), error.message
        return True
    return False


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as probe:
        yield probe


@pytest.mark.parametrize(
    "policy",
    [ReachPolicy(), ReachPolicy(frozenset({ALLOWED}))],
    ids=["no allow-list", "an allow-list"],
)
def test_whatever_the_engine_would_send_out_the_check_refuses(
    listener: Listener, policy: ReachPolicy
) -> None:
    store = Store()
    seen = {"reached": 0, "all": 0}

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(queries(listener.url))
    def property(query: str) -> None:
        seen["all"] += 1
        if engine_reaches(store, query, listener):
            seen["reached"] += 1
            assert refused(policy, query), f"the check let through: {query!r}"

    property()
    # the adversary is a real one: a good share of its queries do reach out when unchecked
    assert seen["reached"] > seen["all"] // 4, seen
