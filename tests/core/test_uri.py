"""otpauth:// links: real-world links, malformed links and their messages, properties."""

from __future__ import annotations

import base64
from typing import Any

import pyotp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authenticator.core.account import MAX_PERIOD, Account, Algorithm, OtpKind
from authenticator.core.errors import AuthenticatorError
from authenticator.core.otp import code_at
from authenticator.core.uri import UriError, format_uri, parse_uri

KEY = "JBSWY3DPEHPK3PXP"  # Google's documented example key (80 bits)
KEY_BYTES = base64.b32decode(KEY)
LONG_KEY = "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"
LONG_BYTES = base64.b32decode(LONG_KEY)
SHA1, SHA256 = Algorithm.SHA1, Algorithm.SHA256
TOTP, HOTP, STEAM = OtpKind.TOTP, OtpKind.HOTP, OtpKind.STEAM

# (link, secret, issuer, name, kind, algorithm, digits, period, counter)
REAL_WORLD: list[tuple[str, bytes, str, str, OtpKind, Algorithm, int, int, int]] = [
    # GitHub: label prefix and issuer param agree.
    (f"otpauth://totp/GitHub:alice?secret={KEY}&issuer=GitHub",
     KEY_BYTES, "GitHub", "alice", TOTP, SHA1, 6, 30, 0),
    # Google: %3A colon, %40, the key shown in lower-case groups of four.
    ("otpauth://totp/Google%3Aalice%40gmail.com?secret=jbsw%20y3dp%20ehpk%203pxp&issuer=Google",
     KEY_BYTES, "Google", "alice@gmail.com", TOTP, SHA1, 6, 30, 0),
    # Microsoft / Entra style: tenant name in the label, company in the issuer param.
    (f"otpauth://totp/Contoso:alice@contoso.com?secret={LONG_KEY}&issuer=Microsoft",
     LONG_BYTES, "Microsoft", "alice@contoso.com", TOTP, SHA1, 6, 30, 0),
    # Key Uri Format spec example with every parameter spelled out.
    (f"otpauth://totp/ACME%20Co:john.doe@email.com?secret={LONG_KEY}&issuer=ACME%20Co"
     "&algorithm=SHA1&digits=6&period=30",
     LONG_BYTES, "ACME Co", "john.doe@email.com", TOTP, SHA1, 6, 30, 0),
    # Steam, both spellings (Aegis writes the first, KeePassXC the second).
    (f"otpauth://steam/Steam:gabe?secret={LONG_KEY}&issuer=Steam",
     LONG_BYTES, "Steam", "gabe", STEAM, SHA1, 5, 30, 0),
    (f"otpauth://totp/Steam:gabe?secret={LONG_KEY}&issuer=Steam&encoder=steam&digits=5",
     LONG_BYTES, "Steam", "gabe", STEAM, SHA1, 5, 30, 0),
    # Percent-encoded UTF-8 and literal Unicode.
    (f"otpauth://totp/%C3%9Cber%20Bank:j%C3%BCrgen?secret={KEY}",
     KEY_BYTES, "Über Bank", "jürgen", TOTP, SHA1, 6, 30, 0),
    (f"otpauth://totp/银行:王小明?secret={KEY}&issuer=银行",
     KEY_BYTES, "银行", "王小明", TOTP, SHA1, 6, 30, 0),
    # Form-encoded spaces ('+') in label and parameters.
    (f"otpauth://totp/Big+Corp:John+Smith?secret={KEY}&issuer=Big+Corp",
     KEY_BYTES, "Big Corp", "John Smith", TOTP, SHA1, 6, 30, 0),
    # ...but an e-mail address keeps its plus.
    (f"otpauth://totp/GitLab:alice+2fa@example.com?secret={KEY}&issuer=GitLab",
     KEY_BYTES, "GitLab", "alice+2fa@example.com", TOTP, SHA1, 6, 30, 0),
    # Dashed, lower-case and padded keys.
    ("otpauth://totp/Acme:bob?secret=jbsw-y3dp-ehpk-3pxp",
     KEY_BYTES, "Acme", "bob", TOTP, SHA1, 6, 30, 0),
    ("otpauth://totp/Acme:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY%3D%3D%3D%3D%3D%3D",
     b"1234567890123456", "Acme", "bob", TOTP, SHA1, 6, 30, 0),
    ("otpauth://totp/Acme:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY======",
     b"1234567890123456", "Acme", "bob", TOTP, SHA1, 6, 30, 0),
    # Issuer param and label prefix differ: the parameter wins.
    (f"otpauth://totp/OldName:carol?secret={KEY}&issuer=NewName",
     KEY_BYTES, "NewName", "carol", TOTP, SHA1, 6, 30, 0),
    # Unknown parameters (Ente's codeDisplay, an icon) are ignored.
    (f"otpauth://totp/Ente:dave?secret={KEY}&issuer=Ente"
     "&codeDisplay=%7B%22pinned%22%3Afalse%7D&image=https%3A%2F%2Fexample.com%2Fi.png",
     KEY_BYTES, "Ente", "dave", TOTP, SHA1, 6, 30, 0),
    # Surrounding whitespace, upper-case scheme and type, spaces after the colon.
    (f"  OTPAUTH://TOTP/Acme:%20%20erin?secret={KEY}\n",
     KEY_BYTES, "Acme", "erin", TOTP, SHA1, 6, 30, 0),
    (f"otpauth://totp/Acme: frank?secret={KEY}",
     KEY_BYTES, "Acme", "frank", TOTP, SHA1, 6, 30, 0),
    # No issuer at all; issuer only as a parameter.
    (f"otpauth://totp/grace@example.com?secret={KEY}",
     KEY_BYTES, "", "grace@example.com", TOTP, SHA1, 6, 30, 0),
    (f"otpauth://totp/heidi?secret={KEY}&issuer=Acme",
     KEY_BYTES, "Acme", "heidi", TOTP, SHA1, 6, 30, 0),
    # An issuer that itself contains a colon.
    (f"otpauth://totp/A%3AB:ivan?secret={KEY}&issuer=A%3AB",
     KEY_BYTES, "A:B", "ivan", TOTP, SHA1, 6, 30, 0),
    # Non-default algorithm, digits and period; parameter names in any case.
    (f"otpauth://totp/Acme:judy?secret={LONG_KEY}&algorithm=sha256&digits=8&period=60",
     LONG_BYTES, "Acme", "judy", TOTP, SHA256, 8, 60, 0),
    (f"otpauth://totp/Acme:judy?Secret={LONG_KEY}&Algorithm=HmacSHA256&Digits=8",
     LONG_BYTES, "Acme", "judy", TOTP, SHA256, 8, 30, 0),
    # HOTP with its counter; 10-digit and 5-digit codes.
    (f"otpauth://hotp/Acme:ken?secret={KEY}&counter=42&issuer=Acme",
     KEY_BYTES, "Acme", "ken", HOTP, SHA1, 6, 30, 42),
    (f"otpauth://totp/Acme:leo?secret={KEY}&digits=10",
     KEY_BYTES, "Acme", "leo", TOTP, SHA1, 10, 30, 0),
    (f"otpauth://totp/Acme:mia?secret={KEY}&digits=5",
     KEY_BYTES, "Acme", "mia", TOTP, SHA1, 5, 30, 0),
    # An empty issuer parameter does not hide the label prefix.
    (f"otpauth://totp/Acme:nick?secret={KEY}&issuer=",
     KEY_BYTES, "Acme", "nick", TOTP, SHA1, 6, 30, 0),
    # Parameters that do not apply to the type are ignored, even when nonsense.
    (f"otpauth://hotp/Acme:olga?secret={KEY}&counter=0&period=abc",
     KEY_BYTES, "Acme", "olga", HOTP, SHA1, 6, 30, 0),
    (f"otpauth://totp/Acme:pat?secret={KEY}&counter=-5",
     KEY_BYTES, "Acme", "pat", TOTP, SHA1, 6, 30, 0),
    # No label at all.
    (f"otpauth://totp?secret={KEY}&issuer=Acme",
     KEY_BYTES, "Acme", "", TOTP, SHA1, 6, 30, 0),
]


