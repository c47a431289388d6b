"""Pure logic: accounts, OTP maths, otpauth URIs, migration payloads, clock maths.

Nothing here imports Qt, OpenCV or touches the file system (tests/core/test_purity.py).
"""
