"""Answers kept while the dataset does not change: keyed by the dataset's version and everything
that shapes an answer (query, base, dataset clauses, merged graphs, format), with an ETag so a
client that has the answer gets 304 Not Modified. A write makes a new version, which empties it."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field

from api.jobs import Answer, Query

Key = tuple


def key_of(version: int, job: Query) -> Key:
    return (version, job.text, job.base_iri, job.results_format, job.graph_format,
            job.default_graphs, job.named_graphs, job.merge)  # fmt: skip


def etag(key: Key) -> str:
    return '"' + hashlib.sha256(repr(key).encode("utf-8")).hexdigest()[:32] + '"'


@dataclass
class ResultCache:
    """Least recently used answers, up to `limit` bytes of bodies."""

    limit: int = 64 * 1024 * 1024
    version: int | None = None
    entries: OrderedDict[Key, Answer] = field(default_factory=OrderedDict)
    size: int = 0

    def get(self, key: Key) -> Answer | None:
        self.follow(key[0])
        answer = self.entries.get(key)
        if answer is not None:
            self.entries.move_to_end(key)
        return answer

    def put(self, key: Key, answer: Answer) -> None:
        self.follow(key[0])
        if answer.status != 200 or len(answer.body) > self.limit // 8 or key in self.entries:
            return
        self.entries[key] = answer
        self.size += len(answer.body)
        while self.size > self.limit:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)

    def follow(self, version: int) -> None:
        """Forget every answer of an older version of the dataset."""
        if version != self.version:
            self.entries.clear()
            self.size, self.version = 0, version


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an If-None-Match header names this ETag (or *)."""
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or tag in tags
