"""The code list's view: repaints only what the per-second tick moves.

Qt's item views repaint whole rows for any ``dataChanged``. Once a second only the
countdown rings move, so :class:`CountdownListView` turns a countdown-only change into
``viewport().update(ring)`` for the rows on screen, and paints such a repaint with one
delegate call for all rings (``paint_rings``) instead of Qt's per-row round trip (style
option, flags, delegate) into Python; any other repaint goes the usual way, with the
delegate told which part is exposed. It also reports which rows are on screen: the
model's tick signals nothing for the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPoint, QRect
from PySide6.QtGui import QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QAbstractItemView, QListView

from authenticator.ui.codes.model import RING_ONLY_ROLES, Role

if TYPE_CHECKING:  # annotations only: PySide6 builds a class's Python type when first named
    from PySide6.QtCore import QPersistentModelIndex

    Index = QModelIndex | QPersistentModelIndex


class CountdownListView(QListView):
    """A QListView for the code list (the delegate must offer ``ring_rect``)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: The region being painted, while ``paintEvent`` runs (read by the delegate).
        self.exposed_region: QRegion | None = None

    # -- what is on screen ----------------------------------------------------------------
    def visible_rows(self) -> range:
        """The view's own (proxy) rows that are at least partly on screen."""
        model = self.model()
        count = model.rowCount() if model is not None else 0
        if count == 0 or not self.isVisible():
            return range(0)
        viewport = self.viewport().rect()
        first = self.indexAt(QPoint(viewport.left() + 1, viewport.top()))
        if not first.isValid():
            return range(0)
        last = self.indexAt(QPoint(viewport.left() + 1, viewport.bottom()))
        end = last.row() if last.isValid() else count - 1
        return range(first.row(), end + 1)

    def visible_source_rows(self) -> list[int]:
        """The rows on screen, as rows of the model under the (filter) proxy."""
        model = self.model()
        rows = self.visible_rows()
        if not isinstance(model, QAbstractProxyModel):
            return list(rows)
        return [model.mapToSource(model.index(r, 0)).row() for r in rows]

    # -- repainting only what moved -------------------------------------------------------
    def dataChanged(self, top_left: Index, bottom_right: Index,
                    roles: Sequence[int] = ()) -> None:
        ring_rect = getattr(self.itemDelegate(), "ring_rect", None)
        if not roles or ring_rect is None or not RING_ONLY_ROLES.issuperset(roles):
            super().dataChanged(top_left, bottom_right, roles)
            return
        on_screen = self.visible_rows()
        first = max(top_left.row(), on_screen.start)
        last = min(bottom_right.row(), on_screen.stop - 1)
        viewport = self.viewport()
        font = self.font()
        model = top_left.model()
        parent = top_left.parent()
        for row in range(first, last + 1):
            rect = self.visualRect(model.index(row, top_left.column(), parent))
            if not rect.isEmpty():
                viewport.update(ring_rect(font, rect))

    def paintEvent(self, event: QPaintEvent) -> None:
        region = event.region()
        if self._paint_rings_only(region):
            return
        self.exposed_region = region
        try:
            super().paintEvent(event)
        finally:
            self.exposed_region = None

    def _paint_rings_only(self, region: QRegion) -> bool:
        """The tick's repaint (rings only): the delegate draws them all in one call."""
        delegate = self.itemDelegate()
        paint_rings = getattr(delegate, "paint_rings", None)
        ring_rect = getattr(delegate, "ring_rect", None)
        model = self.model()
        if (paint_rings is None or ring_rect is None or model is None
                or self.state() != QAbstractItemView.State.NoState):  # dragging: indicator
            return False
        font = self.font()
        rows = []
        rings = QRegion()
        for row in self.visible_rows():
            index = model.index(row, 0)
            rect = self.visualRect(index)
            ring = ring_rect(font, rect)
            if region.intersects(ring):
                state = index.data(Role.PAINT)
                rows.append((rect, state.account_id, state))
                rings = rings.united(ring)
        if not rows or not region.subtracted(rings).isEmpty():
            return False
        painter = QPainter(self.viewport())
        try:
            done: bool = paint_rings(painter, font, rows)
        finally:
            painter.end()
        return done

    def ring_only(self, row_rect: QRect, ring: QRect) -> bool:
        """True while painting a part of ``row_rect`` that lies inside ``ring`` only."""
        region = self.exposed_region
        if region is None:
            return False
        return ring.contains(region.intersected(row_rect).boundingRect())
