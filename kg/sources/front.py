"""What a document prints about itself: its title, its number (文号) and its date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from kg.errors import SourceError
from kg.sources.document_kinds import KINDS
from kg.sources.records import Imprint
from kg.sources.text import Line

# The document's own title where a heading or notice quotes it: 印发《X》, 《X》任务分工表 opening
# the heading, 现将《X》印发给你们, 《X》已经……审议通过; not a title it cites (根据《Y》).
OWN_TITLE = re.compile(r"(?:^|印发|现将)《(?P<title>[^》]+)》|《(?P<passed>[^》]+)》已(?:经|报经)?")
# 穗府办规〔2020〕25号, 国发〔2020〕6号, 粤府办[2012]31号, 国办发（2014）1号
IDENTIFIER = re.compile(
    r"(?P<id>[\u4e00-\u9fff]{1,12}[〔［\[（【](?P<year>(?:19|20)\d\d)[〕］\]）】]第?\d{1,4}号)"
)
_DATE = r"(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
# 广州市人民政府办公厅秘书处2020年9月10日印发; a date alone on its line, closing a document
IMPRINT = re.compile(rf"^(?P<printer>\S+?)?{_DATE}(?P<verb>印发|发布|公布)?$")
# 关于促进汽车产业加快发展的意见, ……重点工作部门分工的通知, ……实施方案
TITLE = re.compile(rf"(?:关于|的).*(?:{KINDS})$")
TITLE_MAX = 80  # characters a title may have; longer lines are prose
DATE_NOTE = re.compile(r"（[^）]*）$")  # 2012年3月5日（此件公开发布）


def heading(lines: Iterable[Line]) -> str:
    """The heading lines joined, stray whitespace dropped."""
    return "".join("".join(line.text.split()) for line in lines)


def document_title(text: str) -> str | None:
    """The document's own title inside 《》, where its heading or notice quotes it."""
    match = OWN_TITLE.search(text)
    return (match["title"] or match["passed"]) if match else None


# a page's metadata names the number: 文号：国办发〔2018〕123号, 发文字号 粤府〔2021〕22号
NUMBER_LABEL = re.compile(r"(?:发文字号|文号)：?")


def identifier(lines: Iterable[Line]) -> str | None:
    """The first document number printed on a line of its own (after stripping whitespace), or
    after a 文号 label."""
    for line in lines:
        compact = "".join(line.text.split())
        match = IDENTIFIER.fullmatch(compact)
        if match:
            return match["id"]
        label = NUMBER_LABEL.search(compact)
        labelled = IDENTIFIER.match(compact, label.end()) if label else None
        if labelled:
            return labelled["id"]
    return None


def imprint(lines: Iterable[Line], path: str, require_verb: bool = False) -> Imprint | None:
    """The last line that is a date (with its printer and 印发, where printed)."""
    found: Imprint | None = None
    for line in lines:
        compact = DATE_NOTE.sub("", "".join(line.text.split()))
        match = IMPRINT.match(compact)
        if not match or (require_verb and not match["verb"]):
            continue
        try:
            date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError as error:
            raise SourceError(path, line.number, f"imprint date is not a date: {error}") from error
        found = Imprint(match["printer"] or None, date, line.number)
    return found


# Lines that close a document after its last item: 公开方式：主动公开, 抄送：…, （此件公开发布）
CLOSING = re.compile(r"^(?:公开方式|抄送|抄报|主送|附件)：|^（此件[^）]*）$")
SIGNATURE_MAX = 30  # characters of an issuer's name line above the date


def closing_start(lines: list[Line]) -> int | None:
    """Where the closing of a document starts among lines: the signature and date, 抄送 ..."""
    texts = ["".join(line.text.split()) for line in lines]
    for i, text in enumerate(texts):
        if CLOSING.match(text):
            return i
        if IMPRINT.match(DATE_NOTE.sub("", text)):
            above = texts[i - 1] if i else ""
            signature = 0 < len(above) <= SIGNATURE_MAX and not re.search("[。，；：]", above)
            return i - 1 if signature else i
    return None


def title(preamble: Iterable[Line]) -> str:
    """The title: the first preamble line (or two lines joined) that reads as one."""
    texts = ["".join(line.text.split()) for line in preamble]
    texts = [text for text in texts if text]
    for i, text in enumerate(texts):
        for candidate in (text, texts[i - 1] + text if i else None):
            if candidate and TITLE.search(candidate):
                return candidate
    return next((text for text in texts if len(text) <= TITLE_MAX), "")
