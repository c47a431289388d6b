"""Google Authenticator export links: parse, encode, split into parts, reassemble."""

from __future__ import annotations

import base64
import random
from urllib.parse import quote

import pytest
import segno
from hypothesis import given
from hypothesis import strategies as st

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.core.migration import (
    DEFAULT_MAX_BYTES,
    MAX_BATCH_SIZE,
    MigrationBatch,
    encode_migration_uris,
    google_export_problem,
    parse_migration_uri,
)
from authenticator.core.migration_parts import MigrationAssembler
from authenticator.core.uri import UriError

# Example export circulated with Google Authenticator's format description: one TOTP
# account "Example:alice@google.com" with the Key Uri Format example key.
EXAMPLE = ("otpauth-migration://offline?data="
           "CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC")


def test_parses_a_google_export() -> None:
    batch = parse_migration_uri(EXAMPLE)
    assert batch.skipped == ()
    (account,) = batch.accounts
    assert account.secret_b32 == "JBSWY3DPEHPK3PXP"
    assert (account.issuer, account.name) == ("Example", "alice@google.com")
    assert (account.kind, account.algorithm, account.digits, account.period) == (
        OtpKind.TOTP, Algorithm.SHA1, 6, 30)
    assert (batch.batch_size, batch.batch_index, batch.part) == (1, 0, 1)


# -- hand-built payloads ------------------------------------------------------------------
def _varint(value: int) -> bytes:
    value %= 2**64
    out = b""
    while value > 0x7F:
        out += bytes([value & 0x7F | 0x80])
        value >>= 7
    return out + bytes([value])


def _key(number: int, wire: int) -> bytes:
    return _varint(number << 3 | wire)


def _len(number: int, data: bytes) -> bytes:
    return _key(number, 2) + _varint(len(data)) + data


def _int(number: int, value: int) -> bytes:
    return _key(number, 0) + _varint(value)


def _entry(secret: bytes = b"0123456789", name: str = "alice", issuer: str = "GitHub",
           algorithm: int = 1, digits: int = 1, kind: int = 2, counter: int | None = None,
           extra: bytes = b"") -> bytes:
    body = _len(1, secret) + _len(2, name.encode()) + _len(3, issuer.encode())
    body += _int(4, algorithm) + _int(5, digits) + _int(6, kind)
    if counter is not None:
        body += _int(7, counter)
    return _len(1, body + extra)


def _link(payload: bytes, *, encode: bool = True) -> str:
    data = base64.b64encode(payload).decode()
    return "otpauth-migration://offline?data=" + (quote(data, safe="") if encode else data)


def test_fields_algorithms_digits_and_hotp() -> None:
    payload = (_entry(algorithm=2, digits=2, name="GitHub:alice")
               + _entry(issuer="", name="bob", algorithm=3, kind=1, counter=41)
               + _entry(algorithm=0, digits=0, kind=0, issuer="Acme", name="carol")
               + _int(2, 1) + _int(3, 1) + _int(4, 0) + _int(5, 12345))
    batch = parse_migration_uri(_link(payload))
    first, second, third = batch.accounts
    assert (first.issuer, first.name, first.algorithm, first.digits) == (
        "GitHub", "alice", Algorithm.SHA256, 8)
    assert (second.issuer, second.name, second.kind, second.counter, second.algorithm) == (
        "", "bob", OtpKind.HOTP, 41, Algorithm.SHA512)
    # "unspecified" means the defaults: SHA1, 6 digits, TOTP.
    assert (third.algorithm, third.digits, third.kind) == (Algorithm.SHA1, 6, OtpKind.TOTP)
    assert (batch.version, batch.batch_id) == (1, 12345)


def test_unusable_entries_are_skipped_with_reasons_and_the_rest_imports() -> None:
    payload = (_entry(name="alice", issuer="GitHub", algorithm=4)
               + _entry(name="bob", issuer="Acme")
               + _entry(name="carol", issuer="", digits=7)
               + _entry(name="", issuer="Dropbox", kind=9)
               + _entry(name="erin", issuer="Empty", secret=b"")
               + _entry(name="frank", issuer="", algorithm=17))
    batch = parse_migration_uri(_link(payload))
    assert [a.name for a in batch.accounts] == ["bob"]
    assert batch.skipped == (
        "GitHub (alice): MD5 is not supported",
        "carol: unknown digits number 7",
        "Dropbox: unknown type number 9",
        "Empty (erin): the key is empty",
        "frank: unknown algorithm number 17",
    )
    for reason in batch.skipped:  # the key never appears in a reason
        assert "0123456789" not in reason and "GAYTEMZUGU3DOOBZ" not in reason


