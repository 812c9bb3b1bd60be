"""The operator's settings for a service: what it serves and how far it lets clients go."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Store

from api.shapes import shacl_check
from kg.graph.iris import BASE, PREFIXES
from kg.paths import ONTOLOGY, SOURCES, TRIPLES
from kg.store.query import MERGED

# A write is checked by this hook: it receives the store as it would be after the write and answers
# (conforms, report in Turtle). It runs in a worker process, so it must be importable
# (a module-level function), not a lambda or closure.
Validator = Callable[[Store], tuple[bool, str]]


@dataclass(frozen=True)
class Settings:
    """Everything create_app needs; the defaults are safe to expose."""

    data: Sequence[Path] = (TRIPLES,)
    store: Path | None = None
    remote: str | None = None  # a SPARQL endpoint served through (read-only), instead of data
    graph_base: str = BASE
    public_base: str | None = None
    sources: Path | None = SOURCES
    ontology: Path = ONTOLOGY  # documented at /ontology
    ontology_graph: bool = True  # also served as a named graph (not beside data of one's own)
    time_limit: float = 5.0
    write_time_limit: float = 30.0
    max_query_bytes: int = 64 * 1024
    max_result_bytes: int = 32 * 1024 * 1024
    max_upload_bytes: int = 16 * 1024 * 1024
    workers: int = 4
    # one on-disk store for every worker instead of a copy in each; None: when the data is large
    shared: bool | None = None
    max_queued: int = 64
    queue_timeout: float = 10.0
    # A client's share of the pool (api.fairness): workers at once (None: half of them, at least
    # one) and jobs waiting (None: a quarter of max_queued, at least one); past the latter, 429
    max_running_per_client: int | None = None
    max_queued_per_client: int | None = None
    # A client whose queries crash a worker crash_limit times within crash_window seconds is
    # refused (429) for crash_refusal seconds, doubled on each further crash up to the max
    crash_limit: int = 2
    crash_window: float = 300.0
    crash_refusal: float = 60.0
    crash_refusal_max: float = 3600.0
    service_allow_list: frozenset[str] = frozenset()
    # how deep brackets may nest in a request: deeper is refused before any worker reads it
    max_nesting: int = 128
    # Named graphs under this prefix (the inferred graph, links) join a query's default graph,
    # unless it names its dataset or asks infer=false
    merged_prefix: str | None = MERGED
    update_token: str | None = None
    validator: Validator | None = shacl_check
    cors_origins: Sequence[str] = ("*",)
    prefixes: dict[str, str] = field(default_factory=lambda: dict(PREFIXES))

    @property
    def writable(self) -> bool:
        return bool(self.update_token)
