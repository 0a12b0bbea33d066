# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes crafted SIP datagrams as a pcapng capture: Ethernet/IPv4/UDP frames
with correct lengths and IPv4 checksum (UDP checksum 0), converted from
classic pcap with editcap. Shared by the generators of captures no real peer
sends (sample-pcaps/craft-malformed.py, tests/robustness/make-torture-pcap.py)."""
import os
import struct
import subprocess
import tempfile


def ipv4_checksum(header):
    if len(header) % 2:
        header += b"\0"
    total = sum(struct.unpack("!%dH" % (len(header) // 2), header))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def address(text):
    return bytes(int(part) for part in text.split("."))


def udp_frame(src, dst, src_port, dst_port, payload, ident, macs=b"\0" * 12):
    """One Ethernet frame; src and dst are dotted IPv4 addresses."""
    udp = struct.pack("!HHHH", src_port, dst_port, 8 + len(payload), 0) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), ident, 0, 64, 17, 0,
                     address(src), address(dst))
    ip = ip[:10] + struct.pack("!H", ipv4_checksum(ip)) + ip[12:]
    return macs + b"\x08\x00" + ip + udp


def write_pcapng(target, frames, start_s, step_us=10000, snaplen=65535, offsets_us=None):
    """frames: Ethernet frames, step_us microseconds apart from start_s, or
    at offsets_us (one per frame, microseconds from start_s)."""
    if offsets_us is None:
        offsets_us = [number * step_us for number in range(len(frames))]
    with tempfile.TemporaryDirectory() as work:
        pcap = os.path.join(work, "capture.pcap")
        with open(pcap, "wb") as out:
            out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, 1))
            for data, offset in zip(frames, offsets_us):
                seconds, micros = divmod(offset, 1000000)
                out.write(struct.pack("<IIII", start_s + seconds, micros, len(data), len(data)))
                out.write(data)
        subprocess.run(["editcap", "-F", "pcapng", pcap, target], check=True)
    os.chmod(target, 0o644)
