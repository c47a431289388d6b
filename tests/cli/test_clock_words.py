"""The command line's English for clock offsets (``authenticator clock``), unchanged by
the move of the words out of the core."""

from __future__ import annotations

import math

import pytest

from authenticator.cli.clock_words import describe_offset, humanize_seconds


@pytest.mark.parametrize(
    ("offset", "message"),
    [
        (47.0, "This computer's clock is 47 s slow; sites may reject your codes."),
        (-123.0, "This computer's clock is 2 min 3 s fast; sites may reject your codes."),
        (3 * 3600 + 5 * 60 + 7, "This computer's clock is 3 h 5 min slow; sites may reject "
                                "your codes."),
        (-(2 * 86_400 + 4 * 3600), "This computer's clock is 2 days 4 h fast; sites may "
                                   "reject your codes."),
        (-7.4, "This computer's clock is 7 s fast; codes typed near the end of their time "
               "step may be rejected."),
        (2.6, "This computer's clock is 3 s slow, which is close enough for codes."),
        (0.3, "This computer's clock is correct to within a second."),
        (math.nan, "This computer's clock could not be compared with the correct time."),
    ],
)
def test_describe_offset(offset: float, message: str) -> None:
    assert describe_offset(offset) == message


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (59.4, "59 s"),
        (59.6, "1 min"),
        (-90, "1 min 30 s"),
        (3599, "59 min 59 s"),
        (3600, "1 h"),
        (3660, "1 h 1 min"),
        (86_399, "1 day"),
        (86_400 + 3600, "1 day 1 h"),
        (10 * 86_400, "10 days"),
        (math.inf, "an unknown time"),
    ],
)
def test_humanize_seconds(seconds: float, text: str) -> None:
    assert humanize_seconds(seconds) == text
