"""Enrollment pages and otpauth links for the scan tests (shared by several modules)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from authenticator.core.account import decode_base32
from tests.helpers import synthetic as syn

SECRET_A = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
SECRET_B = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
SECRET_C = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"


def otpauth(secret: str = SECRET_A, issuer: str = "Example CA",
            name: str = "alice@example.com") -> str:
    label = f"{issuer.replace(' ', '%20')}:{name.replace('@', '%40')}"
    return f"otpauth://totp/{label}?secret={secret}&issuer={issuer.replace(' ', '%20')}"


def raw(secret: str) -> bytes:
    return decode_base32(secret)


def page_with(*payloads: str, module_px: int = 4, seed: int = 0) -> np.ndarray:
    """A white enrollment page showing one QR code per payload, left to right."""
    rng = np.random.default_rng(seed)
    codes = [syn.qr_image(p, module_px=module_px) for p in payloads]
    page, _boxes = syn.enrollment_page(codes, rng, width=1280 if len(codes) < 3 else 1600)
    return page


def write_png(path: Path, image: np.ndarray) -> Path:
    ok, buf = cv2.imencode(".png", image)
    assert ok
    path.write_bytes(buf.tobytes())
    return path
