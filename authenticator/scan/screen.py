"""Screenshots written to a file for us (the desktop's screenshot portal): read, delete.

The picture shows the secret key in clear, so it is removed as soon as its bytes are in
memory, whatever happens next (decoding error, nothing found, a crash later on). No Qt.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from authenticator.scan import pipeline

if TYPE_CHECKING:
    import numpy as np


def take_picture(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the picture at ``path``; the file is gone when this returns or raises."""
    file = Path(path)
    try:
        if file.is_symlink() or not file.is_file():
            raise pipeline.ScanError(pipeline.ScanProblem.NO_PICTURE)
        if file.stat().st_size > pipeline.MAX_FILE_BYTES:
            raise pipeline.ScanError(pipeline.ScanProblem.FILE_TOO_BIG)
        return file.read_bytes()
    except PermissionError:
        raise pipeline.ScanError(pipeline.ScanProblem.NO_PERMISSION) from None
    except OSError as err:
        raise pipeline.ScanError(pipeline.ScanProblem.UNREADABLE,
                                 err.strerror or "input/output error") from None
    finally:
        with contextlib.suppress(OSError):
            file.unlink()


def read_picture(path: str | os.PathLike[str]) -> np.ndarray:
    """The picture at ``path`` as an 8-bit grey array; the file is deleted in any case."""
    gray = pipeline.decode_to_gray(take_picture(path))
    if isinstance(gray, pipeline.ScanProblem):
        raise pipeline.ScanError(gray)
    return gray
