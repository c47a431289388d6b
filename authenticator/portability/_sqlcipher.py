"""SQLCipher databases (Authenticator Plus ``authplus.db``, password-protected Stratum DBs).

SQLCipher is a C library; the optional extra ``authenticator[sqlcipher]`` installs the
``sqlcipher3`` binding, whose wheels bundle it for Linux, Windows and macOS. Without it these
files are refused with a message saying exactly that. The apps used SQLCipher 3 settings
(page 1024, PBKDF2-HMAC-SHA1 64,000 iterations, HMAC-SHA1); ``cipher_compatibility = 3``
selects them, and 4 is tried next for newer builds. The KDF settings come from those fixed
modes, never from the file, so a hostile file cannot make the key derivation expensive.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from authenticator.portability import _sqlite
from authenticator.portability.base import ImportFailed

EXTRA_HINT = ("this needs the optional SQLCipher support, which is not installed: "
              "pip install 'authenticator[sqlcipher]' (the sqlcipher3 package)")
COMPATIBILITY = (3, 4)
#: SQLCipher files are whole pages of ciphertext; the smallest page size is 512 bytes.
PAGE_MULTIPLE = 512


def module() -> ModuleType:
    try:
        return importlib.import_module("sqlcipher3")
    except ImportError:
        raise ImportFailed(f"this file is an encrypted database: {EXTRA_HINT}") from None


def looks_encrypted_db(data: bytes) -> bool:
    """No SQLite header, whole pages, not text: possibly a SQLCipher database."""
    if _sqlite.is_sqlite(data) or len(data) < 2 * PAGE_MULTIPLE or len(data) % PAGE_MULTIPLE:
        return False
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def read_tables(data: bytes, password: str, label: str, wanted: tuple[str, ...]
                ) -> dict[str, list[dict[str, Any]]]:
    """The rows of the ``wanted`` tables present; wrong password is one clear error."""
    sqlcipher = module()
    for compatibility in COMPATIBILITY:
        try:
            with _sqlite.open_copy(data, None, label, module=sqlcipher, password=password,
                                   pragmas=(f"cipher_compatibility = {compatibility}",)) as conn:
                tables = _sqlite.tables_of(conn)
                return {t: _sqlite.rows(conn, t, label, sqlcipher) for t in wanted if t in tables}
        except (sqlcipher.DatabaseError, UnicodeDecodeError):
            continue
    raise ImportFailed(f"wrong password for this {label} database (or it is not an "
                       "encrypted database)")
