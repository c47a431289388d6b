"""Writers of the other apps' files, built from the documented facts only
(``shared/IMPORT-FORMATS.md``), never from our importers: what a real export looks like.
They write the whole structure the apps write, including fields our importers ignore."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import sqlite3
import struct
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

b32 = lambda raw: base64.b32encode(raw).decode().rstrip("=")  # noqa: E731


def signed(raw: bytes) -> list[int]:
    return [b - 256 if b > 127 else b for b in raw]


def cbc(key: bytes, iv: bytes, plain: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(padded) + enc.finalize()


def pbkdf2(password: str, salt: bytes, iterations: int, algorithm: Any = None) -> bytes:
    return PBKDF2HMAC(algorithm=algorithm or hashes.SHA1(), length=32, salt=salt,  # noqa: S303
                      iterations=iterations).derive(password.encode())


def shared_prefs(strings: dict[str, str], extra: str = "") -> bytes:
    entities = {'"': "&quot;"}
    body = "".join(f"    <string name={quoteattr(k)}>{escape(v, entities)}</string>\n"
                   for k, v in strings.items())
    return ("<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n"
            f"{body}{extra}</map>\n").encode()


# -- Authy (§2) ---------------------------------------------------------------------------
AUTHY_KEY = "com.authy.storage.tokens.authenticator.key"


def authy_encrypt(secret_b32: str, password: str, salt: str) -> str:
    key = pbkdf2(password, salt.encode(), 1000)
    return base64.b64encode(cbc(key, bytes(16), secret_b32.encode())).decode()


def make_authy(tokens: list[dict[str, Any]], key: str = AUTHY_KEY) -> bytes:
    extra = '    <boolean name="com.authy.storage.tokens.authenticator.migrated" value="true" />\n'
    return shared_prefs({key: json.dumps(tokens)}, extra)


# -- Stratum (§3) -------------------------------------------------------------------------
def stratum_doc(entries: list[dict[str, Any]], categories: dict[str, list[str]]
                ) -> dict[str, Any]:
    """``categories``: name -> secrets in it."""
    cats = [{"Id": hashlib.sha1(n.encode()).hexdigest()[:8], "Name": n, "Ranking": i}  # noqa: S324
            for i, n in enumerate(categories)]
    links = [{"CategoryId": hashlib.sha1(n.encode()).hexdigest()[:8],  # noqa: S324
              "AuthenticatorSecret": s, "Ranking": 0}
             for n, secrets in categories.items() for s in secrets]
    return {"Authenticators": entries, "Categories": cats, "AuthenticatorCategories": links,
            "CustomIcons": []}


def stratum_entry(type_: int, issuer: str, username: str | None, secret: str, algorithm: int = 0,
                  digits: int = 6, period: int = 30, counter: int = 0) -> dict[str, Any]:
    return {"Type": type_, "Icon": "github", "Issuer": issuer, "Username": username,
            "Secret": secret, "Pin": None, "Algorithm": algorithm, "Digits": digits,
            "Period": period, "Counter": counter, "CopyCount": 3, "Ranking": 0}


def make_stratum_current(doc: dict[str, Any], password: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    key = Argon2id(salt=salt, length=32, iterations=3, lanes=4,
                   memory_cost=65536).derive(password.encode())
    return b"AUTHENTICATORPRO" + salt + nonce + AESGCM(key).encrypt(
        nonce, json.dumps(doc).encode(), None)


def make_stratum_legacy(doc: dict[str, Any], password: str) -> bytes:
    salt, iv = os.urandom(20), os.urandom(16)
    key = pbkdf2(password, salt, 64000)
    return b"AuthenticatorPro" + salt + iv + cbc(key, iv, json.dumps(doc).encode())


def make_stratum_db(path: Path, entries: list[dict[str, Any]]) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE authenticator (secret TEXT PRIMARY KEY, type INTEGER, "
                 "icon TEXT, issuer TEXT, username TEXT, pin TEXT, algorithm INTEGER, "
                 "digits INTEGER, period INTEGER, counter INTEGER, copyCount INTEGER, "
                 "ranking INTEGER)")
    conn.execute("CREATE TABLE category (id TEXT PRIMARY KEY, name TEXT, ranking INTEGER)")
    for e in entries:
        conn.execute("INSERT INTO authenticator VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     (e["Secret"], e["Type"], e["Icon"], e["Issuer"], e["Username"], e["Pin"],
                      e["Algorithm"], e["Digits"], e["Period"], e["Counter"], 0, 0))
    conn.commit()
    conn.close()
    return path


# -- TOTP Authenticator (§4) ----------------------------------------------------------------
def totp_auth_entries(rows: list[tuple[str, int, str, str, str, str]]) -> list[dict[str, Any]]:
    """rows: (key text, base, name, issuer, digits text, period text)."""
    return [{"key": k, "base": b, "name": n, "issuer": i, "digits": d, "period": p,
             "date": "2024-01-01", "color": 1} for k, b, n, i, d, p in rows]


def make_totp_auth_bin(entries: list[dict[str, Any]], password: str = "TotpAuthenticator",  # noqa: S107
                       as_strings: bool = True) -> bytes:
    """Each array element is the JSON *text* of an entry, as the app writes it."""
    items = [json.dumps(e) for e in entries] if as_strings else entries
    plain = json.dumps({json.dumps(items): "1"}).encode()
    ciphertext = cbc(hashlib.sha256(password.encode()).digest(), bytes(16), plain)
    return base64.b64encode(ciphertext)


def make_totp_auth_xml(entries: list[dict[str, Any]]) -> bytes:
    return shared_prefs({"STATIC_TOTP_CODES_LIST": json.dumps([json.dumps(e) for e in entries]),
                         "LAST_BACKUP": "never"})


# -- Battle.net (§5) ----------------------------------------------------------------------
BNET_MASK = bytes.fromhex(
    "398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59b"
    "a47c17ca6c6479015c1d5b8b8f6b9a")


def bnet_mask(text: str) -> str:
    return bytes(b ^ m for b, m in zip(text.encode(), BNET_MASK, strict=False)).hex()


def make_battlenet_current(secret: bytes, serial: str | None) -> bytes:
    strings = {"com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET": bnet_mask(secret.hex())}
    if serial is not None:
        strings["com.blizzard.messenger.AUTHENTICATOR_SERIAL"] = bnet_mask(serial)
    return shared_prefs(strings, '    <long name="com.blizzard.messenger.LAST_SYNC" '
                                 'value="1700000000" />\n')


def make_battlenet_legacy(secret: bytes, serial: str) -> bytes:
    return shared_prefs({"com.blizzard.bma.AUTH_STORE.HASH": bnet_mask(secret.hex() + serial),
                         "com.blizzard.bma.AUTH_STORE.CLOCKOFFSET": "12"})


# -- FreeOTP (§6) -------------------------------------------------------------------------
def freeotp_token(secret: bytes | None, issuer: str, label: str, type_: str = "TOTP",
                  **fields: Any) -> dict[str, Any]:
    token: dict[str, Any] = {"algo": "SHA1", "counter": 0, "digits": 6, "issuerExt": issuer,
                             "issuerInt": issuer, "label": label, "period": 30, "type": type_}
    if secret is not None:
        token["secret"] = signed(secret)
    token.update(fields)
    return {k: v for k, v in token.items() if v is not None}  # Gson drops nulls


def make_freeotp_xml(tokens: list[dict[str, Any]]) -> bytes:
    ids = [(f"{t['issuerExt']}:{t['label']}" if t.get("issuerExt") else t["label"])
           for t in tokens]
    strings = {"tokenOrder": json.dumps(ids)}
    strings.update({i: json.dumps(t) for i, t in zip(ids, tokens, strict=True)})
    return shared_prefs(strings)


def _java_utf(text: str) -> bytes:
    """Java modified UTF-8: NUL as C0 80, supplementary characters as surrogate pairs."""
    out = bytearray()
    for unit in struct.unpack(f">{len(text.encode('utf-16-be')) // 2}H",
                              text.encode("utf-16-be")):
        if 0 < unit < 0x80:
            out.append(unit)
        elif unit < 0x800:
            out += bytes([0xC0 | unit >> 6, 0x80 | unit & 0x3F])
        else:
            out += bytes([0xE0 | unit >> 12, 0x80 | unit >> 6 & 0x3F, 0x80 | unit & 0x3F])
    return bytes(out)


def java_hashmap(entries: list[tuple[str, str]], repeat_reference: bool = False,
                 harmony: bool = False) -> bytes:
    """``ObjectOutputStream.writeObject(HashMap<String, String>)``, byte for byte.
    ``harmony``: the older Android HashMap, whose descriptor lists only ``loadFactor``."""
    out = bytearray(b"\xac\xed\x00\x05\x73\x72")
    out += struct.pack(">H", 17) + b"java.util.HashMap"
    out += bytes.fromhex("0507dac1c31660d1") + b"\x03"
    if harmony:
        out += struct.pack(">H", 1) + b"F" + struct.pack(">H", 10) + b"loadFactor"
        out += b"\x78\x70" + struct.pack(">f", 0.75)
    else:
        out += struct.pack(">H", 2)
        out += b"F" + struct.pack(">H", 10) + b"loadFactor"
        out += b"I" + struct.pack(">H", 9) + b"threshold"
        out += b"\x78\x70" + struct.pack(">fi", 0.75, 16)
    out += b"\x77\x08" + struct.pack(">ii", 16, len(entries))
    handles: dict[str, int] = {}
    next_handle = 0x7E0002  # 0: class descriptor, 1: the map
    for key, value in entries:
        for text in (key, value):
            if repeat_reference and text in handles:
                out += b"\x71" + struct.pack(">I", handles[text])
                continue
            raw = _java_utf(text)
            out += (b"\x74" + struct.pack(">H", len(raw)) if len(raw) < 65536
                    else b"\x7c" + struct.pack(">Q", len(raw))) + raw
            handles[text] = next_handle
            next_handle += 1
    return bytes(out + b"\x78")


def _der_params(nonce: bytes, sequence: bool) -> bytes:
    octets = b"\x04" + bytes([len(nonce)]) + nonce
    if not sequence:
        return octets
    body = octets + b"\x02\x01\x10"
    return b"\x30" + bytes([len(body)]) + body


def _encrypted_key(key: bytes, plain: bytes, token: str, sequence: bool) -> dict[str, Any]:
    nonce = os.urandom(12)
    return {"mCipher": "AES/GCM/NoPadding",
            "mCipherText": signed(AESGCM(key).encrypt(nonce, plain, token.encode())),
            "mParameters": signed(_der_params(nonce, sequence)), "mToken": token}


def make_freeotp_backup(tokens: list[tuple[dict[str, Any], bytes, str]], password: str, *,
                        kdf: str = "PBKDF2withHmacSHA512", iterations: int = 100_000,
                        sequence: bool = True, repeat_reference: bool = False,
                        declared_iterations: int | None = None,
                        damage_token: int | None = None, harmony: bool = False) -> bytes:
    """tokens: (token JSON without secret, secret, mToken such as "HmacSHA1").
    ``declared_iterations`` writes another count than the one used (a hostile file)."""
    salt = os.urandom(32)
    hash_alg = hashes.SHA512() if kdf.endswith("SHA512") else hashes.SHA1()  # noqa: S303
    pw_key = pbkdf2(password, salt, iterations, hash_alg)
    master = os.urandom(32)
    master_doc = {"mAlgorithm": kdf, "mEncryptedKey": _encrypted_key(pw_key, master, "AES",
                                                                       sequence),
                  "mIterations": declared_iterations or iterations, "mSalt": signed(salt)}
    entries = [("masterKey", json.dumps(master_doc))]
    for index, (token, secret, mtoken) in enumerate(tokens):
        token_id = str(uuid.uuid4())
        encrypted = _encrypted_key(master, secret, mtoken, sequence)
        if index == damage_token:  # one flipped bit in that token's ciphertext
            encrypted["mCipherText"][0] = encrypted["mCipherText"][0] ^ 1
        entries.append((token_id, json.dumps({"key": json.dumps(encrypted)})))
        entries.append((token_id + "-token", json.dumps(token)))
    return java_hashmap(entries, repeat_reference, harmony)


# -- SQLite databases (§8, §9) ------------------------------------------------------------
def make_google_db(path: Path, rows: list[tuple[str, str, int, int, str | None]],
                   wal_rows: Sequence[tuple[str, str, int, int, str | None]] = (),
                   encrypted_row: bool = False) -> Path:
    """rows: (email, secret, counter, type, issuer). ``wal_rows`` are added after the
    database went into WAL mode and are left in the -wal file (no checkpoint)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL, "
                 "secret TEXT NOT NULL, counter INTEGER DEFAULT 0, type INTEGER, "
                 "provider INTEGER DEFAULT 0, issuer TEXT DEFAULT NULL, "
                 "original_name TEXT DEFAULT NULL, isencrypted INTEGER DEFAULT 0)")
    conn.execute("CREATE TABLE android_metadata (locale TEXT)")
    conn.executemany("INSERT INTO accounts (email, secret, counter, type, issuer) "
                     "VALUES (?,?,?,?,?)", rows)
    if encrypted_row:
        conn.execute("INSERT INTO accounts (email, secret, type, isencrypted) VALUES "
                     "('new@example.com', 'AAAAencryptedblob', 0, 1)")
    conn.commit()
    if wal_rows:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.executemany("INSERT INTO accounts (email, secret, counter, type, issuer) "
                         "VALUES (?,?,?,?,?)", wal_rows)
        conn.commit()
        _leave_wal(conn, path)
    else:
        conn.close()
    return path


