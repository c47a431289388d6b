"""Text files of otpauth:// links (Ente, WinAuth, hand-made) and Google export links."""

from __future__ import annotations

import pytest

from authenticator.core.migration import encode_migration_uris
from authenticator.core.uri import format_uri
from authenticator.portability.base import ImportFailed
from authenticator.portability.export import export_google_migration, export_otpauth
from authenticator.portability.registry import detect_format, import_bytes
from tests.portability import writers
from tests.portability.writers import GOOGLE_OK, many_accounts


def test_ente_export_with_comments_blank_lines_and_code_display():
    lines = [
        "# Ente Auth export",
        "",
        "otpauth://totp/GitHub:octo%40example.com?secret=gezd-gnbv-gy3t-qojq-gezd-gnbv-gy3t-qojq"
        "&issuer=GitHub&codeDisplay=%7B%22pinned%22%3Atrue%2C%22trashed%22%3Afalse%7D",
        "   ",
        "otpauth://hotp/Lab?secret=77777777777777777777&counter=42&digits=7&algorithm=SHA512",
    ]
    data = ("\r\n".join(lines) + "\r\n").encode()
    assert detect_format(data).name == "otpauth"
    result = import_bytes(data)
    assert result.problems == []
    github, lab = result.accounts
    assert (github.issuer, github.name, github.secret) == ("GitHub", "octo@example.com",
                                                          b"12345678901234567890")
    assert (lab.name, lab.counter, lab.digits, lab.secret) == ("Lab", 42, 7, b"\xff" * 12)


def test_bad_lines_are_listed_with_their_line_number_and_without_the_key():
    good = format_uri(writers.SAMPLE[0])
    data = "\n".join([good, "otpauth://totp/Broken?secret=SECRET1SECRET8", "hello",
                      "otpauth://totp/NoKey?issuer=X", good.replace("GitHub", "GitLab")])
    result = import_bytes(data.encode())
    assert [a.issuer for a in result.accounts] == ["GitHub", "GitLab"]
    descriptions = [p.description for p in result.problems]
    assert [d.split(":")[0] for d in descriptions] == ["line 2", "line 3", "line 4"]
    assert "not base32" in descriptions[0] and "no secret" in descriptions[2]
    assert not any("SECRET1SECRET8" in d for d in descriptions)


def test_otpauth_export_round_trips_every_field_links_carry():
    text = export_otpauth(writers.SAMPLE)
    assert text.count("\n") == len(writers.SAMPLE) and text.endswith("\n")
    result = import_bytes(text.encode())
    assert result.format_name == "otpauth"
    assert writers.essences(result.accounts) == writers.essences(writers.SAMPLE)


def test_google_migration_single_batch_round_trip():
    links = export_google_migration(GOOGLE_OK)
    assert len(links) == 1
    data = (links[0] + "\n").encode()
    assert detect_format(data).name == "google-migration"
    result = import_bytes(data)
    assert result.problems == []
    assert writers.essences(result.accounts) == writers.essences(GOOGLE_OK)


def test_google_migration_several_batches_in_any_order():
    accounts = many_accounts(40)
    links = export_google_migration(accounts)
    assert len(links) >= 3
    result = import_bytes("\n".join(reversed(links)).encode())
    assert result.problems == []
    assert writers.essences(result.accounts) == writers.essences(accounts)


def test_google_migration_missing_parts_are_named_and_the_rest_imports():
    accounts = many_accounts(40)
    links = export_google_migration(accounts)
    kept = [links[0], links[-1]]
    result = import_bytes("\n".join(kept).encode())
    missing = ", ".join(str(n) for n in range(2, len(links)))
    assert [p.description for p in result.problems] == [
        f"Google Authenticator export: parts {missing} of {len(links)} missing; "
        "add the remaining codes"]
    assert result.accounts and len(result.accounts) < len(accounts)


def test_two_separate_google_exports_in_one_file():
    first = encode_migration_uris(GOOGLE_OK[:2], batch_id=1)
    second = encode_migration_uris(GOOGLE_OK[2:], batch_id=2)
    result = import_bytes("\n".join(first + second).encode())
    assert writers.essences(result.accounts) == writers.essences(GOOGLE_OK)


def test_damaged_google_link_is_a_problem_not_a_crash():
    link = export_google_migration(GOOGLE_OK)[0]
    result = import_bytes(f"{link[:60]}\n{link}\n".encode())
    assert len(result.accounts) == len(GOOGLE_OK)
    assert result.problems[0].description.startswith("line 1: ")


def test_lists_are_not_mistaken_for_each_other():
    otpauth = export_otpauth(writers.SAMPLE).encode()
    google = "\n".join(export_google_migration(GOOGLE_OK)).encode()
    assert detect_format(otpauth).name == "otpauth"
    assert detect_format(google).name == "google-migration"
    with pytest.raises(ImportFailed, match="not in a format I can import"):
        detect_format(b"Dear diary,\notpauth://totp/X?secret=GEZDGNBV\n")


def test_file_with_only_comments_is_refused():
    with pytest.raises(ImportFailed, match="no links"):
        import_bytes(b"# nothing here\n", format_name="otpauth")
