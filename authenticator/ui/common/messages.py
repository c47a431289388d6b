"""Translations for the most common error messages of the lower layers.

core, storage, scan and timesync speak English (they have no Qt). The UI passes the
messages it shows through :func:`translate_error`: a known message (a fixed sentence, or a
pattern with variable parts such as a file name) comes back translated; anything else comes
back unchanged. The English entries below are extracted by lupdate (context ``Errors``).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction into ``context``; translate it later, where shown.
    (PySide6's own version is typed as returning ``object``.)"""
    return text

# The English messages, exactly as the lower layers word them; each {field} stands for
# any text (a file name, a number...) and is carried into the translation.
_MESSAGES: list[str] = [
    QT_TRANSLATE_NOOP("Errors", "wrong password, or the vault file was modified"),
    QT_TRANSLATE_NOOP("Errors", "the vault is closed"),
    QT_TRANSLATE_NOOP("Errors", "the vault is being saved by another program{who}; "
                      "try again in a moment"),
    QT_TRANSLATE_NOOP("Errors", "could not save the vault {name}: {reason}; the file on disk "
                      "is unchanged and your changes are kept in memory"),
    QT_TRANSLATE_NOOP("Errors", "there is no vault at {path}"),
    QT_TRANSLATE_NOOP("Errors", "this account is already in the vault"),
    QT_TRANSLATE_NOOP("Errors", "no QR code found in this image"),
    QT_TRANSLATE_NOOP("Errors", "this QR code contains a web address, not an authenticator "
                      "key"),
    QT_TRANSLATE_NOOP("Errors", "this QR code contains text, not an authenticator key"),
    QT_TRANSLATE_NOOP("Errors", "the file is not an image that can be read (corrupt or "
                      "unsupported format)"),
    QT_TRANSLATE_NOOP("Errors", "the image is too small to hold a QR code"),
    QT_TRANSLATE_NOOP("Errors", "could not reach any time server ({details})"),
    # Camera (scan/camera.py and the camera thread).
    QT_TRANSLATE_NOOP("Errors", "no camera found at number {n}: check that a camera is "
                      "plugged in and not switched off, then try again"),
    QT_TRANSLATE_NOOP("Errors", "permission denied for camera {n}: add your user to the "
                      "'video' group (sudo usermod -aG video $USER), then log out "
                      "and back in"),
    QT_TRANSLATE_NOOP("Errors", "there is no camera number {n}; cameras count from 0"),
    QT_TRANSLATE_NOOP("Errors", "camera {n} opened but sends no picture: it is probably "
                      "busy; close other programs using it (video calls, "
                      "browsers) and try again"),
    QT_TRANSLATE_NOOP("Errors", "camera {n} cannot be opened: allow camera access in "
                      "System Settings > Privacy & Security > Camera, then try "
                      "again"),
    QT_TRANSLATE_NOOP("Errors", "camera {n} cannot be opened: check Settings > Privacy > "
                      "Camera and close other programs that use it, then try "
                      "again"),
    QT_TRANSLATE_NOOP("Errors", "camera {n} cannot be opened: it may be busy in another "
                      "program (video calls, browsers); close it and try again"),
    QT_TRANSLATE_NOOP("Errors", "the camera stopped sending pictures: check that it is "
                      "still plugged in, then choose it again"),
    QT_TRANSLATE_NOOP("Errors", "no QR code reader could be loaded on this computer; type "
                      "the key instead"),
    QT_TRANSLATE_NOOP("Errors", "the camera could not be started ({kind})"),
    # Files written by the transfer dialogs (portability/export.py).
    QT_TRANSLATE_NOOP("Errors", "{name} already exists; choose another name"),
    QT_TRANSLATE_NOOP("Errors", "cannot write {name}: {reason}"),
    # Websites of an account (browser/sites.py), shown by the edit dialog.
    QT_TRANSLATE_NOOP("Errors", "the domain is empty"),
    QT_TRANSLATE_NOOP("Errors", "the domain is not a valid international name"),
    QT_TRANSLATE_NOOP("Errors", "the domain contains characters a host name cannot have"),
    QT_TRANSLATE_NOOP("Errors", "{host} is a public suffix shared by many sites: give the "
                      "site's own domain"),
    QT_TRANSLATE_NOOP("Errors", "only http and https web addresses have sites"),
    QT_TRANSLATE_NOOP("Errors", "the web address has no host"),
    QT_TRANSLATE_NOOP("Errors", "the web address is malformed"),
]


def _pattern(template: str) -> re.Pattern[str]:
    """The template as a regex: its text literally, each {field} a named group."""
    pieces = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(piece) if i % 2 == 0 else f"(?P<{piece}>.*?)"
                    for i, piece in enumerate(pieces))
    return re.compile(regex, re.IGNORECASE | re.DOTALL)


_COMPILED = [(_pattern(text), text) for text in _MESSAGES]


def translate_error(message: str) -> str:
    """The message in the user's language when it is a known one, else unchanged.

    Capitalisation of the first letter and a final full stop are kept as they came.
    """
    core = message.strip()
    full_stop = core.endswith(".")
    if full_stop:
        core = core[:-1]
    for pattern, english in _COMPILED:
        match = pattern.fullmatch(core)
        if match is None:
            continue
        translated = QCoreApplication.translate(CONTEXT, english)
        try:
            text = translated.format(**match.groupdict())
        except (KeyError, IndexError, ValueError):  # a broken translation: keep English
            text = english.format(**match.groupdict())
        if core[:1].isupper():
            text = text[:1].upper() + text[1:]
        return text + ("." if full_stop else "")
    return message
