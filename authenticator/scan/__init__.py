"""QR decoding of images and camera frames, without Qt.

Heavy libraries (OpenCV, zxing-cpp, pyzbar) are imported lazily when scanning starts,
never when this package is imported.

Public entry points: :func:`scan_file`, :func:`scan_bytes`, :func:`scan_array` (in
:mod:`authenticator.scan.pipeline`) and :class:`FrameScanner`/:class:`OpenCvCamera`
(in :mod:`authenticator.scan.camera`).
"""

import os as _os

MAX_IMAGE_PIXELS = 80_000_000

# OpenCV refuses to decode images with more pixels than this (decompression bombs: a
# 30000x30000 PNG compresses to under 1 MB). It reads the value once, on its first image
# decode, so it is set here, before any scanning module can use OpenCV.
_os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_IMAGE_PIXELS))
