#!/usr/bin/env python3
"""Checks the figures of a cra report directory, independently of the code that drew them.

Every PNG must not be blank: its decompressed pixel data (standard library zlib) must hold at least 16
distinct byte values (a one-colour image, whatever its PNG filters, holds two or three). Every SVG must
hold drawing elements and text. Every chart (not a sky map) must have axis labels: a rotated text (the
y axis label) and an unrotated text other than a number, centred under the plot within 20 % of the
figure's width (the x axis label). Sky maps must label their graticule in degrees.

Usage: check-figures.py REPORT_DIR   (exit 0 when every figure passes, 1 otherwise)
"""
import re
import sys
import zlib
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"


def png_distinct_bytes(path):
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat)))


def number(text):
    return re.fullmatch(r"[-+−]?[0-9.,×⁰¹²³⁴⁵⁶⁷⁸⁹⁻%°]+", text.strip()) is not None


def rotated(element):
    """Whether an element is turned by 90 degrees (JFreeSVG: matrix(0.0,-1.0,1.0,0.0,...), or rotate(...))."""
    t = element.get("transform") or ""
    return "rotate" in t or re.match(r"matrix\(\s*-?0(\.0+)?\s*,\s*-1(\.0+)?\s*,\s*1(\.0+)?\s*,\s*-?0(\.0+)?", t) is not None


def check_svg(path):
    root = ET.parse(path).getroot()
    width = float(re.sub(r"[^0-9.]", "", root.get("width", "0")) or 0)
    texts = [(t, "".join(t.itertext()).strip()) for t in root.iter(SVG + "text")]
    drawn = sum(1 for e in root.iter() if e.tag in {SVG + n for n in ("path", "line", "rect", "image", "polyline",
                                                                         "ellipse", "circle", "polygon")})
    problems = []
    if drawn < 10 or not texts:
        problems.append(f"almost empty ({drawn} drawing elements, {len(texts)} texts)")
    if path.stem.startswith(("sky_", "tev_")):
        if not any(s.endswith("°") for _, s in texts):
            problems.append("no graticule labels in degrees")
        return problems
    if not any(rotated(g) and (any(True for _ in g.iter(SVG + "text")) or any(True for _ in g.iter(SVG + "path")))
               for g in root.iter(SVG + "g")) \
            and not any(rotated(t) and s and not number(s) for t, s in texts):
        problems.append("no y axis label (a text rotated by 90 degrees)")
    centred = []
    for t, s in texts:
        if not s or number(s) or rotated(t):
            continue
        x = float(t.get("x", "nan"))
        size = re.search(r"font-size:\s*([0-9.]+)px", t.get("style", ""))
        est = len(s) * 0.55 * (float(size.group(1)) if size else 12)  # estimated text width
        if abs(x + est / 2 - width / 2) < 0.2 * width:
            centred.append(s)
    if len(centred) < 2:  # the title and the x axis label
        problems.append("no x axis label (a centred text besides the title)")
    return problems


def main(directory):
    d = Path(directory)
    failed = 0
    pngs = sorted(d.glob("*.png"))
    svgs = sorted(d.glob("*.svg"))
    for p in pngs:
        n = png_distinct_bytes(p)
        if n < 16:
            print(f"check-figures: {p.name}: blank ({n} distinct byte values)", file=sys.stderr)
            failed += 1
    for s in svgs:
        for problem in check_svg(s):
            print(f"check-figures: {s.name}: {problem}", file=sys.stderr)
            failed += 1
    if not pngs or not svgs:
        print(f"check-figures: {d}: no figures", file=sys.stderr)
        return 1
    if failed == 0:
        print(f"check-figures: {len(pngs)} PNG and {len(svgs)} SVG figures drawn, every chart with axis labels")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
