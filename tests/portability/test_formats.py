"""Every file-based importer: round trip, detection, passwords, truncation, bad entries."""

from __future__ import annotations

import json
from typing import Any

import pytest

from authenticator.core.account import OtpKind
from authenticator.portability.base import ImportFailed, PasswordRequired
from authenticator.portability.registry import IMPORTERS, detect_format, import_bytes
from tests.helpers.sample_files import BUILDERS, PASSWORD
from tests.portability import writers

FORMAT_OF = {name: name.removesuffix("-encrypted") for name in BUILDERS}
ENCRYPTED = [name for name, (_, pw) in BUILDERS.items() if pw]


@pytest.mark.parametrize("fixture", list(BUILDERS))
def test_every_sample_account_survives_import(sample_files, fixture):
    data, password = sample_files[fixture]
    result = import_bytes(data, password=password)
    assert result.format_name == FORMAT_OF[fixture]
    assert result.problems == []
    assert writers.essences(result.accounts) == writers.essences(writers.SAMPLE)


@pytest.mark.parametrize("fixture", list(BUILDERS))
def test_detected_as_its_own_format_only(sample_files, fixture):
    data, _ = sample_files[fixture]
    assert detect_format(data).name == FORMAT_OF[fixture]
    others = [i.name for i in IMPORTERS if i.name != FORMAT_OF[fixture] and i.detect(data)]
    assert others == []


@pytest.mark.parametrize("fixture", ENCRYPTED)
def test_encrypted_file_asks_for_its_password(sample_files, fixture):
    data, _ = sample_files[fixture]
    with pytest.raises(PasswordRequired, match="encrypted"):
        import_bytes(data)


@pytest.mark.parametrize("fixture", ENCRYPTED)
def test_wrong_password_is_a_clear_error(sample_files, fixture):
    data, _ = sample_files[fixture]
    with pytest.raises(ImportFailed, match=r"^wrong password") as info:
        import_bytes(data, password="Tr0ub4dor&3")
    assert not isinstance(info.value, PasswordRequired)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("fixture", [f for f in BUILDERS if not BUILDERS[f][1]])
def test_plain_files_are_not_encrypted(sample_files, fixture):
    data, _ = sample_files[fixture]
    assert not detect_format(data).is_encrypted(data)
    # A password given for a plain file is simply not needed.
    assert len(import_bytes(data, password="unused").accounts) == len(writers.SAMPLE)


@pytest.mark.parametrize("fixture", list(BUILDERS))
@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.5, 0.9, 0.99])
def test_truncated_file_fails_with_one_clear_line(sample_files, fixture, fraction):
    data, password = sample_files[fixture]
    cut = data[: int(len(data) * fraction)]
    # Told the format (as with --format) or left to detection: both fail cleanly.
    for format_name in (FORMAT_OF[fixture], None):
        with pytest.raises(ImportFailed) as info:
            import_bytes(cut, format_name=format_name, password=password)
        message = str(info.value)
        assert message and "\n" not in message and "Traceback" not in message


