"""Screenshots of the browser extension for the README, taken from the real thing.

    python scripts/popup_screenshot.py [OUT_DIR]    (default: docs/screenshots)

Starts the end-to-end set-up of tests/browser (the app offscreen with a vault, the native
host, the extension in headless Chromium, a login page on 127.0.0.1 as portal.example.com),
pairs the browser, then saves ``browser-popup.png`` (the toolbar popup on that page, opened
in a tab of its own) and ``browser-choose.png`` (the app asking which account is for a new
site). Needs chromium and chromium-driver.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.e2e import BOUND, OTHER, World, wait_for  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    world = World("chromium")
    try:
        browser, app = world.browser, world.app
        browser.load(world.server.url(BOUND))
        app.wait(lambda s: s["question"], "the pairing question", 30)
        app.cmd("answer", button="ok")
        wait_for(lambda: browser.page_state()["value"], 30, "the fill")

        driver = browser.driver  # type: ignore[union-attr]
        _popup, login_tab = browser.open_popup(BOUND)  # type: ignore[union-attr]
        wait_for(lambda: driver.execute_script("return document.querySelector('li .code') "
                                               "&& document.querySelector('li .code').textContent"),
                 15, "the popup's codes")
        body = driver.find_element("css selector", "body")
        size = driver.execute_script("const r = document.body.getBoundingClientRect();"
                                     "return [Math.ceil(r.width), Math.ceil(r.height)];")
        driver.set_window_size(max(360, size[0] + 40), size[1] + 200)
        body.screenshot(str(out / "browser-popup.png"))
        print(out / "browser-popup.png")

        driver.switch_to.window(login_tab)
        browser.load(world.server.url(OTHER))
        app.wait(lambda s: s["question"], "the question which account", 30)
        app.cmd("grab", path=str(out / "browser-choose.png"))
        print(out / "browser-choose.png")
        app.cmd("answer", button="cancel")
    finally:
        world.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
