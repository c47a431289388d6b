"""Hypothesis strategies several test modules use."""

from __future__ import annotations

from hypothesis import strategies as st

#: Any JSON value, small: for filling a field of a file with whatever it may hold.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8,
)
