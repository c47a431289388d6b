"""Apps' internal databases and Authenticator Plus: private copies, WAL, SQLCipher, bombs."""

from __future__ import annotations

import base64
import io
import os
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from authenticator.portability import _sqlcipher
from authenticator.portability.base import ImportFailed, PasswordRequired
from authenticator.portability.registry import detect_format, import_bytes, import_file
from tests.portability import app_writers as w
from tests.portability.helpers import fields, imported, only_detected_as

K1, K2, K3 = b"k1-0123456789abcdefg", bytes(range(32)), bytes(range(200, 210))
PASSWORD = "master ünï pass"


@pytest.fixture
def private_tmp(tmp_path_factory, monkeypatch) -> Path:
    """Temporary files of the importers go here, so a test can see that none is left."""
    folder = tmp_path_factory.mktemp("private")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


GOOGLE_ROWS = [("octo@github.com", w.b32(K1).lower(), 0, 0, "GitHub"),
               ("Example:alice", " ".join(w.b32(K2)[i:i + 4] for i in range(0, 52, 4)), 0, 0,
                None),
               ("hotp@site", w.b32(K3), 7, 1, "")]
# The HOTP row stores 7, the last counter the app used: the next code is counter 8.
GOOGLE_EXPECTED = [("GitHub", "octo@github.com", "totp", "SHA1", 6, 30, None, K1),
                   ("Example", "alice", "totp", "SHA1", 6, 30, None, K2),
                   ("", "hotp@site", "hotp", "SHA1", 6, None, 8, K3)]


def test_google_db_with_wal_read_from_a_private_copy(tmp_path, private_tmp):
    db = w.make_google_db(tmp_path / "databases", GOOGLE_ROWS[:2], wal_rows=GOOGLE_ROWS[2:],
                          encrypted_row=True)
    assert Path(str(db) + "-wal").stat().st_size > 0
    before = listing(tmp_path)
    only_detected_as(db.read_bytes(), "google-authenticator-db")
    result = import_file(db)
    assert result.format_name == "google-authenticator-db"
    # The third row lives only in the -wal file: it was read too.
    assert [fields(a) for a in result.accounts] == GOOGLE_EXPECTED
    assert [str(p) for p in result.problems] == [
        "row 3 (new@example.com): encrypted by a newer Google Authenticator: use its "
        "Transfer accounts QR codes instead"]
    # The user's files are untouched (no -shm or journal created next to them) and the
    # private copy is gone.
    assert listing(tmp_path) == before
    assert list(private_tmp.iterdir()) == []


def test_microsoft_db(tmp_path, private_tmp):
    ms_key = os.urandom(16)
    db = w.make_microsoft_db(tmp_path / "PhoneFactor", [
        (0, "abcd efgh ijkl mnop", "GitHub", "octo"),
        (1, base64.b64encode(ms_key).decode(), "Microsoft", "me@outlook.com"),
        (3, "", "Contoso", "worker@contoso.com"),
        (0, "", "Empty", "none"),
    ], encrypted_only=[("Sealed", "x")])
    only_detected_as(db.read_bytes(), "microsoft-authenticator")
    result = import_file(db)
    assert [fields(a) for a in result.accounts] == [
        ("GitHub", "octo", "totp", "SHA1", 6, 30, None,
         base64.b32decode("ABCDEFGHIJKLMNOP")),
        ("Microsoft", "me@outlook.com", "totp", "SHA1", 8, 30, None, ms_key)]
    assert [str(p) for p in result.problems] == [
        "row 3 (Contoso): skipped: account type 3 has no code key (push-only account)",
        "row 4 (Empty): skipped: this account has no code key (push-only account)",
        "row 5 (Sealed): the key is encrypted by Microsoft Authenticator on the phone and "
        "cannot be read here"]
    assert list(private_tmp.iterdir()) == []


def test_stratum_db(tmp_path):
    entries = [w.stratum_entry(2, "GitHub", "octo", w.b32(K1)),
               w.stratum_entry(1, "Bank", None, w.b32(K2), algorithm=2, digits=8, counter=3),
               w.stratum_entry(5, "Yandex", "me", w.b32(K3))]
    db = w.make_stratum_db(tmp_path / "authenticator.db3", entries)
    only_detected_as(db.read_bytes(), "stratum")
    result = import_file(db)
    assert result.format_name == "stratum"
    assert [fields(a) for a in result.accounts] == [
        ("GitHub", "octo", "totp", "SHA1", 6, 30, None, K1),
        ("Bank", "", "hotp", "SHA512", 8, None, 3, K2)]
    assert [str(p) for p in result.problems] == ["row 3 (Yandex): Yandex codes are not supported"]


