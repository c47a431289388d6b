"""Which vault the GUI opens at start-up."""

from __future__ import annotations

from authenticator.ui.app import choose_vault_path


def test_last_opened_vault_is_reopened(tmp_path, monkeypatch):
    monkeypatch.delenv("AUTHENTICATOR_VAULT", raising=False)
    chosen = tmp_path / "elsewhere.authvault"
    chosen.write_bytes(b"x")
    assert choose_vault_path(None, str(chosen)) == chosen
    # --vault and the environment still win; a vanished file falls back to the default.
    assert choose_vault_path(str(tmp_path / "cli.authvault"), str(chosen)) == \
        tmp_path / "cli.authvault"
    monkeypatch.setenv("AUTHENTICATOR_VAULT", str(tmp_path / "env.authvault"))
    assert choose_vault_path(None, str(chosen)) == tmp_path / "env.authvault"
    monkeypatch.delenv("AUTHENTICATOR_VAULT")
    chosen.unlink()
    assert choose_vault_path(None, str(chosen)).name == "vault.authvault"