def _leave_wal(conn: sqlite3.Connection, path: Path) -> None:
    """Copy the db, -wal and -shm while the connection is open (closing would checkpoint)."""
    snapshot = {s: Path(str(path) + s).read_bytes() for s in ("", "-wal", "-shm")}
    conn.close()
    for suffix, content in snapshot.items():
        Path(str(path) + suffix).write_bytes(content)


def make_microsoft_db(path: Path, rows: list[tuple[int, str, str, str]],
                      encrypted_only: Sequence[tuple[str, str]] = ()) -> Path:
    """rows: (account_type, oath_secret_key, name, username); ``encrypted_only``: (name,
    username) rows whose key is only in encrypted_oath_secret_key."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (_id INTEGER PRIMARY KEY, name TEXT, username TEXT, "
                 "paws_url TEXT, oath_secret_key TEXT, oath_enabled INTEGER, "
                 "account_type INTEGER, cid TEXT, encrypted_oath_secret_key TEXT, "
                 "ux_position INTEGER)")
    conn.executemany("INSERT INTO accounts (account_type, oath_secret_key, name, username, "
                     "oath_enabled) VALUES (?,?,?,?,1)", rows)
    conn.executemany("INSERT INTO accounts (account_type, oath_secret_key, name, username, "
                     "encrypted_oath_secret_key) VALUES (0, '', ?, ?, 'AAECAwQFBgc=')",
                     encrypted_only)
    conn.commit()
    conn.close()
    return path


# -- Steam (§10), Duo (§12), Proton (§13) ---------------------------------------------------
def steam_account(secret: bytes, name: str, uri: bool = True) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "shared_secret": base64.b64encode(secret).decode(), "serial_number": "1234567890",
        "revocation_code": "R12345", "account_name": name, "token_gid": "abc",
        "identity_secret": base64.b64encode(os.urandom(20)).decode(), "secret_1": "x",
        "status": 1, "steamid": "76561190000000000", "steamguard_scheme": "2",
        "server_time": 1700000000}
    if uri:
        doc["uri"] = f"otpauth://totp/Steam:{name}?secret={b32(secret)}&issuer=Steam"
    return doc


def make_duo(accounts: list[dict[str, Any]]) -> bytes:
    return json.dumps(accounts).encode()


def proton_doc(entries: list[tuple[str, str, str | None, str | None]]) -> dict[str, Any]:
    """entries: (uri, entry_type, name, note)."""
    return {"version": 1, "entries": [
        {"id": str(uuid.uuid4()), "content": {"uri": u, "entry_type": t, "name": n},
         "note": note} for u, t, n, note in entries]}


def make_proton_encrypted(doc: dict[str, Any], password: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    key = Argon2id(salt=salt, length=32, iterations=2, lanes=1,
                   memory_cost=19456).derive(password.encode())
    sealed = AESGCM(key).encrypt(nonce, json.dumps(doc).encode(),
                                 b"proton.authenticator.export.v1")
    return json.dumps({"version": 1, "salt": base64.b64encode(salt).decode(),
                       "content": base64.b64encode(nonce + sealed).decode()}).encode()


# -- andOTP old (§14.3), Authenticator Plus (§11) ------------------------------------------
def make_andotp_old(entries: list[dict[str, Any]], password: str) -> bytes:
    nonce = os.urandom(12)
    key = hashlib.sha256(password.encode()).digest()
    return nonce + AESGCM(key).encrypt(nonce, json.dumps(entries).encode(), None)


def make_authplus_zip(accounts_txt: str, password: str, *, html: bool = True,
                      folder: str = "") -> bytes:
    import pyzipper

    buffer = io.BytesIO()
    with pyzipper.AESZipFile(buffer, "w", compression=pyzipper.ZIP_DEFLATED,
                             encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(password.encode())
        if html:
            archive.writestr(folder + "Accounts.html", "<html><body>accounts</body></html>")
        archive.writestr(folder + "Accounts.txt", accounts_txt)
    return buffer.getvalue()


def make_authplus_db(path: Path, rows: list[tuple[str, str, int, int, str, str]],
                     password: str | None) -> Path:
    """rows: (email, secret, counter, type, issuer, category); SQLCipher 3 when a password."""
    if password is None:
        conn: Any = sqlite3.connect(path)
    else:
        import sqlcipher3

        conn = sqlcipher3.connect(str(path))
        conn.execute("PRAGMA key = '" + password.replace("'", "''") + "'")
        conn.execute("PRAGMA cipher_compatibility = 3")
    conn.execute("CREATE TABLE accounts (_id INTEGER PRIMARY KEY, position INTEGER, "
                 "email TEXT NOT NULL, secret TEXT NOT NULL, counter INTEGER DEFAULT 0, "
                 "type INTEGER, provider INTEGER, timestamp INTEGER, uid TEXT, issuer TEXT, "
                 "original_name TEXT, category TEXT DEFAULT 'All Accounts')")
    conn.execute("CREATE TABLE category (_id INTEGER PRIMARY KEY, name TEXT)")
    for i, (email, secret, counter, type_, issuer, category) in enumerate(rows):
        conn.execute("INSERT INTO accounts (position, email, secret, counter, type, issuer, "
                     "category) VALUES (?,?,?,?,?,?,?)",
                     (i, email, secret, counter, type_, issuer, category))
    conn.commit()
    conn.close()
    return path
