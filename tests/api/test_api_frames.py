"""kg.frames from a live endpoint (SPARQLWrapper) gives the frame the local graph gives."""

from __future__ import annotations

import pandas.testing
from live import Server

from kg.frames import frame


def test_the_endpoint_gives_the_local_frame(readonly: Server) -> None:
    for question in ("lead-most-tasks", "money", "document"):
        pandas.testing.assert_frame_equal(frame(question, readonly.sparql), frame(question))
