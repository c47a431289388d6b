"""Typed errors of the lower layers -> one translated sentence each (ui/common/messages.py).

Most errors here are made by the real code that raises them (opening a missing vault, a
camera number that cannot exist, an export over an existing file...); the rest are built
the way their raising code builds them. Every (type, kind) the UI knows is covered, the
English sentence is the lower layer's own message, and the French one is different and
complete (no English left, every field filled).
"""

from __future__ import annotations

import errno
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from authenticator.browser.sites import SiteError, normalize_site, parse_url
from authenticator.core.account import Account
from authenticator.core.errors import (
    AuthenticatorError,
    FileSystemError,
    InternalError,
    file_problem,
)
from authenticator.portability.export import (
    ExportFailed,
    export_google_migration_pngs,
    export_otpauth_file,
)
from authenticator.scan.camera import CameraError, OpenCvCamera
from authenticator.scan.pipeline import ScanError, ScanProblem, scan_bytes
from authenticator.storage import container
from authenticator.storage.errors import (
    SaveError,
    UnsupportedVersionError,
    VaultDamagedError,
    VaultError,
    VaultLockedError,
    VaultReplacedError,
)
from authenticator.storage.files import read_limited
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from authenticator.timesync.sntp import TimeCheckError
from authenticator.ui.common import messages
from authenticator.ui.common.messages import describe, error_sentence, sentence, type_name
from authenticator.ui.common.worker import typed_error
from authenticator.ui.platform.translations import install_translator

PASSWORD = "correct horse battery staple"
ACCOUNT = Account(secret=b"12345678901234567890", issuer="Example", name="alice@example.com")


def caught(action) -> AuthenticatorError:  # type: ignore[no-untyped-def]
    try:
        action()
    except AuthenticatorError as exc:
        return exc
    raise AssertionError("no error was raised")


def _vault_errors(tmp: Path) -> list[AuthenticatorError]:
    path = tmp / "vault.authvault"
    vault = Vault.create(path, PASSWORD, kdf=KdfParams.for_tests())
    vault.add(ACCOUNT)
    out = [
        caught(lambda: Vault.open(path, "not the password")),
        caught(lambda: Vault.open(tmp / "missing.authvault", PASSWORD)),
        caught(lambda: read_limited(tmp / "missing.json", "export file")),
        caught(lambda: Vault.create(path, PASSWORD, kdf=KdfParams.for_tests())),
        caught(lambda: vault.add(ACCOUNT)),
        caught(lambda: Vault.open(path, PASSWORD, read_only=True).add(ACCOUNT.evolve(
            issuer="Other"))),
        caught(lambda: container.parse(container.PREAMBLE.pack(
            container.MAGIC, container.FORMAT_VERSION + 1, 0) + bytes(64))),
    ]
    # The password changed on another device while this window has unsaved changes.
    there = Vault.open(path, PASSWORD)
    there.change_password("changed elsewhere")
    vault.add(ACCOUNT.evolve(id="new", issuer="New"))
    out.append(caught(vault.save))
    vault.close()
    out.append(caught(lambda: vault.add(ACCOUNT)))
    return out


