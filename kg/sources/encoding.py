"""The encoding of a source file, found, never assumed: a byte order mark, else an HTML page's own
declaration (`<meta charset>`, or `http-equiv` content), else UTF-8 where the bytes are UTF-8,
else the Chinese encodings government sites publish in (GB18030 and its subsets GBK and GB2312,
Big5) as charset-normalizer detects them. Anything else is a located error, not a guess."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from kg.errors import SourceError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DECLARED = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)
# GB2312 and GBK pages often hold characters only their superset GB18030 has
WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
DETECTED = ["gb18030", "big5hkscs"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def decode(raw: bytes, path: Path, html: bool) -> str:
    """The text of a file's bytes, in the encoding found for them."""
    encoding = declared(raw, html)
    if encoding is None:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as failure:
            encoding = detected(raw, path, failure)
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        start = error.start if isinstance(error, UnicodeDecodeError) else 0
        line = raw[:start].count(b"\n") + 1
        raise SourceError(path, line, f"not valid {encoding}, as the file declares") from error


def declared(raw: bytes, html: bool) -> str | None:
    """The encoding a byte order mark or, in a page, its <meta> declares."""
    for mark, encoding in BOMS:
        if raw.startswith(mark):
            return encoding
    found = DECLARED.search(raw[:4096]) if html else None
    if found is None:
        return None
    name = found.group(1).decode("ascii").lower()
    return WIDER.get(name, name)


def detected(raw: bytes, path: Path, failure: UnicodeDecodeError) -> str:
    """GB18030 or Big5, where the bytes read as one of them; else a located error (at the first
    byte that is not UTF-8). A file whose bytes before that read as Chinese in UTF-8 is UTF-8
    broken there, not another encoding."""
    before = raw[: failure.start]
    line = before.count(b"\n") + 1
    if CJK.search(before.decode("utf-8")):
        raise SourceError(path, line, "not valid UTF-8 (the text before it is)") from failure
    best = from_bytes(raw, cp_isolation=DETECTED).best()
    if best is None:
        raise SourceError(
            path, line, "not UTF-8, nor GB18030 or Big5: cannot tell the encoding"
        ) from failure
    return WIDER.get(best.encoding, best.encoding)
