#!/usr/bin/env python3
"""hostile-fixtures.py DIR — writes the hostile and broken inputs tests/cli/hostile.sh
reads: damaged compressed streams, bombs, strange entries, strange text. Everything
is made here, from nothing but this script; each fixture is small on disk."""
import gzip
import io
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import zipfile
import zlib

OUT = sys.argv[1]


def release(title, date="March 11, 2014", body="HOUSTON - A body paragraph.\n"):
    return (f"Skip to main content\n{date}Houston, TXNarcotics\n\n{title}\n\n{body}").encode()


def put(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def tar_bytes(members, fmt=tarfile.GNU_FORMAT):
    """members: (TarInfo, data or None)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for info, data in members:
            if data is not None:
                info.size = len(data)
            t.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def reg(name, data):
    info = tarfile.TarInfo(name)
    info.mtime = 1400000000
    return info, data


def special(name, kind, linkname=""):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    info.devmajor, info.devminor = 1, 3
    return info, None


def many_releases(n, prefix="r"):
    return [reg(f"{prefix}{i:04}.txt", release(f"Release {i}") + os.urandom(2000).hex().encode())
            for i in range(n)]


# ---- damaged compressed streams ------------------------------------------------
whole = gzip.compress(tar_bytes(many_releases(200)), 6)
put("cut-mid-member.tar.gz", whole[: len(whole) // 2])
plain_gz = bytearray(gzip.compress(release("Bad CRC title")))
plain_gz[-8] ^= 0xFF  # the CRC32 in the gzip trailer
put("bad-crc.txt.gz", bytes(plain_gz))
tar = bytearray(tar_bytes(many_releases(3, "h")))
tar[512 * 3 + 148: 512 * 3 + 156] = b"0000000\0"  # second header: wrong checksum
put("bad-header.tar", bytes(tar))
bad_magic = bytearray(gzip.compress(tar_bytes(many_releases(3))))
bad_magic[3] = 0xE0  # reserved FLG bits set: not a gzip member libarchive accepts
put("bad-gzip-flags.tar.gz", bytes(bad_magic))

zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("good.txt", release("Zip good entry"))
    z.writestr("bad-crc.txt", release("Zip bad CRC entry"))
bad_zip = zbuf.getvalue()
crc = struct.pack("<I", zlib.crc32(release("Zip bad CRC entry")))
put("bad-crc.zip", bad_zip.replace(crc, struct.pack("<I", zlib.crc32(crc) ^ 1)))  # every copy


def zipcrypto(data, password, crc):
    """PKWARE's traditional zip encryption of data, with its 12-byte header."""
    keys = [0x12345678, 0x23456789, 0x34567890]

    def crc_byte(value, byte):
        return ~zlib.crc32(bytes([byte]), ~value & 0xFFFFFFFF) & 0xFFFFFFFF

    def update(byte):
        keys[0] = crc_byte(keys[0], byte)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_byte(keys[2], keys[1] >> 24)

    for byte in password:
        update(byte)
    out = bytearray()
    for byte in os.urandom(11) + bytes([crc >> 24]) + data:
        t = (keys[2] | 2) & 0xFFFF
        out.append(byte ^ (((t * (t ^ 1)) >> 8) & 0xFF))
        update(byte)
    return bytes(out)


def stored_zip(entries):
    """A zip of stored entries (name, data, password or None), written by hand."""
    body, central = b"", b""
    for name, data, password in entries:
        crc = zlib.crc32(data)
        packed = zipcrypto(data, password, crc) if password else data
        fields = struct.pack("<HHHHHIII", 20, 1 if password else 0, 0, 0, 0x21, crc,
                             len(packed), len(data))
        central += b"PK\1\2" + struct.pack("<H", 20) + fields + struct.pack(
            "<HHHHHII", len(name), 0, 0, 0, 0, 0, len(body)) + name.encode()
        body += b"PK\3\4" + fields + struct.pack("<HH", len(name), 0) + name.encode() + packed
    return body + central + b"PK\5\6" + struct.pack("<HHHHIIH", 0, 0, len(entries),
                                                      len(entries), len(central), len(body), 0)


put("encrypted.zip", stored_zip([("open.txt", release("Unencrypted entry"), None),
                                 ("secret.txt", release("Encrypted entry"), b"secret")]))

# ---- empty, zero, junk, misnamed ---------------------------------------------------
put("empty.tar", b"\0" * 1024)
put("zero.tar.gz", b"")
put("junk.tar.gz", os.urandom(4096))
zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("in-zip.txt", release("Zip named as tar"))
put("really-a-zip.tar.gz", zbuf.getvalue())
put("really-text.zip", release("Text named as zip"))

# ---- bombs ------------------------------------------------------------------------
# One tar entry of 2 GiB of repeated text: compressed streams may be concatenated, so
# its header and one 64 MiB block are packed once and the block's member repeated.
info = tarfile.TarInfo("endless.txt")
info.size = 2 << 30
info.mtime = 1400000000
header = info.tobuf(tarfile.GNU_FORMAT)
block = b"All work and no play makes a dull release.\n" * ((64 << 20) // 43)
block += b"\n" * ((64 << 20) - len(block))
put("bomb.tar.gz", gzip.compress(header, 9) + gzip.compress(block, 9) * 32)
# Near-identical 50 MiB releases, 40 of them: no two texts alike, so that none is
# dropped as a copy, and all of them would be kept in memory (2 GiB).
member = gzip.compress(block[: 50 << 20], 9)
near = []
for i in range(40):
    text = b"Skip to main content\nMarch 11, 2014Houston, TXNarcotics\n\nCopy %d\n\n" % i
    info = tarfile.TarInfo("copy%02d.txt" % i)
    info.size = len(text) + (50 << 20)
    pad = b"\0" * (-info.size % 512)
    near.append(gzip.compress(info.tobuf(tarfile.GNU_FORMAT) + text, 9) + member + gzip.compress(pad))
put("near-copies.tar.gz", b"".join(near) + gzip.compress(b"\0" * 1024))
# An entry too large but no bomb (random hex packs 2 to 1), then a small one.
put("big-entry.tar.gz", gzip.compress(tar_bytes([reg("big.txt", os.urandom(35 << 20).hex().encode()),
                                                 reg("small.txt", release("After the big one"))]), 1))
if shutil.which("zstd"):
    def zstd(data):
        return subprocess.run(["zstd", "-q", "-19", "-c"], input=data, stdout=subprocess.PIPE,
                               check=True).stdout
    put("bomb.tar.zst", zstd(header) + zstd(block) * 32)
# A header lying about its size: it claims 10 GiB, the archive ends after 1 KiB.
info = tarfile.TarInfo("liar.txt")
info.size = 10 << 30
put("lying-size.tar", info.tobuf(tarfile.GNU_FORMAT) + release("Liar")[:1024].ljust(1024, b" "))

# ---- strange entries ---------------------------------------------------------------
deep = "/".join(f"d{i}" for i in range(20)) + "/deep.txt"
evil_name = "evil\nname\x1b]52;c;aGk=\x07\x9b31m.txt"
members = [
    reg("ok.txt", release("Plain entry")),
    special("dir/", tarfile.DIRTYPE),
    special("link-to-passwd", tarfile.SYMTYPE, "/etc/passwd"),
    special("hard-to-ok", tarfile.LNKTYPE, "ok.txt"),
    special("null-device", tarfile.CHRTYPE),
    special("block-device", tarfile.BLKTYPE),
    special("a-fifo", tarfile.FIFOTYPE),
    reg("/etc/absolute.txt", release("Absolute path")),
    reg("../../escape.txt", release("Dot dot path")),
    reg(deep, release("Twenty levels deep")),
    reg(evil_name, release("Evil name")),
    reg("twice.txt", release("Same path first")),
    reg("twice.txt", release("Same path second")),
    reg("copy/ok.txt", release("Plain entry")),
]
put("strange-entries.tar", tar_bytes(members))
put("nested.tar", tar_bytes([reg("outer.txt", release("Outer release")),
                             reg("inner.tar.gz", gzip.compress(tar_bytes([reg("inner.txt", release("Inner"))])))]))

# ---- strange text --------------------------------------------------------------------
texts = {
    "utf16le.txt": b"\xff\xfe" + release("UTF-16 title").decode().encode("utf-16-le"),
    "utf16be.txt": b"\xfe\xff" + release("UTF-16BE title").decode().encode("utf-16-be"),
    "latin1.txt": release("Caf\xe9 na\xefve \x93quoted\x94".encode("latin-1").decode("latin-1")).replace(
        "Caf\xe9 na\xefve \x93quoted\x94".encode(), "Caf\xe9 na\xefve \x93quoted\x94".encode("latin-1")),
    "overlong.txt": release("Overlong").replace(b"Overlong", b"Over\xc0\xaflong \xed\xa0\x80 \xf4\x90\x80\x80 \xe0\x80\xaf"),
    "nul-in-head.txt": release("Nul in head") + b"middle\0of\0body\n",
    "nul-in-body.txt": release("Nul in body", body="x" * 9000 + "\n") + b"late\0nul\n",
    "crlf-bom.txt": b"\xef\xbb\xbf" + release("CRLF BOM title").replace(b"\n", b"\r\n"),
    "huge-title.txt": release("T" * (1 << 20)),
    "huge-line.txt": release("Fifty megabytes", body=("word " * (10 << 20)) + "\n"),
    "year-1899.txt": release("Year 1899", date="March 11, 1899"),
    "year-2199.txt": release("Year 2199", date="March 11, 2199"),
    "feb-30.txt": release("February 30", date="February 30, 2014"),
    "no-date.txt": b"Skip to main content\nHouston, TXNarcotics\n\nNo date line\n\nBody.\n",
}
os.makedirs(os.path.join(OUT, "texts"), exist_ok=True)
for name, data in texts.items():
    put(os.path.join("texts", name), data)
