"""The command line facing hostile names, passwords and paths (real subprocesses)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from authenticator.core.account import Account, OtpKind
from authenticator.core.migration import encode_migration_uris
from authenticator.core.uri import format_uri
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from tests.helpers.cli import PASSWORD, run
from tests.portability import writers

EVIL = "Evil\x1b[2J\x1b]0;pwned\x07\u009b31m\u202e"


def _evil_accounts() -> list[Account]:
    return [Account(secret=b"k" * 20, issuer=EVIL, name=f"bob{EVIL}"),
            Account(secret=b"h" * 20, issuer=EVIL, name="counter", kind=OtpKind.HOTP,
                    counter=5)]


def _clean(text: str) -> None:
    for bad in ("\x1b", "\x07", "\u009b", "\u202e"):
        assert bad not in text, repr(text)


def _env(vault: Path) -> dict[str, str]:
    return {"AUTHENTICATOR_VAULT": str(vault), "AUTHENTICATOR_PASSWORD": PASSWORD}


@pytest.fixture
def evil_vault(tmp_path: Path) -> Path:
    path = tmp_path / "vault.authvault"
    vault = Vault.create(path, PASSWORD, kdf=KdfParams.for_tests())
    for account in _evil_accounts():
        vault.add(account)
    vault.save()
    return path


def test_escape_sequences_never_reach_the_terminal(evil_vault: Path) -> None:
    env = _env(evil_vault)
    for args in (["list"], ["list", "--json"], ["code"], ["code", "counter"],
                 ["add", format_uri(Account(secret=b"z" * 20, issuer=EVIL, name="x"))],
                 ["remove", "-y", "x"], ["code", "nothing-matches" + EVIL]):
        result = run(*args, env=env)
        _clean(result.stdout)
        _clean(result.stderr)
    listed = run("list", "--json", env=env)
    assert json.loads(listed.stdout)[0]["issuer"] == EVIL  # same text, safely escaped
    assert "\\u001b[2J" in run("list", env=env).stdout  # visible, not acted on


FORMATS = {
    "aegis": lambda a: writers.make_aegis_plain(a),
    "2fas": lambda a: writers.make_2fas(a),
    "andotp": lambda a: writers.make_andotp_plain(a),
    "freeotp": lambda a: writers.make_freeotp(a),
    "bitwarden": lambda a: writers.make_bitwarden_json(
        [(x.issuer, x.name, writers.bitwarden_totp(x, "uri")) for x in a]),
    "otpauth": lambda a: "\n".join(format_uri(x) for x in a).encode(),
    "google-migration": lambda a: "\n".join(encode_migration_uris(a)).encode(),
}


@pytest.mark.parametrize("name", list(FORMATS))
def test_import_dry_run_escapes_names_of_every_format(tmp_path: Path, name: str) -> None:
    source = tmp_path / f"export-{name}"
    source.write_bytes(FORMATS[name](_evil_accounts()))
    result = run("import", str(source), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "Evil\\u001b" in result.stdout
    _clean(result.stdout)
    _clean(result.stderr)


def test_code_without_a_query_does_not_use_up_hotp_codes(evil_vault: Path) -> None:
    env = _env(evil_vault)
    for _ in range(3):
        assert run("code", env=env).returncode == 0
    counter = next(a for a in Vault.open(evil_vault, PASSWORD).accounts if a.name == "counter")
    assert counter.counter == 5
    shown = run("code", "counter", env=env)
    assert shown.returncode == 0 and shown.stdout.strip().isdigit()
    counter = next(a for a in Vault.open(evil_vault, PASSWORD).accounts if a.name == "counter")
    assert counter.counter == 6


def test_an_empty_password_file_is_refused_everywhere(tmp_path: Path, evil_vault: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n")
    result = run("init", "--vault", str(tmp_path / "new.authvault"), "--password-file",
                 str(empty))
    assert result.returncode == 1 and "is empty" in result.stderr
    assert not (tmp_path / "new.authvault").exists()
    result = run("passwd", "--new-password-file", str(empty), env=_env(evil_vault))
    assert result.returncode == 1 and "is empty" in result.stderr
    assert Vault.open(evil_vault, PASSWORD).accounts


@pytest.mark.skipif(os.name == "nt", reason="POSIX environment bytes")
def test_a_non_utf8_password_variable_is_a_clear_error(evil_vault: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTHENTICATOR_")}
    env_b = {k.encode(): v.encode() for k, v in env.items()}
    env_b[b"AUTHENTICATOR_VAULT"] = str(evil_vault).encode()
    env_b[b"AUTHENTICATOR_PASSWORD"] = b"caf\xe9"
    import subprocess

    result = subprocess.run([sys.executable, "-m", "authenticator", "list"], env=env_b,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: the password in $AUTHENTICATOR_PASSWORD is not " \
                                    "UTF-8 text"


def test_file_and_variable_follow_one_trailing_newline_rule(tmp_path: Path) -> None:
    path = tmp_path / "v.authvault"
    pw_file = tmp_path / "pw"
    pw_file.write_bytes(b"secret words\n")
    created = run("init", "--vault", str(path), "--password-file", str(pw_file))
    assert created.returncode == 0, created.stderr
    for value in ("secret words\n", "secret words\r\n", "secret words"):
        opened = run("list", "--vault", str(path), env={"AUTHENTICATOR_PASSWORD": value})
        assert opened.returncode == 0, (value, opened.stderr)
    pw_file.write_bytes(b"secret words\r\n")
    assert run("list", "--vault", str(path), "--password-file", str(pw_file)).returncode == 0


def test_the_process_cannot_dump_core_nor_be_attached(tmp_path: Path) -> None:
    script = (
        "import ctypes, resource, sys\n"
        "from authenticator.cli.main import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "status = open('/proc/self/status').read()\n"
        "limits = [l for l in open('/proc/self/limits') if l.startswith('Max core')][0]\n"
        "libc = ctypes.CDLL(None)\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0),"
        " limits.split()[4:6], 'CoreDumping' in status, file=sys.stderr)\n")
    if not sys.platform.startswith("linux"):
        pytest.skip("/proc and prctl are Linux")
    import subprocess

    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.stderr.strip().splitlines()[-1] == "(0, 0) 0 ['0', '0'] True"
