"""The higher-level documents a text cites: a title in 《》 with the verb of its clause, which
says how the document stands to it (根据《...》: based on it; 贯彻落实《...》: implements it)."""

from __future__ import annotations

import re

from kg.sources.records import Citation
from kg.sources.spans import SpannedText

# The verb before the title (in its clause) or right after it, and the relation it states.
BASED_ON = ("根据", "依据", "依照", "按照")
IMPLEMENTS = ("贯彻", "落实", "推进", "实施", "执行")
TITLE = re.compile(r"《([^《》]{2,120})》")
CLAUSE_END = re.compile(r"[。；！？，：\n]")
AFTER = re.compile(r"^(?:的)?(?:贯彻落实|贯彻实施|贯彻执行|部署)")
OWN_TITLE = re.compile(r"(?:现将|印发)[^。；]{0,6}$")  # 现将《本文件》印发给你们: the text itself


def citations(text: SpannedText) -> tuple[Citation, ...]:
    """Every title the text cites with a verb that says how: based on it or implementing it.

    A title in a clause without such a verb (修订《...》, 现将《...》印发) is named, not cited."""
    found = []
    for match in TITLE.finditer(text.text):
        before = clause_before(text.text, match.start())
        if OWN_TITLE.search(before):
            continue
        relation = relation_of(before, text.text[match.end() :])
        if relation is None:
            continue
        inside = text[match.start(1) : match.end(1)]
        found.append(Citation(inside.text, inside.as_printed, relation, inside.span))
    return tuple(found)


def clause_before(text: str, start: int) -> str:
    """The clause a title sits in, up to the title (titles joined by 和 or 、 share it)."""
    ends = [m.end() for m in CLAUSE_END.finditer(text, 0, start)]
    return text[ends[-1] if ends else 0 : start]


def relation_of(before: str, after: str) -> str | None:
    if any(verb in before for verb in BASED_ON):
        return "based_on"
    if any(verb in before for verb in IMPLEMENTS) or AFTER.match(after):
        return "implements"
    return None
