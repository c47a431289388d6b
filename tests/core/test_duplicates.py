"""One answer to "is this key already in the vault?" (core/duplicates.py), and the three
places that ask it: the Add dialog's session, the import plan and the command line."""

from __future__ import annotations

from dataclasses import replace

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.core.duplicates import KeyIndex, duplicate_of
from authenticator.portability.base import ImportResult
from authenticator.portability.registry import plan_import

GITHUB = Account(secret=b"12345678901234567890", issuer="GitHub", name="alice")
GITLAB = Account(secret=b"abcdefghijabcdefghij", issuer="GitLab", name="bob")


def test_same_codes_under_another_name_are_a_duplicate():
    renamed = Account(secret=GITHUB.secret, issuer="Work", name="someone else")
    assert duplicate_of(renamed, [GITLAB, GITHUB]) is GITHUB
    assert duplicate_of(GITLAB, [GITHUB]) is None
    assert duplicate_of(GITHUB, []) is None


def test_the_same_secret_making_other_codes_is_not_a_duplicate():
    for other in (replace(GITHUB, algorithm=Algorithm.SHA256), replace(GITHUB, digits=8),
                  replace(GITHUB, period=60),
                  replace(GITHUB, kind=OtpKind.HOTP, counter=0)):
        assert duplicate_of(other, [GITHUB]) is None, other


def test_counter_accounts_ignore_the_period():
    hotp = Account(secret=b"k" * 20, issuer="VPN", name="me", kind=OtpKind.HOTP, counter=3)
    assert duplicate_of(replace(hotp, period=60), [hotp]) is hotp


def test_skip_id_leaves_out_the_account_itself():
    edited = replace(GITHUB, name="alice (work)")  # same id: its own earlier version
    assert duplicate_of(edited, [GITHUB], skip_id=edited.id) is None
    twin = Account(secret=GITHUB.secret, issuer="GitHub", name="alice")
    assert duplicate_of(edited, [GITHUB, twin], skip_id=edited.id) is twin


def test_the_index_learns_what_is_added():
    index = KeyIndex([GITHUB])
    assert index.find(GITLAB) is None
    index.add(GITLAB)
    assert index.find(replace(GITLAB, name="x")) is GITLAB


def test_import_plan_skips_keys_already_here_and_repeated_in_the_file():
    copy = Account(secret=GITHUB.secret, issuer="GitHub", name="alice")
    again = Account(secret=GITLAB.secret, issuer="GitLab", name="bob")
    plan = plan_import([GITHUB], ImportResult("test", [copy, GITLAB, again]))
    assert plan.new == [GITLAB]
    assert plan.duplicates == [(copy, GITHUB), (again, GITLAB)]


def test_a_restored_backup_with_the_same_ids_is_seen_as_already_here():
    plan = plan_import([GITHUB], ImportResult("backup", [GITHUB]))
    assert plan.new == [] and plan.duplicates == [(GITHUB, GITHUB)]
