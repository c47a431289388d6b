"""The portal's picture file shows the secret key: it is gone after reading, whatever
happened (decoded, corrupt, empty, not a picture at all)."""

from __future__ import annotations

import io

import pytest
import segno

from authenticator.scan.pipeline import ScanError, scan_array
from authenticator.scan.screen import read_picture, take_picture

URI = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example"


def test_a_readable_picture_is_decoded_and_deleted(tmp_path):
    picture = tmp_path / "Screenshot.png"
    buffer = io.BytesIO()
    segno.make(URI).save(buffer, kind="png", scale=5, border=4)
    picture.write_bytes(buffer.getvalue())
    gray = read_picture(picture)
    assert not picture.exists()
    assert gray.ndim == 2 and [a.name for a in scan_array(gray).accounts] == ["alice"]


@pytest.mark.parametrize("content", [b"", b"not a picture", b"\x89PNG\r\n\x1a\n broken"])
def test_an_unreadable_picture_is_deleted_too(tmp_path, content):
    picture = tmp_path / "out.png"
    picture.write_bytes(content)
    with pytest.raises(ScanError):
        read_picture(picture)
    assert not picture.exists()


def test_no_file_or_a_folder_is_a_one_line_error(tmp_path):
    with pytest.raises(ScanError, match="did not write a picture"):
        take_picture(tmp_path / "missing.png")
    folder = tmp_path / "folder.png"
    folder.mkdir()
    with pytest.raises(ScanError, match="did not write a picture"):
        take_picture(folder)
    assert folder.is_dir()  # never removes anything but a file


def test_a_symlink_is_not_followed(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / "out.png"
    link.symlink_to(target)
    with pytest.raises(ScanError):
        take_picture(link)
    assert target.read_text() == "keep me"
