"""Whatever the bytes, importing raises ImportFailed or returns a result: never another
exception type, never a secret in a message."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from authenticator.portability.base import ImportFailed
from authenticator.portability.registry import import_bytes
from tests.helpers.strategies import json_values
from tests.portability import writers

PLAIN: dict[str, bytes] = {
    "aegis": writers.make_aegis_plain(writers.SAMPLE),
    "2fas": writers.make_2fas(writers.SAMPLE),
    "andotp": writers.make_andotp_plain(writers.SAMPLE),
    "freeotp": writers.make_freeotp(writers.SAMPLE),
    "bitwarden": writers.make_bitwarden_json(
        [("GitHub", "me", writers.bitwarden_totp(writers.SAMPLE[0], "uri"))]),
}
SECRETS = [a.secret_b32 for a in writers.SAMPLE]


def _entries(name: str, doc: Any) -> list[Any]:
    return {"aegis": lambda: doc["db"]["entries"], "2fas": lambda: doc["services"],
            "andotp": lambda: doc, "freeotp": lambda: doc["tokens"],
            "bitwarden": lambda: doc["items"]}[name]()


def _check(data: bytes, format_name: str | None = None) -> None:
    try:
        result = import_bytes(data, format_name=format_name)
    except ImportFailed as exc:
        message = str(exc)
        assert "\n" not in message and not any(s in message for s in SECRETS)
        return
    for problem in result.problems:
        assert not any(s in problem.description for s in SECRETS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(PLAIN)), value=json_values, data=st.data())
def test_any_json_value_in_any_entry_field(name, value, data):
    doc = json.loads(PLAIN[name])
    entry = data.draw(st.sampled_from(_entries(name, doc)))
    key = data.draw(st.sampled_from(sorted(entry)))
    entry[key] = value
    info = entry.get("info")
    if key != "info" and isinstance(info, dict) and info and data.draw(st.booleans()):
        info[data.draw(st.sampled_from(sorted(info)))] = copy.deepcopy(value)
    _check(json.dumps(doc).encode(), format_name=data.draw(st.sampled_from([None, name])))


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(sorted(PLAIN)), value=json_values, data=st.data())
def test_any_json_value_at_the_top_level(name, value, data):
    doc = json.loads(PLAIN[name])
    if isinstance(doc, dict):
        doc[data.draw(st.sampled_from(sorted(doc)))] = value
    else:
        doc = value
    _check(json.dumps(doc).encode(), format_name=data.draw(st.sampled_from([None, name])))


@settings(max_examples=200, deadline=None)
@given(blob=st.binary(max_size=300))
def test_arbitrary_bytes(blob):
    _check(blob)
    _check(blob, format_name="andotp")
