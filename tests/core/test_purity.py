"""``authenticator.core`` stays pure: no Qt, no OpenCV/QR decoders, no files, no network."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import authenticator.core

CORE_DIR = Path(authenticator.core.__file__).parent
CORE_FILES = sorted(CORE_DIR.rglob("*.py"))

# Top-level modules that must not be loaded by importing the core.
FORBIDDEN_LOADED = {"PySide6", "shiboken6", "cv2", "zxingcpp", "pyzbar", "socket", "ssl",
                    "selectors", "http", "subprocess", "segno", "keyring", "platformdirs"}
# Modules core source must not import (file system, network, GUI, decoders).
FORBIDDEN_IMPORTS = {"os", "pathlib", "socket", "PySide6", "cv2", "zxingcpp", "pyzbar",
                     "shutil", "subprocess", "tempfile", "io", "ssl", "http"}


def _core_modules() -> list[str]:
    return [info.name for info in pkgutil.walk_packages(authenticator.core.__path__,
                                                        "authenticator.core.")]


def test_core_has_the_expected_modules() -> None:
    names = _core_modules()
    for expected in ("account", "otp", "uri", "migration", "clock", "errors"):
        assert f"authenticator.core.{expected}" in names


def test_importing_core_loads_no_heavy_or_io_modules() -> None:
    script = (
        "import importlib, json, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, timeout=60)
    loaded = set(json.loads(result.stdout))
    assert "authenticator" in loaded
    assert loaded & FORBIDDEN_LOADED == set()


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call):
            func = node.func
            if (isinstance(func, ast.Name) and func.id in {"open", "__import__"}) or (
                isinstance(func, ast.Attribute) and func.attr == "import_module"
            ):
                found.append(f"{path.name}:{node.lineno} calls {ast.unparse(func)}()")
            continue
        else:
            continue
        found += [f"{path.name}:{node.lineno} imports {name}" for name in names
                  if name.split(".")[0] in FORBIDDEN_IMPORTS]
    return found


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: p.name)
def test_core_source_does_not_touch_files_network_or_gui(path: Path) -> None:
    assert _violations(path) == []


def test_static_check_catches_violations(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom pathlib import Path\nimport PySide6.QtCore\n"
                   "x = open('f')\n", encoding="utf-8")
    assert len(_violations(bad)) == 4


#: The one module that reads the computer's clocks; everything else in core is given times.
CLOCK_READERS = {"clock.py"}
CLOCK_CALLS = {"time.time", "time.time_ns", "time.monotonic", "time.monotonic_ns",
               "time.localtime", "datetime.now", "datetime.utcnow", "datetime.today",
               "date.today"}


def _is_clock_read(node: ast.AST) -> bool:
    name = ast.unparse(node)
    return name in CLOCK_CALLS or name.removeprefix("datetime.") in CLOCK_CALLS


def _clock_reads(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return ([f"{path.name}:{node.lineno} calls {ast.unparse(node.func)}()"
             for node in ast.walk(tree) if isinstance(node, ast.Call)
             and _is_clock_read(node.func)]
            + [f"{path.name}:{node.value.lineno} passes {ast.unparse(node.value)}"
               for node in ast.walk(tree) if isinstance(node, ast.keyword)
               and _is_clock_read(node.value)])


@pytest.mark.parametrize("path", [p for p in CORE_FILES if p.name not in CLOCK_READERS],
                         ids=lambda p: p.name)
def test_core_reads_no_clock_outside_clock_py(path: Path) -> None:
    assert _clock_reads(path) == []


def test_the_clock_check_catches_reads(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import time\nfrom dataclasses import field\n"
                   "a = time.time()\nb = field(default_factory=time.time)\n"
                   "c = datetime.now()\nd = time.monotonic()\n", encoding="utf-8")
    assert len(_clock_reads(bad)) == 4