@pytest.mark.parametrize(
    ("link", "secret", "issuer", "name", "kind", "algorithm", "digits", "period", "counter"),
    REAL_WORLD,
)
def test_real_world_links(link: str, secret: bytes, issuer: str, name: str, kind: OtpKind,
                          algorithm: Algorithm, digits: int, period: int, counter: int) -> None:
    account = parse_uri(link)
    assert (account.secret, account.issuer, account.name) == (secret, issuer, name)
    assert (account.kind, account.algorithm, account.digits) == (kind, algorithm, digits)
    assert account.period == period
    assert account.counter == counter


def test_steam_link_ignores_numeric_parameters() -> None:
    account = parse_uri(f"otpauth://steam/Steam:x?secret={LONG_KEY}&digits=8&period=60"
                        "&algorithm=MD5")
    assert (account.digits, account.period, account.algorithm) == (5, 30, SHA1)
    assert code_at(account, 1e9).isalnum() and len(code_at(account, 1e9)) == 5


MALFORMED = [
    ("https://example.com/?secret=JBSWY3DPEHPK3PXP", "this is not an otpauth:// link"),
    ("", "this is not an otpauth:// link"),
    ("JBSWY3DPEHPK3PXP", "this is not an otpauth:// link"),
    ("otpauth-migration://offline?data=AAAA", "this is not an otpauth:// link"),
    ("otpauth://totp/Acme:bob", "the link has no secret"),
    ("otpauth://totp/Acme:bob?secret=&issuer=Acme", "the link has no secret"),
    ("otpauth://totp/Acme:bob?secret=%20%20", "the link has no secret"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DP1HPK8PXP",
     "the key contains characters that are not base32: 1, 8"),
    ("otpauth://totp/Acme:bob?secret=ABCDEFGHI", "the key has an impossible length"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&algorithm=MD5",
     "unsupported algorithm MD5"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&digits=4",
     "digits must be between 5 and 10"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&digits=11",
     "digits must be between 5 and 10"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&digits=six",
     "digits must be between 5 and 10"),
    ("otpauth://xyz/Acme:bob?secret=JBSWY3DPEHPK3PXP", "unsupported type xyz"),
    ("otpauth:///Acme:bob?secret=JBSWY3DPEHPK3PXP",
     "the link does not say whether it is totp or hotp"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&period=0",
     "the period must be between 1 and 86400 seconds"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&period=-30",
     "the period must be between 1 and 86400 seconds"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&period=30s",
     "the period must be between 1 and 86400 seconds"),
    ("otpauth://hotp/Acme:bob?secret=JBSWY3DPEHPK3PXP", "an HOTP link needs a counter"),
    ("otpauth://hotp/Acme:bob?secret=JBSWY3DPEHPK3PXP&counter=",
     "an HOTP link needs a counter"),
    ("otpauth://hotp/Acme:bob?secret=JBSWY3DPEHPK3PXP&counter=-1",
     "the counter must be a whole number between 0 and 2^64 - 1"),
    (f"otpauth://hotp/Acme:bob?secret=JBSWY3DPEHPK3PXP&counter={2**64}",
     "the counter must be a whole number between 0 and 2^64 - 1"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&period=10000000000000000000",
     "the period must be between 1 and 86400 seconds"),
    ("otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&period=86401",
     "the period must be between 1 and 86400 seconds"),
    ("otpauth://hotp/Steam:bob?secret=JBSWY3DPEHPK3PXP&counter=1&encoder=steam",
     "Steam codes are time-based but this link says HOTP"),
]


