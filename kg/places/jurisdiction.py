"""The government a document speaks for, and how that was found: its catalogue entry, the issuer
its title or imprint names, or the issuing organ's code in its document number (文号), told apart
by the salutation (主送) where two governments write the code."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import SourceError
from kg.places.divisions import NATION, Division, Divisions
from kg.sources.text import to_simplified

# What may follow a government's place where the text names an issuer: an organ (人民政府,
# 办公厅, 发展和改革委员会 ...), a year (潍坊市2017年…), or the quoted title of a plan
ORGAN = r"(?:人民政府|政府|党委|[^\s，、。]{0,12}?(?:局|厅|委|办公室|办公厅|办))"
ISSUER_FOLLOWS = re.compile(rf"(?:{ORGAN}(?:关于|印发|转发|、|《|\s|$|\d{{4}}年)|\d{{4}}年|《)")
BELOW_COUNTY = ("街道", "镇", "乡", "社区", "村")  # 西区街道: a place below the county's
LEADING = re.compile(r"^[\s(（【\[]*(?:中共)?")  # a bracket, or the party committee's 中共
CLOSING = "）)】] "
# The State Council and the Central Committee as issuers
NATIONAL = re.compile(r"^(?:国务院|中共中央)(?:办公厅)?(?:关于|印发|转发|\s|$)")
ORGAN = re.compile(
    r"^\s*([^\s〔\[［(（0-9]{2,8})\s*[〔\[［(（]\s*\d{4}"
)  # 东府〔2021〕54号 -> 东府
# A salutation (主送): the bodies addressed, the last of them a body's noun, then a colon; no
# verb (各市、县要抓好以下工作： is the text's own)
SALUTATION = re.compile(
    r"^\s*各[^。；;要应须将]{1,80}?(?:政府|公署|办事处|管委会|委员会|部门|单位|机构|局|厅|委|办)"
    r"[：:]\s*$"
)
WRAPPED = 2  # the most lines a salutation is continued on
# What the first governments a salutation addresses say of its issuer: 各市、县 (各地级以上市,
# 各市（州）, 各盟市) are a province's; 各区、县 (各县（市、区）, 各区人民政府, 各市（县）、区:
# its county-level cities) a city's, or a municipality's such as 北京市; 各镇、乡、街道 a
# county's, or a city's without districts
ADDRESSED = (
    (re.compile(r"^各市[（(]县"), "city"),
    (
        re.compile(
            r"^各(?:地级以上市|省辖市|设区的市|盟市|地、州、市|州、市|市、州|市州|市人民政府"
            r"|市[、，,]?(?:县|自治县)|市[、，,（(]?(?:州|自治州|地区))"
        ),
        "province",
    ),
    (re.compile(r"^各(?:区|县)(?:[、，,（(/县区市]|人民政府|政府)"), "city"),
    (re.compile(r"^各(?:镇|乡|街道)"), "county"),
)


@dataclass(frozen=True)
class Jurisdiction:
    """The divisions a document's governments govern (two for some joint documents; none where
    nothing says), and the evidence."""

    places: tuple[Division, ...] = ()
    evidence: str = "nothing in the catalogue or the text names the issuing government"

    def __bool__(self) -> bool:
        return bool(self.places)


@dataclass(frozen=True)
class Clues:
    """What a document says of its issuer, in the order it is trusted."""

    catalogue: tuple[str, ...] = ()  # division codes the catalogue gives (or its publishers')
    heading: str | None = None  # the text's own heading: a place it opens with is its own
    title: str | None = None
    printer: str | None = None  # the imprint's 印发 line
    front: tuple[str, ...] = ()  # the lines above the first task: a title, an issuer, a signature
    identifier: str | None = None
    given: str | None = None  # a code the user gave for documents that do not say (--jurisdiction)
    day: dt.date | None = None


@dataclass(frozen=True)
class Prefixes:
    """Organ codes of document numbers (粤府, 穗府办, 国发) and the divisions of their issuers."""

    codes: dict[str, tuple[str, ...]]

    def learned(self, pairs: Iterable[tuple[str, tuple[str, ...]]]) -> Prefixes:
        """These prefixes and those of catalogued documents: (document number, issuers' codes)."""
        codes = dict(self.codes)
        for identifier, places in pairs:
            if (organ := organ_of(identifier)) and places:
                codes[organ] = tuple(dict.fromkeys((*codes.get(organ, ()), *places)))
        return Prefixes(codes)

    def matching(self, identifier: str) -> tuple[str, tuple[str, ...]]:
        """The longest known organ code a document number starts with, and its divisions."""
        organ = organ_of(identifier) or ""
        for size in range(len(organ), 1, -1):
            if found := self.codes.get(organ[:size]):
                return organ[:size], found
        return "", ()


def salutation_of(lines: Iterable[str]) -> str | None:
    """The first salutation above the tasks (各区人民政府，市政府各部门：): a line that opens
    with 各, joined to the next ones where it goes on (a PDF wraps long ones)."""
    texts = [to_simplified(line).strip() for line in lines]
    for first, text in enumerate(texts):
        if text.startswith("各"):
            for last in range(first + 1, min(first + 2 + WRAPPED, len(texts) + 1)):
                if SALUTATION.match(joined := "".join(texts[first:last])):
                    return joined
    return None


def addressed(salutation: str) -> str | None:
    """Whose bodies a salutation (as salutation_of gives it) addresses first: a province's, a
    city's, a county's."""
    return next((level for pattern, level in ADDRESSED if pattern.match(salutation)), None)


def issues_to(place: Division, level: str) -> bool:
    """Whether a government of a place addresses that level's bodies first: a province its
    cities (a municipality such as 北京市 its districts, as a city does), a city its districts
    and counties, a county its towns; so may a city, since one without districts (东莞市)
    addresses its towns, and the divisions do not say which cities have none."""
    municipality = place.level == "province" and place.name.endswith("市")
    if level == "province":
        return place.level == "province" and not municipality
    if level == "city":
        return place.level == "prefecture" or municipality
    return place.level in ("county", "prefecture")


def organ_of(identifier: str) -> str | None:
    """The issuing organ's code of a document number: 东府〔2021〕54号 -> 东府."""
    match = ORGAN.match(identifier)
    return match.group(1) if match else None


def load_prefixes(path: Path, divisions: Divisions) -> Prefixes:
    """The organ codes of data/divisions/prefixes.csv (each with an example and its source)."""
    codes: dict[str, tuple[str, ...]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                prefix, code = row.get("prefix") or "", row.get("division") or ""
                if len(prefix) < 2 or not row.get("source"):
                    raise SourceError(path, reader.line_num, "a prefix of 2+ characters and its "
                                      "source are required", "prefix")  # fmt: skip
                divisions.checked(code, path, reader.line_num, "division")
                codes[prefix] = (*codes.get(prefix, ()), code)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SourceError(path, None, f"cannot read the file: {error}") from error
    return Prefixes(codes)


@dataclass(frozen=True)
class Finder:
    """Finds documents' jurisdictions among the divisions."""

    divisions: Divisions
    prefixes: Prefixes

    def find(self, clues: Clues) -> Jurisdiction:
        year = clues.day.year if clues.day else None
        if clues.catalogue:
            places = tuple(self.divisions.get(code, year) for code in clues.catalogue)
            return Jurisdiction(places, "catalogue")
        texts = [("heading", clues.heading), ("title", clues.title), ("imprint", clues.printer)]
        texts += [("text", line) for line in clues.front]
        for where, text in texts:
            loose = where in ("heading", "imprint")  # a heading's place, the printer's: their own
            if text and (place := self.issuer_place(text, year, loose)):
                return Jurisdiction((place,), f"{where}: {text[:40]}")
        if clues.identifier:
            organ, codes = self.prefixes.matching(clues.identifier)
            places = [self.divisions.get(code, year) for code in codes]
            evidence = f"document number: {organ}"
            salutation = salutation_of(clues.front)
            if len(places) > 1 and salutation and (level := addressed(salutation)):
                places = [place for place in places if issues_to(place, level)]
                evidence += f", salutation: {salutation.strip()[:40]}"
            if len(places) == 1:
                return Jurisdiction((places[0],), evidence)
        if clues.given:
            return Jurisdiction((self.divisions.get(clues.given, year),), "given by the user")
        return Jurisdiction()

    def issuer_place(self, text: str, year: int | None, loose: bool = False) -> Division | None:
        """The division an issuer's name starts with (广东省广州市 -> 广州市; (湖北省)武汉市 ->
        武汉市; the nation for 国务院; an ambiguous 朝阳区 alone -> None), where an organ and
        关于/印发, a year or a quoted title follows it (or anything but a street or town, for a
        `loose` text: a heading is its own document's)."""
        rest = LEADING.sub("", to_simplified(text))
        if NATIONAL.match(rest):
            return NATION
        place: Division | None = None
        while True:
            name, found = self.divisions.starting(rest, year)
            below = [
                d for d in found if place is None or place in self.divisions.ancestors(d, year)
            ]
            if len(below) != 1:
                break
            place, rest = below[0], rest[len(name) :].lstrip(CLOSING)
        if place is None or rest.startswith(BELOW_COUNTY):
            return None
        return place if loose or ISSUER_FOLLOWS.match(rest) else None