def test_unknown_fields_are_tolerated() -> None:
    unknown = _int(99, 5) + _len(98, b"future") + _key(97, 5) + b"\x00\x00\x00\x00" \
        + _key(96, 1) + bytes(8)
    payload = _entry(extra=unknown) + unknown + _int(3, 1)
    (account,) = parse_migration_uri(_link(payload)).accounts
    assert account.name == "alice"


def test_negative_batch_id_and_unencoded_plus_in_data() -> None:
    payload = _entry(secret=b"\xfb\xef\xbe" * 7) + _int(3, 2) + _int(4, 1) + _int(5, -7)
    link = _link(payload, encode=False)
    assert "+" in link  # as typed or decoded by a careless QR reader
    batch = parse_migration_uri(link)
    assert batch.accounts[0].secret == b"\xfb\xef\xbe" * 7
    assert (batch.batch_id, batch.batch_size, batch.part) == (-7, 2, 2)


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP", "this is not a Google Authenticator export"),
        ("otpauth-migration://online?data=CgA=", "this is not a Google Authenticator export"),
        ("otpauth-migration://offline?foo=bar", "the export link has no data"),
        ("otpauth-migration://offline?data=", "the export link has no data"),
        ("otpauth-migration://offline?data=%%%%", "the export data is not valid base64"),
        ("otpauth-migration://offline?data=Q", "the export data is not valid base64"),
        (_link(_entry()[:-3]), "the export data is damaged or incomplete"),
        (_link(b"\x0a\x80"), "the export data is damaged or incomplete"),
        (_link(_key(5, 3)), "the export data is damaged or incomplete"),
        (_link(_len(2, b"x")), "the export data is damaged or incomplete"),  # version as bytes
        (_link(_int(3, 2) + _int(4, 2)), "the export says it is part 3 of 2"),
    ],
)
def test_malformed_exports(link: str, message: str) -> None:
    with pytest.raises(UriError, match=f"^{message}"):
        parse_migration_uri(link)


# -- encoding and multi-part exports ------------------------------------------------------
def _accounts(count: int, seed: int = 1) -> list[Account]:
    rng = random.Random(seed)
    return [
        Account(secret=rng.randbytes(20), issuer=f"Service {i}", name=f"user{i}@example.com",
                algorithm=rng.choice(list(Algorithm)), digits=rng.choice([6, 8]))
        for i in range(count)
    ]


def _same(a: Account, b: Account) -> bool:
    return (a.secret, a.issuer, a.name, a.kind, a.algorithm, a.digits, a.counter) == (
        b.secret, b.issuer, b.name, b.kind, b.algorithm, b.digits, b.counter)


def test_big_export_is_split_into_consistent_parts_that_fit_a_qr_code() -> None:
    accounts = _accounts(35)
    links = encode_migration_uris(accounts, batch_id=777)
    assert len(links) > 1
    batches = [parse_migration_uri(link) for link in links]
    assert [b.batch_index for b in batches] == list(range(len(links)))
    assert {b.batch_size for b in batches} == {len(links)}
    assert {b.batch_id for b in batches} == {777}
    assert {b.version for b in batches} == {1}
    for link in links:
        assert len(link) <= DEFAULT_MAX_BYTES
        # The default size really is a scannable code: version 24 or lower at level M.
        assert segno.make_qr(link, error="m", boost_error=False).version <= 24
    restored = [a for b in batches for a in b.accounts]
    assert len(restored) == 35 and all(map(_same, restored, accounts))


def test_smaller_limit_gives_more_parts_and_each_respects_it() -> None:
    accounts = _accounts(12)
    links = encode_migration_uris(accounts, max_bytes=300)
    assert len(links) > len(encode_migration_uris(accounts))
    assert all(len(link) <= 300 for link in links)
    assert len({parse_migration_uri(link).batch_id for link in links}) == 1


