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
