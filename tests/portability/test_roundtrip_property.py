"""Export-then-import is lossless for random accounts (within what each format carries)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.portability.export import export_google_migration, export_otpauth
from authenticator.portability.registry import import_bytes
from tests.portability import writers

names = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=24)


@st.composite
def accounts(draw: st.DrawFn, google: bool = False) -> Account:
    kinds = [OtpKind.TOTP, OtpKind.HOTP] if google else list(OtpKind)
    kind = draw(st.sampled_from(kinds))
    steam = kind is OtpKind.STEAM  # Steam codes are always SHA1, 30 s (5 characters)
    return Account(
        secret=draw(st.binary(min_size=1, max_size=64)),
        issuer=draw(names).strip(),
        name=draw(names).strip(),
        kind=kind,
        algorithm=Algorithm.SHA1 if steam else draw(st.sampled_from(list(Algorithm))),
        digits=draw(st.sampled_from([6, 8]) if google else st.integers(5, 10)),
        period=30 if google or steam else draw(st.integers(1, 600)),
        counter=draw(st.integers(0, 2**40)),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(accounts(), min_size=1, max_size=6))
def test_otpauth_list_round_trip(items):
    result = import_bytes(export_otpauth(items).encode())
    assert result.problems == []
    assert writers.essences(result.accounts) == writers.essences(items)


@settings(max_examples=30, deadline=None)
@given(st.lists(accounts(google=True), min_size=1, max_size=30))
def test_google_migration_round_trip(items):
    links = export_google_migration(items)
    result = import_bytes("\n".join(links).encode())
    assert result.problems == []
    assert writers.essences(result.accounts) == writers.essences(items)
