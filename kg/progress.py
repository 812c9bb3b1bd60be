"""A progress bar for long builds (documents, rate, time left) on a terminal; nothing in a pipe."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress_bar(
    total: Callable[[], int | None], unit: str = "doc"
) -> Callable[[Iterator[T]], Iterator[T]]:
    """Wrap a stream in a bar on standard error where it is a terminal (`total` is asked only
    then: counting a dataset's records costs a pass over it)."""
    shown = sys.stderr.isatty()

    def wrap(stream: Iterator[T]) -> Iterator[T]:
        if not shown:
            return stream
        size = shutil.get_terminal_size()  # 80 by 24 where the terminal tells no size
        bar = tqdm(
            stream, total=total(), unit=unit, file=sys.stderr, ncols=size.columns, nrows=size.lines
        )
        return iter(bar)

    return wrap