def test_account_too_big_for_one_code_is_refused() -> None:
    account = Account(secret=bytes(64), issuer="X" * 400, name="y")
    with pytest.raises(UriError, match="too big for one export code"):
        encode_migration_uris([account])


def test_accounts_google_cannot_represent_are_refused_by_name() -> None:
    ok = Account(secret=bytes(20), issuer="Fine", name="a")
    slow = Account(secret=bytes(20), issuer="Slow", name="b", period=60)
    steam = Account(secret=bytes(20), issuer="Steam", name="c", kind=OtpKind.STEAM)
    seven = Account(secret=bytes(20), issuer="Seven", name="d", digits=7)
    assert google_export_problem(ok) is None
    assert google_export_problem(slow) == "Google's format only has 30-second codes"
    assert google_export_problem(steam) is not None
    assert google_export_problem(seven) is not None
    assert google_export_problem(seven.evolve(kind=OtpKind.HOTP, digits=8, period=60)) is None
    with pytest.raises(UriError) as info:
        encode_migration_uris([ok, slow, steam, seven])
    message = str(info.value)
    assert message.startswith("3 account(s) cannot be exported in Google's format")
    assert "Slow (b)" in message and "Steam (c)" in message and "Seven (d)" in message
    assert "Fine" not in message
    # Filtering with google_export_problem first is the supported way to export the rest.
    exportable = [a for a in (ok, slow, steam, seven) if google_export_problem(a) is None]
    assert parse_migration_uri(encode_migration_uris(exportable)[0]).accounts[0].issuer == "Fine"


def test_empty_export_and_batch_id_range() -> None:
    (link,) = encode_migration_uris([], batch_id=5)
    assert parse_migration_uri(link).accounts == ()
    with pytest.raises(UriError, match="32 bits"):
        encode_migration_uris([], batch_id=2**31)


def test_random_batch_ids_differ_between_exports() -> None:
    ids = {parse_migration_uri(encode_migration_uris(_accounts(1))[0]).batch_id
           for _ in range(5)}
    assert len(ids) > 1


def test_assembler_reports_missing_parts_in_any_order() -> None:
    accounts = _accounts(35)
    batches = [parse_migration_uri(link) for link in encode_migration_uris(accounts)]
    parts = len(batches)
    assert parts >= 4
    assembler = MigrationAssembler()
    assert not assembler.complete and assembler.missing() == []
    assembler.add(batches[2])
    assert assembler.missing() == [1, 2, *range(4, parts + 1)]
    assembler.add(batches[0])
    assembler.add(batches[0])  # the same code scanned twice
    assert assembler.missing() == [2, *range(4, parts + 1)] and not assembler.complete
    for batch in reversed(batches):
        assembler.add(batch)
    assert assembler.complete and assembler.missing() == []
    assert all(map(_same, assembler.accounts(), accounts))


def test_assembler_rejects_a_part_of_another_export() -> None:
    first = parse_migration_uri(encode_migration_uris(_accounts(25), batch_id=1)[0])
    other = parse_migration_uri(encode_migration_uris(_accounts(25), batch_id=2)[1])
    assert first.batch_size == other.batch_size > 2
    assembler = MigrationAssembler()
    assembler.add(first)
    with pytest.raises(UriError, match="different export"):
        assembler.add(other)
    assert assembler.missing() == list(range(2, first.batch_size + 1))  # part 2 still missing


def test_assembler_collects_skipped_reasons() -> None:
    batch = parse_migration_uri(_link(_entry(algorithm=4) + _entry(name="bob")))
    assembler = MigrationAssembler()
    assembler.add(batch)
    assert assembler.complete
    assert assembler.skipped == ["GitHub (alice): MD5 is not supported"]
    assert [a.name for a in assembler.accounts()] == ["bob"]


# -- properties ---------------------------------------------------------------------------
_TEXT = st.text(max_size=20).filter(lambda s: s == s.strip())


