"""Small modules and classes (issue #12): no module over 400 lines, no class over 300.

Counted on the source: a module's lines as the file has them, a class from its ``class``
line to its last line (nested classes count inside their class).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "authenticator"
MODULE_LIMIT = 400
CLASS_LIMIT = 300

# path (inside authenticator/) -> the most lines it may have, and why it may exceed.
MODULE_EXCEPTIONS: dict[str, tuple[int, str]] = {
    "ui/codes/model.py": (447, "the list model may stay as it is (issue #12)"),
}
# "path:Class" -> the most lines it may have, and why it may exceed.
CLASS_EXCEPTIONS: dict[str, tuple[int, str]] = {
}


def module_sizes() -> dict[str, int]:
    return {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
            for p in sorted(PACKAGE.rglob("*.py"))}


def class_sizes(path: Path) -> dict[str, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name: (node.end_lineno or node.lineno) - node.lineno + 1
            for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}


def too_big(sizes: dict[str, int], limit: int,
            exceptions: dict[str, tuple[int, str]]) -> list[str]:
    wrong = []
    for name, lines in sorted(sizes.items()):
        allowed = exceptions.get(name, (limit, ""))[0]
        if lines > allowed:
            wrong.append(f"{name}: {lines} lines (at most {allowed})")
    return wrong


def test_no_module_is_over_400_lines():
    assert too_big(module_sizes(), MODULE_LIMIT, MODULE_EXCEPTIONS) == []


def test_no_class_is_over_300_lines():
    sizes = {f"{path}:{name}": lines
             for path in module_sizes()
             for name, lines in class_sizes(PACKAGE / path).items()}
    assert too_big(sizes, CLASS_LIMIT, CLASS_EXCEPTIONS) == []


def test_every_exception_names_something_that_still_needs_it():
    """An exception for a file or class that is gone or back under the limit must go too."""
    modules = module_sizes()
    stale = [name for name in MODULE_EXCEPTIONS if modules.get(name, 0) <= MODULE_LIMIT]
    for key in CLASS_EXCEPTIONS:
        path, _, name = key.partition(":")
        if path not in modules or class_sizes(PACKAGE / path).get(name, 0) <= CLASS_LIMIT:
            stale.append(key)
    assert stale == []
    assert all(reason for _, reason in [*MODULE_EXCEPTIONS.values(),
                                        *CLASS_EXCEPTIONS.values()])


def test_the_check_sees_a_big_module_and_a_big_class(tmp_path):
    big = tmp_path / "big.py"
    big.write_text("class Big:\n" + "    x = 1\n" * 301 + "y = 2\n" * 100)
    assert class_sizes(big) == {"Big": 302}
    assert too_big({"big.py": 402}, MODULE_LIMIT, {}) == ["big.py: 402 lines (at most 400)"]
    assert too_big({"big.py:Big": 302}, CLASS_LIMIT, {"big.py:Big": (302, "why")}) == []
