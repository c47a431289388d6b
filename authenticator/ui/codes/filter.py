"""The code list's search: a filter proxy that leaves the work to Qt.

Sorting is done once in Python by the source model (see ``model.sort_accounts``), not by
the proxy: a Python ``lessThan`` costs thousands of calls per sort. Filtering is Qt's own
(a regular expression over ``Role.SEARCH``), not a Python ``filterAcceptsRow``: with no
search, Qt accepts every row without calling into Python at all, so opening a vault of
10,000 accounts costs no per-row Python call here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel

from authenticator.ui.codes.model import SEARCH_TAGS, SEARCH_TEXT, Role, clean_search


def filter_pattern(terms: Sequence[str], tag: str | None) -> str:
    """A regular expression over :func:`search_text`: every term, and the tag if any.

    Empty when nothing filters: then Qt accepts every row without calling ``data()``.
    """
    if not terms and not tag:
        return ""
    from PySide6.QtCore import QRegularExpression  # first search (not needed at start-up)

    pattern = "(?s)^"
    if tag:
        exact = QRegularExpression.escape(clean_search(tag))
        pattern += f"(?=[^{SEARCH_TEXT}]*{SEARCH_TAGS}{exact}{SEARCH_TAGS})"
    pattern += f"[^{SEARCH_TEXT}]*{SEARCH_TEXT}"
    for term in terms:
        pattern += f"(?=.*{QRegularExpression.escape(clean_search(term))})"
    return pattern


class AccountFilterModel(QSortFilterProxyModel):
    """Search on issuer, name and tags (every word must match); optional tag filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._tag: str | None = None
        self.setDynamicSortFilter(False)
        self.setFilterRole(Role.SEARCH)

    def _apply(self) -> None:
        from PySide6.QtCore import QRegularExpression

        self.setFilterRegularExpression(QRegularExpression(filter_pattern(self._terms,
                                                                          self._tag)))

    def set_search(self, text: str) -> None:
        self._terms = text.casefold().split()
        self._apply()

    def set_tag(self, tag: str | None) -> None:
        self._tag = tag or None
        self._apply()

    def refilter(self) -> None:
        """Re-run the filter after account edits (names or tags may no longer match)."""
        if self._terms or self._tag:
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def tag(self) -> str | None:
        return self._tag