def _built_errors() -> list[AuthenticatorError]:
    """Errors whose cause is hard to bring about in a test, built as their code does."""
    full = file_problem(OSError(errno.ENOSPC, "No space left on device"))
    denied = file_problem(OSError(errno.EACCES, "Permission denied"))
    name = "vault.authvault"
    kept = "your changes are kept in memory"
    locked = VaultLockedError("the vault is being saved by another program (process 42); "
                              "try again in a moment", kind="process", pid=42)
    password = ("the vault vault.authvault cannot be read with this window's key: its "
                "password was probably changed elsewhere; lock it and unlock with the "
                "current password")
    return [
        VaultDamagedError(),
        UnsupportedVersionError("the vault content was saved by a newer version of "
                                "Authenticator (content version 9); update the app to open "
                                "it", kind="content", version=9),
        locked,
        VaultLockedError("the vault is being saved by another program; try again in a "
                         "moment"),
        VaultError(f"cannot read the vault file /v/{name}: {denied}", kind="read-vault",
                   path=f"/v/{name}", reason=denied),
        VaultError(f"cannot read the export file /v/x.json: {denied}", kind="read-export",
                   path="/v/x.json", reason=denied),
        SaveError(f"could not save the vault {name}: {full}; the file on disk is unchanged "
                  "and your changes are kept in memory", kind="write", name=name, reason=full),
        SaveError(f"could not create the vault /v/{name}: {full}", kind="create",
                  path=f"/v/{name}", reason=full),
        SaveError(f"could not write the backup b.authvault: {full}", kind="backup",
                  name="b.authvault", reason=full),
        SaveError(f"could not save the vault {name}: the file was moved or deleted since it "
                  f"was opened; {kept}", kind="moved", name=name),
        SaveError(f"{locked}; {kept}", kind="unreadable", cause=locked),
        VaultReplacedError(f"the vault file {name} was replaced by one this window cannot "
                           f"read (another vault, or a damaged file); reopen it, {kept}",
                           kind="other", name=name),
        VaultReplacedError(f"the vault file {name} was saved by a newer version of "
                           f"Authenticator elsewhere; update this app and reopen it, {kept}",
                           kind="newer", name=name),
        VaultReplacedError(password, kind="password", name=name),
        VaultReplacedError(f"{password}; {kept}", kind="password-memory", name=name),
        *(ScanError(problem, "bad secret") for problem in ScanProblem),
        *(CameraError(f"camera 3 cannot be opened: {text}", kind=kind, index=3)
          for kind, text in (
              ("blocked-macos", "allow camera access in System Settings > Privacy & "
                                "Security > Camera, then try again"),
              ("blocked-windows", "check Settings > Privacy > Camera and close other "
                                  "programs that use it, then try again"),
              ("busy", "it may be busy in another program (video calls, browsers); "
                       "close it and try again"))),
        CameraError("no camera found at number 3: check that a camera is plugged in and not "
                    "switched off, then try again", kind="missing", index=3),
        CameraError("permission denied for camera 3: add your user to the 'video' group "
                    "(sudo usermod -aG video $USER), then log out and back in",
                    kind="permission", index=3),
        CameraError("camera 3 opened but sends no picture: it is probably busy; close other "
                    "programs using it (video calls, browsers) and try again",
                    kind="no-picture", index=3),
        CameraError("the camera could not be started (RuntimeError)", kind="failed",
                    name="RuntimeError"),
        TimeCheckError("could not reach any time server (a: timeout; b: refused)",
                       kind="unreachable", details="a: timeout; b: refused"),
        typed_error(ZeroDivisionError("secret 1234")),
    ]


def _other_errors(tmp: Path) -> list[AuthenticatorError]:
    from authenticator.ui.enroll.camera import NO_DECODER, STOPPED

    existing = tmp / "keys.txt"
    existing.write_text("")
    folder = tmp / "pngs"
    folder.mkdir()
    (folder / "google-authenticator-export-1-of-1.png").write_text("")
    return [
        caught(lambda: OpenCvCamera(-1)),
        STOPPED,
        NO_DECODER,
        scan_bytes(b"").failure(),
        caught(lambda: export_otpauth_file([ACCOUNT], existing)),
        caught(lambda: export_google_migration_pngs([ACCOUNT], folder)),
        caught(lambda: export_google_migration_pngs([ACCOUNT], existing)),
        caught(lambda: export_otpauth_file([ACCOUNT], tmp / "gone" / "keys.txt")),
        *(caught(lambda text=text: normalize_site(text)) for text in (
            "", "exa\u0000mple.com", "co.uk", "\udcff.com")),
        *(caught(lambda url=url: parse_url(url)) for url in (
            "x" * 9000, "http://[::1", "ftp://example.com", "http://")),
    ]


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> list[AuthenticatorError]:
    tmp = tmp_path_factory.mktemp("errors")
    return _vault_errors(tmp) + _built_errors() + _other_errors(tmp)


@pytest.fixture
def french(qapp) -> Iterator[QApplication]:
    assert install_translator(qapp, "fr") == "fr"
    yield qapp
    install_translator(qapp, "en")


def test_every_sentence_names_a_real_error_type() -> None:
    import importlib

    for type_path, _kind in messages._TEMPLATES:
        module, _, name = type_path.rpartition(".")
        cls = getattr(importlib.import_module(f"authenticator.{module}"), name)
        assert issubclass(cls, AuthenticatorError), type_path


