#!/usr/bin/env python3
"""Writes a small, valid 32-bit Windows console executable with five
sections (.text, .rdata, .data, .rsrc, .reloc) and no imports.

PyMISP's upstream test_custom_template reads whoami.exe from a GitHub-only
submodule (viper-test-files) and expands it into a file object, a PE object
and one object per section: seven objects. This stand-in has the same
shape, so the test exercises the server the same way where the real file
cannot be fetched. The bytes are deterministic.

Usage: pe_standin.py OUT.exe
"""
import random
import struct
import sys

FILE_ALIGN = 0x200
SECT_ALIGN = 0x1000
IMAGE_BASE = 0x400000

# name, raw size, characteristics (code / initialised data, read, write, execute)
SECTIONS = [
    (b".text", 0x6000, 0x60000020),
    (b".rdata", 0x3000, 0x40000040),
    (b".data", 0x1000, 0xC0000040),
    (b".rsrc", 0x2000, 0x40000040),
    (b".reloc", 0x400, 0x42000040),
]


def align(n, a):
    return (n + a - 1) // a * a


def build():
    rng = random.Random(1409)
    headers_size = align(0x80 + 4 + 20 + 224 + 40 * len(SECTIONS), FILE_ALIGN)
    layout, raw_at, rva = [], headers_size, SECT_ALIGN
    for name, size, flags in SECTIONS:
        layout.append((name, size, flags, rva, raw_at))
        raw_at += size
        rva += align(size, SECT_ALIGN)
    image_size = rva

    dos = bytearray(0x80)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 0x80)
    coff = struct.pack("<HHIIIHH", 0x14C, len(SECTIONS), 0x5A000000, 0, 0, 224, 0x0102)
    code = sum(s for _, s, f, _, _ in layout if f & 0x20)
    data = sum(s for _, s, f, _, _ in layout if f & 0x40)
    optional = struct.pack(
        "<HBBIIIIIIIIIHHHHHHIIIIHHIIIIII",
        0x10B, 14, 0, code, data, 0,
        layout[0][3],  # entry point: the start of .text
        layout[0][3], layout[1][3], IMAGE_BASE, SECT_ALIGN, FILE_ALIGN,
        6, 0, 10, 0, 6, 0, 0, image_size, headers_size, 0,
        3, 0x8140,  # console subsystem; NX, ASLR, terminal-server aware
        0x100000, 0x1000, 0x100000, 0x1000, 0, 16,
    ) + bytes(16 * 8)
    sections = b"".join(
        struct.pack("<8sIIIIIIHHI", name, size, rva_, size, raw, 0, 0, 0, 0, flags)
        for name, size, flags, rva_, raw in layout
    )
    out = bytearray(dos + b"PE\0\0" + coff + optional + sections)
    out += bytes(headers_size - len(out))
    for name, size, _, _, _ in layout:
        if name == b".text":
            body = bytes([0xC3]) + bytes(rng.getrandbits(8) for _ in range(size - 1))
        elif name == b".reloc":
            body = bytes(size)
        else:
            body = bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz \0") for _ in range(size))
        out += body
    return bytes(out)


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as fh:
        fh.write(build())
