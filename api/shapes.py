"""The check every write must pass: the project's SHACL shapes, run by kg.validation."""

from __future__ import annotations

from pyoxigraph import Store


def shacl_check(store: Store) -> tuple[bool, str]:
    """(conforms, the validation report in Turtle) for the store as a write would leave it."""
    # imported here, when a write is checked: it brings pyshacl, which a query worker that only
    # reads need not hold in memory (each of them would, some 20 MB apiece)
    from kg.validation.runner import validate

    report = validate(store)
    return report.conforms, report.to_turtle()
