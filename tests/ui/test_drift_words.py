"""The clock-drift sentences are the window's, translated (the core gives numbers and
enums): English and French, durations included."""

from __future__ import annotations

import math

import pytest

from authenticator.ui.clock.check import describe_offset
from authenticator.ui.common.durations import humanize_seconds, signed_seconds
from authenticator.ui.platform.translations import install_translator

DAYS = 2 * 86_400 + 4 * 3600


@pytest.fixture
def french(qapp):
    assert install_translator(qapp, "fr") == "fr"
    yield
    install_translator(qapp, "en")


@pytest.mark.parametrize(("seconds", "english", "french_text"), [
    (47, "47 s", "47 s"),
    (-123, "2 min 3 s", "2 min 3 s"),
    (3 * 3600 + 5 * 60, "3 h 5 min", "3 h 5 min"),
    (3600, "1 h", "1 h"),
    (86_400, "1 day", "1 jour"),
    (-DAYS, "2 days 4 h", "2 jours 4 h"),
    (10 * 86_400, "10 days", "10 jours"),
    (math.inf, "an unknown time", "une durée inconnue"),
])
def test_durations_in_both_languages(qapp, seconds, english, french_text) -> None:
    install_translator(qapp, "en")
    assert humanize_seconds(seconds) == english
    assert install_translator(qapp, "fr") == "fr"
    try:
        assert humanize_seconds(seconds) == french_text
    finally:
        install_translator(qapp, "en")


def test_signed_correction(qapp) -> None:
    assert (signed_seconds(-60), signed_seconds(90.4)) == ("-1 min", "+1 min 30 s")


def test_the_clock_check_words_in_english(window) -> None:
    assert describe_offset(DAYS) == "this computer's clock is 2 days 4 h slow."
    assert describe_offset(-47.2) == "this computer's clock is 47 s fast."
    assert describe_offset(0.4) == "this computer's clock is right to within a second."
    assert describe_offset(math.nan) == ("this computer's clock could not be compared with "
                                        "the correct time.")


def test_the_clock_check_words_in_french(french, window) -> None:
    assert describe_offset(DAYS) == "l’horloge de cet ordinateur retarde de 2 jours 4 h."
    assert describe_offset(-86_400) == "l’horloge de cet ordinateur avance de 1 jour."
    assert describe_offset(-47.2) == "l’horloge de cet ordinateur avance de 47 s."
    assert describe_offset(0.4) == "l’horloge de cet ordinateur est juste à une seconde près."
    assert describe_offset(math.inf) == ("l’horloge de cet ordinateur n’a pas pu être "
                                        "comparée à l’heure exacte.")
