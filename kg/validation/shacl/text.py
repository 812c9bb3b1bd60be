"""The human report: by severity, then by task, in Chinese and English, with counts at the end."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

import click
from pyoxigraph import Literal

from kg.graph.iris import PREFIXES as DATA_PREFIXES
from kg.validation.shacl.model import Term
from kg.validation.shacl.vocabulary import PREFIXES, SEVERITIES, SEVERITY_NAMES

if TYPE_CHECKING:
    from kg.validation.shacl.report import Report

HEADINGS = {"Violation": "违规", "Warning": "警告", "Info": "提示"}
COLORS = {"Violation": "red", "Warning": "yellow", "Info": "cyan"}


def render(report: Report, color: bool) -> str:
    lines: list[str] = []
    for severity in SEVERITIES:
        name = SEVERITY_NAMES[severity]
        results = [r for r in report.results if r.severity == severity]
        if not results:
            continue
        heading = f"{name} {HEADINGS[name]} ({len(results)})"
        lines.append(click.style(heading, fg=COLORS[name], bold=True) if color else heading)
        for subject, group in groupby(results, key=report.subject):
            lines.append(f"  {subject.zh} · {subject.en}")
            for result in group:
                lines.append(f"    - {result.message('zh')}")
                lines.append(f"      {result.message('en')}")
                detail = short(result.shape)
                if result.value is not None and result.value != result.focus:
                    detail += f" · value {short(result.value)}"
                lines.append(
                    click.style(f"      {detail}", dim=True) if color else f"      {detail}"
                )
        lines.append("")
    lines.append(summary(report, color))
    return "\n".join(lines) + "\n"


def summary(report: Report, color: bool) -> str:
    counts = report.counts()
    verdict = "conforms 符合" if report.conforms else "does not conform 不符合"
    parts = ", ".join(f"{counts[n]} {n.lower()}s {HEADINGS[n]}" for n in HEADINGS)
    line = f"{verdict}: {parts}"
    if not color:
        return line
    return click.style(line, fg="green" if report.conforms else "red", bold=True)


def short(term: Term) -> str:
    """A term as a person reads it: a prefixed name where one fits."""
    value = term.value
    if isinstance(term, Literal):
        return f'"{value}"'
    for name, namespace in (PREFIXES | DATA_PREFIXES).items():
        if value.startswith(namespace):
            return f"{name}:{value[len(namespace) :]}"
    return f"<{value}>"
