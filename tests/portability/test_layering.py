"""The portability layer stays light: no Qt, no OpenCV/zxing/pyzbar at import time."""

from __future__ import annotations

import subprocess
import sys


def test_importing_portability_loads_no_gui_or_scanner_libraries():
    code = (
        "import sys\n"
        "import authenticator.portability.registry, authenticator.portability.export\n"
        "heavy = [m for m in ('PySide6', 'cv2', 'zxingcpp', 'pyzbar', 'numpy') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""
