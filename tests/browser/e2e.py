"""What the end-to-end tests and the benchmark share: a TLS page server on 127.0.0.1 for
made-up host names, the app in a subprocess (``app_harness.py``), the native host installed
by the real ``authenticator browser install``, and two browser drivers with one interface:
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
from typing import Any, ClassVar

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
NAMES = [BOUND, SUBDOMAIN, OTHER, LOOKALIKE]


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


# -- browsers ----------------------------------------------------------------------------------
class Chromium:
    name = "chromium"

    def __init__(self, env: dict[str, str], work: Path) -> None:
        os.environ["SE_OFFLINE"] = "true"
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        profile = Path(env["HOME"]) / ".config" / "chromium"  # where the host manifest went
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                    f"--load-extension={EXTENSION}", f"--disable-extensions-except={EXTENSION}",
                    "--no-first-run", "--ignore-certificate-errors",
                    "--host-resolver-rules=MAP * 127.0.0.1", "--window-size=1000,700"):
            options.add_argument(arg)
        service = Service(executable_path=CHROMEDRIVER, env=env,
                          log_output=str(work / "chromedriver.log"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.extension_id = extension_id()

    def load(self, url: str) -> None:
        self.driver.get(url)

    def evaluate(self, expression: str) -> Any:
        return self.driver.execute_script(f"return {expression}")

    def page_state(self) -> dict[str, Any]:
        return json.loads(self.evaluate("window.pageState()"))

    def click(self, css: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, css).click()

    def open_popup(self, host: str) -> tuple[str, str]:
        """The toolbar popup for the tab showing ``host``, opened in a tab of its own (headless
        Chromium has no toolbar to click); returns (popup tab, page tab) window handles."""
        page = self.driver.current_window_handle
        self.driver.switch_to.new_window("tab")
        base = f"chrome-extension://{self.extension_id}/popup.html"
        self.driver.get(base)
        tabs = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "chrome.tabs.query({}, (tabs) => done(tabs.map((t) => [t.id, t.url || ''])));")
        tab_id = next(t for t, url in tabs if f"//{host}:" in url)
        self.driver.get(f"{base}?tab={tab_id}")
        return self.driver.current_window_handle, page

    def quit(self) -> None:
        self.driver.quit()


class Firefox:
    name = "firefox"

    PREFS: ClassVar[dict[str, Any]] = {
        "network.dns.forceResolve": "127.0.0.1", "network.trr.mode": 5,
        "network.proxy.type": 0, "app.update.enabled": False,
        "browser.shell.checkDefaultBrowser": False,
        "datareporting.policy.dataSubmissionEnabled": False,
        "toolkit.telemetry.enabled": False, "browser.safebrowsing.malware.enabled": False,
        "browser.safebrowsing.phishing.enabled": False, "extensions.update.enabled": False,
        "network.captive-portal-service.enabled": False,
        "network.connectivity-service.enabled": False,
        "extensions.originControls.grantByDefault": True,
    }

    def __init__(self, env: dict[str, str], work: Path) -> None:
        import websocket

        profile = work / "ff-profile"
        profile.mkdir()
        (profile / "user.js").write_text("".join(
            f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in self.PREFS.items()))
        port = free_port()
        self.log = open(work / "firefox.log", "w")  # noqa: SIM115 (closed in quit)
        self.proc = subprocess.Popen(
            [FIREFOX, "--headless", "--no-remote", "--profile", str(profile),
             f"--remote-debugging-port={port}", "about:blank"], env=env, stdout=self.log,
            stderr=subprocess.STDOUT, start_new_session=True)
        self.ws = None
        deadline = time.monotonic() + 40
        while self.ws is None:
            try:
                self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}/session",
                                                      suppress_origin=True, timeout=30)
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.quit()
                    raise AssertionError("Firefox's BiDi endpoint did not come up") from None
                time.sleep(0.1)
        self._id = 0
        self.cmd("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}}})
        self.cmd("webExtension.install", {"extensionData": {"type": "path",
                                                            "path": str(EXTENSION)}})
        self.context = self.cmd("browsingContext.getTree", {})["contexts"][0]["context"]

    def cmd(self, method: str, params: dict[str, Any]) -> Any:
        assert self.ws is not None
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self._id:
                if message.get("type") == "error":
                    raise AssertionError(f"{method}: {message.get('error')}: "
                                         f"{message.get('message')}")
                return message["result"]

    def load(self, url: str) -> None:
        self.cmd("browsingContext.navigate", {"context": self.context, "url": url,
                                              "wait": "complete"})

    def evaluate(self, expression: str) -> Any:
        result = self.cmd("script.evaluate", {"target": {"context": self.context},
                                              "expression": expression, "awaitPromise": False})
        return result["result"].get("value")

    def page_state(self) -> dict[str, Any]:
        return json.loads(self.evaluate("window.pageState()"))

    def click(self, css: str) -> None:
        """A real (trusted) click in the middle of the element, as a person would."""
        node = self.cmd("script.evaluate", {"target": {"context": self.context},
                                            "expression": f"document.querySelector({css!r})",
                                            "awaitPromise": False})["result"]
        origin = {"type": "element", "element": {"sharedId": node["sharedId"]}}
        self.cmd("input.performActions", {"context": self.context, "actions": [{
            "type": "pointer", "id": "mouse", "actions": [
                {"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
                {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})

    def quit(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(OSError):
                self.ws.close()
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(15)
            except (subprocess.TimeoutExpired, ProcessLookupError):
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
        self.browser: Chromium | Firefox | None = None
        try:
            install_host(self.env, browser)
            self.app = AppProcess(self.work, self.env)
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
