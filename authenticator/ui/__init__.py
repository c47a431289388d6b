"""PySide6 user interface. The only package that imports Qt."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads PySide6's import hook (shibokensupport.feature)


def _mentions_pyside(module: ModuleType) -> bool:
    """Whether the module's source file mentions "PySide6" (the test PySide6 makes), read
    as bytes and forgotten, instead of ``inspect.getsource``."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built-in, extension or source-less: what PySide6 answers too
    try:
        with open(path, "rb") as file:
            return b"PySide6" in file.read()
    except OSError:
        return False


def _lighten_pyside_import_hook() -> None:
    """After PySide6 is imported, its ``__feature__`` hook looks at the source of every
    module imported (does it use PySide6?) with ``inspect.getsource``, which tokenises it
    and keeps every line in ``linecache`` for good: about 20 ms and 4 MiB for this app's
    150 modules. The same test on the file's bytes gives the same answer without either.
    Left alone when PySide6's internals are not the ones this was written for."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _mentions_pyside  # type: ignore[attr-defined]


_lighten_pyside_import_hook()
