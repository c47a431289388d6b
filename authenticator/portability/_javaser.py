"""A small, bounded reader of one Java-serialized ``HashMap<String, String>``.

FreeOTP 2 writes its backup with ``ObjectOutputStream.writeObject(map)``. The stream is
magic ``AC ED 00 05``, ``TC_OBJECT``, the HashMap class descriptor (name, serialVersionUID,
flags, field list, ``TC_ENDBLOCKDATA``, ``TC_NULL`` super class), the field values, a block
``capacity, size``, then ``size`` keys and values. This reader follows the grammar instead
of skipping a fixed number of bytes, so other field lists (Android versions differ) parse
too; strings may be ``TC_STRING``, ``TC_LONGSTRING`` or back-references (``TC_REFERENCE``),
and are Java *modified* UTF-8 (NUL as two bytes, supplementary characters as surrogates).
"""

from __future__ import annotations

import struct

MAGIC = b"\xac\xed\x00\x05"
TC_NULL, TC_REFERENCE, TC_CLASSDESC, TC_OBJECT = 0x70, 0x71, 0x72, 0x73
TC_STRING, TC_BLOCKDATA, TC_ENDBLOCKDATA, TC_LONGSTRING = 0x74, 0x77, 0x78, 0x7C
BASE_HANDLE = 0x7E0000
MAX_ENTRIES = 100_000
_PRIMITIVE_SIZES = {"B": 1, "C": 2, "D": 8, "F": 4, "I": 4, "J": 8, "S": 2, "Z": 1}


class JavaFormatError(Exception):
    """The stream is not a serialized HashMap of strings (message safe to show)."""


def looks_like_hashmap(data: bytes) -> bool:
    return data.startswith(MAGIC + bytes([TC_OBJECT, TC_CLASSDESC])) and (
        b"java.util.HashMap" in data[:64])


def modified_utf8(raw: bytes) -> str:
    try:
        text = raw.replace(b"\xc0\x80", b"\x00").decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise JavaFormatError("a string is not valid text") from None
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0
        self.handles: dict[int, object] = {}
        self.next_handle = BASE_HANDLE

    def take(self, count: int) -> bytes:
        if count < 0 or self.pos + count > len(self.data):
            raise JavaFormatError("the file is cut short")
        chunk = self.data[self.pos : self.pos + count]
        self.pos += count
        return chunk

    def u8(self) -> int:
        return self.take(1)[0]

    def u16(self) -> int:
        return int(struct.unpack(">H", self.take(2))[0])

    def i32(self) -> int:
        return int(struct.unpack(">i", self.take(4))[0])

    def new_handle(self, value: object) -> None:
        self.handles[self.next_handle] = value
        self.next_handle += 1

    def string(self) -> str | None:
        tag = self.u8()
        if tag == TC_STRING:
            text = modified_utf8(self.take(self.u16()))
        elif tag == TC_LONGSTRING:
            text = modified_utf8(self.take(int(struct.unpack(">q", self.take(8))[0])))
        elif tag == TC_REFERENCE:
            value = self.handles.get(self.i32())
            if not isinstance(value, str):
                raise JavaFormatError("a reference points to something that is not text")
            return value
        elif tag == TC_NULL:
            return None
        else:
            raise JavaFormatError("a map value is not text")
        self.new_handle(text)
        return text

    def class_desc(self) -> list[str]:
        """The HashMap descriptor; returns the primitive field type codes in order."""
        if self.u8() != TC_CLASSDESC:
            raise JavaFormatError("the class descriptor is missing")
        name = self.take(self.u16()).decode("utf-8", "replace")
        if name != "java.util.HashMap":
            raise JavaFormatError("the object is not a HashMap")
        self.take(8 + 1)  # serialVersionUID, flags
        self.new_handle(name)
        codes = []
        for _ in range(self.u16()):
            code = chr(self.u8())
            self.take(self.u16())  # field name
            if code in _PRIMITIVE_SIZES:
                codes.append(code)
            elif code in "L[":
                self.string()  # field class name
                raise JavaFormatError("the HashMap has object fields")
            else:
                raise JavaFormatError("the class descriptor is damaged")
        if self.u8() != TC_ENDBLOCKDATA:
            raise JavaFormatError("class annotations are not supported")
        if self.u8() != TC_NULL:
            raise JavaFormatError("the HashMap has an unexpected super class")
        return codes


def read_string_map(data: bytes) -> dict[str, str]:
    """The entries of a serialized ``HashMap<String, String>`` (null values dropped)."""
    reader = _Reader(data)
    if reader.take(4) != MAGIC or reader.u8() != TC_OBJECT:
        raise JavaFormatError("this is not a Java serialization stream")
    codes = reader.class_desc()
    reader.new_handle("<map>")
    for code in codes:
        reader.take(_PRIMITIVE_SIZES[code])
    if reader.u8() != TC_BLOCKDATA:
        raise JavaFormatError("the map's size block is missing")
    block = reader.take(reader.u8())  # capacity, size (any extra bytes are skipped)
    if len(block) < 8:
        raise JavaFormatError("the map's size block is missing")
    size = int(struct.unpack(">i", block[4:8])[0])
    if not 0 <= size <= MAX_ENTRIES:
        raise JavaFormatError("the map's size is implausible")
    result: dict[str, str] = {}
    for _ in range(size):
        key, value = reader.string(), reader.string()
        if key is not None and value is not None:
            result[key] = value
    return result
