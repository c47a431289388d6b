"""Property tests of the merge rules: two devices that merge each other's changes converge."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from authenticator.core.account import Account
from authenticator.storage.content import Tombstone, VaultContent
from authenticator.storage.merge import merge

BASE_IDS = [f"base{i}" for i in range(5)]
NOW = 10_000.0

# Per base account, what one side did: nothing, edit at time t, or delete at time t.
action = st.one_of(st.just(("keep", 0)), st.tuples(st.just("edit"), st.integers(101, 200)),
                   st.tuples(st.just("delete"), st.integers(101, 200)))


def _side(name: str, actions: list[tuple[str, int]], additions: int,
          revisions: bool = False) -> VaultContent:
    """One device's state. ``revisions``: edits bump the revision (0 -> 1) and deletions
    record the revision deleted (0), as this version writes; else legacy, time only."""
    content = VaultContent()
    for account_id, (what, when) in zip(BASE_IDS, actions, strict=True):
        if what == "delete":
            content.tombstones[account_id] = Tombstone(float(when), 0 if revisions else None)
            continue
        note = f"{name}@{when}" if what == "edit" else "base"
        content.accounts.append(Account(secret=b"k" * 10, id=account_id, note=note, created=1.0,
                                        modified=float(when if what == "edit" else 100),
                                        revision=int(revisions and what == "edit")))
    for i in range(additions):
        content.accounts.append(Account(secret=b"n" * 10, id=f"{name}-new{i}", created=1.0,
                                        modified=150.0))
    return content


@settings(max_examples=120, deadline=None)
@given(st.lists(action, min_size=5, max_size=5), st.lists(action, min_size=5, max_size=5),
       st.integers(0, 2), st.integers(0, 2))
def test_merge_converges_and_follows_the_rules(mine: list[tuple[str, int]],
                                               theirs: list[tuple[str, int]],
                                               added_here: int, added_there: int) -> None:
    here, there = _side("here", mine, added_here), _side("there", theirs, added_there)
    base = {a.id: a for a in _side("base", [("keep", 0)] * 5, 0).accounts}
    merged_here, _ = merge(here, there, base, {}, NOW)
    merged_there, _ = merge(there, here, base, {}, NOW)

    result = {a.id: a for a in merged_here.accounts}
    assert len(result) == len(merged_here.accounts)  # no duplicates
    # both devices end with the same accounts (order may differ: local order wins)
    assert result == {a.id: a for a in merged_there.accounts}
    assert set(merged_here.tombstones) == set(merged_there.tombstones)
    # additions from both sides are kept
    assert {f"here-new{i}" for i in range(added_here)} <= set(result)
    assert {f"there-new{i}" for i in range(added_there)} <= set(result)
    for account_id, (a_what, a_when), (b_what, b_when) in zip(BASE_IDS, mine, theirs,
                                                                strict=True):
        deleted = [w for what, w in ((a_what, a_when), (b_what, b_when)) if what == "delete"]
        edits = [w for what, w in ((a_what, a_when), (b_what, b_when)) if what == "edit"]
        if deleted and not any(e > max(deleted) for e in edits):
            assert account_id not in result  # deletion respected unless edited afterwards
            assert account_id in merged_here.tombstones
        else:
            assert account_id in result and account_id not in merged_here.tombstones
            if edits:
                assert result[account_id].modified == max(edits)  # newest edit wins


@settings(max_examples=120, deadline=None)
@given(st.lists(action, min_size=5, max_size=5), st.lists(action, min_size=5, max_size=5))
def test_with_revisions_an_edit_unseen_by_the_deleter_always_survives(
        mine: list[tuple[str, int]], theirs: list[tuple[str, int]]) -> None:
    """Revisions make the rule independent of clocks: a deletion covers only the revision
    it saw, so an edit made concurrently (whatever the clocks say) revives the account."""
    here, there = _side("here", mine, 0, True), _side("there", theirs, 0, True)
    base = {a.id: a for a in _side("base", [("keep", 0)] * 5, 0).accounts}
    merged_here, _ = merge(here, there, base, {}, NOW)
    merged_there, _ = merge(there, here, base, {}, NOW)
    result = {a.id: a for a in merged_here.accounts}
    assert result == {a.id: a for a in merged_there.accounts}
    for account_id, (a_what, a_when), (b_what, b_when) in zip(BASE_IDS, mine, theirs,
                                                                strict=True):
        whats = {a_what, b_what}
        edits = [w for what, w in ((a_what, a_when), (b_what, b_when)) if what == "edit"]
        if "edit" in whats:
            assert result[account_id].modified == max(edits)
        elif "delete" in whats:
            assert account_id not in result
        else:
            assert result[account_id].note == "base"
