"""Key typos are explained in plain words with the letter the user probably meant."""

from __future__ import annotations

import pytest

from authenticator.core.account import AccountError, decode_base32, likely_letter


def test_message_says_what_base32_allows_and_suggests_letters():
    with pytest.raises(AccountError) as info:
        decode_base32("JBSW Y3DP 1O08 x9")
    text = str(info.value)
    assert "letters A-Z and the digits 2-7" in text
    assert "0 (perhaps O), 1 (perhaps I or L), 8 (perhaps B), 9" in text
    assert "base32:" not in text


def test_likely_letters():
    assert [likely_letter(c) for c in "0189!"] == ["O", "I or L", "B", "", ""]


def test_valid_keys_still_decode():
    assert decode_base32("jbsw-y3dp ehpk 3pxp==") == b"Hello!\xde\xad\xbe\xef"


def test_custom_icon_round_trips_in_storage_and_bad_ones_are_dropped():
    from authenticator.core.account import MAX_ICON_CHARS, Account

    icon = "data:image/png;base64,iVBORw0KGgo="
    account = Account(secret=b"12345678901234567890", issuer="A", icon=icon)
    assert "iVBOR" not in repr(account)
    assert Account.from_storage_json(account.to_storage_json()).icon == icon
    assert "icon" not in Account(secret=b"1" * 20).to_storage_json()
    for bad in ("javascript:alert(1)", 42, "data:image/png;base64," + "A" * MAX_ICON_CHARS):
        data = {**account.to_storage_json(), "icon": bad}
        assert Account.from_storage_json(data).icon == ""