# -- hostile or damaged SQLite ------------------------------------------------------------------
def test_sqlite_that_is_not_what_it_claims(tmp_path, private_tmp):
    fake = tmp_path / "databases"
    fake.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    with pytest.raises(ImportFailed, match="not in a format"):
        import_file(fake)
    with pytest.raises(ImportFailed, match="damaged or is not what it claims"):
        import_file(fake, format_name="google-authenticator-db")
    # A real database of something else.
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER, text TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(ImportFailed, match="has no accounts table"):
        import_file(other, format_name="microsoft-authenticator")
    assert list(private_tmp.iterdir()) == []


def test_a_view_that_never_ends_is_not_read(tmp_path):
    path = tmp_path / "databases"
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW accounts AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL "
                 "SELECT x + 1 FROM n) SELECT 'a' AS email, 'b' AS secret, 0 AS type, x "
                 "FROM n")
    conn.commit()
    conn.close()
    with pytest.raises(ImportFailed, match="has no accounts table"):
        import_file(path, format_name="google-authenticator-db")


def test_a_table_with_huge_values_is_refused(tmp_path):
    path = tmp_path / "databases"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (email TEXT, secret TEXT, type INTEGER, counter "
                 "INTEGER, issuer TEXT)")
    conn.execute("INSERT INTO accounts VALUES ('a', ?, 0, 0, '')", ("A" * 3_000_000,))
    conn.commit()
    conn.close()
    with pytest.raises(ImportFailed, match="damaged"):
        import_file(path)


# -- Authenticator Plus --------------------------------------------------------------------------
ACCOUNTS_TXT = (f"otpauth://totp/GitHub:octo?secret={w.b32(K1)}&issuer=GitHub&digits=6\r\n"
                f"otpauth://hotp/Bank:me?secret={w.b32(K2)}&issuer=Bank&digits=8&counter=2\r\n"
                "not a link\r\n")


def test_authenticator_plus_zip():
    data = w.make_authplus_zip(ACCOUNTS_TXT, PASSWORD, folder="Authenticator Plus/")
    only_detected_as(data, "authenticator-plus")
    assert detect_format(data).is_encrypted(data)
    with pytest.raises(PasswordRequired):
        import_bytes(data)
    with pytest.raises(ImportFailed, match=r"^wrong password"):
        import_bytes(data, password="nope")
    result = imported(data, "authenticator-plus", PASSWORD)
    assert [fields(a) for a in result.accounts] == [
        ("GitHub", "octo", "totp", "SHA1", 6, 30, None, K1),
        ("Bank", "me", "hotp", "SHA1", 8, None, 2, K2)]
    assert [str(p) for p in result.problems] == ["line 3: this line is not an otpauth:// link"]


def test_authenticator_plus_zip_without_accounts_and_zip_bombs():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ImportFailed, match=r"no Accounts\.txt"):
        import_bytes(buffer.getvalue(), format_name="authenticator-plus")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Accounts.txt", b"\0" * (200 * 1024 * 1024))
    assert len(bomb.getvalue()) < 1024 * 1024
    with pytest.raises(ImportFailed, match="too large"):
        import_bytes(bomb.getvalue())
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for i in range(150):
            archive.writestr(f"{i}.txt", "x")
        archive.writestr("Accounts.txt", ACCOUNTS_TXT)
    with pytest.raises(ImportFailed, match="too many entries"):
        import_bytes(many.getvalue())