@pytest.mark.parametrize(("link", "message"), MALFORMED)
def test_malformed_links_say_what_is_wrong(link: str, message: str) -> None:
    with pytest.raises(UriError) as info:
        parse_uri(link)
    text = str(info.value)
    assert text.startswith(message)
    assert "\n" not in text
    assert "JBSWY3DP" not in text  # never echoes the key
    assert isinstance(info.value, AuthenticatorError) and isinstance(info.value, ValueError)


def test_long_garbage_type_is_shortened_in_the_message() -> None:
    with pytest.raises(UriError) as info:
        parse_uri("otpauth://" + "x" * 500 + "/a?secret=JBSWY3DPEHPK3PXP")
    assert len(str(info.value)) < 60


def test_format_uri_canonical_form() -> None:
    account = Account(secret=KEY_BYTES, issuer="ACME Co", name="john+doe@example.com")
    assert format_uri(account) == (
        "otpauth://totp/ACME%20Co:john%2Bdoe@example.com"
        f"?secret={KEY}&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30"
    )
    hotp_account = Account(secret=KEY_BYTES, name="bob", kind=HOTP, counter=7, digits=8,
                           algorithm=SHA256)
    assert format_uri(hotp_account) == (
        f"otpauth://hotp/bob?secret={KEY}&algorithm=SHA256&digits=8&counter=7"
    )


