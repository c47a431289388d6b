"""Texts the controller and the settings share: backend reasons in the user's language,
and the command to bind in a desktop's own shortcut settings."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication


def reason_text(message: str) -> str:
    """A backend's English reason in the user's language."""
    known = (
        QCoreApplication.translate(
            "QuickPick", "another program already uses this shortcut"),
        QCoreApplication.translate(
            "QuickPick", "cannot connect to the X server"),
        QCoreApplication.translate(
            "QuickPick", "the X server did not answer"),
        QCoreApplication.translate(
            "QuickPick", "the X server has no XTEST extension"),
        QCoreApplication.translate(
            "QuickPick", "global shortcuts are not available here"),
        QCoreApplication.translate(
            "QuickPick", "typing into other windows is not available here"),
        QCoreApplication.translate(
            "QuickPick", "the keyboard layout has no key for a character of the code"),
    )
    if message.startswith("a library is missing"):
        return QCoreApplication.translate("QuickPick", "a library it needs is not installed")
    english = (
        "another program already uses this shortcut",
        "cannot connect to the X server",
        "the X server did not answer",
        "the X server has no XTEST extension",
        "global shortcuts are not available here",
        "typing into other windows is not available here",
        "the keyboard layout has no key for a character of the code",
    )
    return dict(zip(english, known, strict=True)).get(message, message)


def pick_command() -> str:
    """What to bind in the desktop's own shortcut settings."""
    if getattr(sys, "frozen", False):
        return f'"{sys.executable}" pick'
    return "authenticator pick"
