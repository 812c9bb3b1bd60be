"""The words that assign a task: （牵头单位：A，配合单位：B）, （A牵头，B、C配合）, 责任单位：A.

Two grammars cover the forms documents use:
- keyed: 牵头单位：A；配合单位：B、C / 责任单位：A、B (in brackets, or on lines of their own);
- verbal: A牵头，B、C配合 / A牵头，B、C按职责分工负责 / A、B负责 / 国务院各部门分别负责.
Where no lead is named, every body named is responsible (lead), unless the document states once
that the first listed leads (排在第一位的为牵头单位); then the first leads and the rest cooperate,
and a bracket that only lists bodies (（省发展改革委，省财政厅、省商务厅）) assigns them so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.errors import SourceError
from kg.sources.assignees import looks_like_bodies, parse_assignees
from kg.sources.records import Mention
from kg.sources.spans import SpannedText

LEAD, COOPERATING, RESPONSIBLE = "lead", "cooperating", "responsible"

_UNIT = r"(?:单位|部门|机构|处室)"
KEY = re.compile(
    rf"(?P<key>(?:牵头|主办|主责)(?:责任)?{_UNIT}?|(?:配合|协办|协助|协同|参与|参加)(?:责任)?{_UNIT}"
    rf"|(?:主要)?责任{_UNIT}"
    rf"|(?:负责|实施){_UNIT})\s*[：:]"
)
KEY_ROLES = (
    (re.compile(r"^(?:牵头|主办|主责)"), LEAD),
    (re.compile(r"^(?:配合|协办|协助|协同|参与|参加)"), COOPERATING),
)
VERB = re.compile(
    r"(?P<verb>(?:分别|按职(?:责|能)分工)?牵头(?:负责|落实)?|按职(?:责|能)分工(?:负责|落实)|按职责负责|分别负责"
    r"|共同负责|负责落实|负责|(?:协同)?配合(?:落实)?|参与|参加|协助|协同)$"
)
# 由发展改革委会同中央农办、农业部等部门研究提出落实意见: the first leads, those it works with
# (会同) cooperate
TOGETHER = re.compile(
    r"^由?(?P<lead>[^，；]+?)会同(?P<with>[^，；]+?)(?:负责|研究|提出|落实|制定|组织|推进|做好)"
)
# 具体职能部门负责起草: bodies responsible for a named part of the work
DUTY = re.compile(r"(?P<verb>负责)[\u4e00-\u9fff]{1,6}$")
LEAD_VERB = re.compile(r"^(?:分别|按职(?:责|能)分工)?牵头")
COOPERATING_VERB = re.compile(r"^(?:(?:协同)?配合|参与|参加|协助|协同)")
CLAUSE_SEPARATORS = "，；"
# The first listed leads, in any of its wordings: 排在第一位的为牵头单位, 排在首位的部门为牵头部门,
# 列第一位的为牵头单位, 列第一位者为牵头单位, 列在任务分工首位的为牵头单位, 排名第1为牵头单位,
# 排名第一的单位为牵头单位, 位列第一的为牵头部门
FIRST_LEADS = re.compile(
    r"(?:排|列)(?:名|在|于)?[^，。；]{0,8}?(?:第(?:一|1)位?|首位)(?:的|者)?(?:单位|部门)?"
    r"(?:为|是)牵头"
)
# 负责部门：A、B；适用范围：所有自贸试验区: a key of no role (where it applies, when) closes the
# value before it, and neither it nor what follows it names bodies
OTHER_KEY = re.compile(r"[；，。]\s*[\u4e00-\u9fff]{2,8}[：:]")
# Where a document states the first-listed rule inside its first annotation: （A、B负责。列第一位者
# 为牵头单位，下同）; the sentence that states it (from its 。 or ；) assigns nothing
STATEMENT_START = "。；"
NOT_NAMES = re.compile(r"^(?:各地区?|各地各部门)$")
# 以下各项均需各市按职责分工负责，不再列出: a rule for the items that follow, not an assignee
NOT_A_CLAUSE = re.compile(r"以下|以上各项|均需|均要|不再")


@dataclass(frozen=True)
class Assignment:
    """What an annotation assigns: the leads, the cooperators, and any words left (a deadline)."""

    leads: tuple[Mention, ...]
    cooperators: tuple[Mention, ...]
    rest: str | None = None
    lead_named: bool = True  # False: the leads are the bodies responsible, no 牵头 was written


def states_first_leads(text: str) -> bool:
    """Whether a document states once that the first body listed leads."""
    return FIRST_LEADS.search(text) is not None


def has_key(text: SpannedText) -> bool:
    return KEY.search(text.text) is not None


def looks_assigning(text: str) -> bool:
    """Whether words could be an assignment (a key such as 牵头单位：, or a role verb)."""
    text = text[: statement_start(text)]
    return bool(KEY.search(text)) or any(
        VERB.search(clause) for clause in re.split(f"[{CLAUSE_SEPARATORS}]", text)
    )


def parse_annotation(
    text: SpannedText, path: str, first_leads: bool, where: str = "annotation"
) -> Assignment:
    """Parse the words of an annotation; words that assign nothing are a located error."""
    text = without_statement(text.strip()).strip().strip("。；，")
    parsed = _keyed(text, path) if has_key(text) else _together(text, path) or _verbal(text, path)
    if parsed is None and first_leads and looks_like_bodies(text.text):
        parsed = Assignment(parse_assignees(text, path, where), (), lead_named=False)
    if parsed is None:
        line = text.span.first if text.lines else None
        raise SourceError(path, line, f"cannot read the assignment {text.as_printed!r}", where)
    return apply_first_leads(parsed, first_leads)


def statement_start(text: str) -> int:
    """Where the sentence of an annotation that states the first-listed rule starts (its 。 or
    ；); the length of the text where it has none."""
    statement = FIRST_LEADS.search(text)
    if statement is None:
        return len(text)
    start = max(text.rfind(mark, 0, statement.start()) for mark in STATEMENT_START)
    return start if start > 0 else len(text)


def without_statement(text: SpannedText) -> SpannedText:
    """An annotation without the sentence in it that states the first-listed rule."""
    return text[: statement_start(text.text)]


def works_with(words: str) -> re.Match[str] | None:
    """Whether words are 由A会同B、C负责……, A and B、C only naming bodies."""
    match = TOGETHER.match(words)
    if match is None or not all(looks_like_bodies(match[part]) for part in ("lead", "with")):
        return None
    return match


def _together(text: SpannedText, path: str) -> Assignment | None:
    """由A会同B、C负责……: A leads, B and C cooperate; None where the words are not of that form."""
    match = works_with(text.text)
    if match is None:
        return None
    lead = text[match.start("lead") : match.end("lead")]
    partners = text[match.start("with") : match.end("with")]
    return Assignment(parse_assignees(lead, path, "牵头"), parse_assignees(partners, path, "会同"))


def _keyed(text: SpannedText, path: str) -> Assignment | None:
    matches = list(KEY.finditer(text.text))
    if text[: matches[0].start()].strip().strip("，；"):
        return None
    runs: list[tuple[str, SpannedText]] = []
    for match, after in zip(matches, [*matches[1:], None], strict=True):
        value = text[match.end() : after.start() if after else len(text.text)]
        if other := OTHER_KEY.search(value.text):
            value = value[: other.start()]
        value = value.strip().strip("，；。").strip()
        if not value:
            return None
        runs.append((match["key"], value))
    roles = [(_key_role(key), key, value) for key, value in runs]
    lead_named = any(role == LEAD for role, _, _ in roles)
    leads: list[Mention] = []
    cooperators: list[Mention] = []
    for role, key, value in roles:
        mentions = parse_assignees(value, path, key)
        is_lead = role == LEAD or (role == RESPONSIBLE and not lead_named)
        (leads if is_lead else cooperators).extend(mentions)
    return Assignment(tuple(leads), tuple(cooperators), lead_named=lead_named)


def _key_role(key: str) -> str:
    for pattern, role in KEY_ROLES:
        if pattern.match(key):
            return role
    return RESPONSIBLE


def _verbal(text: SpannedText, path: str) -> Assignment | None:
    """A牵头，B、C配合: clauses closed by a role verb; words after the last one are kept as rest."""
    clauses: list[tuple[str, SpannedText]] = []
    pending = SpannedText.empty()
    for part in _clauses(text):
        candidate = part if not pending else pending + SpannedText.at("，", part.lines[0]) + part
        match = VERB.search(candidate.text) or _duty(candidate.text)
        if match is None:
            pending = candidate
            continue
        names = candidate[: match.start()].strip()
        if names.startswith("由"):
            names = names[1:]
        if NOT_A_CLAUSE.search(names.text):
            pending = candidate
            continue
        if not names or NOT_NAMES.match(names.text):
            return None
        clauses.append((match["verb"], names))
        pending = SpannedText.empty()
    if not clauses:
        return None
    leads: list[Mention] = []
    cooperators: list[Mention] = []
    lead_named = any(_verb_role(verb) == LEAD for verb, _ in clauses)
    for verb, names in clauses:
        mentions = parse_assignees(names, path, verb)
        role = _verb_role(verb) or (COOPERATING if lead_named else LEAD)
        (leads if role == LEAD else cooperators).extend(mentions)
    rest = pending.strip().as_printed or None
    return Assignment(tuple(leads), tuple(cooperators), rest, lead_named)


def _duty(clause: str) -> re.Match[str] | None:
    """负责 and the work, where the words before it only name bodies."""
    match = DUTY.search(clause)
    return match if match and looks_like_bodies(clause[: match.start()]) else None


def _verb_role(verb: str) -> str | None:
    """牵头 leads, 配合 cooperates; None for the verbs of responsibility (负责, 按职责分工负责),
    whose role is cooperating beside a named lead and lead without one."""
    if LEAD_VERB.match(verb):
        return LEAD
    return COOPERATING if COOPERATING_VERB.match(verb) else None


def _clauses(text: SpannedText) -> list[SpannedText]:
    parts = [part.strip() for part in text.split(CLAUSE_SEPARATORS)]
    return [part for part in parts if part]


def combined(closing: Assignment, parts: list[Assignment]) -> Assignment:
    """An item's closing assignment with those of its parts: each body once in each role."""
    if not parts:
        return closing
    everything = [closing, *parts]
    leads = _once(m for a in everything for m in a.leads)
    lead_names = {m.meant for m in leads}
    cooperators = _once(m for a in everything for m in a.cooperators if m.meant not in lead_names)
    lead_named = any(a.lead_named for a in everything)
    return Assignment(leads, cooperators, closing.rest, lead_named)


def _once(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.meant, mention)
    return tuple(seen.values())


def apply_first_leads(parsed: Assignment, first_leads: bool) -> Assignment:
    """Apply 排在第一位的为牵头单位 where no lead is written: the first leads, the rest help."""
    if first_leads and not parsed.lead_named and len(parsed.leads) > 1:
        leads = parsed.leads[:1]
        return Assignment(leads, parsed.leads[1:] + parsed.cooperators, parsed.rest, False)
    return parsed
