"""Backup file samples (Stratum, FreeOTP 2, Proton, WinAuth), shared by the portability,
command-line and window import tests."""

from __future__ import annotations

from tests.portability import app_writers as w

PASSWORD = "pässword 🔑"
K1, K2, K3 = b"k1-0123456789abcdefg", bytes(range(32)), bytes(range(200, 210))
STEAM_KEY = b"steam-key-0123456789"


def stratum() -> dict:
    entries = [
        w.stratum_entry(2, "GitHub", "octo", w.b32(K1) + "====", digits=6),
        w.stratum_entry(1, "Bank", None, w.b32(K2), algorithm=1, digits=8, counter=12),
        w.stratum_entry(4, "Steam", "gamer", w.b32(STEAM_KEY), digits=5),
        w.stratum_entry(2, "Long", "me", w.b32(K3), algorithm=2, digits=7, period=60),
        w.stratum_entry(3, "mOTP", "x", "0123456789abcdef"),
        w.stratum_entry(2, "Bad", "algo", w.b32(K1), algorithm=7),
    ]
    return w.stratum_doc(entries, {"Work": [w.b32(K1) + "====", w.b32(K3)], "Games": []})


def freeotp2_tokens() -> list[tuple[dict, bytes, str]]:
    return [
        (w.freeotp_token(None, "GitHub", "octo"), K1, "HmacSHA1"),
        # Created without an explicit algorithm: Gson left algo/digits/period out.
        (w.freeotp_token(None, "Site", "nulls", algo=None, digits=None, period=None), K2,
         "HmacSHA256"),
        (w.freeotp_token(None, "Steam", "gamer", algo=None, digits=None), STEAM_KEY,
         "HmacSHA1"),
        (w.freeotp_token(None, None, "𝄞 nul\x00 ok", type_="HOTP", counter=3, issuerInt="Int",
                         algo="SHA512", digits=8), K3, "HmacSHA512"),
    ]


def proton() -> dict:
    return w.proton_doc([
        (f"otpauth://totp/GitHub:octo?secret={w.b32(K1)}&issuer=GitHub&algorithm=SHA1"
         "&digits=6&period=30", "Totp", "octo", "work laptop"),
        (f"otpauth://totp/Bank?secret={w.b32(K2)}&issuer=Bank&digits=8&period=60"
         "&algorithm=SHA256", "Totp", None, None),
        (f"steam://{w.b32(STEAM_KEY)}", "Steam", "gamer", None),
        ("otpauth://totp/Nothing?digits=6", "Totp", "broken", None),
    ])


WINAUTH = (
    f"otpauth://totp/Google?secret={w.b32(K1)}&digits=6&icon=Google\n"
    f"otpauth://totp/Dropbox:me%40example.com?secret={w.b32(K2)}&digits=6\n"
    f"otpauth://totp/My+Bank?secret={w.b32(K3)}&digits=8&issuer=My+Bank\n"
    f"otpauth://totp/Steam?secret={w.b32(STEAM_KEY)}&digits=5&deviceid=android%3Ax"
    "&data=%7B%7D\n"
    f"otpauth://totp/Battle.net?secret={w.b32(K1[::-1])}&digits=8&serial=US123456789012\n"
    f"otpauth://hotp/Counter?secret={w.b32(K2[::-1])}&digits=6&counter=3\n")
