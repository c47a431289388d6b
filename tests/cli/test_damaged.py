"""The command line tells a damaged vault from a wrong password, in one line."""

from __future__ import annotations

from authenticator.storage import container
from tests.helpers.cli import PASSWORD, run


def test_flipped_byte_is_damage_not_a_wrong_password(vault):
    data = bytearray(vault.read_bytes())
    data[len(container.parse(bytes(data)).aad) + 3] ^= 0x01
    vault.write_bytes(bytes(data))
    env = {"AUTHENTICATOR_VAULT": str(vault), "AUTHENTICATOR_PASSWORD": PASSWORD}
    damaged = run("list", env=env)
    assert damaged.returncode == 1
    assert damaged.stderr == ("error: the vault file is damaged: the password is right, but "
                              "its content fails the integrity check\n")
    wrong = run("list", env={**env, "AUTHENTICATOR_PASSWORD": "nope"})
    assert wrong.returncode == 1 and "wrong password" in wrong.stderr
    assert vault.read_bytes() == bytes(data)  # never overwritten
