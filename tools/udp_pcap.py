# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes crafted SIP datagrams as a pcapng capture: Ethernet/IPv4/UDP frames
with correct lengths and IPv4 checksum (UDP checksum 0), and ICMP destination
unreachable frames quoting such a datagram (ICMP checksum correct), converted
from classic pcap with editcap. Shared by the generators of captures no real
peer sends (sample-pcaps/craft-malformed.py, sample-pcaps/craft-issue13.py,
tests/robustness/make-torture-pcap.py)."""
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


def ipv4_packet(src, dst, protocol, data, ident, tos=0):
    """An IPv4 datagram (20-byte header, TTL 64, correct header checksum)."""
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, tos, 20 + len(data), ident, 0, 64, protocol, 0,
                     address(src), address(dst))
    return ip[:10] + struct.pack("!H", ipv4_checksum(ip)) + ip[12:] + data


def udp_datagram(src, dst, src_port, dst_port, payload, ident):
    """The IPv4/UDP datagram of udp_frame, without Ethernet (UDP checksum 0)."""
    udp = struct.pack("!HHHH", src_port, dst_port, 8 + len(payload), 0) + payload
    return ipv4_packet(src, dst, 17, udp, ident)


def udp_frame(src, dst, src_port, dst_port, payload, ident, macs=b"\0" * 12):
    """One Ethernet frame; src and dst are dotted IPv4 addresses."""
    return macs + b"\x08\x00" + udp_datagram(src, dst, src_port, dst_port, payload, ident)


def icmp_unreachable_frame(src, dst, quoted, ident, code=3, macs=b"\0" * 12):
    """One Ethernet frame carrying ICMP destination unreachable (type 3; code
    3 is port unreachable) from src to dst, quoting the bytes `quoted` (the
    refused IPv4 datagram, possibly cut short: RFC 792 asks for its header
    and 8 bytes, RFC 1812 4.3.2.3 for as much as fits in 576 bytes). The ICMP
    checksum covers the ICMP header and the quote; the IPv4 header carries
    TOS 0xc0, as Linux sends its ICMP errors."""
    icmp = struct.pack("!BBHI", 3, code, 0, 0) + quoted
    icmp = icmp[:2] + struct.pack("!H", ipv4_checksum(icmp)) + icmp[4:]
    return macs + b"\x08\x00" + ipv4_packet(src, dst, 1, icmp, ident, tos=0xC0)


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