def test_a_zip_that_lies_about_its_size_is_cut_off():
    """The central directory claims a tiny file; inflating it must still stop early."""
    honest = io.BytesIO()
    with zipfile.ZipFile(honest, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Accounts.txt", b"\n" * (50 * 1024 * 1024))
    data = bytearray(honest.getvalue())
    claimed = (50 * 1024 * 1024).to_bytes(4, "little")
    for offset in [i for i in range(len(data)) if data[i : i + 4] == claimed]:
        data[offset : offset + 4] = (100).to_bytes(4, "little")
    with pytest.raises(ImportFailed, match=r"too large|damaged"):
        import_bytes(bytes(data), format_name="authenticator-plus")


AUTHPLUS_ROWS = [("GitHub:octo", " ".join(w.b32(K1)), 0, 0, "GitHub", "All Accounts"),
                 ("bank-user", w.b32(K2), 5, 1, "Bank", "Money")]
AUTHPLUS_EXPECTED = [("GitHub", "octo", "totp", "SHA1", 6, 30, None, K1),
                     ("Bank", "bank-user", "hotp", "SHA1", 6, None, 6, K2)]



def _has_sqlcipher() -> bool:
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


needs_sqlcipher = pytest.mark.skipif(
    not _has_sqlcipher(), reason="sqlcipher3 (the optional 'sqlcipher' extra) is not installed")


def test_authenticator_plus_decrypted_db(tmp_path):
    db = w.make_authplus_db(tmp_path / "authplus.db", AUTHPLUS_ROWS, None)
    only_detected_as(db.read_bytes(), "authenticator-plus")
    result = import_file(db)
    assert [fields(a) for a in result.accounts] == AUTHPLUS_EXPECTED
    assert [a.tags for a in result.accounts] == [(), ("Money",)]


@needs_sqlcipher
def test_authenticator_plus_sqlcipher_db(tmp_path, private_tmp):
    db = w.make_authplus_db(tmp_path / "authplus.db", AUTHPLUS_ROWS, PASSWORD)
    data = db.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    only_detected_as(data, "authenticator-plus")
    with pytest.raises(PasswordRequired):
        import_bytes(data)
    with pytest.raises(ImportFailed, match=r"^wrong password"):
        import_bytes(data, password="nope")
    result = imported(data, "authenticator-plus", PASSWORD)
    assert [fields(a) for a in result.accounts] == AUTHPLUS_EXPECTED
    assert list(private_tmp.iterdir()) == []
    # The same database inside a password-protected ZIP.
    buffer = io.BytesIO()
    import pyzipper

    with pyzipper.AESZipFile(buffer, "w", encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(PASSWORD.encode())
        archive.writestr("backup/authplus.db", data)
    zipped = imported(buffer.getvalue(), "authenticator-plus", PASSWORD)
    assert [fields(a) for a in zipped.accounts] == AUTHPLUS_EXPECTED


@needs_sqlcipher
def test_password_protected_stratum_db(tmp_path):
    import sqlcipher3

    path = tmp_path / "authenticator.db3"
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = 'app pass'")
    conn.execute("PRAGMA cipher_compatibility = 3")
    conn.execute("CREATE TABLE authenticator (secret TEXT, type INTEGER, issuer TEXT, "
                 "username TEXT, algorithm INTEGER, digits INTEGER, period INTEGER, "
                 "counter INTEGER)")
    conn.execute("INSERT INTO authenticator VALUES (?, 2, 'GitHub', 'octo', 1, 6, 30, 0)",
                 (w.b32(K1),))
    conn.commit()
    conn.close()
    for name in ("stratum", None):  # chosen, or detected as an encrypted database
        result = import_file(path, format_name=name, password="app pass")
        assert result.format_name == "stratum"
        assert [fields(a) for a in result.accounts] == [
            ("GitHub", "octo", "totp", "SHA256", 6, 30, None, K1)]


def test_without_sqlcipher_the_message_says_what_is_missing(tmp_path, monkeypatch):
    def missing(name: str) -> None:
        raise ImportError(name)

    monkeypatch.setattr(_sqlcipher.importlib, "import_module", missing)
    encrypted_like = os.urandom(4096)
    with pytest.raises(ImportFailed, match=r"authenticator\[sqlcipher\].*sqlcipher3"):
        import_bytes(encrypted_like, format_name="authenticator-plus", password="x")


def test_text_that_is_not_utf8_is_an_entry_problem(tmp_path):
    path = tmp_path / "databases"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (email TEXT, secret TEXT, type INTEGER, counter "
                 "INTEGER, issuer TEXT)")
    conn.execute("INSERT INTO accounts VALUES (CAST(X'FFFE' AS TEXT), CAST(X'A8A8' AS TEXT), "
                 "0, 0, '')")
    conn.execute("INSERT INTO accounts VALUES ('ok', ?, 0, 0, 'Fine')", (w.b32(K1),))
    conn.commit()
    conn.close()
    result = import_file(path)
    assert [a.issuer for a in result.accounts] == ["Fine"]
    assert len(result.problems) == 1 and "base32" in str(result.problems[0])
