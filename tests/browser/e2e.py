"""What the end-to-end tests and the benchmark share: a TLS page server on 127.0.0.1 for
made-up host names, the app in a subprocess (``app_harness.py``), the native host installed
by the real ``authenticator browser install``, and (drivers.py) two browser drivers:
headless Chromium through selenium and the system chromedriver, Firefox ESR over its own
WebDriver BiDi endpoint (no geckodriver). Every name resolves to 127.0.0.1 inside the
browsers (``--host-resolver-rules`` / ``network.dns.forceResolve``): no real network.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import functools
import hashlib
import http.server
import json
import os
import queue
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "browser" / "extension"
PAGES = Path(__file__).resolve().parent / "pages"
HARNESS = Path(__file__).resolve().parent / "app_harness.py"
CHROMIUM = next((p for p in ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
                 if os.path.exists(p)), "/usr/bin/chromium")
CHROMEDRIVER = "/usr/bin/chromedriver"
FIREFOX = "/usr/bin/firefox-esr"
PASSWORD = "e2e vault password"
AT = 1_700_000_020.0  # the app's (injected) clock: 20 s left in the step
BOUND = "portal.example.com"
SUBDOMAIN = "login.portal.example.com"
OTHER = "login.acme.org"
LOOKALIKE = "portal.example.com.evil.test"
NEW = "intranet.newco.test"
NAMES = [BOUND, SUBDOMAIN, OTHER, LOOKALIKE, NEW]


def extension_id() -> str:
    key = json.loads((EXTENSION / "manifest.json").read_text())["key"]
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(predicate: Callable[[], Any], timeout: float = 15.0, what: str = "") -> Any:
    """Poll a condition (the browsers and the app run on their own; nothing to inject)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        time.sleep(0.03)


# -- vault and pages ----------------------------------------------------------------------------
def make_vault(path: Path) -> dict[str, Any]:
    """Two accounts: one bound to portal.example.com, one to a bank."""
    import secrets

    from authenticator.core.account import Account
    from authenticator.storage.kdf import KdfParams
    from authenticator.storage.vault import Vault

    portal = Account(secret=secrets.token_bytes(20), issuer="Example Portal", name="alice",
                     websites=(BOUND,))
    bank = Account(secret=secrets.token_bytes(20), issuer="Other Bank", name="bob",
                   websites=("bank.example.org",))
    with Vault.create(path, PASSWORD, kdf=KdfParams.for_tests()) as vault:
        vault.add(portal)
        vault.add(bank)
        vault.save()
    return {"portal": portal, "bank": bank}


def make_tls(folder: Path) -> ssl.SSLContext:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, BOUND)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in NAMES]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


class PageServer:
    """https://NAME:PORT/PAGE for every made-up name, served from tests/browser/pages."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_Quiet, directory=str(PAGES))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.socket = make_tls(folder).wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, host: str, page: str = "login.html") -> str:
        return f"https://{host}:{self.port}/{page}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- the app ---------------------------------------------------------------------------------------
def environment(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AUTHENTICATOR_", "XDG_", "DISPLAY", "WAYLAND"))}
    env.update(HOME=str(work / "home"), XDG_RUNTIME_DIR=str(work / "run"),
               QT_QPA_PLATFORM="offscreen", MOZ_CRASHREPORTER_DISABLE="1",
               SE_OFFLINE="true")  # Selenium Manager must never download a driver
    for key in ("HOME", "XDG_RUNTIME_DIR"):
        Path(env[key]).mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def install_host(env: dict[str, str], browser: str) -> str:
    result = subprocess.run([sys.executable, "-m", "authenticator", "browser", "install",
                             "--browser", browser], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


class AppProcess:
    def __init__(self, work: Path, env: dict[str, str]) -> None:
        self.vault = work / "vault.authvault"
        self.accounts = make_vault(self.vault)
        app_env = dict(env, XDG_CONFIG_HOME=str(work / "config"))
        self.log = open(work / "app.log", "w")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [sys.executable, str(HARNESS), str(self.vault), PASSWORD, str(AT),
             str(work / "settings.ini")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.log, env=app_env, text=True, start_new_session=True)
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        ready = self._line(60)
        assert json.loads(ready).get("ready"), ready
        self.cmd("unlock")
        self.wait(lambda s: s["unlocked"], "the vault to unlock")

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)

    def _line(self, timeout: float) -> str:
        try:
            return self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the app did not answer") from None

    def cmd(self, name: str, **args: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"cmd": name, **args}) + "\n")
        self.proc.stdin.flush()
        answer: dict[str, Any] = json.loads(self._line(30))
        assert "error" not in answer, answer["error"]
        return answer

    def state(self) -> dict[str, Any]:
        return self.cmd("state")

    def wait(self, predicate: Callable[[dict[str, Any]], Any], what: str,
             timeout: float = 15.0) -> dict[str, Any]:
        result: dict[str, Any] = {}

        def check() -> bool:
            result.update(self.state())
            return bool(predicate(result))

        wait_for(check, timeout, what)
        return result

    def code(self, which: str = "portal") -> str:
        """The account's code now, by the app's clock (which the tests may advance)."""
        from authenticator.core.otp import code_at

        return code_at(self.accounts[which], float(self.state()["now"]))

    def label(self, which: str = "portal") -> str:
        return str(self.accounts[which].label)

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                self.cmd("quit")
                self.proc.wait(10)
            except (AssertionError, OSError, subprocess.TimeoutExpired):
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.log.close()


class World:
    """Everything one browser's test run needs, started together and stopped together."""

    def __init__(self, browser: str) -> None:
        self.work = Path(tempfile.mkdtemp(prefix="auth-e2e-"))
        self.env = environment(self.work)
        self.server = PageServer(self.work)
        self.app: AppProcess | None = None
        self.browser: Any = None  # drivers.Chromium or drivers.Firefox
        try:
            install_host(self.env, browser)
            self.app = AppProcess(self.work, self.env)
            from tests.browser.drivers import Chromium, Firefox

            self.browser = Chromium(self.env, self.work) if browser == "chromium" \
                else Firefox(self.env, self.work)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        for step in (lambda: self.browser and self.browser.quit(),
                     lambda: self.app and self.app.stop(), self.server.stop):
            with contextlib.suppress(Exception):  # stop the rest whatever happens
                step()
        if os.environ.get("KEEP_E2E"):
            print(f"e2e work folder kept: {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)