def test_the_samples_cover_every_sentence(samples) -> None:
    def key(error: AuthenticatorError) -> tuple[str, str]:
        return next((type_name(cls), error.kind) for cls in type(error).__mro__
                    if (type_name(cls), error.kind) in messages._TEMPLATES)

    covered = {key(e) for e in samples if messages.template_of(e) is not None}
    assert covered == set(messages._TEMPLATES)
    # Only file-system reasons have no sentence of their own (see the next tests).
    assert all(messages.template_of(e) is not None for e in samples
               if not isinstance(e, FileSystemError))


def test_in_english_the_window_says_what_the_command_line_says(qapp, samples) -> None:
    install_translator(qapp, "en")
    for error in samples:
        assert describe(error) == str(error), type(error).__name__


def test_in_french_every_error_has_its_own_complete_sentence(french, samples) -> None:
    for error in samples:
        text = describe(error)
        assert text != str(error), str(error)  # translated, not the English fallback
        assert "{" not in text, text  # every field filled
        assert text == text.strip() and "\n" not in text


def test_french_sentences(french, samples, tmp_path) -> None:
    by_kind = {(type(e).__name__, e.kind): e for e in samples}
    assert describe(by_kind["WrongPasswordError", ""]) == (
        "mot de passe incorrect, ou le fichier du coffre a été modifié")
    assert describe(by_kind["CameraError", "negative"]) == (
        "il n’y a pas de caméra numéro -1\u00a0; les caméras sont numérotées à partir de 0")
    # A reason is translated inside the sentence that carries it.
    assert describe(by_kind["ExportFailed", "write"]) == (
        "impossible d’écrire keys.txt\u00a0: le dossier n’existe plus")
    assert describe(by_kind["SaveError", "write"]).startswith(
        "impossible d’enregistrer le coffre vault.authvault\u00a0: le disque est plein\u00a0;")
    assert error_sentence(by_kind["ScanError", "EMPTY_FILE"]) == "Le fichier est vide."
    rescued = by_kind["VaultReplacedError", "password-rescued"]
    assert rescued.fields["rescue"] in describe(rescued)  # the copy's name, as it is
    assert describe(typed_error(OSError(errno.EROFS, "Read-only file system"))) == (
        "le dossier est sur un système de fichiers en lecture seule")


def test_errors_nobody_planned_for_keep_their_english(french) -> None:
    assert describe(AuthenticatorError("something nobody planned for")) == (
        "something nobody planned for")
    odd = typed_error(OSError(errno.ELOOP, "Too many levels of symbolic links"))
    assert describe(odd) == "Too many levels of symbolic links"


def test_internal_errors_show_the_type_only(french) -> None:
    error = typed_error(ValueError("the key is JBSWY3DPEHPK3PXP"))
    assert isinstance(error, InternalError)
    assert describe(error) == "erreur interne inattendue (ValueError)"
    assert "JBSW" not in describe(error) + str(error) + repr(error.fields)


def test_site_errors_are_told_apart(samples) -> None:
    kinds = {e.kind for e in samples if isinstance(e, SiteError)}
    assert kinds == {"empty", "characters", "public-suffix", "idna", "too-long", "malformed",
                     "scheme", "no-host"}
    assert {e.kind for e in samples if isinstance(e, ExportFailed)} == {
        "exists-name", "exists-folder", "folder", "write"}


def test_one_sentence_helper() -> None:
    assert sentence("no QR code found") == "No QR code found."
    assert sentence("Done already.") == "Done already."
    assert sentence("  two   spaces ") == "Two spaces."
    assert sentence("what?") == "What?"
    assert sentence("about 2 s ahead", full_stop=False) == "About 2 s ahead"
    assert sentence("") == ""


def test_no_regex_table_and_no_parsing_of_english() -> None:
    source = inspect.getsource(messages)
    assert "import re" not in source and "re.compile" not in source
    assert "translate_error" not in source
    ui = Path(messages.__file__).parents[1]
    for path in ui.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "translate_error" not in text, path
        assert '"password was changed" in' not in text, path
