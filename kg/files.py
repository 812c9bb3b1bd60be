"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

READABLE = 0o644  # what a published file is (mkstemp's own 0600 would hide it from the server)


@contextmanager
def staged(paths: Sequence[Path]) -> Iterator[dict[Path, BinaryIO]]:
    """A stream to a temporary sibling of each path; when the block ends without an error they
    are all renamed into place, and on an error they are removed, leaving the paths untouched."""
    staging: dict[Path, tuple[str, BinaryIO]] = {}
    try:
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            os.fchmod(handle, READABLE)
            staging[path] = (temporary, os.fdopen(handle, "wb"))
        yield {path: stream for path, (_, stream) in staging.items()}
        for _, stream in staging.values():
            stream.close()
        for path, (temporary, _) in staging.items():
            os.replace(temporary, path)
    finally:
        for temporary, stream in staging.values():
            stream.close()
            if os.path.exists(temporary):
                os.unlink(temporary)


def write_atomic(outputs: dict[Path, bytes]) -> None:
    """Write every file to a temporary sibling first, then rename them all into place."""
    with staged(list(outputs)) as streams:
        for path, content in outputs.items():
            streams[path].write(content)
