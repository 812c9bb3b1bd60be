"""The check every write must pass: the project's SHACL shapes, run by kg.validation."""

from __future__ import annotations

from pyoxigraph import Store

from kg.validation.runner import validate


def shacl_check(store: Store) -> tuple[bool, str]:
    """(conforms, the validation report in Turtle) for the store as a write would leave it."""
    report = validate(store)
    return report.conforms, report.to_turtle()
