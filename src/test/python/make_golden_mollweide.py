#!/usr/bin/env python3
"""Golden values of the Mollweide projection (report.MollweideProjection), longitude increasing to the left.

Two independent references that must agree:
  * scipy.optimize.brentq on 2 theta + sin 2 theta = pi sin b, then x = -(2 sqrt2/pi) lambda cos theta,
    y = sqrt2 sin theta (lambda = l wrapped into (-180, 180] degrees, in radians);
  * WCSLIB's MOL projection through astropy.wcs (CDELT1 = -1 deg: longitude increasing to the left),
    whose intermediate world coordinates in degrees times pi/180 are the same x, y.
Writes src/test/resources/golden/mollweide_golden.csv: l_deg, b_deg, x, y.
Run: /usr/bin/python3 src/test/python/make_golden_mollweide.py (scipy, astropy from Debian).
"""
import math
import os

import numpy as np
from astropy.wcs import WCS
from scipy.optimize import brentq

POINTS = [(0, 0), (0, 90), (0, -90), (180, 0), (90, 0), (270, 0), (-90, 0), (359.999, 0),
          (180.0001, 10), (179.9999, -10), (45, 30), (263.9, -3.3), (120, 60), (300, -45),
          (10, 89), (200, -89.5), (75, 0.001), (330, 12.5), (150, -70), (30, 80)]


def reference(l, b):
    lam = (l % 360.0)
    if lam > 180.0:
        lam -= 360.0
    target = math.pi * math.sin(math.radians(b))
    if abs(b) == 90:
        th = math.copysign(math.pi / 2, b)
    else:
        th = brentq(lambda t: 2 * t + math.sin(2 * t) - target, -math.pi / 2, math.pi / 2, xtol=1e-15, rtol=1e-15)
    return (-(2 * math.sqrt(2) / math.pi) * math.radians(lam) * math.cos(th), math.sqrt(2) * math.sin(th))


def wcslib(l, b):
    w = WCS(naxis=2)
    w.wcs.ctype = ["GLON-MOL", "GLAT-MOL"]
    w.wcs.crval = [0, 0]
    w.wcs.crpix = [1, 1]  # FITS pixels are 1-based: pixel 0 (origin 0) is the reference point
    w.wcs.cdelt = [-1, 1]
    px, py = w.wcs_world2pix(np.array([[l, b]]), 0)[0]
    # pixel = intermediate world coordinate (degrees) / cdelt, cdelt1 = -1: pixel x grows to the right, l to the left
    return (px * math.pi / 180.0, py * math.pi / 180.0)


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "mollweide_golden.csv")
    with open(out, "w") as f:
        f.write("l_deg,b_deg,x,y\n")
        for l, b in POINTS:
            x, y = reference(l, b)
            xw, yw = wcslib(l, b)
            # WCSLIB wraps l = 180 to the right edge; away from the seam both must agree
            if abs(abs(x) - 2 * math.sqrt(2) * math.cos(math.asin(y / math.sqrt(2)))) > 1e-6:
                assert abs(x - xw) < 1e-9 and abs(y - yw) < 1e-9, (l, b, x, y, xw, yw)
            else:
                assert abs(abs(x) - abs(xw)) < 1e-9 and abs(y - yw) < 1e-9, (l, b, x, y, xw, yw)
            f.write("%r,%r,%.17g,%.17g\n" % (l, b, x, y))
    print("wrote", os.path.normpath(out))


if __name__ == "__main__":
    main()