def test_truncated_json_is_called_damaged_not_unknown(sample_files):
    data, _ = sample_files["aegis"]
    with pytest.raises(ImportFailed, match="damaged or incomplete"):
        import_bytes(data[: len(data) // 2])


def test_altered_encrypted_aegis_content_is_reported(sample_files):
    data, _ = sample_files["aegis-encrypted"]
    doc = json.loads(data)
    db = bytearray(doc["db"], "ascii")
    db[10] = ord("A") if db[10] != ord("A") else ord("B")
    doc["db"] = db.decode()
    with pytest.raises(ImportFailed, match="damaged"):
        import_bytes(json.dumps(doc).encode(), password=PASSWORD)


def test_aegis_any_password_slot_unlocks():
    data = writers.make_aegis_encrypted(writers.SAMPLE[:1], "first", n=2**10,
                                        extra_slots=["second"])
    assert len(import_bytes(data, password="second").accounts) == 1


def test_aegis_keeps_note_favorite_and_groups(sample_files):
    data, password = sample_files["aegis-encrypted"]
    bank = import_bytes(data, password=password).accounts[1]
    assert (bank.note, bank.favorite, bank.tags) == ("main account", True, ("Work",))


def test_aegis_unknown_versions_are_refused_clearly():
    newer_file = json.loads(writers.make_aegis_plain(writers.SAMPLE))
    newer_file["version"] = 2
    with pytest.raises(ImportFailed, match="format version 2"):
        import_bytes(json.dumps(newer_file).encode())
    with pytest.raises(ImportFailed, match="database version 9"):
        import_bytes(writers.make_aegis_plain(writers.SAMPLE, version=9))


def test_2fas_older_schemas_and_unknown_fields(sample_files):
    for schema in (1, 2, 3):
        result = import_bytes(writers.make_2fas(writers.SAMPLE, schema=schema))
        assert writers.essences(result.accounts) == writers.essences(writers.SAMPLE)
    doc = json.loads(sample_files["2fas"][0])
    doc["futureField"] = {"x": 1}
    doc["services"][0]["badge"] = {"color": "Red"}
    doc["services"][0]["otp"]["newThing"] = True
    assert len(import_bytes(json.dumps(doc).encode()).accounts) == len(writers.SAMPLE)
    assert import_bytes(json.dumps(doc).encode()).accounts[1].tags == ("Work",)


def test_2fas_unknown_schema_version_is_refused_clearly():
    with pytest.raises(ImportFailed, match="schema version 99"):
        import_bytes(writers.make_2fas(writers.SAMPLE, schema=99))


def test_2fas_damaged_services_with_right_password(sample_files):
    doc = json.loads(sample_files["2fas-encrypted"][0])
    sealed, salt, iv = doc["servicesEncrypted"].split(":")
    doc["servicesEncrypted"] = ":".join((doc["reference"].split(":")[0][:8] + sealed[8:],
                                         salt, iv))
    with pytest.raises(ImportFailed, match="damaged"):
        import_bytes(json.dumps(doc).encode(), password=PASSWORD)


def test_freeotp_signed_bytes_decode_to_the_same_key():
    data = writers.make_freeotp(writers.SAMPLE[2:3])
    assert -1 in json.loads(data)["tokens"][0]["secret"]  # 0xff is written as -1
    assert import_bytes(data).accounts[0].secret == b"\xff" * 10


# -- entries that cannot be read -------------------------------------------------------------
def _break_entries(fixture: str, doc: Any) -> Any:
    """Spoil entries 2 and 3 of a plain document; entries 1 and 4 stay good."""
    if fixture == "aegis":
        entries = doc["db"]["entries"]
        entries[1]["info"]["secret"] = "not base32 at all 0189"
        entries[2]["type"] = "yandex"
    elif fixture == "2fas":
        entries = doc["services"]
        entries[1]["secret"] = "not base32 at all 0189"
        entries[2]["otp"]["digits"] = 42
    elif fixture == "andotp":
        entries = doc
        entries[1]["secret"] = "not base32 at all 0189"
        entries[2]["algorithm"] = "MD5"
    else:
        entries = doc["tokens"]
        entries[1]["secret"] = []
        entries[2]["digits"] = "many"
    return doc


@pytest.mark.parametrize("fixture", ["aegis", "2fas", "andotp", "freeotp"])
def test_bad_entries_are_listed_and_the_rest_imports(sample_files, fixture):
    doc = _break_entries(fixture, json.loads(sample_files[fixture][0]))
    result = import_bytes(json.dumps(doc).encode())
    good = [writers.SAMPLE[0], writers.SAMPLE[3]]
    assert writers.essences(result.accounts) == writers.essences(good)
    assert len(result.problems) == 2
    first, second = (p.description for p in result.problems)
    assert " 2 (Ünïcode Bank): " in first and " 3" in second
    assert any(word in first for word in ("key", "base32")), first
    for problem in result.problems:
        text = problem.description
        assert "\n" not in text
        for account in writers.SAMPLE:
            assert account.secret_b32 not in text.upper()
        assert "not base32 at all" not in text


@pytest.mark.parametrize("fixture", ["aegis", "2fas", "andotp", "freeotp"])
def test_entries_of_the_wrong_shape_do_not_break_the_import(sample_files, fixture):
    doc = json.loads(sample_files[fixture][0])
    entries = {"aegis": lambda d: d["db"]["entries"], "2fas": lambda d: d["services"],
               "andotp": lambda d: d, "freeotp": lambda d: d["tokens"]}[fixture](doc)
    entries.insert(0, "just a string")
    entries.insert(0, {"unexpected": [1, 2, 3]})
    result = import_bytes(json.dumps(doc).encode(), format_name=fixture)
    assert len(result.accounts) == len(writers.SAMPLE)
    assert len(result.problems) == 2


def test_steam_entries_keep_their_kind(sample_files):
    for fixture in BUILDERS:
        data, password = sample_files[fixture]
        steam = import_bytes(data, password=password).accounts[3]
        assert (steam.kind, steam.digits) == (OtpKind.STEAM, 5), fixture


def test_2fas_without_reference_still_tells_a_wrong_password(sample_files):
    doc = json.loads(sample_files["2fas-encrypted"][0])
    del doc["reference"]
    data = json.dumps(doc).encode()
    with pytest.raises(ImportFailed, match=r"^wrong password"):
        import_bytes(data, password="not it")
    assert len(import_bytes(data, password=PASSWORD).accounts) == len(writers.SAMPLE)
