"""Imports point one way (docs/architecture.md): cli/ui -> scan, portability, timesync,
browser -> storage -> core.

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


# -- inside ui/: the host, shared pieces, features --------------------------------------------
UI = PACKAGE / "ui"
#: Packages under ui/ that are features: they see the app only through ui/host.py.
FEATURES = {"codes", "vault", "enroll", "transfer", "clock", "settings", "quickpick",
            "platform", "browser"}
#: The main window is made of the code list and the vault pages; it imports no other feature.
WINDOW_MAY_USE = {"host", "common", "codes", "vault"}
#: The window's modules (the window class and its host side).
WINDOW = {"main_window", "window_host"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolved_imports(path: Path) -> set[str]:
    """Project modules ``path`` imports anywhere (top level, functions, TYPE_CHECKING);
    ``from package import module`` counts as importing the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from package import module`` imports the module; else the names come
            # from ``base`` itself.
            names = [f"{base}.{alias.name}" if _exists(f"{base}.{alias.name}") else base
                     for alias in node.names]
        for name in names:
            if name.startswith("authenticator") and _exists(name):
                found.add(name)
    return found


def _exists(name: str) -> bool:
    rel = Path(*name.split(".")[1:]) if "." in name else Path()
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def import_graph() -> dict[str, set[str]]:
    graph = {module_name(p): set() for p in PACKAGE.rglob("*.py")}
    for path in PACKAGE.rglob("*.py"):
        me = module_name(path)
        graph[me] = {m for m in resolved_imports(path) if m != me}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_anywhere_counting_function_and_type_checking_imports():
    assert cycles(import_graph()) == []


def test_the_cycle_check_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def ui_part(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "ui" else None


def ui_violations() -> list[str]:
    wrong = []
    for path in sorted(UI.rglob("*.py")):
        me = module_name(path)
        part = ui_part(me)
        for target in sorted(resolved_imports(path)):
            other = ui_part(target)
            if other is None or other == part:
                continue
            if part == "host" or part == "common":
                wrong.append(f"{me} imports {target} ({part} imports no other ui module)")
            elif part in FEATURES and other not in {"host", "common"}:
                wrong.append(f"{me} imports {target} (a feature sees only ui.host/ui.common)")
            elif part in WINDOW and other not in WINDOW_MAY_USE | WINDOW:
                wrong.append(f"{me} imports {target} (the window imports no feature)")
    return wrong


def test_features_see_only_the_host_and_common_pieces():
    assert ui_violations() == []


def test_every_ui_package_is_classified():
    packages = {p.name for p in UI.iterdir() if (p / "__init__.py").is_file()}
    assert packages <= FEATURES | {"common"}, packages - FEATURES - {"common"}


def test_relative_and_from_package_imports_resolve(tmp_path):
    assert "authenticator.ui.main_window" in resolved_imports(UI / "app.py")
    assert "authenticator.ui.host" in resolved_imports(UI / "clock" / "check.py")


TESTS = PACKAGE.parent / "tests"


def imported_test_modules(path: Path) -> list[str]:
    """The test modules (``test_*``) and conftest modules that ``path`` imports, anywhere in
    it (functions too), relative imports included: ``"line: module"``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            last = name.rstrip(".").split(".")[-1]
            if last.startswith("test_") or last == "conftest":
                found.append(f"{node.lineno}: {name}")
                break
    return found


def test_test_modules_import_no_other_test_module_and_no_conftest():
    """What tests share lives in tests/helpers/ (or in a helper module of a test package,
    such as portability/writers.py): a test module imports neither another test module
    (which would also collect its tests twice) nor a conftest (pytest loads those itself)."""
    wrong = [f"{path.relative_to(TESTS).as_posix()}:{hit}"
             for path in sorted(TESTS.rglob("*.py"))
             for hit in imported_test_modules(path)]
    assert wrong == []


def test_the_test_import_check_sees_each_kind_of_violation(tmp_path):
    bad = tmp_path / "test_bad.py"
    bad.write_text("from tests.ui.test_clock import click\n"
                   "from .conftest import PASSWORD\n"
                   "from tests.cli import conftest\n"
                   "def f():\n    import tests.portability.test_fuzz\n"
                   "from tests.helpers.clock import click\n"
                   "from tests.portability import writers\n")
    assert imported_test_modules(bad) == [
        "1: tests.ui.test_clock", "2: .conftest", "3: tests.cli.conftest",
        "5: tests.portability.test_fuzz"]


# -- a feature uses the host, not the window ----------------------------------------------------
def window_uses(path: Path) -> list[str]:
    """Where ``path`` does anything with ``<…host>.window()`` but pass it on as an argument
    (a dialog's or object's parent, an owner): ``"line: code"``. Attribute access, keeping
    it in a variable, comparing it... mean the feature reaches into the window instead of
    asking the host (docs/architecture.md: add one narrow member to ``Host``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    passed: set[int] = set()  # ids of the calls that are arguments of another call
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            passed.update(id(arg) for arg in node.args)
            passed.update(id(kw.value) for kw in node.keywords)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "window" and not node.args
                and _names_a_host(node.func.value) and id(node) not in passed):
            found.append((node.lineno, f"{node.lineno}: {ast.unparse(node)}"))
    return [text for _line, text in sorted(found)]


def _names_a_host(node: ast.expr) -> bool:
    """``host``, ``self.host``, ``self._host``, ``owner.host``..."""
    name = node.id if isinstance(node, ast.Name) else (
        node.attr if isinstance(node, ast.Attribute) else "")
    return name.lstrip("_").endswith("host")


def test_features_only_pass_the_window_on_and_use_the_host_for_the_rest():
    wrong = [f"{path.relative_to(UI).as_posix()}:{hit}"
             for feature in sorted(FEATURES)
             for path in sorted((UI / feature).rglob("*.py"))
             for hit in window_uses(path)]
    assert wrong == []


def test_the_window_check_sees_each_kind_of_use(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def install(host):\n"
                   "    window = host.window()\n"
                   "    host.window().codes.view.update()\n"
                   "    return Mode(host.window(), parent=self._host.window())\n"
                   "def f(self):\n"
                   "    self.host.window().destroyed.connect(self.close)\n"
                   "    QMessageBox.warning(self.host.window(), 'x', 'y')\n"
                   "    widget.window().adjustSize()\n"
                   "    return self.host.window() is other\n")
    assert window_uses(bad) == ["2: host.window()", "3: host.window()",
                                "6: self.host.window()", "9: self.host.window()"]
