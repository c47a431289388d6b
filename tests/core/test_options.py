"""Settings declared once (core/options.py): a value read from a file is always valid (a
damaged or hostile one gives the default), a wrong value written is refused."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authenticator.core import options
from authenticator.core.options import OPTIONS, Option, Scope

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=5),
    max_leaves=20)


def test_every_default_is_valid_and_names_are_unique() -> None:
    for name, opt in OPTIONS.items():
        assert opt.name == name
        assert opt.check(opt.default) == opt.default
        assert opt.parse(None) == opt.default  # missing: the default
    assert options.option("theme") is options.THEME
    with pytest.raises(KeyError):
        options.option("no_such_setting")
    with pytest.raises(ValueError, match="declared twice"):
        options.declare(Option("theme", str, "system"))


def test_where_each_option_is_kept() -> None:
    vault = {o.name for o in OPTIONS.values() if o.scope is Scope.VAULT}
    assert vault == {"backups_to_keep", "browser_ignored_sites"}


@given(opt=st.sampled_from(sorted(OPTIONS.values(), key=lambda o: o.name)), raw=json_values)
def test_whatever_is_on_disk_reads_as_a_valid_value(opt: Option[Any], raw: object) -> None:
    value = opt.parse(raw)
    assert type(value) is opt.kind
    assert opt.check(value) == value


@pytest.mark.parametrize(("opt", "raw", "expected"), [
    (options.CLIPBOARD_CLEAR_SECONDS, "45", 45),  # as the ini file keeps numbers
    (options.CLIPBOARD_CLEAR_SECONDS, " 45 ", 45),
    (options.CLIPBOARD_CLEAR_SECONDS, "99999999999999999999", 30),  # would overflow a timer
    (options.CLIPBOARD_CLEAR_SECONDS, "601", 30),  # out of range
    (options.CLIPBOARD_CLEAR_SECONDS, "4.5", 30),
    (options.CLIPBOARD_CLEAR_SECONDS, True, 30),  # True is an int in Python, not here
    (options.AUTOLOCK_MINUTES, "-5", 5),
    (options.AUTOLOCK_MINUTES, ["1", "2"], 5),  # a value with a comma reads as a list
    (options.LOCK_ON_MINIMIZE, "true", True),
    (options.LOCK_ON_MINIMIZE, "1", True),
    (options.LOCK_ON_MINIMIZE, "false", False),
    (options.START_MINIMIZED, "maybe", False),
    (options.PICK_SHORTCUT_ENABLED, "maybe", True),  # the default, not "not true"
    (options.THEME, "dark", "dark"),
    (options.THEME, "<script>", "system"),
    (options.LANGUAGE, "xx", ""),
    (options.SORT_MODE, "sideways", "manual"),
    (options.MANUAL_OFFSET, "-12.5", -12.5),
    (options.MANUAL_OFFSET, "nan", 0.0),
    (options.MANUAL_OFFSET, "1e400", 0.0),
    (options.MANUAL_OFFSET, "1" * 1000, 0.0),
    (options.MANUAL_OFFSET, 1e11, 0.0),  # more than 3000 years
    (options.PICK_SHORTCUT, "x" * 5000, "Ctrl+Alt+O"),
    (options.TIME_SERVERS, 12, ""),
    (options.BACKUPS_TO_KEEP, 3, 3),
    (options.BACKUPS_TO_KEEP, "lots", 10),
    (options.BACKUPS_TO_KEEP, -1, 10),
    (options.BROWSER_IGNORED_SITES, ["a.test", "b.test"], ("a.test", "b.test")),
    (options.BROWSER_IGNORED_SITES, {"not": "a list"}, ()),
    (options.BROWSER_IGNORED_SITES, ["a.test", 7], ()),
    (options.BROWSER_IGNORED_SITES, ["x" * 300], ()),
])
def test_damaged_values_give_the_default(opt: Option[Any], raw: object, expected: object) -> None:
    value = opt.parse(raw)
    assert value == expected and type(value) is type(expected)


def test_writing_a_wrong_value_is_refused() -> None:
    for opt, value in [(options.CLIPBOARD_CLEAR_SECONDS, 601), (options.CLIPBOARD_CLEAR_SECONDS,
                                                                "30"),
                       (options.LOCK_ON_MINIMIZE, 1), (options.THEME, "purple"),
                       (options.MANUAL_OFFSET, math.inf), (options.BACKUPS_TO_KEEP, True),
                       (options.BROWSER_IGNORED_SITES, "a.test")]:
        with pytest.raises(ValueError, match=opt.name):
            opt.check(value)
    assert options.MANUAL_OFFSET.check(3) == 3.0 and type(options.MANUAL_OFFSET.check(3)) is float
    assert options.BROWSER_IGNORED_SITES.check(["a.test"]) == ("a.test",)
