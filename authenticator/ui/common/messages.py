"""The user's-language sentence of each error the lower layers raise, and sentence case.

core, storage, scan, timesync, portability and browser have no Qt: they raise typed errors
(:class:`~authenticator.core.errors.AuthenticatorError` subclasses, a ``kind`` where one
type covers several cases, and the parts of the sentence in ``fields``). :func:`describe`
maps the type and kind to a sentence translated in context ``Errors`` and fills it from
the fields; an error it does not know comes back as ``str(error)`` (English). The English
templates below read exactly as the lower layers' own messages (``tests/ui/test_messages``
checks it), so the command line and an English window say the same thing.

:func:`sentence` is the one place a message gets its capital letter and full stop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from authenticator.core.errors import AuthenticatorError, FileProblem, FileSystemError

CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction into ``context``; translate it later, where shown.
    (PySide6's own version is typed as returning ``object``.)"""
    return text


# Why a file could not be read or written (FileProblem.kind); "other" keeps the system's
# own words, which cannot be translated here.
_REASONS: dict[str, str] = {
    "disk-full": QT_TRANSLATE_NOOP("Errors", "the disk is full"),
    "quota": QT_TRANSLATE_NOOP("Errors", "the disk quota is exceeded"),
    "read-only": QT_TRANSLATE_NOOP("Errors", "the folder is on a read-only file system"),
    "permission": QT_TRANSLATE_NOOP("Errors", "permission was denied"),
    "gone": QT_TRANSLATE_NOOP("Errors", "the folder no longer exists"),
    "io": QT_TRANSLATE_NOOP("Errors", "the disk reported an input/output error"),
}

