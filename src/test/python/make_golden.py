#!/usr/bin/python3
"""Golden values for the harmonic analysis, the HEALPix pixelisation and the galactic frame.

Independent references: healpy (HEALPix C++ through healpy 1.16, Debian python3-healpy) for
map2alm / anafast / ang2pix / pix2ang and write_map; astropy (Debian python3-astropy) for ICRS <->
galactic. Run from anywhere with Debian's python3:

    /usr/bin/python3 src/test/python/make_golden.py

It rewrites src/test/resources/golden/{alm_golden.json, coords_golden.json, pixels_golden.json}
and the FITS/CSV map fixtures. Seeds are fixed, so the output is reproducible.
"""
import json
import os
import sys

import numpy as np
import healpy as hp
import astropy
import astropy.units as u
from astropy.coordinates import SkyCoord

sys.path.insert(0, os.path.dirname(__file__))
from golden_maps import MAP_NAMES, make_map  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
MADE_BY = {
    "script": "src/test/python/make_golden.py",
    "healpy": hp.__version__,
    "astropy": astropy.__version__,
    "numpy": np.__version__,
}


def alm_cases():
    cases = []
    for nside, lmaxes in ((16, (3, 8, 20, 47)), (64, (3, 8, 64, 191))):
        for name in MAP_NAMES:
            m = make_map(name, nside)
            for lmax in lmaxes:
                for it in (0, 3):
                    alm = hp.map2alm(m, lmax=lmax, iter=it)
                    cl = hp.anafast(m, lmax=lmax, iter=it)
                    ls, ms = hp.Alm.getlm(lmax)
                    # every coefficient up to l = 8, and every 17th beyond (C_l covers all of them)
                    keep = np.nonzero((ls <= 8) | (np.arange(len(ls)) % 17 == 0))[0]
                    cases.append({
                        "map": name, "nside": nside, "lmax": lmax, "iter": it,
                        "cl": [float(c) for c in cl],
                        "alm": [[int(ls[k]), int(ms[k]), float(alm[k].real), float(alm[k].imag)]
                                for k in keep],
                    })
    return cases


def synthesis_cases():
    """alm2map of a fixed set of a_lm (the noise map's iter-0 a_lm at lmax 20, Nside 16)."""
    m = make_map("noise", 16)
    alm = hp.map2alm(m, lmax=20, iter=0)
    back = hp.alm2map(alm, 16, lmax=20)
    return {"nside": 16, "lmax": 20, "source_map": "noise", "map": [float(v) for v in back]}


def coords():
    rng = np.random.default_rng(20261129)
    n = 300
    ra = rng.uniform(0, 360, n)
    dec = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    special_ra = [0.0, 359.9999999, 180.0, 266.40499, 192.85948, 0.0, 10.0, 1e-9]
    special_dec = [90.0, 0.0, -90.0, -28.936175, 27.12825, -89.999999, 89.999999, 0.0]
    ra = np.concatenate([ra, special_ra])
    dec = np.concatenate([dec, special_dec])
    g = SkyCoord(ra=ra * u.deg, dec=dec * u.deg, frame="icrs").galactic
    l = rng.uniform(0, 360, n)
    b = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    l = np.concatenate([l, [0.0, 359.9999999, 263.9, 0.0, 0.0]])
    b = np.concatenate([b, [90.0, 0.0, -3.3, -90.0, 0.0]])
    e = SkyCoord(l=l * u.deg, b=b * u.deg, frame="galactic").icrs
    return {
        "icrs_to_galactic": [[float(a), float(d), float(x), float(y)]
                             for a, d, x, y in zip(ra, dec, g.l.deg, g.b.deg)],
        "galactic_to_icrs": [[float(a), float(d), float(x), float(y)]
                             for a, d, x, y in zip(l, b, e.ra.deg, e.dec.deg)],
    }


def pixels():
    rng = np.random.default_rng(7)
    out = []
    z23 = np.arccos(2.0 / 3.0)
    special_theta = [0.0, np.pi, 1e-12, np.pi - 1e-12, z23, z23 - 1e-12, z23 + 1e-12,
                     np.pi - z23, np.pi - z23 - 1e-12, np.pi - z23 + 1e-12, np.pi / 2, 1.0, 2.0]
    special_phi = [0.0, 1e-13, 2 * np.pi - 1e-13, np.pi, np.pi / 4, 3.0]
    for nside in (1, 2, 4, 16, 64, 1024, 8192):
        theta = np.arccos(rng.uniform(-1, 1, 150))
        phi = rng.uniform(0, 2 * np.pi, 150)
        th = np.concatenate([theta] + [np.full(len(special_phi), t) for t in special_theta])
        ph = np.concatenate([phi] + [np.array(special_phi) for _ in special_theta])
        ring = hp.ang2pix(nside, th, ph)
        nest = hp.ang2pix(nside, th, ph, nest=True)
        npix = hp.nside2npix(nside)
        pix = np.unique(np.concatenate([[0, npix - 1, npix // 2, 2 * nside * (nside - 1)],
                                        rng.integers(0, npix, 60)]))
        rt, rp = hp.pix2ang(nside, pix)
        nt, npp = hp.pix2ang(nside, pix, nest=True)
        out.append({
            "nside": nside,
            "ang2pix": [[float(a), float(b), int(r), int(s)] for a, b, r, s in zip(th, ph, ring, nest)],
            "pix2ang_ring": [[int(p), float(a), float(b)] for p, a, b in zip(pix, rt, rp)],
            "pix2ang_nest": [[int(p), float(a), float(b)] for p, a, b in zip(pix, nt, npp)],
        })
    return out


def fixtures():
    """healpy-written FITS maps (RING float64, NESTED float32) and a CSV map, with their a_lm."""
    m = make_map("dipole", 16)
    hp.write_map(os.path.join(OUT, "dipole16_ring.fits"), m, overwrite=True, dtype=np.float64)
    hp.write_map(os.path.join(OUT, "dipole16_nest.fits"), hp.reorder(m, r2n=True).astype(np.float32),
                 nest=True, overwrite=True, dtype=np.float32)
    with open(os.path.join(OUT, "dipole16_ring.csv"), "w") as f:
        f.write("pix,value\n")
        for p, v in enumerate(m):
            f.write("%d,%.17g\n" % (p, v))
    m32 = hp.reorder(hp.reorder(m, r2n=True).astype(np.float32).astype(np.float64), n2r=True)
    res = {}
    for label, mm in (("ring64", m), ("nest32", m32)):
        alm = hp.map2alm(mm, lmax=3, iter=0)
        res[label] = {"cl": [float(c) for c in hp.alm2cl(alm)],
                      "alm": [[int(l), int(mq), float(a.real), float(a.imag)]
                              for l, mq, a in zip(*hp.Alm.getlm(3), alm)]}
    return res


def dump(name, payload):
    payload = dict(payload)
    payload["made_by"] = MADE_BY
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    dump("alm_golden.json", {"cases": alm_cases(), "synthesis": synthesis_cases(),
                             "fixtures": fixtures()})
    dump("coords_golden.json", coords())
    dump("pixels_golden.json", {"grids": pixels()})
    print("wrote", OUT)
