"""Merging the vault held in memory with a newer file on disk (another device, a sync tool).

Rules (docs/vault-format.md), chosen so that the result does not depend on what the sync
tool did (replaced the file, kept a conflict copy, put an old copy back): the result is the
union of both sides, matched by id. An account on both sides keeps the higher revision
(then the later ``modified``, then the greater canonical JSON, so every device picks the
same). An account on one side only is kept unless a tombstone covers it: the deletion was
of that revision or a later one (a legacy tombstone without revision: deleted at or after
``modified``). So an edit made after, or without knowing of, a deletion revives the account.
Tombstones are united and kept 90 days. Settings merge per key against the settings both
sides last agreed on. The local manual order wins; accounts only on disk are placed after
their predecessor in the disk order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from authenticator.core.account import Account
from authenticator.storage.content import Tombstone, VaultContent

TOMBSTONE_LIFETIME = 90 * 24 * 3600  # deletions are remembered for 90 days
MAX_RETIRED_KEYS = 8


@dataclass(frozen=True, slots=True)
class MergeSummary:
    """What the merge took from the disk side."""

    added: int = 0
    edited: int = 0
    deleted: int = 0
    both_edited: int = 0
    settings: int = 0

    @property
    def changes(self) -> int:
        return self.added + self.edited + self.deleted + self.settings

    def message(self) -> str | None:
        if not self.changes and not self.both_edited:
            return None
        parts = [f"{n} {what}" for n, what in ((self.added, "added"), (self.edited, "edited"),
                                               (self.deleted, "deleted"),
                                               (self.settings, "settings")) if n]
        noun = "change" if self.changes == 1 else "changes"
        text = f"merged {self.changes} {noun} made elsewhere"
        if parts:
            text += f" ({', '.join(parts)})"
        if self.both_edited:
            which = "account was" if self.both_edited == 1 else "accounts were"
            text += f"; {self.both_edited} {which} edited in both places and the newer edit kept"
        return text


def _canonical(account: Account) -> str:
    import json

    return json.dumps(account.to_storage_json(), sort_keys=True)


def _newer(mine: Account, theirs: Account) -> Account:
    """The newer edit; ties are broken the same way on every device (so they converge)."""
    if (mine.revision, mine.modified) != (theirs.revision, theirs.modified):
        return theirs if (theirs.revision, theirs.modified) > (mine.revision, mine.modified) \
            else mine
    if mine == theirs:
        return mine
    return theirs if _canonical(theirs) > _canonical(mine) else mine


def covers(tomb: Tombstone | None, account: Account) -> bool:
    """True if the deletion ``tomb`` applies to this version of the account."""
    if tomb is None:
        return False
    if tomb.revision is None or tomb.revision == account.revision:
        return tomb.deleted >= account.modified
    return tomb.revision > account.revision


def _later(a: Tombstone, b: Tombstone) -> Tombstone:
    return max(a, b, key=lambda t: (t.revision if t.revision is not None else -1, t.deleted))


def prune_tombstones(tombstones: dict[str, Tombstone], now: float) -> dict[str, Tombstone]:
    cutoff = now - TOMBSTONE_LIFETIME
    return {i: t for i, t in tombstones.items() if t.deleted >= cutoff}


def same_setting(a: Any, b: Any) -> bool:
    """Equal as JSON (``True`` is not ``1``, ``1`` is not ``1.0``, key order does not count)."""
    import json

    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _merge_settings(local: dict[str, Any], disk: dict[str, Any],
                    base: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Per key: a side that changed it since ``base`` wins; if both changed it, the local
    side (the device saving now; the other one takes it at its next merge, so devices
    converge on the last save). A key removed on one side and unchanged on the other is
    removed. Values are copied: the result shares nothing with the inputs."""
    import json

    merged: dict[str, Any] = {}
    taken = 0
    missing = object()

    def same(a: Any, b: Any) -> bool:
        return a is b or (a is not missing and b is not missing and same_setting(a, b))

    for key in list(dict.fromkeys([*local, *disk, *base])):
        mine, theirs, old = local.get(key, missing), disk.get(key, missing), base.get(key, missing)
        value = mine if not same(mine, old) or same(mine, theirs) else theirs
        if value is theirs and not same(mine, theirs):
            taken += 1
        if value is not missing:
            merged[key] = json.loads(json.dumps(value))
    return merged, taken


def merge(local: VaultContent, disk: VaultContent, base_accounts: dict[str, Account],
          base_settings: dict[str, Any], now: float) -> tuple[VaultContent, MergeSummary]:
    """Merge ``disk`` into ``local``. ``base_*`` = the state both last agreed on (for
    reporting edits made on both sides and for per-key settings merging)."""
    local_by_id = {a.id: a for a in local.accounts}
    disk_by_id = {a.id: a for a in disk.accounts}
    tombstones = dict(local.tombstones)
    for account_id, tomb in disk.tombstones.items():
        tombstones[account_id] = _later(tomb, tombstones.get(account_id, tomb))

    added = edited = deleted = both = 0
    result: dict[str, Account] = {}
    for account_id in {*local_by_id, *disk_by_id}:
        mine, theirs = local_by_id.get(account_id), disk_by_id.get(account_id)
        if mine is not None and theirs is not None:
            chosen = _newer(mine, theirs)
            if chosen is theirs and theirs != mine:
                edited += 1
            base = base_accounts.get(account_id)
            if base is not None and mine != base and theirs != base and mine != theirs:
                both += 1
            result[account_id] = chosen
            continue
        only = mine if mine is not None else theirs
        assert only is not None
        if covers(tombstones.get(account_id), only):
            deleted += mine is not None  # deleted on disk (a local-only deletion is ours)
            continue
        added += theirs is not None
        result[account_id] = only

    order = [a.id for a in local.accounts if a.id in result]
    placed = set(order)
    previous: str | None = None
    for account in disk.accounts:
        if account.id in result and account.id not in placed:
            index = order.index(previous) + 1 if previous in placed else 0
            order.insert(index, account.id)
            placed.add(account.id)
        if account.id in placed:
            previous = account.id

    kept_tombstones = prune_tombstones(
        {i: t for i, t in tombstones.items() if i not in result}, now)
    settings, settings_taken = _merge_settings(local.settings, disk.settings, base_settings)
    invalid = list(local.invalid)
    known = {str(item.get("id")) for item in invalid} | set(result)
    invalid += [item for item in disk.invalid if str(item.get("id")) not in known]
    retired = tuple(dict.fromkeys((*local.retired_keys, *disk.retired_keys)))
    merged = VaultContent([result[i] for i in order], kept_tombstones, settings,
                          max(local.generation, disk.generation), retired[-MAX_RETIRED_KEYS:],
                          invalid)
    return merged, MergeSummary(added, edited, deleted, both, settings_taken)


def same_content(a: VaultContent, b: VaultContent, *, order: bool) -> bool:
    """True when writing ``a`` would not change what ``b`` holds (``order``: the manual order
    counts too). Generation and pruning of expired tombstones are not differences."""
    if order and [x.id for x in a.accounts] != [x.id for x in b.accounts]:
        return False
    return ({x.id: x for x in a.accounts} == {x.id: x for x in b.accounts}
            and a.tombstones == b.tombstones and same_setting(a.settings, b.settings)
            and set(a.retired_keys) == set(b.retired_keys)
            and len(a.invalid) == len(b.invalid))
