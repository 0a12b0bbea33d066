#!/usr/bin/env python3
"""Reads what the GUI scripts need from a screenshot (stdlib and ImageMagick
only): where the filter buttons sit in the display filter toolbar, and how
many pixels of given colours a region holds. Shared by
scripts/gui-screenshots.sh and tests/gui/gui-test.sh.

  gui-pixels.py buttons IMAGE Y0 Y1 X0 X1 COUNT
      Text clusters in the rows Y0..Y1 between X0 and X1 (the toolbar's
      labels, separated by gaps wider than a space): prints the centre x of
      the last COUNT of them, the filter buttons, left to right.
  gui-pixels.py find IMAGE X Y WIDTH HEIGHT #RRGGBB
      Prints "x y" of the first pixel of that colour in the region, row by
      row from the top (a packet list row of a colouring rule); exit 1 if
      there is none.
  gui-pixels.py colours IMAGE X Y WIDTH HEIGHT #RRGGBB...
      Prints "#rrggbb COUNT" for each colour: pixels of exactly that colour
      in the region.

SPDX-License-Identifier: GPL-2.0-or-later
"""
import os
import subprocess
import sys

CONVERT = "/usr/bin/convert" if os.path.exists("/usr/bin/convert") else "convert"
# A toolbar label's words are a few pixels apart; buttons further.
BUTTON_GAP = 10
DARK = 110


def region(image, x, y, width, height):
    """(width, height, RGB bytes) of a region, read as binary PPM."""
    data = subprocess.run([CONVERT, image, "-crop", f"{width}x{height}+{x}+{y}", "+repage",
                           "-depth", "8", "ppm:-"], check=True, capture_output=True).stdout
    fields, offset = [], 0
    while len(fields) < 4:
        while data[offset:offset + 1].isspace():
            offset += 1
        end = offset
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[offset:end])
        offset = end
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[offset + 1:offset + 1 + width * height * 3]


def buttons(image, y0, y1, x0, x1, count):
    width, height, pixels = region(image, x0, y0, x1 - x0, y1 - y0 + 1)
    dark = [any(sum(pixels[(row * width + col) * 3:(row * width + col) * 3 + 3]) < DARK * 3
                for row in range(height)) for col in range(width)]
    clusters, start, gap = [], None, 0
    for col, is_dark in enumerate(dark + [False] * (BUTTON_GAP + 1)):
        if is_dark:
            if start is None:
                start = col
            gap, end = 0, col
        elif start is not None:
            gap += 1
            if gap > BUTTON_GAP:
                clusters.append((start, end))
                start = None
    if len(clusters) < count:
        print(f"gui-pixels: {len(clusters)} labels in the toolbar, expected at least {count}", file=sys.stderr)
        return 1
    print(" ".join(str(x0 + (a + b) // 2) for a, b in clusters[-count:]))
    return 0


def colours(image, x, y, width, height, wanted):
    width, height, pixels = region(image, x, y, width, height)
    counts = {c.lower(): 0 for c in wanted}
    for i in range(0, len(pixels), 3):
        key = "#%02x%02x%02x" % (pixels[i], pixels[i + 1], pixels[i + 2])
        if key in counts:
            counts[key] += 1
    for colour in wanted:
        print(colour.lower(), counts[colour.lower()])
    return 0


def find(image, x, y, width, height, colour):
    width, height, pixels = region(image, x, y, width, height)
    want = bytes.fromhex(colour.lstrip("#"))
    for i in range(0, len(pixels), 3):
        if pixels[i:i + 3] == want:
            print(x + (i // 3) % width, y + (i // 3) // width)
            return 0
    return 1


def main(argv):
    if len(argv) == 8 and argv[1] == "buttons":
        return buttons(argv[2], *(int(a) for a in argv[3:8]))
    if len(argv) == 8 and argv[1] == "find":
        return find(argv[2], *(int(a) for a in argv[3:7]), argv[7])
    if len(argv) >= 8 and argv[1] == "colours":
        return colours(argv[2], *(int(a) for a in argv[3:7]), argv[7:])
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
