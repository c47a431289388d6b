"""Opening other apps' SQLite databases safely.

The user's file is never opened in place: the database and its ``-wal``/``-shm``/
``-journal`` companions (recent changes of a WAL-mode database live only in ``-wal``) are
copied into a private temporary folder, opened read-only there, and the folder is removed
afterwards. A hostile file is bounded: only real tables are read (a view could recurse
forever), values longer than :data:`MAX_VALUE_BYTES` and more than :data:`MAX_ROWS` rows
are refused, and a progress handler aborts any statement that runs too long. Whatever
SQLite reports as damage becomes one :class:`ImportFailed` line.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from authenticator.portability.base import ImportFailed

MAGIC = b"SQLite format 3\x00"
SIBLING_SUFFIXES = ("-wal", "-shm", "-journal")
MAX_ROWS = 10_000
MAX_VALUE_BYTES = 1024 * 1024
#: SQLite virtual-machine steps between progress checks, and how many checks are allowed
#: (about 10^8 steps, around a second: far beyond what reading a few tables needs).
_PROGRESS_STEP = 10_000
_PROGRESS_LIMIT = 10_000
_DB_NAME = "database"


def is_sqlite(data: bytes) -> bool:
    return data.startswith(MAGIC)


def read_siblings(path: Path) -> dict[str, bytes]:
    """The ``-wal``/``-shm``/``-journal`` files next to ``path`` (suffix -> content)."""
    found: dict[str, bytes] = {}
    for suffix in SIBLING_SUFFIXES:
        sibling = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if sibling.is_file():
                found[suffix] = sibling.read_bytes()
    return found


def damaged(label: str) -> ImportFailed:
    return ImportFailed(f"this {label} database is damaged or is not what it claims to be")


@contextlib.contextmanager
def open_copy(data: bytes, siblings: Mapping[str, bytes] | None, label: str, *,
              module: ModuleType = sqlite3, password: str | None = None,
              pragmas: tuple[str, ...] = ()) -> Iterator[Any]:
    """A read-only connection to a private copy of ``data`` (removed on exit).

    With ``password`` the connection is keyed first (SQLCipher via ``module``), then the
    ``pragmas`` run (e.g. ``cipher_compatibility``).
    """
    folder = tempfile.mkdtemp(prefix="authenticator-import-")  # mode 0700
    try:
        path = Path(folder) / _DB_NAME
        _write(path, data)
        for suffix, content in (siblings or {}).items():
            if suffix in SIBLING_SUFFIXES:
                _write(path.with_name(_DB_NAME + suffix), content)
        try:
            conn = module.connect(f"{path.as_uri()}?mode=ro", uri=True)
        except module.Error:
            raise damaged(label) from None
        try:
            _bound(conn, module)
            if password is not None:
                conn.execute("PRAGMA key = '" + password.replace("'", "''") + "'")
            for pragma in pragmas:
                conn.execute(f"PRAGMA {pragma}")
            yield conn
        finally:
            conn.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write(path: Path, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(content)


def _bound(conn: Any, module: ModuleType) -> None:
    calls = [0]

    def progress() -> int:
        calls[0] += 1
        return 1 if calls[0] > _PROGRESS_LIMIT else 0

    conn.set_progress_handler(progress, _PROGRESS_STEP)
    # Text that is not UTF-8 (a damaged page) must not raise outside sqlite3.Error.
    conn.text_factory = _text
    setlimit = getattr(conn, "setlimit", None)
    limit = getattr(module, "SQLITE_LIMIT_LENGTH", None)
    if setlimit is not None and limit is not None:
        setlimit(limit, MAX_VALUE_BYTES)
    with contextlib.suppress(module.Error):
        conn.execute("PRAGMA trusted_schema = OFF")


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def tables_of(conn: Any, module: ModuleType = sqlite3) -> dict[str, set[str]]:
    """``table -> column names`` of the real tables (views and virtual tables ignored)."""
    tables: dict[str, set[str]] = {}
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " LIMIT 200")]
    for name in names:
        if not isinstance(name, str):
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        tables[name] = {str(row[1]) for row in conn.execute(f"PRAGMA table_info({quoted})")}
    return tables


@functools.lru_cache(maxsize=2)
def schema(data: bytes) -> dict[str, frozenset[str]] | None:
    """The tables of an SQLite file (for detection), or None when it cannot be read."""
    if not is_sqlite(data):
        return None
    try:
        with open_copy(data, None, "SQLite") as conn:
            return {t: frozenset(c) for t, c in tables_of(conn).items()}
    except (ImportFailed, sqlite3.Error, UnicodeDecodeError):  # names that are not UTF-8
        return None


def rows(conn: Any, table: str, label: str, module: ModuleType = sqlite3
         ) -> list[dict[str, Any]]:
    """Every row of ``table`` as a column-name dict (bounded), ImportFailed when damaged."""
    quoted = '"' + table.replace('"', '""') + '"'
    try:
        cursor = conn.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - quoted identifier
        names = [d[0] for d in cursor.description]
        found = cursor.fetchmany(MAX_ROWS + 1)
    except (module.Error, UnicodeDecodeError):
        raise damaged(label) from None
    if len(found) > MAX_ROWS:
        raise ImportFailed(f"this {label} database has too many rows to be an authenticator's")
    return [dict(zip(names, row, strict=True)) for row in found]


def read_table(data: bytes, siblings: Mapping[str, bytes] | None, table: str, label: str
               ) -> list[dict[str, Any]]:
    """Open a private copy of a plain SQLite file and return the rows of ``table``."""
    try:
        with open_copy(data, siblings, label) as conn:
            if table not in tables_of(conn):
                raise ImportFailed(f"this {label} database has no {table} table")
            return rows(conn, table, label)
    except (sqlite3.Error, UnicodeDecodeError):
        raise damaged(label) from None
