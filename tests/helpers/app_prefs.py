"""Android shared_prefs samples (Authy, TOTP Authenticator, FreeOTP tokens.xml), shared by
the portability, command-line and window import tests."""

from __future__ import annotations

import base64

from tests.portability import app_writers as w

PASSWORD = "hunter2 ünï"
KEY1 = b"authy-third-party-01"
KEY2 = bytes(range(10, 30))
SEED = bytes(range(32))


def authy_tokens(encrypted: bool) -> list[dict]:
    def secret(raw: bytes, salt: str) -> dict:
        if encrypted:
            return {"encryptedSecret": w.authy_encrypt(w.b32(raw), PASSWORD, salt), "salt": salt}
        return {"decryptedSecret": w.b32(raw).lower(), "salt": salt}

    return [
        {"accountType": "authenticator", "digits": 6, "name": "GitHub: octo",
         "originalName": "GitHub:octo", "originalIssuer": None, "timestamp": 1,
         "uniqueId": "1", "upload_state": "uploaded", **secret(KEY1, "saltsaltsalt1")},
        {"accountType": "google", "digits": 8, "name": "alice@gmail.com",
         "originalName": None, "originalIssuer": None, **secret(KEY2, "other salt 2")},
        {"accountType": "gitlab", "digits": 6, "name": "GitLab - bob", "originalName": "bob",
         "originalIssuer": None, **secret(KEY1[::-1], "s3")},
        {"accountType": "authy", "digits": 7, "name": "Twitch", "secretSeed": SEED.hex(),
         "originalName": None, "originalIssuer": None},
        {"accountType": "aws", "digits": 6, "name": "AWS prod", "originalIssuer": "AWS",
         "originalName": "AWS:prod", **secret(KEY2[::-1], "s4")},
    ]


TA_ROWS = [(SEED[:20].hex(), 16, "octo", "GitHub", "", ""),
           (w.b32(KEY1), 32, "me", "Unknown", "8", "60"),
           (base64.b64encode(KEY2).decode(), 64, "ops", "AWS", "6", "30"),
           ("abc", 10, "odd", "Weird", "", "")]


STEAM_KEY = b"steam-key-0123456789"


def freeotp_tokens() -> list[dict]:
    return [
        w.freeotp_token(KEY1, "GitHub", "octo", imageAlt=None),
        w.freeotp_token(KEY2, "", "plain", type_="HOTP", counter=5, algo="SHA256", digits=8),
        w.freeotp_token(STEAM_KEY, "Steam", "gamer", digits=5),
        w.freeotp_token(SEED, "Old", "name", issuerAlt="Renamed", labelAlt="new name",
                        period=60, algo="SHA512"),
    ]
