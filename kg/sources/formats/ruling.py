"""The ruled grid of a scanned table: the page straightened (its skew found by the angle at which
its rows of ink line up best), then the ruling lines found by opening the ink with long thin
kernels (OpenCV), and the cells they bound, merged where a ruling is missing between two."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

Image = NDArray[np.uint8]
MAX_SKEW = 5.0  # degrees a scan may be tilted
SKEW_STEP = 0.1
LINE_SHARE = 0.5  # a ruling this share of a cell's side long is there (else the cells merge)


@dataclass(frozen=True)
class Segment:
    """A ruling: where it stands across (y of a horizontal, x of a vertical) and its extent."""

    at: int
    start: int
    end: int


@dataclass(frozen=True)
class Grid:
    """A table's ruled grid: column and row boundaries, and the rulings themselves."""

    columns: list[int]  # x of each vertical boundary, left to right
    rows: list[int]  # y of each horizontal boundary, top to bottom
    horizontal: list[Segment]
    vertical: list[Segment]

    @property
    def box(self) -> tuple[int, int, int, int]:
        return self.columns[0], self.rows[0], self.columns[-1], self.rows[-1]

    def has_top(self, row: int, column: int) -> bool:
        """Whether a ruling closes the cell above (row, column): else they are one merged cell."""
        y, x0, x1 = self.rows[row], self.columns[column], self.columns[column + 1]
        return _covered(self.horizontal, y, x0, x1)

    def has_left(self, row: int, column: int) -> bool:
        x, y0, y1 = self.columns[column], self.rows[row], self.rows[row + 1]
        return _covered(self.vertical, x, y0, y1)


def _covered(segments: list[Segment], at: int, start: int, end: int, near: int = 6) -> bool:
    length = sum(
        max(0, min(s.end, end) - max(s.start, start)) for s in segments if abs(s.at - at) <= near
    )
    return length >= LINE_SHARE * (end - start)


def ink(gray: Image) -> Image:
    """Dark marks as 255 on 0: darker than the paper around them (a threshold local to each
    part of the page, so a faint or blurred ruling is ink too)."""
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 12
    )


def skew(gray: Image) -> float:
    """The angle (degrees) to turn the page by so that its lines of ink lie level."""
    small = ink(cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA))
    height, width = small.shape
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP):
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), float(angle), 1.0)
        turned = cv2.warpAffine(small, matrix, (width, height), flags=cv2.INTER_NEAREST)
        score = float(np.var(turned.sum(axis=1, dtype=np.float64)))
        if score > best_score:
            best, best_score = float(angle), score
    return best


def straightened(gray: Image) -> Image:
    """The page turned level, the corners it exposes white."""
    angle = skew(gray)
    if abs(angle) < SKEW_STEP / 2:
        return gray
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)


def grid(gray: Image) -> Grid | None:
    """The page's ruled table (the largest), or None where it has none."""
    marks = ink(gray)
    height, width = marks.shape
    # a ruling a pixel off level over its length, or broken by noise, is still one line
    across = cv2.dilate(marks, np.ones((3, 1), np.uint8))
    across = cv2.morphologyEx(across, cv2.MORPH_OPEN, np.ones((1, max(width // 25, 10)), np.uint8))
    down = cv2.dilate(marks, np.ones((1, 3), np.uint8))
    down = cv2.morphologyEx(down, cv2.MORPH_OPEN, np.ones((max(height // 40, 10), 1), np.uint8))
    horizontal = _segments(across, axis=0)
    vertical = _segments(down, axis=1)
    if len(horizontal) < 2 or len(vertical) < 2:
        return None
    rows = _boundaries([s.at for s in horizontal])
    columns = _boundaries([s.at for s in vertical])
    if len(rows) < 2 or len(columns) < 3:
        return None
    return Grid(columns, rows, horizontal, vertical)


def _segments(lines: Image, axis: int) -> list[Segment]:
    """Each straight ruling in a mask of rulings: its position and extent (axis 0: horizontal)."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    found = []
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        if axis == 0:
            found.append(Segment(int(y + h // 2), int(x), int(x + w)))
        else:
            found.append(Segment(int(x + w // 2), int(y), int(y + h)))
    return sorted(found, key=lambda s: s.at)


def _boundaries(positions: list[int], near: int = 8) -> list[int]:
    """Positions within `near` pixels of each other as one boundary (their mean)."""
    groups: list[list[int]] = []
    for at in sorted(positions):
        if groups and at - groups[-1][-1] <= near:
            groups[-1].append(at)
        else:
            groups.append([at])
    return [round(sum(group) / len(group)) for group in groups]
