"""A small lexicon written for a test: standard names by function and level, and reforms."""

from __future__ import annotations

import csv
from pathlib import Path

from kg.resolution.lexicon import (
    BODY_COLUMNS,
    NATIONAL_COLUMNS,
    REFORM_COLUMNS,
    Lexicon,
    load_lexicon,
)

SOURCE = "https://example.org/standard-names"
BODIES = [
    # function, level, name, short, kind, valid_from, valid_until
    ("government", "province", "人民政府", "政府", "government", "", ""),
    ("government", "prefecture", "人民政府", "政府", "government", "", ""),
    ("government", "county", "人民政府", "政府", "government", "", ""),
    ("finance", "province", "财政厅", "", "department", "", ""),
    ("finance", "prefecture", "财政局", "", "department", "", ""),
    ("finance", "county", "财政局", "", "department", "", ""),
    ("statistics", "prefecture", "统计局", "", "department", "", ""),
    ("development-reform", "prefecture", "发展和改革委员会", "发改委|发展改革委", "department",
     "", ""),
    ("development-reform", "county", "发展和改革局", "发改局|发展改革局", "department", "", ""),
    ("human-resources-social-security", "prefecture", "人力资源和社会保障局",
     "人社局|人力资源社会保障局", "department", "2008", ""),
    ("environmental-protection", "prefecture", "环境保护局", "环保局", "department", "", "2019-01"),
    ("ecology-environment", "prefecture", "生态环境局", "", "department", "2019-01", ""),
    ("taxation", "prefecture", "国家税务总局{place}税务局", "税务局", "vertically-managed",
     "2018-07", ""),
    ("publicity", "prefecture", "中共{place}委宣传部", "", "party-department", "", ""),
    ("party-committee", "prefecture", "中共{place}委员会", "委", "party-committee", "", ""),
    ("disabled-persons-federation", "prefecture", "残疾人联合会", "残联", "people-organization",
     "", ""),
]  # fmt: skip
NATIONAL = [("finance", "mof", ""), ("environmental-protection", "sepa|mep", "")]
REFORMS = [
    ("2018-environment", "2019-01", "prefecture", "rename", "environmental-protection",
     "ecology-environment"),
]  # fmt: skip


def write_lexicon(folder: Path, bodies: list[tuple[str, ...]] = BODIES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "bodies.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(BODY_COLUMNS)
        writer.writerows([*row, SOURCE, "", ""] for row in bodies)
    with (folder / "reforms.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REFORM_COLUMNS)
        writer.writerows([*row, SOURCE, "", ""] for row in REFORMS)
    with (folder / "national.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(NATIONAL_COLUMNS)
        writer.writerows(NATIONAL)
    return folder


def lexicon(folder: Path) -> Lexicon:
    write_lexicon(folder)
    return load_lexicon(folder)
