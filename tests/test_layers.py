"""Imports point one way (DESIGN.md): cli/ui -> scan, portability, timesync, browser -> storage
-> core.

Checked on the source with ``ast``, so imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "authenticator"

# What each layer may import from the project (besides itself).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "storage": {"core"},
    "scan": {"core"},
    "timesync": {"core"},
    "portability": {"core", "storage"},
    "browser": {"core", "storage"},
    "ui": {"core", "storage", "scan", "timesync", "portability", "browser", "resources"},
}
QT_FREE = {"core", "storage", "scan", "timesync", "portability", "browser"}


def project_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_point_downwards(layer):
    wrong = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in project_imports(path):
            parts = name.split(".")
            if parts[0] == "PySide6" and layer in QT_FREE:
                wrong.append(f"{path.name} imports {name} (Qt only in ui)")
            if parts[0] != "authenticator" or len(parts) < 2:
                continue
            target = parts[1]
            if target != layer and target not in ALLOWED[layer] and target != "__init__":
                wrong.append(f"{path.name} imports {name}")
    assert wrong == []


def test_the_check_sees_a_violation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from authenticator.ui.codes.model import Role\n")
    assert "authenticator.ui.codes.model" in project_imports(bad)
