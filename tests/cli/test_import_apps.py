"""`import` of every other app's format, and `export --format aegis [--encrypt]`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from authenticator.cli import main
from authenticator.portability.formats import IMPORT_FORMATS
from authenticator.portability.registry import IMPORTERS
from tests.helpers import app_backups as backups
from tests.helpers.aegis import ACCOUNTS, read_vault
from tests.helpers.app_files import FILE_PASSWORD, FILES
from tests.helpers.cli import PASSWORD, assert_one_error_line, fill, no_secrets, run, stored
from tests.portability import app_writers as w


@pytest.mark.parametrize("name", list(FILES))
def test_every_format_imports_through_the_cli(name, vault, tmp_path, capsys):
    build, password, count, problems = FILES[name]
    folder = tmp_path / "export"
    folder.mkdir()
    path = build(folder)
    args = ["import", str(path)]
    if password:
        (tmp_path / "pw").write_text(password + "\n")
        args += ["--import-password-file", str(tmp_path / "pw")]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert f"imported {count} of {count} accounts from {name}" in err
    assert len(re.findall(r"^could not read ", err, re.M)) == problems
    assert len(stored(vault)) == count
    no_secrets(err, stored(vault))


def test_a_damaged_encrypted_file_is_one_error_line(vault, tmp_path):
    path = tmp_path / "stratum.authpro"
    path.write_bytes(w.make_stratum_legacy(backups.stratum(), FILE_PASSWORD)[:-20])
    result = run("import", str(path), "--vault", str(vault),
                 env={"AUTHENTICATOR_PASSWORD": PASSWORD,
                      "AUTHENTICATOR_IMPORT_PASSWORD": FILE_PASSWORD})
    assert result.returncode == 1
    assert_one_error_line(result.stderr)
    assert stored(vault) == []


def test_import_help_names_every_format():
    out = run("import", "--help").stdout
    listed = {name for name, _ in IMPORT_FORMATS}
    assert listed == {i.name for i in IMPORTERS}
    for name in listed:
        assert re.search(rf"^  {re.escape(name)}\s", out, re.M), name


def test_readme_names_every_format():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for name, _ in IMPORT_FORMATS:
        assert f"`{name}`" in readme, name


def test_export_aegis_encrypted_opens_in_an_independent_reader(vault, tmp_path, capsys,
                                                              monkeypatch):
    fill(vault, ACCOUNTS)
    monkeypatch.setenv("AUTHENTICATOR_EXPORT_PASSWORD", "aegis pw")
    target = tmp_path / "aegis.json"
    assert main(["export", "--format", "aegis", "--encrypt", "--output", str(target)]) == 0
    assert "encrypted Aegis vault of 5 accounts" in capsys.readouterr().err
    content = read_vault(target.read_bytes(), "aegis pw")
    assert [(e["issuer"], e["name"]) for e in content["entries"]] == [
        (a.issuer, a.name) for a in ACCOUNTS]


def test_export_aegis_plain_to_stdout(vault, capsys):
    fill(vault, ACCOUNTS[:2])
    assert main(["export", "--format", "aegis"]) == 0
    content = read_vault(capsys.readouterr().out.encode(), None)
    assert len(content["entries"]) == 2


def test_encrypt_only_applies_to_aegis(vault):
    fill(vault, ACCOUNTS[:1])
    result = run("export", "--format", "otpauth", "--encrypt", "--vault", str(vault),
                 env={"AUTHENTICATOR_PASSWORD": PASSWORD})
    assert result.returncode == 1
    assert_one_error_line(result.stderr)
