"""Conflict copies that sync tools leave beside a vault when two devices saved at once.

Names (for ``vault.authvault``):

- Syncthing: ``vault.sync-conflict-20261201-101500-ABCDEF7.authvault`` (also seen as
  ``vault.authvault.sync-conflict-...``)
- Nextcloud / ownCloud: ``vault (conflicted copy 2026-12-01 101500).authvault``,
  ``vault_conflict-20261201-101500.authvault``
- Dropbox: ``vault (Alice's conflicted copy 2026-12-01).authvault``
- OneDrive: the device name appended, ``vault-LAPTOP-1.authvault``
- this app: ``vault (unsaved 20261201-101500).authvault``, changes a window could not
  save because the password was changed elsewhere (sealed with the old key, which the new
  content keeps as a retired key), and ``vault (displaced 20261201-101500-a1b2c3).authvault``,
  a file a sync tool put in place between our read and our write (kept, merged next time)

The vault merges every copy that opens with its master key (same vault id) and then moves
it into ``backups/`` (never deleted). A copy with an explicit conflict name that does not
open is reported and left where it is. A OneDrive-style name is only a candidate: a file of
another vault that happens to be called ``vault-work.authvault`` is not touched or reported.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from authenticator.storage.atomic import ensure_dir
from authenticator.storage.paths import backup_dir_for


def _patterns(vault: Path) -> tuple[re.Pattern[str], re.Pattern[str]]:
    stem, suffix, name = (re.escape(vault.stem), re.escape(vault.suffix),
                          re.escape(vault.name))
    explicit = re.compile(
        rf"^(?:{stem}\.sync-conflict-[0-9]{{8}}-[0-9]{{6}}-[A-Z0-9]{{7}}{suffix}"
        rf"|{name}\.sync-conflict-[0-9]{{8}}-[0-9]{{6}}-[A-Z0-9]{{7}}"
        rf"|{stem} \([^()/]*conflicted copy[^()/]*\){suffix}"
        rf"|{stem}_conflict-[0-9]{{8}}-[0-9]{{6}}{suffix}"
        rf"|{stem} \(unsaved [0-9]{{8}}-[0-9]{{6}}\){suffix}"
        rf"|{stem} \(displaced [0-9]{{8}}-[0-9]{{6}}-[0-9a-f]{{6}}\){suffix})$", re.IGNORECASE)
    device = re.compile(rf"^{stem}-[^/]+{suffix}$")
    return explicit, device


def find_conflict_copies(vault: Path) -> list[tuple[Path, bool]]:
    """Candidate copies beside ``vault`` as (path, explicit conflict name), oldest first."""
    explicit, device = _patterns(vault)
    found: list[tuple[float, Path, bool]] = []
    try:
        entries = list(os.scandir(vault.parent))
    except OSError:
        return []
    for entry in entries:
        if entry.name == vault.name or entry.name.startswith("."):
            continue
        is_explicit = bool(explicit.match(entry.name))
        if not (is_explicit or device.match(entry.name)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                found.append((entry.stat().st_mtime, Path(entry.path), is_explicit))
    return [(path, flag) for _, path, flag in sorted(found)]


def move_to_backups(copy: Path, vault: Path) -> Path:
    """Move a merged conflict copy into ``backups/`` under its own name (made unique);
    raises OSError."""
    folder = backup_dir_for(vault)
    ensure_dir(folder)
    target = folder / copy.name
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{copy.stem}.{number}{copy.suffix}"
    os.replace(copy, target)
    return target
