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

# (pattern over the lower-layer message, English text with the same {fields}).
_MESSAGES: list[tuple[str, str]] = [
    (r"wrong password, or the vault file was modified",
     QT_TRANSLATE_NOOP("Errors", "wrong password, or the vault file was modified")),
    (r"the vault is closed", QT_TRANSLATE_NOOP("Errors", "the vault is closed")),
    (r"the vault is being saved by another program(?P<who>.*?); try again in a moment",
     QT_TRANSLATE_NOOP("Errors", "the vault is being saved by another program{who}; "
                                 "try again in a moment")),
    (r"could not save the vault (?P<name>.+?): (?P<reason>.+?); the file on disk is unchanged "
     r"and your changes are kept in memory",
     QT_TRANSLATE_NOOP("Errors", "could not save the vault {name}: {reason}; the file on disk "
                                 "is unchanged and your changes are kept in memory")),
    (r"there is no vault at (?P<path>.+)",
     QT_TRANSLATE_NOOP("Errors", "there is no vault at {path}")),
    (r"this account is already in the vault",
     QT_TRANSLATE_NOOP("Errors", "this account is already in the vault")),
    (r"no QR code found in this image",
     QT_TRANSLATE_NOOP("Errors", "no QR code found in this image")),
    (r"this QR code contains a web address, not an authenticator key",
     QT_TRANSLATE_NOOP("Errors", "this QR code contains a web address, not an authenticator "
                                 "key")),
    (r"this QR code contains text, not an authenticator key",
     QT_TRANSLATE_NOOP("Errors", "this QR code contains text, not an authenticator key")),
    (r"the file is not an image that can be read \(corrupt or unsupported format\)",
     QT_TRANSLATE_NOOP("Errors", "the file is not an image that can be read (corrupt or "
                                 "unsupported format)")),
    (r"the image is too small to hold a QR code",
     QT_TRANSLATE_NOOP("Errors", "the image is too small to hold a QR code")),
    (r"could not reach any time server \((?P<details>.*)\)",
     QT_TRANSLATE_NOOP("Errors", "could not reach any time server ({details})")),
    # Camera (scan/camera.py and the camera thread).
    (r"no camera found at number (?P<n>\d+): check that a camera is plugged in and not "
     r"switched off, then try again",
     QT_TRANSLATE_NOOP("Errors", "no camera found at number {n}: check that a camera is "
                                 "plugged in and not switched off, then try again")),
    (r"permission denied for camera (?P<n>\d+): add your user to the 'video' group "
     r"\(sudo usermod -aG video \$USER\), then log out and back in",
     QT_TRANSLATE_NOOP("Errors", "permission denied for camera {n}: add your user to the "
                                 "'video' group (sudo usermod -aG video $USER), then log out "
                                 "and back in")),
    (r"there is no camera number (?P<n>-?\d+); cameras count from 0",
     QT_TRANSLATE_NOOP("Errors", "there is no camera number {n}; cameras count from 0")),
    (r"camera (?P<n>\d+) opened but sends no picture: it is probably busy; close other "
     r"programs using it \(video calls, browsers\) and try again",
     QT_TRANSLATE_NOOP("Errors", "camera {n} opened but sends no picture: it is probably "
                                 "busy; close other programs using it (video calls, "
                                 "browsers) and try again")),
    (r"camera (?P<n>\d+) cannot be opened: allow camera access in System Settings > "
     r"Privacy & Security > Camera, then try again",
     QT_TRANSLATE_NOOP("Errors", "camera {n} cannot be opened: allow camera access in "
                                 "System Settings > Privacy & Security > Camera, then try "
                                 "again")),
    (r"camera (?P<n>\d+) cannot be opened: check Settings > Privacy > Camera and close "
     r"other programs that use it, then try again",
     QT_TRANSLATE_NOOP("Errors", "camera {n} cannot be opened: check Settings > Privacy > "
                                 "Camera and close other programs that use it, then try "
                                 "again")),
    (r"camera (?P<n>\d+) cannot be opened: it may be busy in another program \(video "
     r"calls, browsers\); close it and try again",
     QT_TRANSLATE_NOOP("Errors", "camera {n} cannot be opened: it may be busy in another "
                                 "program (video calls, browsers); close it and try again")),
    (r"the camera stopped sending pictures: check that it is still plugged in, then choose "
     r"it again",
     QT_TRANSLATE_NOOP("Errors", "the camera stopped sending pictures: check that it is "
                                 "still plugged in, then choose it again")),
    (r"no QR code reader could be loaded on this computer; type the key instead",
     QT_TRANSLATE_NOOP("Errors", "no QR code reader could be loaded on this computer; type "
                                 "the key instead")),
    (r"the camera could not be started \((?P<kind>\w+)\)",
     QT_TRANSLATE_NOOP("Errors", "the camera could not be started ({kind})")),
    # Files written by the transfer dialogs (transfer_common.py).
    (r"(?P<name>.+) already exists; choose another name",
     QT_TRANSLATE_NOOP("Errors", "{name} already exists; choose another name")),
    (r"cannot write (?P<name>.+?): (?P<reason>.+)",
     QT_TRANSLATE_NOOP("Errors", "cannot write {name}: {reason}")),
]
_COMPILED = [(re.compile(pattern, re.IGNORECASE | re.DOTALL), text)
             for pattern, text in _MESSAGES]


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
