"""Builders of files in the formats of other apps, each holding writers.SAMPLE."""

from __future__ import annotations

from collections.abc import Callable

from tests.portability import writers

PASSWORD = "correct horse battery staple"

#: format name -> builder of a file holding writers.SAMPLE, and the password it needs.
BUILDERS: dict[str, tuple[Callable[[], bytes], str | None]] = {
    "aegis": (lambda: writers.make_aegis_plain(writers.SAMPLE), None),
    "aegis-encrypted": (lambda: writers.make_aegis_encrypted(writers.SAMPLE, PASSWORD), PASSWORD),
    "2fas": (lambda: writers.make_2fas(writers.SAMPLE), None),
    "2fas-encrypted": (lambda: writers.make_2fas(writers.SAMPLE, password=PASSWORD), PASSWORD),
    "andotp": (lambda: writers.make_andotp_plain(writers.SAMPLE), None),
    "andotp-encrypted": (lambda: writers.make_andotp_encrypted(writers.SAMPLE, PASSWORD),
                         PASSWORD),
    "freeotp": (lambda: writers.make_freeotp(writers.SAMPLE), None),
}
