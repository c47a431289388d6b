"""File dialogs that start where the user keeps files and give saved files our extension.

They open in the folder the user last picked a file in (remembered in the app settings
once :func:`bind_settings` is called), else in the user's documents folder — never in the
process's current directory. A name typed without an extension gets the one we write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog


class _Store(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


_state: dict[str, Any] = {"settings": None, "last": ""}


def bind_settings(settings: _Store | None) -> None:
    """Remember the last-used folder in ``settings`` (key ``last_folder``)."""
    _state["settings"] = settings
    _state["last"] = str(settings.get("last_folder")) if settings is not None else ""


def documents_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(docs) if docs else Path.home()
    return path if path.is_dir() else Path.home()


def start_folder() -> Path:
    last = _state["last"]
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember(path: Path) -> None:
    folder = str(path.parent)
    _state["last"] = folder
    settings = _state["settings"]
    if settings is not None:
        settings.set("last_folder", folder)


def with_extension(path: Path, extension: str) -> Path:
    """``extension`` (".authvault") added when the name the user typed has none."""
    return path if path.suffix else path.with_name(path.name + extension)


def save_file_name(parent: Any, title: str, file_name: str, filters: str,
                   extension: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / file_name),
                                          filters)
    if not name:
        return None
    path = with_extension(Path(name), extension)
    remember(path)
    return path


def open_file_name(parent: Any, title: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if not name:
        return None
    remember(Path(name))
    return Path(name)
