"""The job behind /explore/network.*: the collaboration network of the served dataset as a file,
made in a query worker by the module `policykg network` uses (kg.network), so the command line,
the route and the page's picture show the same network."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Store

from api.jobs import Answer
from kg.network import MEDIA_TYPES, Filters, NetworkFormat, export
from kg.store.sparql_store import SparqlStore


@dataclass(frozen=True)
class NetworkFile:
    """The network in a format, filtered as the page filters it, over the default graph with the
    named graphs under `merge` (as the page's questions see it)."""

    fmt: NetworkFormat
    filters: Filters
    merge: str | None

    def run(self, store: Store | SparqlStore) -> Answer:
        body = export(store, self.fmt, self.filters, self.merge)
        headers = (("Content-Disposition", f'attachment; filename="network.{self.fmt}"'),)
        return Answer(body, MEDIA_TYPES[self.fmt], headers=headers)
