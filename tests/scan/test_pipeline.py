"""What a user sees when scanning an image: the accounts found, or one clear reason."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.core.migration import encode_migration_uris
from authenticator.scan.ladder import build_ladder
from authenticator.scan.pipeline import (
    BAD_MIGRATION,
    BAD_OTPAUTH,
    EMPTY_FILE,
    IS_A_FOLDER,
    NO_QR,
    NOT_A_FILE,
    NOT_AN_IMAGE,
    TEXT_ONLY,
    TOO_MANY_PIXELS,
    TOO_SMALL,
    WEB_ADDRESS,
    ScanError,
    scan_array,
    scan_bytes,
    scan_file,
    scan_gray,
)
from tests.helpers import synthetic as syn
from tests.helpers.scan_pages import (
    SECRET_A,
    SECRET_B,
    SECRET_C,
    otpauth,
    page_with,
    raw,
    write_png,
)

# -- keys are found in realistic images -------------------------------------------------------


def secrets(result: object) -> set[bytes]:
    return {a.secret for a in result.all_accounts()}  # type: ignore[attr-defined]


def test_screenshot_of_an_enrollment_page_yields_the_account(key_page: np.ndarray) -> None:
    result = scan_array(key_page)
    assert result.error is None
    assert result.found
    [account] = result.accounts
    assert account.secret == raw(SECRET_A)
    assert (account.issuer, account.name) == ("Example CA", "alice@example.com")
    assert result.decoder in {"zxing-cpp", "pyzbar", "opencv"}


def test_colour_screenshot_is_read(key_page: np.ndarray) -> None:
    colour = cv2.cvtColor(key_page, cv2.COLOR_GRAY2BGR)
    colour[:, :, 0] = np.maximum(colour[:, :, 0], 40)  # a tinted page
    assert secrets(scan_array(colour)) == {raw(SECRET_A)}


def test_transparent_png_lands_on_white_not_black() -> None:
    # Black modules on a transparent background: a naive grey conversion gives all black.
    code = syn.qr_image(otpauth(), module_px=5)
    bgra = np.zeros((*code.shape, 4), dtype=np.uint8)
    bgra[:, :, 3] = np.where(code == 0, 255, 0)
    assert secrets(scan_bytes(cv2.imencode(".png", bgra)[1].tobytes())) == {raw(SECRET_A)}


def test_sixteen_bit_image_is_read(key_page: np.ndarray) -> None:
    deep = key_page.astype(np.uint16) * 257
    assert secrets(scan_array(deep)) == {raw(SECRET_A)}


@pytest.mark.parametrize("factor", [0.45, 0.7, 1.5, 2.5])
def test_screenshots_at_other_scales(key_page: np.ndarray, factor: float) -> None:
    assert secrets(scan_array(syn.resize(key_page, factor))) == {raw(SECRET_A)}


@pytest.mark.parametrize("degrees", [12, 45, 90, 180, -130])
def test_rotated_images(key_page: np.ndarray, degrees: float) -> None:
    assert secrets(scan_array(syn.rotate(key_page, degrees))) == {raw(SECRET_A)}


@pytest.mark.parametrize("quality", [25, 50, 90])
def test_jpeg_compressed_screenshots(key_page: np.ndarray, quality: int) -> None:
    assert secrets(scan_array(syn.jpeg(key_page, quality))) == {raw(SECRET_A)}


def test_perspective_blur_and_noise(key_page: np.ndarray) -> None:
    rng = np.random.default_rng(4)
    image = syn.noise(syn.blur(syn.perspective(key_page, rng, 0.12), 1.2), rng, 8)
    assert secrets(scan_array(image)) == {raw(SECRET_A)}


def test_photo_of_a_monitor_with_moire() -> None:
    rng = np.random.default_rng(11)
    page = page_with(otpauth(), module_px=6)
    photo = syn.monitor_photo(page[180:, :700], rng, strength=1.0, out_width=1280)
    assert secrets(scan_array(photo)) == {raw(SECRET_A)}


def test_dark_mode_page_is_read(key_page: np.ndarray) -> None:
    assert secrets(scan_array(255 - key_page)) == {raw(SECRET_A)}


def test_small_code_is_enlarged_and_read() -> None:
    # 2 pixels per module after shrinking: a code shown small in a screenshot.
    tiny = syn.resize(page_with(otpauth(), module_px=4), 0.5)
    assert secrets(scan_array(tiny)) == {raw(SECRET_A)}


def test_decoy_qr_beside_the_key_is_ignored() -> None:
    page = page_with("https://help.example.com/2fa", otpauth())
    result = scan_array(page)
    assert result.error is None
    assert secrets(result) == {raw(SECRET_A)}
    assert len(result.payloads) == 1  # the link to the help page is not kept


def test_several_keys_in_one_image_are_all_found() -> None:
    page = page_with(otpauth(SECRET_A, name="a@x.org"), otpauth(SECRET_B, name="b@x.org"),
                     otpauth(SECRET_C, name="c@x.org"), module_px=3)
    result = scan_array(page)
    assert secrets(result) == {raw(SECRET_A), raw(SECRET_B), raw(SECRET_C)}
    assert sorted(a.name for a in result.accounts) == ["a@x.org", "b@x.org", "c@x.org"]


def test_google_authenticator_export_gives_a_migration_batch() -> None:
    accounts = [Account(secret=raw(s), issuer="Example", name=f"user{i}")
                for i, s in enumerate([SECRET_A, SECRET_B, SECRET_C])]
    [link] = encode_migration_uris(accounts, batch_id=7)
    result = scan_array(page_with(link, module_px=3))
    assert result.error is None
    assert result.accounts == []
    [batch] = result.migration_batches
    assert (batch.batch_index, batch.batch_size, batch.batch_id) == (0, 1, 7)
    assert [a.secret for a in batch.accounts] == [raw(SECRET_A), raw(SECRET_B), raw(SECRET_C)]
    assert secrets(result) == {raw(SECRET_A), raw(SECRET_B), raw(SECRET_C)}


def test_one_part_of_a_split_export_says_which_part() -> None:
    accounts = [Account(secret=bytes([i]) * 20, issuer="Example", name=f"user{i}")
                for i in range(1, 13)]
    links = encode_migration_uris(accounts, max_bytes=400, batch_id=9)
    assert len(links) > 1
    [batch] = scan_array(page_with(links[1], module_px=3)).migration_batches
    assert (batch.batch_index, batch.batch_size) == (1, len(links))


# -- when there is no key: one clear line ------------------------------------------------------


def test_url_only_says_web_address() -> None:
    result = scan_array(page_with("https://www.example.com/welcome"))
    assert not result.found
    assert result.error == WEB_ADDRESS == (
        "this QR code contains a web address, not an authenticator key")


def test_plain_text_says_text() -> None:
    result = scan_array(page_with("Wi-Fi password is on the fridge"))
    assert result.error == TEXT_ONLY


def test_blank_image_says_no_qr_code() -> None:
    result = scan_array(np.full((600, 800), 255, dtype=np.uint8))
    assert result.error == NO_QR == "no QR code found in this image"
    assert result.accounts == [] and result.migration_batches == [] and result.decoder is None


def test_broken_otpauth_link_explains_why() -> None:
    result = scan_array(page_with("otpauth://totp/Example:bob?secret=NOT!BASE32&issuer=Ex"))
    assert result.error is not None
    assert result.error.startswith(BAD_OTPAUTH.format(""))
    assert "letters A-Z and the digits 2-7" in result.error
    assert "\n" not in result.error


def test_broken_export_explains_why() -> None:
    result = scan_array(page_with("otpauth-migration://offline?data=%%%broken"))
    assert result.error is not None
    assert result.error.startswith(BAD_MIGRATION.format(""))


def test_bad_link_beside_a_good_key_does_not_hide_the_key() -> None:
    page = page_with("otpauth://totp/Broken?secret=", otpauth(SECRET_B))
    assert secrets(scan_array(page)) == {raw(SECRET_B)}


def test_require_raises_scan_error_with_the_reason() -> None:
    result = scan_array(page_with("https://example.com"))
    with pytest.raises(ScanError, match="web address") as info:
        result.require()
    assert isinstance(info.value, AuthenticatorError)


def test_require_returns_the_result_when_found(key_page: np.ndarray) -> None:
    result = scan_array(key_page)
    assert result.require() is result


def test_unsupported_arrays_are_refused_politely() -> None:
    assert scan_array(np.zeros((4, 4, 7), dtype=np.uint8)).error is not None
    assert scan_array(np.zeros((100, 100), dtype=np.int64)).error is not None
    assert scan_array("not an image").error is not None  # type: ignore[arg-type]
    assert scan_array(np.zeros((0, 50), dtype=np.uint8)).error == TOO_SMALL
    assert scan_array(np.zeros((12, 12, 3), dtype=np.uint8)).error == TOO_SMALL
    assert scan_array(np.zeros((0, 50, 3), dtype=np.uint8)).error == TOO_SMALL
    assert scan_array(np.zeros(500, dtype=np.uint8)).error is not None


# -- files -------------------------------------------------------------------------------------


def test_png_file_with_a_key(tmp_path: Path, key_page: np.ndarray) -> None:
    result = scan_file(write_png(tmp_path / "enroll.png", key_page))
    assert secrets(result) == {raw(SECRET_A)}


def test_jpeg_bytes_as_pasted_from_the_clipboard(key_page: np.ndarray) -> None:
    data = cv2.imencode(".jpg", key_page, [cv2.IMWRITE_JPEG_QUALITY, 70])[1].tobytes()
    assert secrets(scan_bytes(data)) == {raw(SECRET_A)}


def test_corrupt_png_is_not_an_image(tmp_path: Path, key_page: np.ndarray) -> None:
    good = cv2.imencode(".png", key_page)[1].tobytes()
    path = tmp_path / "cut.png"
    path.write_bytes(good[: len(good) // 3])
    assert scan_file(path).error == NOT_AN_IMAGE


def test_text_file_named_png(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("otpauth://totp/x?secret=" + SECRET_A)
    result = scan_file(path)
    assert result.error == NOT_AN_IMAGE
    assert SECRET_A not in repr(result)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    assert scan_file(path).error == EMPTY_FILE


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert scan_file(tmp_path / "nope.png").error == NOT_A_FILE
    assert scan_file(tmp_path).error == IS_A_FOLDER


def test_decompression_bomb_is_refused_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    # A PNG announcing 30000 x 30000 pixels (a real one compresses to under 1 MB).
    small = cv2.imencode(".png", np.zeros((8, 8), dtype=np.uint8))[1].tobytes()
    ihdr = b"IHDR" + struct.pack(">II", 30000, 30000) + small[24:29]
    bomb = small[:12] + ihdr + struct.pack(">I", zlib.crc32(ihdr)) + small[33:]

    def no_decoding(*_args: object) -> None:
        raise AssertionError("the bomb reached the image decoder")

    monkeypatch.setattr(cv2, "imdecode", no_decoding)
    assert scan_bytes(bomb).error == TOO_MANY_PIXELS


def test_big_photo_is_shrunk_and_read() -> None:
    page = page_with(otpauth(), module_px=6)
    photo = cv2.resize(page, (5120, 3200), interpolation=cv2.INTER_NEAREST)
    assert secrets(scan_array(photo)) == {raw(SECRET_A)}


# -- secrets stay out of sight ---------------------------------------------------------------


def test_repr_hides_payloads_and_secrets(key_page: np.ndarray) -> None:
    result = scan_array(key_page)
    assert result.payloads and SECRET_A in result.payloads[0]
    text = repr(result) + str(result)
    assert SECRET_A not in text
    assert "secret=" not in text
    assert "<1 hidden>" in text


def test_importing_the_pipeline_loads_no_heavy_library() -> None:
    code = ("import sys, authenticator.scan.pipeline, authenticator.scan.camera; "
            "print(sorted(m for m in ('cv2', 'zxingcpp', 'pyzbar') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"


# -- the ladder ---------------------------------------------------------------------------------


class Scripted:
    """A decoder that answers from a script and records which variants it was shown."""

    def __init__(self, name: str, answer: list[str] | None = None, *,
                 crash: bool = False) -> None:
        self.name = name
        self.answer = answer or []
        self.crash = crash
        self.calls = 0

    def available(self) -> bool:
        return True

    def decode(self, gray: np.ndarray) -> list[str]:
        self.calls += 1
        if self.crash:
            raise RuntimeError("decoder bug")
        return list(self.answer)


def test_ladder_stops_at_the_first_step_that_finds_a_key(key_page: np.ndarray) -> None:
    first = Scripted("zxing-cpp", [otpauth()])
    later = Scripted("pyzbar", [otpauth(SECRET_B)])
    result = scan_gray(key_page, build_ladder(decoders=[first, later]))
    assert secrets(result) == {raw(SECRET_A)}
    assert (result.decoder, result.variant) == ("zxing-cpp", "grey")
    assert first.calls == 1 and later.calls == 0


def test_a_crashing_decoder_does_not_end_the_scan(key_page: np.ndarray) -> None:
    broken = Scripted("zxing-cpp", crash=True)
    backup = Scripted("opencv", [otpauth()])
    result = scan_gray(key_page, build_ladder(decoders=[broken, backup]))
    assert secrets(result) == {raw(SECRET_A)}
    assert result.decoder == "opencv"


def test_without_zxing_the_other_decoders_still_scan(key_page: np.ndarray) -> None:
    from authenticator.scan.decoders import OpenCvDecoder

    result = scan_gray(key_page, build_ladder(decoders=[OpenCvDecoder()]))
    assert secrets(result) == {raw(SECRET_A)}
    assert result.decoder == "opencv"


def test_a_decoy_seen_early_does_not_stop_the_search(key_page: np.ndarray) -> None:
    # The first step only sees the help link; a later one finds the key: the key wins.
    decoy_only = Scripted("zxing-cpp", ["https://help.example.com"])
    finder = Scripted("pyzbar", ["https://help.example.com", otpauth()])
    result = scan_gray(key_page, build_ladder(decoders=[decoy_only, finder]))
    assert result.error is None
    assert secrets(result) == {raw(SECRET_A)}