@st.composite
def exportable_accounts(draw: st.DrawFn) -> Account:
    kind = draw(st.sampled_from([OtpKind.TOTP, OtpKind.HOTP]))
    return Account(
        secret=draw(st.binary(min_size=1, max_size=64)),
        issuer=draw(_TEXT),
        name=draw(_TEXT),
        kind=kind,
        algorithm=draw(st.sampled_from(list(Algorithm))),
        digits=draw(st.sampled_from([6, 8])),
        counter=draw(st.integers(0, 2**63 - 1)) if kind is OtpKind.HOTP else 0,
    )


@given(st.lists(exportable_accounts(), max_size=25), st.integers(-(2**31), 2**31 - 1))
def test_encode_then_parse_is_identity(accounts: list[Account], batch_id: int) -> None:
    links = encode_migration_uris(accounts, batch_id=batch_id)
    assembler = MigrationAssembler()
    for link in reversed(links):
        batch = parse_migration_uri(link)
        assert isinstance(batch, MigrationBatch) and batch.batch_id == batch_id
        assert batch.skipped == ()
        assembler.add(batch)
    assert assembler.complete
    restored = assembler.accounts()
    assert len(restored) == len(accounts)
    assert all(map(_same, restored, accounts))


def _only_uri_errors(link: str) -> None:
    try:
        batch = parse_migration_uri(link)
    except UriError as err:
        assert str(err) and "\n" not in str(err)
    else:
        assert isinstance(batch, MigrationBatch)


@given(st.binary(max_size=300))
def test_arbitrary_payload_bytes_raise_only_uri_error(data: bytes) -> None:
    _only_uri_errors(_link(data))


@given(st.lists(st.one_of(
    st.builds(_int, st.integers(1, 9), st.integers(-(2**63), 2**64 - 1)),
    st.builds(_len, st.integers(1, 9), st.binary(max_size=40)),
    st.builds(_entry, st.binary(max_size=30), st.text(max_size=5), st.text(max_size=5),
              st.integers(0, 6), st.integers(0, 4), st.integers(0, 4),
              st.one_of(st.none(), st.integers(-(2**63), 2**64 - 1))),
), max_size=6))
def test_arbitrary_well_formed_protobuf_raises_only_uri_error(parts: list[bytes]) -> None:
    _only_uri_errors(_link(b"".join(parts)))


@given(st.text())
def test_arbitrary_text_raises_only_uri_error(text: str) -> None:
    _only_uri_errors(text)
    _only_uri_errors("otpauth-migration://offline?data=" + text)


def test_assembler_rejects_parts_disagreeing_on_the_part_count() -> None:
    payload = _entry() + _int(3, 3) + _int(4, 0) + _int(5, 9)
    liar = _entry(name="bob") + _int(3, 2) + _int(4, 1) + _int(5, 9)
    assembler = MigrationAssembler()
    assembler.add(parse_migration_uri(_link(payload)))
    with pytest.raises(UriError, match="export has 2 parts"):
        assembler.add(parse_migration_uri(_link(liar)))
    assert assembler.missing() == [2, 3]


@pytest.mark.parametrize("claimed", [MAX_BATCH_SIZE + 1, 100_000, 2**31 - 1, 2**63 - 1])
def test_an_export_claiming_too_many_parts_is_refused(claimed: int) -> None:
    link = _link(_entry() + _int(3, claimed) + _int(4, 0))
    with pytest.raises(UriError, match=f"has {claimed} parts; Google Authenticator exports "
                                       f"have at most {MAX_BATCH_SIZE}"):
        parse_migration_uri(link)


def test_the_largest_allowed_export_is_assembled_with_linear_bookkeeping() -> None:
    assembler = MigrationAssembler()
    order = list(range(MAX_BATCH_SIZE))
    random.Random(5).shuffle(order)
    for count, index in enumerate(order, start=1):
        payload = _entry(name=f"n{index}") + _int(3, MAX_BATCH_SIZE) + _int(4, index) \
            + _int(5, 9)
        assembler.add(parse_migration_uri(_link(payload)))
        assert len(assembler.received()) == count
        assert assembler.complete == (count == MAX_BATCH_SIZE)
    assert [a.name for a in assembler.accounts()] == [f"n{i}" for i in range(MAX_BATCH_SIZE)]
