"""What a request may reach outside the store, decided in the worker from a parse of its text
(kg.store.reach) just before the engine runs it, and backed by the engine's own refusal where the
workers are sandboxed (api.sandbox): LOAD never, SERVICE only to the operator's allow-list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from api.errors import JobError
from kg.store.reach import Reach, Unreadable, may_reach, read


@dataclass(frozen=True)
class ReachPolicy:
    """The operator's allow-list for SERVICE, and whether the engine can open connections at all
    (sandboxed: it cannot, so nothing a check misses can leave the machine)."""

    allow_list: frozenset[str] = frozenset()
    sandboxed: bool = False
    # every request parsed, and refused unless SPARQL 1.1: for another store, whose extensions
    # (Virtuoso's DEFINE pragmas that fetch IRIs) this check cannot know
    standard_only: bool = False

    def check(self, text: str, prefixes: Mapping[str, str], update: bool) -> Reach | None:
        """Refuse LOAD, and SERVICE off the allow-list (403). The text's reach, or None where
        the grammar cannot read it and the sandboxed engine is left to accept or refuse it."""
        try:
            reach = read(text, prefixes, update, always=self.standard_only)
        except Unreadable as error:
            if self.sandboxed and not self.standard_only:
                return None
            raise JobError(
                400, f"SPARQL syntax error (read before any SERVICE is called): {error}"
            ) from error
        for target in reach.targets:
            if target.keyword == "LOAD":
                raise JobError(
                    403, "LOAD is disabled on this endpoint: it never reads files or URLs; "
                    "send data with the Graph Store Protocol instead"
                )  # fmt: skip
            if target.iri is None:
                raise JobError(403, f"SERVICE needs a fixed endpoint IRI here: {target.problem}")
            if target.iri not in self.allow_list:
                listed = ", ".join(sorted(self.allow_list)) or "none"
                raise JobError(
                    403, f"SERVICE <{target.iri}> is not on this endpoint's allow-list "
                    f"(allowed: {listed})"
                )  # fmt: skip
        return reach

    def engine_failure(self, text: str, reach: Reach | None, error: Exception) -> JobError | None:
        """An engine failure that came from reaching out, as the client should see it: the
        sandbox's refusal as 403, a SERVICE endpoint's failure as 502 (briefly: never the other
        server's page); None for any other failure."""
        if self.sandboxed and isinstance(error, OSError) and may_reach(text):
            return JobError(
                403, "this endpoint's query engine opens no network connections: SERVICE and "
                "LOAD reach nothing here"
            )  # fmt: skip
        if reach is not None and reach.targets:
            first = " ".join(str(error).split())[:200]
            return JobError(502, f"a SERVICE endpoint failed: {first}")
        return None


NO_SANDBOX = ReachPolicy()  # nothing may be reached and nothing stops the engine trying
