"""End to end: the real extension in headless Chromium and Firefox ESR, the real native
host (installed by ``authenticator browser install``), the real app offscreen in its own
process with a real vault, and login pages served over TLS on 127.0.0.1 under made-up
names. The tests run in order on one browser and one app per browser (start-up is the
slow part); each step waits for what the app or the page reports, never for a fixed time.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.browser.e2e import (
    BOUND,
    CHROMEDRIVER,
    CHROMIUM,
    FIREFOX,
    LOOKALIKE,
    NEW,
    OTHER,
    SUBDOMAIN,
    World,
    wait_for,
)

PROGRAMS = {"chromium": [CHROMIUM, CHROMEDRIVER], "firefox": [FIREFOX]}


def _missing(name: str) -> str | None:
    for program in PROGRAMS[name]:
        if not (os.path.exists(program) or shutil.which(program)):
            return f"{program} is not installed (apt-get install chromium chromium-driver " \
                   "firefox-esr)"
    try:
        import selenium  # noqa: F401
        import websocket  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module", params=["chromium", "firefox"])
def world(request: pytest.FixtureRequest) -> Iterator[World]:
    reason = _missing(request.param)
    if reason:
        pytest.skip(reason)
    w = World(request.param)
    yield w
    w.stop()


def filled(world: World) -> str:
    return str(wait_for(lambda: world.browser.page_state()["value"], 15, "the code to be filled"))


def results(world: World) -> list[list[str]]:
    return world.app.state()["recent"]


def test_an_unpaired_extension_gets_nothing(world: World) -> None:
    world.browser.load(world.server.url(BOUND))
    state = world.app.wait(lambda s: s["question"], "the question to allow the browser")
    assert state["question"]["kind"] == "browser-pair"
    assert state["pairings"] == 0
    assert world.browser.page_state() == {"value": "", "seen": []}
    world.app.cmd("answer", button="cancel")  # "Don't allow"
    world.app.wait(lambda s: s["question"] is None, "the question to close")
    world.browser.load(world.server.url(BOUND))  # asked again: nothing, and no question
    assert world.app.state()["question"] is None
    assert world.browser.page_state() == {"value": "", "seen": []}
    assert all(result != "Filled" for _site, _account, result in results(world))
    world.app.cmd("advance", seconds=601)  # past the quiet time after "Don't allow"


def test_once_allowed_the_bound_site_gets_the_right_code(world: World) -> None:
    world.browser.load(world.server.url(BOUND))
    world.app.wait(lambda s: s["question"] and s["question"]["kind"] == "browser-pair",
                   "the question to allow the browser")
    world.app.cmd("answer", button="ok")
    code = world.app.code()
    assert filled(world) == code
    # The page's own script saw an input event carrying the code.
    assert world.browser.page_state()["seen"] == [["otp", code]]
    assert results(world)[-1] == [BOUND, world.app.label(), "Filled"]
    assert world.app.state()["pairings"] == 1


def test_a_subdomain_of_the_bound_site_is_filled_without_a_question(world: World) -> None:
    world.browser.load(world.server.url(SUBDOMAIN))
    assert filled(world) == world.app.code()
    assert world.app.state()["question"] is None


def test_six_one_digit_boxes_are_filled_one_digit_each(world: World) -> None:
    world.browser.load(world.server.url(BOUND, "boxes.html"))
    code = world.app.code()
    assert wait_for(lambda: world.browser.page_state()["value"] == code, 15, "six boxes")
    seen = world.browser.page_state()["seen"]
    assert seen == [[f"d{i}", digit] for i, digit in enumerate(code)]


def test_a_field_known_by_its_label_only_is_filled_and_a_postal_code_is_not(
        world: World) -> None:
    world.browser.load(world.server.url(BOUND, "label.html"))
    code = filled(world)
    assert code == world.app.code()
    state = world.browser.page_state()
    assert state["zip"] == "" and state["seen"] == [["otp", code]]


def test_an_unsure_field_gets_a_button_and_is_filled_on_click(world: World) -> None:
    world.browser.load(world.server.url(BOUND, "unsure.html"))
    wait_for(lambda: world.browser.page_state()["button"], 15, "the fill button")
    before = len(results(world))
    assert world.browser.page_state()["value"] == ""
    assert len(results(world)) == before  # nothing was asked for without the click
    world.browser.click("authenticator-fill")
    assert filled(world) == world.app.code()


def test_another_host_name_gets_nothing_unless_the_user_picks_an_account(world: World) -> None:
    world.browser.load(world.server.url(OTHER))
    state = world.app.wait(lambda s: s["question"], "the question which account")
    assert state["question"]["kind"] == "browser-choose"
    assert world.browser.page_state()["value"] == ""
    world.app.cmd("answer", button="cancel")
    world.app.wait(lambda s: s["recent"] and s["recent"][-1] == [OTHER, "", "Cancelled"],
                   "the refusal")
    assert world.browser.page_state() == {"value": "", "seen": []}
    assert OTHER not in str(world.app.state()["websites"])


def test_picking_an_account_for_a_new_site_fills_it_and_remembers(world: World) -> None:
    world.browser.load(world.server.url(NEW))
    world.app.wait(lambda s: s["question"], "the question which account")
    world.app.cmd("answer", button="ok", choose=world.app.label("bank"))
    assert filled(world) == world.app.code("bank")
    assert world.app.state()["websites"][world.app.label("bank")] == ["bank.example.org", NEW]
    world.browser.load(world.server.url(NEW))  # the next time: no question
    assert filled(world) == world.app.code("bank")
    assert world.app.state()["question"] is None


def test_a_lookalike_domain_gets_nothing_and_no_question(world: World) -> None:
    world.browser.load(world.server.url(LOOKALIKE))
    world.app.wait(lambda s: s["recent"] and s["recent"][-1][0] == LOOKALIKE, "the refusal")
    state = world.app.state()
    assert state["recent"][-1] == [LOOKALIKE, "", "Refused: looks like a bound site"]
    assert state["question"] is None
    assert world.browser.page_state() == {"value": "", "seen": []}


def test_a_frame_from_another_site_gets_nothing_a_frame_of_the_site_its_code(
        world: World) -> None:
    frame = world.server.url(OTHER).replace(":", "%3A").replace("/", "%2F")
    world.browser.load(world.server.url(BOUND, "frame.html") + "#" + frame)
    world.app.wait(lambda s: s["recent"] and s["recent"][-1] == [OTHER, "", "Refused"],
                   "the frame's refusal")
    assert world.app.state()["question"] is None
    # A frame from the bound site itself (another subdomain) is filled.
    frame = world.server.url(SUBDOMAIN).replace(":", "%3A").replace("/", "%2F")
    world.browser.load(world.server.url(BOUND, "frame.html?same") + "#" + frame)  # new page
    world.app.wait(lambda s: s["recent"][-1] == [SUBDOMAIN, world.app.label(), "Filled"],
                   "the same-site frame's fill")


def test_a_locked_vault_gives_nothing_until_unlocked(world: World) -> None:
    assert world.app.cmd("lock")["ok"]
    world.browser.load(world.server.url(BOUND))
    state = world.app.wait(lambda s: s["waiting_unlock"] == 1, "the request to wait")
    assert state["page"] == "UnlockPage" and state["visible"]
    assert world.browser.page_state()["value"] == ""
    world.app.cmd("unlock")
    assert filled(world) == world.app.code()


def test_a_revoked_browser_gets_nothing(world: World) -> None:
    world.app.cmd("revoke_all")
    world.app.wait(lambda s: s["pairings"] == 0, "the pairing to be revoked")
    world.browser.load(world.server.url(BOUND))
    state = world.app.wait(lambda s: s["question"], "the question to allow it again")
    assert state["question"]["kind"] == "browser-pair"
    assert world.browser.page_state()["value"] == ""
    world.app.cmd("answer", button="cancel")
    world.app.wait(lambda s: s["question"] is None, "the question to close")
    assert world.browser.page_state() == {"value": "", "seen": []}


def test_the_popup_lists_codes_and_fills_on_demand(world: World) -> None:
    if world.browser.name != "chromium":
        pytest.skip("Firefox's BiDi refuses to open moz-extension:// pages (the popup) in a "
                    "tab; the popup's logic is the same code, tested in Chromium")
    browser = world.browser
    world.app.cmd("advance", seconds=601)  # after the revocation above: pair again
    browser.load(world.server.url(BOUND))
    world.app.wait(lambda s: s["question"], "the question to allow the browser")
    world.app.cmd("answer", button="ok")
    code = filled(world)
    assert code == world.app.code()
    browser.evaluate("(document.getElementById('otp').value = '', true)")  # the user cleared it
    popup, page = browser.open_popup(BOUND)
    wait_for(lambda: browser.evaluate("document.querySelector('li .code')?.textContent"), 15,
             "the popup's list")
    assert browser.evaluate("document.querySelector('li .label').textContent") == \
        world.app.label()
    assert browser.evaluate("document.querySelector('li .code').textContent") == \
        f"{code[:3]} {code[3:]}"
    assert browser.evaluate("document.querySelector('li .left').textContent").endswith(" s")
    browser.click("li button.primary")  # Fill: the same on-demand fill as the shortcut
    browser.switch_to(page)
    assert filled(world) == code
    world.app.cmd("lock")
    browser.switch_to(popup)
    browser.reload()
    wait_for(lambda: browser.evaluate("document.getElementById('message').textContent"), 15,
             "the locked message")
    assert browser.evaluate("document.querySelector('#actions button').textContent") == \
        "Unlock Authenticator"
    browser.close_tab(popup)
    browser.switch_to(page)
    world.app.cmd("unlock")
    world.app.wait(lambda s: s["unlocked"], "the vault to unlock")