# (type, kind) -> the English template; each {field} is filled from ``error.fields``. Types
# are named (under ``authenticator.``) rather than imported: showing an error must not load
# the camera or export code.
_TEMPLATES: dict[tuple[str, str], str] = {
    # The vault (storage).
    ("storage.errors.WrongPasswordError", ""): QT_TRANSLATE_NOOP(
        "Errors", "wrong password, or the vault file was modified"),
    ("storage.errors.VaultDamagedError", ""): QT_TRANSLATE_NOOP(
        "Errors", "the vault file is damaged: the password is right, but its content fails "
        "the integrity check"),
    ("storage.errors.UnsupportedVersionError", "format"): QT_TRANSLATE_NOOP(
        "Errors", "the vault was saved by a newer version of Authenticator (format "
        "{version}); update the app to open it"),
    ("storage.errors.UnsupportedVersionError", "content"): QT_TRANSLATE_NOOP(
        "Errors", "the vault content was saved by a newer version of Authenticator (content "
        "version {version}); update the app to open it"),
    ("storage.errors.VaultClosedError", ""): QT_TRANSLATE_NOOP("Errors", "the vault is closed"),
    ("storage.errors.VaultLockedError", ""): QT_TRANSLATE_NOOP(
        "Errors", "the vault is being saved by another program; try again in a moment"),
    ("storage.errors.VaultLockedError", "process"): QT_TRANSLATE_NOOP(
        "Errors", "the vault is being saved by another program (process {pid}); try again in "
        "a moment"),
    ("storage.errors.VaultNotFoundError", "vault"): QT_TRANSLATE_NOOP(
        "Errors", "there is no vault file at {path}"),
    ("storage.errors.VaultNotFoundError", "export"): QT_TRANSLATE_NOOP(
        "Errors", "there is no export file at {path}"),
    ("storage.errors.VaultError", "read-vault"): QT_TRANSLATE_NOOP(
        "Errors", "cannot read the vault file {path}: {reason}"),
    ("storage.errors.VaultError", "read-export"): QT_TRANSLATE_NOOP(
        "Errors", "cannot read the export file {path}: {reason}"),
    ("storage.errors.VaultExistsError", ""): QT_TRANSLATE_NOOP(
        "Errors", "a file already exists at {path}"),
    ("storage.errors.DuplicateAccountError", ""): QT_TRANSLATE_NOOP(
        "Errors", "this account is already in the vault"),
    ("storage.errors.ReadOnlyVaultError", ""): QT_TRANSLATE_NOOP(
        "Errors", "this vault was opened read-only and cannot be changed"),
    ("storage.errors.SaveError", "write"): QT_TRANSLATE_NOOP(
        "Errors", "could not save the vault {name}: {reason}; the file on disk is unchanged "
        "and your changes are kept in memory"),
    ("storage.errors.SaveError", "create"): QT_TRANSLATE_NOOP(
        "Errors", "could not create the vault {path}: {reason}"),
    ("storage.errors.SaveError", "backup"): QT_TRANSLATE_NOOP(
        "Errors", "could not write the backup {name}: {reason}"),
    ("storage.errors.SaveError", "moved"): QT_TRANSLATE_NOOP(
        "Errors", "could not save the vault {name}: the file was moved or deleted since it "
        "was opened; your changes are kept in memory"),
    ("storage.errors.SaveError", "unreadable"): QT_TRANSLATE_NOOP(
        "Errors", "{cause}; your changes are kept in memory"),
    ("storage.errors.VaultReplacedError", "other"): QT_TRANSLATE_NOOP(
        "Errors", "the vault file {name} was replaced by one this window cannot read "
        "(another vault, or a damaged file); reopen it, your changes are kept in memory"),
    ("storage.errors.VaultReplacedError", "newer"): QT_TRANSLATE_NOOP(
        "Errors", "the vault file {name} was saved by a newer version of Authenticator "
        "elsewhere; update this app and reopen it, your changes are kept in memory"),
    ("storage.errors.VaultReplacedError", "password"): QT_TRANSLATE_NOOP(
        "Errors", "the vault {name} cannot be read with this window's key: its password was "
        "probably changed elsewhere; lock it and unlock with the current password"),
    ("storage.errors.VaultReplacedError", "password-memory"): QT_TRANSLATE_NOOP(
        "Errors", "the vault {name} cannot be read with this window's key: its password was "
        "probably changed elsewhere; lock it and unlock with the current password; your "
        "changes are kept in memory"),
    ("storage.errors.VaultReplacedError", "password-rescued"): QT_TRANSLATE_NOOP(
        "Errors", "the vault {name} cannot be read with this window's key: its password was "
        "probably changed elsewhere; lock it and unlock with the current password: your "
        "changes are kept in {rescue} and merged then"),
    # QR codes in images (scan).
    ("scan.pipeline.ScanError", "NO_QR"): QT_TRANSLATE_NOOP(
        "Errors", "no QR code found in this image"),
    ("scan.pipeline.ScanError", "WEB_ADDRESS"): QT_TRANSLATE_NOOP(
        "Errors", "this QR code contains a web address, not an authenticator key"),
    ("scan.pipeline.ScanError", "TEXT_ONLY"): QT_TRANSLATE_NOOP(
        "Errors", "this QR code contains text, not an authenticator key"),
    ("scan.pipeline.ScanError", "BAD_OTPAUTH"): QT_TRANSLATE_NOOP(
        "Errors", "this QR code holds an otpauth link that could not be read: {detail}"),
    ("scan.pipeline.ScanError", "BAD_MIGRATION"): QT_TRANSLATE_NOOP(
        "Errors", "this QR code holds a Google Authenticator export that could not be read: "
        "{detail}"),
    ("scan.pipeline.ScanError", "EMPTY_FILE"): QT_TRANSLATE_NOOP("Errors", "the file is empty"),
    ("scan.pipeline.ScanError", "NOT_A_FILE"): QT_TRANSLATE_NOOP("Errors", "there is no such file"),
    ("scan.pipeline.ScanError", "IS_A_FOLDER"): QT_TRANSLATE_NOOP(
        "Errors", "this is a folder, not an image file"),
    ("scan.pipeline.ScanError", "NO_PERMISSION"): QT_TRANSLATE_NOOP(
        "Errors", "the file cannot be opened: permission denied"),
    ("scan.pipeline.ScanError", "UNREADABLE"): QT_TRANSLATE_NOOP(
        "Errors", "the file cannot be read: {detail}"),
    ("scan.pipeline.ScanError", "FILE_TOO_BIG"): QT_TRANSLATE_NOOP(
        "Errors", "the file is too large to be a screenshot or photo"),
    ("scan.pipeline.ScanError", "NOT_AN_IMAGE"): QT_TRANSLATE_NOOP(
        "Errors", "the file is not an image that can be read (corrupt or unsupported format)"),
    ("scan.pipeline.ScanError", "TOO_MANY_PIXELS"): QT_TRANSLATE_NOOP(
        "Errors", "the image is too large to scan; crop it around the QR code and try again"),
    ("scan.pipeline.ScanError", "BAD_ARRAY"): QT_TRANSLATE_NOOP(
        "Errors", "the image has an unsupported pixel format"),
    ("scan.pipeline.ScanError", "TOO_SMALL"): QT_TRANSLATE_NOOP(
        "Errors", "the image is too small to hold a QR code"),
    ("scan.pipeline.ScanError", "NO_PICTURE"): QT_TRANSLATE_NOOP(
        "Errors", "the screenshot service did not write a picture file"),
    # The camera (scan/camera.py and the camera thread).
    ("scan.camera.CameraError", "missing"): QT_TRANSLATE_NOOP(
        "Errors", "no camera found at number {index}: check that a camera is plugged in and "
        "not switched off, then try again"),
    ("scan.camera.CameraError", "permission"): QT_TRANSLATE_NOOP(
        "Errors", "permission denied for camera {index}: add your user to the 'video' group "
        "(sudo usermod -aG video $USER), then log out and back in"),
    ("scan.camera.CameraError", "negative"): QT_TRANSLATE_NOOP(
        "Errors", "there is no camera number {index}; cameras count from 0"),
    ("scan.camera.CameraError", "no-picture"): QT_TRANSLATE_NOOP(
        "Errors", "camera {index} opened but sends no picture: it is probably busy; close "
        "other programs using it (video calls, browsers) and try again"),
    ("scan.camera.CameraError", "blocked-macos"): QT_TRANSLATE_NOOP(
        "Errors", "camera {index} cannot be opened: allow camera access in System Settings > "
        "Privacy & Security > Camera, then try again"),
    ("scan.camera.CameraError", "blocked-windows"): QT_TRANSLATE_NOOP(
        "Errors", "camera {index} cannot be opened: check Settings > Privacy > Camera and "
        "close other programs that use it, then try again"),
    ("scan.camera.CameraError", "busy"): QT_TRANSLATE_NOOP(
        "Errors", "camera {index} cannot be opened: it may be busy in another program (video "
        "calls, browsers); close it and try again"),
    ("scan.camera.CameraError", "stopped"): QT_TRANSLATE_NOOP(
        "Errors", "the camera stopped sending pictures: check that it is still plugged in, "
        "then choose it again"),
    ("scan.camera.CameraError", "no-decoder"): QT_TRANSLATE_NOOP(
        "Errors", "no QR code reader could be loaded on this computer; type the key instead"),
    ("scan.camera.CameraError", "failed"): QT_TRANSLATE_NOOP(
        "Errors", "the camera could not be started ({name})"),
    # The clock check (timesync).
    ("timesync.sntp.TimeCheckError", "unreachable"): QT_TRANSLATE_NOOP(
        "Errors", "could not reach any time server ({details})"),
    # Files written by the transfer dialogs (portability/export.py).
    ("portability.export.ExportFailed", "folder"): QT_TRANSLATE_NOOP(
        "Errors", "cannot create the folder {name}: {reason}"),
    ("portability.export.ExportFailed", "exists-folder"): QT_TRANSLATE_NOOP(
        "Errors", "{name} already exists; choose an empty folder"),
    ("portability.export.ExportFailed", "exists-name"): QT_TRANSLATE_NOOP(
        "Errors", "{name} already exists; choose another name"),
    ("portability.export.ExportFailed", "write"): QT_TRANSLATE_NOOP(
        "Errors", "cannot write {name}: {reason}"),
    # Websites of an account (browser/sites.py), shown by the edit dialog.
    ("browser.sites.SiteError", "empty"): QT_TRANSLATE_NOOP("Errors", "the domain is empty"),
    ("browser.sites.SiteError", "idna"): QT_TRANSLATE_NOOP(
        "Errors", "the domain is not a valid international name"),
    ("browser.sites.SiteError", "characters"): QT_TRANSLATE_NOOP(
        "Errors", "the domain contains characters a host name cannot have"),
    ("browser.sites.SiteError", "public-suffix"): QT_TRANSLATE_NOOP(
        "Errors", "{host} is a public suffix shared by many sites: give the site's own domain"),
    ("browser.sites.SiteError", "too-long"): QT_TRANSLATE_NOOP(
        "Errors", "the web address is missing or too long"),
    ("browser.sites.SiteError", "scheme"): QT_TRANSLATE_NOOP(
        "Errors", "only http and https web addresses have sites"),
    ("browser.sites.SiteError", "no-host"): QT_TRANSLATE_NOOP(
        "Errors", "the web address has no host"),
    ("browser.sites.SiteError", "malformed"): QT_TRANSLATE_NOOP(
        "Errors", "the web address is malformed"),
    # Background jobs (ui/common/worker.py).
    ("core.errors.InternalError", ""): QT_TRANSLATE_NOOP(
        "Errors", "unexpected internal error ({name})"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def template_of(error: AuthenticatorError) -> str | None:
    """The English template for ``error`` (its type or the nearest base with a sentence
    for its kind), or None when the error has no translated sentence."""
    for cls in type(error).__mro__:
        template = _TEMPLATES.get((type_name(cls), error.kind))
        if template is not None:
            return template
    return None


def type_name(cls: type) -> str:
    """``authenticator.storage.errors.SaveError`` -> ``storage.errors.SaveError``."""
    return f"{cls.__module__.removeprefix('authenticator.')}.{cls.__qualname__}"


def reason_text(reason: FileProblem) -> str:
    """Why a file could not be read or written, in the user's language (an unusual reason
    keeps the system's own English words)."""
    english = _REASONS.get(reason.kind)
    return reason.text if english is None else _tr(english)


def _field(value: object) -> str:
    if isinstance(value, FileProblem):
        return reason_text(value)
    if isinstance(value, AuthenticatorError):
        return describe(value)
    return str(value)


def describe(error: AuthenticatorError) -> str:
    """``error`` as one sentence in the user's language (lower-case start, no full stop,
    as the lower layers word it: pass it through :func:`sentence` to show it alone)."""
    reason = error.fields.get("reason")
    if isinstance(error, FileSystemError) and isinstance(reason, FileProblem):
        return reason_text(reason)
    template = template_of(error)
    if template is None:
        return str(error)
    fields = {name: _field(value) for name, value in error.fields.items()}
    try:
        return _tr(template).format(**fields)
    except (KeyError, IndexError, ValueError):  # a broken translation: keep the English
        return template.format(**fields)


def sentence(text: str, *, full_stop: bool = True) -> str:
    """``text`` as a sentence: spaces collapsed, first letter upper-case, and (unless
    ``full_stop`` is False) a full stop when it does not end with one, ! or ?."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if not full_stop or text.endswith((".", "!", "?", "…")):
        return text
    return text + "."


def error_sentence(error: AuthenticatorError) -> str:
    """``error`` as a sentence of its own, in the user's language."""
    return sentence(describe(error))
