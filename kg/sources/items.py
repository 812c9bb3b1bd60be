"""Documents of numbered items: headings become themes, the items that carry assignments tasks.

Both text forms share this structure and differ only in where an item's assignment stands: in a
bracketed annotation closing the item (inline), or in lines of its own after it (list). Which
numbering style is the task level is read from the document: the level most of its assignments
stand at. Shallower items are headings (themes, nested), deeper ones are part of their task.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.errors import NothingAssigned, SourceError
from kg.sources import front
from kg.sources.annotations import Assignment, combined, states_first_leads
from kg.sources.instruments import find_instruments
from kg.sources.numbering import Marker, arabic_after, depths, read_marker
from kg.sources.records import Instrument, SourceDocument, Task, Theme
from kg.sources.spans import Span, SpannedText
from kg.sources.text import Line, SourceText

HEADING_END = "。：；"


@dataclass
class Item:
    """A numbered item and the lines that follow it up to the next number."""

    marker: Marker
    line: Line
    more: list[Line] = field(default_factory=list)

    @property
    def text(self) -> SpannedText:
        """The item's words after its number, its lines joined, stray whitespace dropped."""
        return SpannedText.concat(
            [self.marker.rest, *(line.content for line in self.more)]
        ).cleaned()


@dataclass(frozen=True)
class Split:
    """An item's text cut into its own words and the words that assign it."""

    own: SpannedText
    assignment: SpannedText | None
    deadline: SpannedText | None = None  # a line of its own: 完成时限：…
    leader: SpannedText | None = None  # a line of its own: 分管省领导：…
    inner: tuple[SpannedText, ...] = ()  # annotations of parts of the item, inside its text


Splitter = Callable[[Item, bool], Split]  # an item, and whether the first listed leads
AssignmentParser = Callable[[SpannedText, str, bool], Assignment]


def read_items(
    source: SourceText, form: str, split: Splitter, parse: AssignmentParser
) -> SourceDocument:
    """Read a document of numbered items whose assignments `split` finds and `parse` reads."""
    path = str(source.path)
    preamble, items = _items(source.lines)
    if not items:
        raise NothingAssigned(path, None, "no numbered items (一、 （一） 1. ...) in the file")
    first_leads = states_first_leads(source.full_text)
    splits = [split(item, first_leads) for item in items]
    level = _task_level(items, splits)
    if level is None:
        raise NothingAssigned(
            path, None, "no item carries an assignment (牵头, 配合, 责任单位 ...)"
        )
    order = depths([item.marker.style for item in items])
    themes: list[Theme] = []
    open_themes: dict[int, Theme] = {}  # depth -> the heading open at that depth
    tasks: list[Task] = []
    for item, part in zip(items, splits, strict=True):
        depth = order[item.marker.style]
        if part.assignment is None and depth < order[level]:
            theme = _theme(item, len(themes) + 1, open_themes, depth)
            themes.append(theme)
            open_themes = {d: t for d, t in open_themes.items() if d < depth} | {depth: theme}
        elif part.assignment is not None or depth == order[level]:
            parent = max(open_themes, default=None)
            theme = open_themes[parent].number if parent is not None else None
            assignment = _assignment(part, parse, path, first_leads)
            tasks.append(_task(item, part, assignment, theme, len(tasks) + 1, path))
    return SourceDocument(
        path=source.path,
        sha256=source.sha256,
        form=form,
        heading=front.title(preamble),
        document_title=front.document_title(front.heading(preamble)),
        themes=tuple(themes),
        tasks=tuple(tasks),
        imprint=front.imprint(source.lines, path),
        identifier=front.identifier(preamble),
        traditional=source.traditional,
    )


def _items(lines: tuple[Line, ...]) -> tuple[list[Line], list[Item]]:
    """The lines before the first numbered item, and the items."""
    preamble: list[Line] = []
    items: list[Item] = []
    arabic: int | None = None  # the last 1. item's number
    for line in lines:
        marker = read_marker(line.content, arabic)
        if marker is not None:
            items.append(Item(marker, line))
            arabic = arabic_after(marker.style, marker.value, arabic)
        elif items:
            items[-1].more.append(line)
        else:
            preamble.append(line)
    notice = _notice_end(items)
    if notice:  # a covering notice's own numbered points, closed by its signature and date
        preamble += [line for item in items[:notice] for line in (item.line, *item.more)]
        del items[:notice]
    if items:
        closing = front.closing_start(items[-1].more)
        if closing is not None:
            del items[-1].more[closing:]
    return preamble, items


def _notice_end(items: list[Item]) -> int:
    """How many items belong to a covering notice: those up to the last one, before the end,
    that the notice's closing (signature and date) follows."""
    closed = [i for i, item in enumerate(items[:-1]) if front.closing_start(item.more) is not None]
    return closed[-1] + 1 if closed else 0


def _assignment(
    part: Split, parse: AssignmentParser, path: str, first_leads: bool
) -> Assignment | None:
    """The item's assignment: its closing one, with those of its parts where it has them."""
    if part.assignment is None:
        return None
    closing = parse(part.assignment, path, first_leads)
    return combined(closing, [parse(text, path, first_leads) for text in part.inner])


def _task_level(items: list[Item], splits: list[Split]) -> str | None:
    """The numbering style most assignments stand at."""
    styles = Counter(
        item.marker.style for item, part in zip(items, splits, strict=True) if part.assignment
    )
    return styles.most_common(1)[0][0] if styles else None


def _theme(item: Item, number: int, open_themes: dict[int, Theme], depth: int) -> Theme:
    """A heading: its words up to the first full stop (the rest is the heading's prose)."""
    text = item.marker.rest.cleaned()
    label = text
    for i, char in enumerate(text.text):
        if char in HEADING_END:
            label = text[:i]
            break
    parents = [d for d in open_themes if d < depth]
    parent = open_themes[max(parents)].number if parents else None
    words = label.strip() or text
    span = words.span if words else Span(item.line.number, item.line.number)
    return Theme(number, words.as_printed, span, parent)


def _task(
    item: Item,
    part: Split,
    assignment: Assignment | None,
    theme: int | None,
    number: int,
    path: str,
) -> Task:
    own = part.own.strip().strip("，；").strip()
    read = [item.line.content, own, *([part.assignment] if part.assignment else [])]
    whole = SpannedText.concat(read).span
    return Task(
        number=number,
        theme=theme,
        text=own.as_printed or None,
        leads=assignment.leads if assignment else (),
        cooperators=assignment.cooperators if assignment else (),
        remark=None,
        instruments=_instruments(own, path),
        span=Span(item.line.number, whole.last, whole.offsets),
        label=item.marker.label,
        deadline=_deadline(part, assignment),
        leader=part.leader.as_printed if part.leader else None,
    )


def _deadline(part: Split, assignment: Assignment | None) -> str | None:
    if part.deadline:
        return part.deadline.as_printed
    return assignment.rest if assignment else None


def _instruments(text: SpannedText, path: str) -> tuple[Instrument, ...]:
    try:
        return find_instruments(text.text)
    except ValueError as error:
        line = text.span.first if text.lines else None
        raise SourceError(path, line, f"cannot read an amount: {error}", "task") from error
