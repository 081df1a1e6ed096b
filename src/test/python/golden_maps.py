"""The test maps shared by make_golden.py and the Java tests (TestMaps.java defines the same maps).

Every map is a closed-form function of the RING pixel index and the pixel centre, with integer
arithmetic for the pseudo-random part, so Python and Java build the same map without sharing files.
"""
import numpy as np
import healpy as hp

VELA_L, VELA_B = 263.9, -3.3


def hash_uniform(npix):
    """u_p = ((p * 2654435761) mod 2^32) / 2^32, a Knuth multiplicative hash in [0, 1)."""
    p = np.arange(npix, dtype=np.uint64)
    return ((p * np.uint64(2654435761)) % np.uint64(2 ** 32)).astype(np.float64) / 2.0 ** 32


def unit_vector(l_deg, b_deg):
    l, b = np.radians(l_deg), np.radians(b_deg)
    return np.array([np.cos(b) * np.cos(l), np.cos(b) * np.sin(l), np.sin(b)])


def sparse_events(n=14):
    """n deterministic (l, b) directions in degrees."""
    k = np.arange(n)
    l = ((37 * k * k + 11 * k) % 360) + 0.5
    b = -80.0 + ((53 * k) % 161) + 0.25
    return l, b


def make_map(name, nside):
    npix = hp.nside2npix(nside)
    if name == "noise":
        return hash_uniform(npix)
    if name == "dipole":
        x, y, z = hp.pix2vec(nside, np.arange(npix))
        d = unit_vector(VELA_L, VELA_B)
        return 1.0 + 0.8 * (d[0] * x + d[1] * y + d[2] * z) + 0.05 * hash_uniform(npix)
    if name == "sparse14":
        l, b = sparse_events()
        pix = hp.ang2pix(nside, l, b, lonlat=True)
        return np.bincount(pix, minlength=npix).astype(np.float64)
    if name == "peaked":
        m = np.zeros(npix)
        m[npix // 3 + 7] = 1000.0
        return m
    raise ValueError(name)


MAP_NAMES = ["noise", "dipole", "sparse14", "peaked"]
