"""OCR engines, each able to find and read the text lines of a page and to read one line alone:
RapidOCR (PaddleOCR's Chinese models inside its wheel, run by ONNX Runtime; the default) and
Tesseract (Debian's tesseract-ocr-chi-sim, through pytesseract; measured beside it in bench/)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

import cv2
import numpy as np
from numpy.typing import NDArray

from kg.sources.formats.extracted import joined

Image = NDArray[np.uint8]


@dataclass(frozen=True)
class Read:
    """A line of text OCR read: its box (left, top, right, bottom), text and confidence (0-1)."""

    left: float
    top: float
    right: float
    bottom: float
    text: str
    confidence: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


class Engine(Protocol):
    name: str

    def lines(self, gray: Image) -> list[Read]:
        """Every text line on a page."""
        ...

    def line(self, gray: Image) -> tuple[str, float]:
        """The text of an image that holds one line, and the confidence it was read with."""
        ...


class RapidOcr:
    name = "RapidOCR"

    def lines(self, gray: Image) -> list[Read]:
        result, _ = _rapidocr()(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))
        found = []
        for box, text, score in result or []:
            xs, ys = [point[0] for point in box], [point[1] for point in box]
            found.append(Read(min(xs), min(ys), max(xs), max(ys), text, float(score)))
        return found

    def line(self, gray: Image) -> tuple[str, float]:
        image = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
        result, _ = _rapidocr()(image, use_det=False, use_cls=False)
        text, score = (result or [["", 0.0]])[0]
        return str(text), float(score)


class Tesseract:
    name = "Tesseract"
    LANGUAGE = "chi_sim"

    def lines(self, gray: Image) -> list[Read]:
        words = self._words(gray, "--psm 6")
        by_line: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
        for word in words:
            by_line.setdefault((word["block"], word["par"], word["line"]), []).append(word)
        return [_line_of(group) for group in by_line.values()]

    def line(self, gray: Image) -> tuple[str, float]:
        words = self._words(gray, "--psm 7")
        if not words:
            return "", 0.0
        read = _line_of(words)
        return read.text, read.confidence

    def _words(self, gray: Image, config: str) -> list[dict[str, Any]]:
        import pytesseract

        data = pytesseract.image_to_data(
            gray, lang=self.LANGUAGE, config=config, output_type=pytesseract.Output.DICT
        )
        return [_word(data, i) for i, text in enumerate(data["text"]) if text.strip()]


def _word(data: dict[str, list[Any]], i: int) -> dict[str, Any]:
    """One word of pytesseract's table: its line, box, confidence and text."""
    names = {"block": "block_num", "par": "par_num", "line": "line_num"}
    word = {name: data[key][i] for name, key in names.items()}
    word |= {key: data[key][i] for key in ("left", "top", "width", "height")}
    return word | {"conf": float(data["conf"][i]), "text": str(data["text"][i]).strip()}


def _line_of(words: list[dict[str, Any]]) -> Read:
    """Tesseract's words of a line as one line (Chinese characters are words of their own)."""
    text, _ = joined([(word["text"], 1.0) for word in words])
    left = min(w["left"] for w in words)
    top = min(w["top"] for w in words)
    right = max(w["left"] + w["width"] for w in words)
    bottom = max(w["top"] + w["height"] for w in words)
    confidence = min(w["conf"] for w in words) / 100
    return Read(left, top, right, bottom, text, max(confidence, 0.0))


@cache
def _rapidocr() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def default_engine() -> Engine | None:
    """RapidOCR where it is installed, else Tesseract where it is (with its Chinese data)."""
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return Tesseract() if shutil.which("tesseract") else None
    return RapidOcr()
