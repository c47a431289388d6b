"""The fake host feature tests use (tests/helpers/fake_host.py) is a host like the window:
every feature package installs on it, and it has every member of ``ui/host.py`` (mypy
checks the types: pyproject.toml lists the module). The code list's own options
(``ui/codes``: gestures, privacy, icon packs) reach the list through ``host.code_list``,
which the fake has too (a real list widget: test_code_list_options.py)."""

from __future__ import annotations

from authenticator.ui import browser, clock, enroll, quickpick, settings, transfer
from authenticator.ui.codes import gestures, icon_packs, privacy
from authenticator.ui.host import Host


def protocol_members() -> set[str]:
    return {name for name in vars(Host) if not name.startswith("_")}


def test_the_fake_has_every_member_of_the_host_protocol(fake_host):
    host: Host = fake_host  # mypy would refuse a fake that drifted from the protocol
    missing = {name for name in protocol_members() if not hasattr(host, name)}
    assert missing == set()
    assert {"session", "add_banner", "replace_vault_from"} <= protocol_members()


def test_every_feature_installs_on_the_fake_and_registers_through_it(qtbot, fake_host):
    host = fake_host
    installed = {package.__name__.rsplit(".", 1)[-1]: package.install(host)
                 for package in (enroll, transfer, clock, settings, quickpick, browser)}
    try:
        assert host.clock_advisor() is installed["clock"]
        assert installed["clock"].ask_banner in host.banners
        assert installed["enroll"].drop_filter in host.drop_handlers
        assert installed["enroll"].paste_action in host.window_actions
        assert installed["quickpick"].action in host.menu_actions
        assert len(host.settings_sections()) == 3  # clock, quick pick, browser
        assert len(host.row_menu_hooks) == 2  # transfer's "Show QR", clock's "Compare"
        host.create_vault(qtbot)
        assert installed["clock"].ask_banner.isVisible()  # shown in the fake's window
        host.tick()
        host.lock()
        assert not host.session.is_unlocked
    finally:
        installed["browser"].close()
        installed["quickpick"].close()


def test_the_code_list_options_install_on_the_fake_and_reach_its_list(qtbot, fake_host):
    host = fake_host
    installed = {module.__name__.rsplit(".", 1)[-1]: module.install(host)
                 for module in (gestures, privacy, icon_packs)}
    codes = host.code_list
    assert installed["gestures"].view is codes.view_widget()
    assert codes.rule is not None and codes.icon_painter == installed["icon_packs"].paint
    assert installed["icon_packs"].action in host.menu_actions
    assert len(host.settings_sections()) == 2  # copy gesture, privacy
    assert len(host.row_menu_hooks) == 1  # "Set icon from an image…"
