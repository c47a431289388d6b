"""The one base class for every error a user may see, and the typed reasons they carry.

Every message is a single sentence meant for a person and never contains a secret.
The CLI prints ``error: <message>`` for these and exits 1; the GUI does not show
``str(err)``: it maps the error's type (and its ``kind``, when one type covers several
cases) to a translated sentence filled from the error's attributes
(``ui/common/messages.py``). So an error keeps what that sentence needs (a file name, a
number, a :class:`FileProblem`...) as attributes, and never a secret.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


class AuthenticatorError(Exception):
    """Base of all user-facing errors. ``str(err)`` is one clear line, never a secret.

    ``kind`` tells apart the cases of one type that read differently (empty: the type's
    only case); the other attributes a subclass sets are the parts of its sentence.
    """

    kind: str = ""

    def __init__(self, message: str = "", /, *, kind: str = "", **fields: object) -> None:
        super().__init__(*((message,) if message else ()))
        if kind:
            self.kind = kind
        #: the parts of the sentence (a file name, a number, a FileProblem...), by name
        self.fields: dict[str, object] = fields


@dataclass(frozen=True, slots=True)
class FileProblem:
    """Why a file could not be read or written, from the ``OSError``: ``kind`` is one of
    ``disk-full``, ``quota``, ``read-only``, ``permission``, ``gone``, ``io`` or ``other``;
    ``text`` is the English reason as the command line shows it."""

    kind: str
    text: str

    def __str__(self) -> str:
        return self.text


_KINDS = {
    errno.ENOSPC: ("disk-full", "the disk is full"),
    errno.EDQUOT: ("quota", "the disk quota is exceeded"),
    errno.EROFS: ("read-only", "the folder is on a read-only file system"),
    errno.EACCES: ("permission", "permission was denied"),
    errno.EPERM: ("permission", "permission was denied"),
    errno.ENOENT: ("gone", "the folder no longer exists"),
    errno.EIO: ("io", "the disk reported an input/output error"),
}


def file_problem(err: OSError) -> FileProblem:
    """The typed reason of ``err`` ("the disk is full"; an unusual one in the system's
    own words, lower-cased)."""
    kind, text = _KINDS.get(err.errno or 0, ("other", ""))
    return FileProblem(kind, text or (err.strerror or type(err).__name__).lower())


class FileSystemError(AuthenticatorError):
    """An ``OSError`` that reached a background job: the system's reason, typed."""

    def __init__(self, reason: FileProblem) -> None:
        super().__init__(reason.text, kind=reason.kind, reason=reason)

    @classmethod
    def of(cls, err: OSError) -> FileSystemError:
        kind = _KINDS.get(err.errno or 0, ("other", ""))[0]
        return cls(FileProblem(kind, err.strerror or "input/output error"))


class InternalError(AuthenticatorError):
    """A bug: an unexpected exception, named by its type only (its text may hold data)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"unexpected internal error ({name})", name=name)