def test_format_uri_writes_steam_as_totp_with_encoder() -> None:
    link = format_uri(Account(secret=LONG_BYTES, issuer="Steam", name="gabe", kind=STEAM))
    assert link.startswith("otpauth://totp/Steam:gabe?")
    assert "encoder=steam" in link and "digits=5" in link
    assert parse_uri(link).kind is STEAM


def test_format_uri_keeps_padding_out_of_secret() -> None:
    link = format_uri(Account(secret=b"1234567890123456"))
    assert "secret=GEZDGNBVGY3TQOJQGEZDGNBVGY&" in link


# -- properties ---------------------------------------------------------------------------
def _clean_text() -> st.SearchStrategy[str]:
    return st.text(max_size=30).filter(lambda s: s == s.strip())


@st.composite
def accounts(draw: st.DrawFn) -> Account:
    kind = draw(st.sampled_from(list(OtpKind)))
    return Account(
        secret=draw(st.binary(min_size=1, max_size=64)),
        issuer=draw(_clean_text()),
        name=draw(_clean_text()),
        kind=kind,
        algorithm=draw(st.sampled_from(list(Algorithm))),
        digits=draw(st.integers(5, 10)),
        period=draw(st.integers(1, MAX_PERIOD)),
        counter=draw(st.integers(0, 2**64 - 1)),
    )


def uri_fields(account: Account) -> dict[str, Any]:
    fields: dict[str, Any] = {"secret": account.secret, "issuer": account.issuer,
                              "name": account.name, "kind": account.kind}
    if account.kind is not STEAM:
        fields.update(algorithm=account.algorithm, digits=account.digits)
    if account.kind is TOTP:
        fields["period"] = account.period
    if account.kind is HOTP:
        fields["counter"] = account.counter
    return fields


@given(accounts())
def test_format_then_parse_is_identity(account: Account) -> None:
    link = format_uri(account)
    assert link.isascii() and " " not in link
    assert uri_fields(parse_uri(link)) == uri_fields(account)


def _only_uri_errors(text: str) -> None:
    try:
        account = parse_uri(text)
    except UriError as err:
        assert str(err) and "\n" not in str(err)
    else:
        assert isinstance(account, Account)


@given(st.text())
def test_arbitrary_text_raises_only_uri_error(text: str) -> None:
    _only_uri_errors(text)


@given(st.sampled_from(["otpauth://", "OTPAUTH://", " otpauth://totp/", "otpauth://hotp/",
                        "otpauth://steam/"]),
       st.text())
def test_arbitrary_otpauth_text_raises_only_uri_error(prefix: str, text: str) -> None:
    _only_uri_errors(prefix + text)


_PARAM = st.tuples(
    st.sampled_from(["secret", "issuer", "algorithm", "digits", "period", "counter",
                     "encoder", "SECRET", "x"]),
    st.one_of(st.text(max_size=20), st.integers(-(2**70), 2**70).map(str),
              st.sampled_from(["JBSWY3DPEHPK3PXP", "steam", "SHA512", "md5", "%", "%ZZ",
                               "%C3", "0", ""])),
)


@settings(max_examples=300)
@given(st.sampled_from(["totp", "hotp", "steam", "TOTP", "", "x"]),
       st.text(max_size=30), st.lists(_PARAM, max_size=8))
def test_structured_fuzz_raises_only_uri_error(
    kind: str, label: str, params: list[tuple[str, str]]
) -> None:
    query = "&".join(f"{key}={value}" for key, value in params)
    _only_uri_errors(f"otpauth://{kind}/{label}?{query}")


def test_pyotp_reads_our_links_and_gives_the_same_codes() -> None:
    for account in (
        Account(secret=LONG_BYTES, issuer="ACME Co", name="jürgen+x@example.com"),
        Account(secret=LONG_BYTES * 2, name="b", algorithm=SHA256, digits=8, period=60),
        Account(secret=LONG_BYTES, issuer="Acme", name="c", kind=HOTP, counter=9),
    ):
        otp = pyotp.parse_uri(format_uri(account))
        if account.kind is HOTP:
            assert isinstance(otp, pyotp.HOTP) and otp.initial_count == 9
            assert otp.at(0) == code_at(account, 0)  # pyotp counts from initial_count
        else:
            assert isinstance(otp, pyotp.TOTP) and otp.at(1e9) == code_at(account, 1e9)
        assert otp.issuer == (account.issuer or None) and otp.name == account.name
