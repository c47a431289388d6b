"""Which link a text is, and one parser for both kinds (core/links.py)."""

from __future__ import annotations

import pytest

from authenticator.core.account import Account
from authenticator.core.links import LinkKind, link_kind, parse_link
from authenticator.core.migration import MigrationBatch, encode_migration_uris
from authenticator.core.uri import UriError, format_uri

GITHUB = Account(secret=b"12345678901234567890", issuer="GitHub", name="alice")


@pytest.mark.parametrize(("text", "kind"), [
    ("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP", LinkKind.OTPAUTH),
    ("  OTPAUTH://TOTP/x?secret=JBSWY3DPEHPK3PXP\n", LinkKind.OTPAUTH),
    ("otpauth:totp/x", LinkKind.OTPAUTH),  # a damaged link, not plain text
    ("otpauth-migration://offline?data=abc", LinkKind.MIGRATION),
    ("Otpauth-Migration:offline", LinkKind.MIGRATION),
    ("https://example.com/otpauth://", LinkKind.OTHER),
    ("otpauthx://", LinkKind.OTHER),
    ("", LinkKind.OTHER),
])
def test_link_kind(text: str, kind: LinkKind):
    assert link_kind(text) is kind


def test_parse_link_gives_an_account_or_an_export_part():
    account = parse_link(format_uri(GITHUB))
    assert isinstance(account, Account) and account.same_key(GITHUB)
    batch = parse_link(encode_migration_uris([GITHUB])[0])
    assert isinstance(batch, MigrationBatch)
    assert [a.label for a in batch.accounts] == [GITHUB.label]


@pytest.mark.parametrize("text", ["hello", "otpauth://totp/x", "otpauth-migration://offline"])
def test_parse_link_refuses_with_one_sentence_and_no_secret(text: str):
    with pytest.raises(UriError) as caught:
        parse_link(text)
    assert "\n" not in str(caught.value) and str(caught.value)
