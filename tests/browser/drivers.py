"""The two browser drivers the end-to-end tests use, with one interface (load, evaluate,
page_state, click, quit): headless Chromium through selenium and the system chromedriver
(never a downloaded one), and Firefox ESR over its own WebDriver BiDi endpoint (no
geckodriver). Every host name resolves to 127.0.0.1 inside them: no real network.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any, ClassVar

from tests.browser.e2e import CHROMEDRIVER, CHROMIUM, EXTENSION, FIREFOX, extension_id, free_port


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
        # Its own process group: quit() can end chromedriver and every Chromium process it
        # started even when the driver no longer answers.
        self.service = Service(executable_path=CHROMEDRIVER, env=env,
                               log_output=str(work / "chromedriver.log"),
                               popen_kw={"start_new_session": True})
        self.driver = webdriver.Chrome(service=self.service, options=options)
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

    def switch_to(self, handle: str) -> None:
        self.driver.switch_to.window(handle)

    def close_tab(self, handle: str) -> None:
        self.driver.switch_to.window(handle)
        self.driver.close()

    def reload(self) -> None:
        self.driver.refresh()

    def quit(self) -> None:
        try:
            self.driver.quit()
        finally:
            process = getattr(self.service, "process", None)
            if process is not None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)  # the group we started
                with contextlib.suppress(Exception):
                    process.wait(10)


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

    def switch_to(self, context: str) -> None:
        self.context = context

    def close_tab(self, context: str) -> None:
        self.cmd("browsingContext.close", {"context": context})

    def reload(self) -> None:
        self.cmd("browsingContext.reload", {"context": self.context, "wait": "complete"})

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


