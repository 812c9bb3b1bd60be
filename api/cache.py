"""Answers kept while the dataset does not change: keyed by the dataset's version and a digest of
everything that shapes an answer (query, base, dataset clauses, merged graphs, format), with an
ETag so a client that has the answer gets 304 Not Modified. A write makes a new version, which
empties it. The memory it holds is bounded: keys are fixed-size digests (never the query texts,
up to 64 kB each), and every entry counts its bookkeeping as well as its body."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field

from api.jobs import Answer, Query

Key = tuple[int, bytes]
# What an entry holds beside its body: the key and its digest, the Answer, the dictionary's node
ENTRY_BYTES = 512


def key_of(version: int, job: Query) -> Key:
    shape = (job.text, job.base_iri, job.results_format, job.graph_format,
             job.default_graphs, job.named_graphs, job.merge)  # fmt: skip
    return version, hashlib.sha256(repr(shape).encode("utf-8")).digest()


def etag(key: Key) -> str:
    """A tag for the answer to this key: another version of the dataset, another tag."""
    version, digest = key
    return '"' + hashlib.sha256(b"%d:%s" % (version, digest)).hexdigest()[:32] + '"'


def cost(answer: Answer) -> int:
    return len(answer.body) + ENTRY_BYTES


@dataclass
class ResultCache:
    """Least recently used answers, up to `limit` bytes in all (bodies and bookkeeping)."""

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
        if answer.status != 200 or cost(answer) > self.limit // 8 or key in self.entries:
            return
        self.entries[key] = answer
        self.size += cost(answer)
        while self.size > self.limit:
            _, dropped = self.entries.popitem(last=False)
            self.size -= cost(dropped)

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
