"""The catalogue of researcher questions: SPARQL files with their titles in English and Chinese.

Each file in kg/questions/ starts with `# en: ...` and `# zh: ...` lines, then a complete query
(PREFIX lines included), so it runs on any SPARQL 1.1 endpoint as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

QUESTIONS = Path(__file__).parent / "questions"


@dataclass(frozen=True)
class Question:
    id: str  # the file name without its order number: lead-most-tasks
    en: str
    zh: str
    query: str  # the query without the title lines


def load_questions(folder: Path = QUESTIONS) -> tuple[Question, ...]:
    """Every question in the folder, in the order of the numbers their file names start with."""
    return tuple(read_question(path) for path in sorted(folder.glob("*.rq")))


def read_question(path: Path) -> Question:
    titles: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    while lines and lines[0].startswith("# "):
        language, _, title = lines.pop(0)[2:].partition(":")
        titles[language.strip()] = title.strip()
    if set(titles) != {"en", "zh"}:
        raise ValueError(f"{path}: a question starts with '# en: ...' and '# zh: ...' lines")
    order, _, name = path.stem.partition("-")
    if not (order.isdigit() and name):
        raise ValueError(f"{path}: a question's file is named NN-name.rq")
    return Question(name, titles["en"], titles["zh"], "".join(lines))
