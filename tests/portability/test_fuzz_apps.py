"""The other apps' formats under damage: any truncation, flipped bytes or odd JSON value
ends in a result or one ImportFailed line, never another exception or a secret shown."""

from __future__ import annotations

import copy
import functools
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from authenticator.portability.base import ImportFailed
from authenticator.portability.registry import import_bytes
from tests.helpers import app_backups as backups
from tests.helpers import app_prefs as prefs
from tests.helpers.strategies import json_values
from tests.portability import app_writers as w

PW = "fuzz pw"
K1 = b"k1-0123456789abcdefg"
SECRETS = [w.b32(K1), w.b32(prefs.KEY1), w.b32(prefs.KEY2), w.b32(backups.K2)]


def _samples(tmp: Path) -> dict[str, tuple[bytes, str | None]]:
    return {
        "authy": (w.make_authy(prefs.authy_tokens(False)), None),
        "battlenet": (w.make_battlenet_legacy(K1, "US-1234-5678-9012"), None),
        "totp-authenticator": (w.make_totp_auth_bin(w.totp_auth_entries(prefs.TA_ROWS)), None),
        "freeotp-xml": (w.make_freeotp_xml(prefs.freeotp_tokens()), None),
        "freeotp-backup": (w.make_freeotp_backup(backups.freeotp2_tokens(), PW,
                                                 iterations=10), PW),
        "stratum": (w.make_stratum_legacy(backups.stratum(), PW), PW),
        "proton": (json.dumps(backups.proton()).encode(), None),
        "steam": (json.dumps(w.steam_account(K1, "me")).encode(), None),
        "duo": (w.make_duo([{"name": "x", "otpGenerator": {"otpSecret": w.b32(K1)}}]), None),
        "winauth": (backups.WINAUTH.encode(), None),
        "authenticator-plus": (w.make_authplus_zip(f"otpauth://totp/a?secret={w.b32(K1)}\n",
                                                   PW), PW),
        "google-authenticator-db": (w.make_google_db(tmp / "g.db", [
            ("a:b", w.b32(K1), 0, 0, "I")]).read_bytes(), None),
        "andotp": (w.make_andotp_old([{"secret": w.b32(K1), "label": "a", "digits": 6,
                                       "type": "TOTP", "algorithm": "SHA1", "period": 30}],
                                     PW), PW),
    }


@functools.cache
def samples() -> dict[str, tuple[bytes, str | None]]:
    with tempfile.TemporaryDirectory() as folder:
        return _samples(Path(folder))


def _check(data: bytes, password: str | None, format_name: str | None) -> None:
    try:
        result = import_bytes(data, format_name=format_name, password=password)
    except ImportFailed as exc:
        message = str(exc)
        assert "\n" not in message and not any(s in message for s in SECRETS)
        return
    for problem in result.problems:
        assert not any(s in problem.description for s in SECRETS)


NAMES = sorted([
    "authy", "battlenet", "totp-authenticator", "freeotp-xml", "freeotp-backup", "stratum",
    "proton", "steam", "duo", "winauth", "authenticator-plus", "google-authenticator-db",
    "andotp"])


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), data=st.data())
def test_truncated_or_flipped_files(name, data):
    blob, password = samples()[name]
    damaged = bytearray(blob)
    if data.draw(st.booleans()):
        damaged = damaged[: data.draw(st.integers(0, len(damaged)))]
    else:
        for _ in range(data.draw(st.integers(1, 4))):
            if damaged:
                damaged[data.draw(st.integers(0, len(damaged) - 1))] ^= data.draw(
                    st.integers(1, 255))
    _check(bytes(damaged), password, data.draw(st.sampled_from([None, name])))


def _entries(name: str, doc: Any) -> list[Any]:
    return {"proton": lambda: doc["entries"], "duo": lambda: doc,
            "stratum-plain": lambda: doc["Authenticators"],
            "steam": lambda: [doc]}[name]()


JSON_SAMPLES = {
    "proton": backups.proton(),
    "duo": [{"name": "x", "otpGenerator": {"otpSecret": w.b32(K1), "counter": 1}}],
    "stratum-plain": backups.stratum(),
    "steam": w.steam_account(K1, "me"),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(JSON_SAMPLES)), value=json_values, data=st.data())
def test_any_json_value_in_any_entry_field(name, value, data):
    doc = json.loads(json.dumps(JSON_SAMPLES[name]))
    entry = data.draw(st.sampled_from(_entries(name, doc)))
    key = data.draw(st.sampled_from(sorted(entry)))
    entry[key] = value
    nested = entry.get("content") or entry.get("otpGenerator")
    if isinstance(nested, dict) and nested and data.draw(st.booleans()):
        nested[data.draw(st.sampled_from(sorted(nested)))] = copy.deepcopy(value)
    _check(json.dumps(doc).encode(), None, None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=json_values, data=st.data())
def test_any_json_value_in_shared_prefs_tokens(value, data):
    tokens = prefs.authy_tokens(False)
    token = data.draw(st.sampled_from(tokens))
    token[data.draw(st.sampled_from(sorted(token)))] = value
    _check(w.make_authy(tokens), None, None)
    free = prefs.freeotp_tokens()
    token = data.draw(st.sampled_from(free))
    token[data.draw(st.sampled_from(sorted(token)))] = copy.deepcopy(value)
    ids = [f"token{i}" for i in range(len(free))]
    strings = {"tokenOrder": json.dumps(ids)} | {i: json.dumps(t) for i, t in zip(
        ids, free, strict=True)}
    _check(w.shared_prefs(strings), None, None)
