"""Normalisation of the H.E.S.S. 2024 broken power law in conf/measured/electron-spectrum.csv, and the test's
tolerance on table VIII (MeasuredSpectrumCsvTest). Reads src/test/resources/golden/hess2024_table8.csv.

The paper's fit (its eq. 1): dN/dE = F0 (E/Eb)^-G1 (1 + (E/Eb)^(1/a))^(-(G2 - G1) a) with Eb = 1.17 TeV,
a = 0.21, G1 = 3.25 +- 0.02 and G2 = 4.49 +- 0.04 (stat). The normalisation used is F0 fitted to the
paper's table VIII with that shape fixed: least squares in the residual (model - point) / error, where each
point's error combines in quadrature the printed error band (the side towards the model), half a unit in the
flux's last printed digit, and the flux change from half a unit in the energy's last printed digit (index G1
below Eb, G2 above).
Prints E^3 J at 1 TeV (the file's reference) and at 0.3 TeV (where the file's low-energy row meets it).
The indices' digits are not legible in every copy of the paper, so the script also fits G1 and G2 freely to
table VIII (Eb and a fixed) as a check of the values used: G1 = 3.28 +- 0.06, G2 = 4.45 +- 0.05, chi2 6.4 for
13 dof, within one standard deviation of 3.25 and 4.49.
Needs numpy and scipy.
"""
import csv
import math
import os

import numpy as np
from scipy.optimize import minimize, minimize_scalar

G1, G2, EB, A = 3.25, 4.49, 1.17, 0.21
HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "resources", "golden", "hess2024_table8.csv")


def shape(e):
    return (e / EB) ** -G1 * (1 + (e / EB) ** (1 / A)) ** (-(G2 - G1) * A)


def points():
    with open(TABLE) as f:
        rows = [r for r in csv.DictReader(line for line in f if not line.startswith("#")) if r["flux"]]
    e = np.array([float(r["e_tev"]) for r in rows])
    digits = np.array([len(r["e_tev"].split(".")[1]) if "." in r["e_tev"] else 0 for r in rows])
    j, lo, hi = (np.array([float(r[k]) for r in rows]) for k in ("flux", "flux_lo", "flux_hi"))
    return e, digits, j, lo, hi


def errors(e, digits, j, lo, hi):
    """(error below, error above) of each point, as the test computes them."""
    half_flux = 0.05 * 10.0 ** np.floor(np.log10(j))
    half_e = 0.5 * 10.0 ** (-digits.astype(float))
    index = np.where(e < EB, G1, G2)
    from_e = j * index * half_e / e
    below = np.sqrt((j - lo) ** 2 + half_flux ** 2 + from_e ** 2)
    above = np.sqrt((hi - j) ** 2 + half_flux ** 2 + from_e ** 2)
    return below, above


def main():
    e, digits, j, lo, hi = points()
    below, above = errors(e, digits, j, lo, hi)

    def chi2(f0):
        m = f0 * shape(e)
        r = np.where(m > j, (m - j) / above, (m - j) / below)
        return float(np.sum(r * r))

    res = minimize_scalar(lambda u: chi2(math.exp(u)), bounds=(math.log(1e-5), math.log(1e-3)), method="bounded",
                          options={"xatol": 1e-12})
    f0 = math.exp(res.x)
    print(f"F0 = {f0:.6e} TeV^-1 m^-2 s^-1 sr^-1 at Eb; chi2 = {res.fun:.3f} for {len(e) - 1} dof")
    for ref in (1.0, 0.3):
        # E^3 J in GeV^2 m^-2 s^-1 sr^-1: J [TeV^-1] * 1e-3 [TeV/GeV] * (1000 E)^3
        print(f"E^3 J({ref} TeV) = {f0 * shape(ref) * 1e-3 * (1000 * ref) ** 3:.6f} GeV^2 m^-2 s^-1 sr^-1")
    m = f0 * shape(e)
    for x, y, mm, b, a in zip(e, j, m, below, above):
        print(f"  {x:5.2f} TeV  point {y:.2e}  model {mm:.4e}  residual {(mm - y) / (a if mm > y else b):+.2f}")


def free_indices():
    """G1, G2 and F0 fitted to table VIII with Eb and a fixed; errors from the curvature of chi2."""
    e, digits, j, lo, hi = points()
    below, above = errors(e, digits, j, lo, hi)

    def chi2(p):
        g1, g2, lnf = p
        m = math.exp(lnf) * (e / EB) ** -g1 * (1 + (e / EB) ** (1 / A)) ** (-(g2 - g1) * A)
        r = np.where(m > j, (m - j) / above, (m - j) / below)
        return float(np.sum(r * r))

    best = min((minimize(chi2, [g1, g2, math.log(1e-4)], method="Nelder-Mead",
                         options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 20000})
                for g1 in (3.0, 3.3) for g2 in (4.2, 4.8)), key=lambda r: r.fun)
    p = best.x
    step = 1e-3
    hess = np.zeros((3, 3))
    for a in range(3):
        for b in range(3):
            def f(da, db):
                q = p.copy()
                q[a] += da
                q[b] += db
                return chi2(q)
            hess[a, b] = (f(step, step) - f(step, -step) - f(-step, step) + f(-step, -step)) / (4 * step * step)
    err = np.sqrt(np.diag(np.linalg.inv(hess / 2)))
    print(f"free indices: G1 = {p[0]:.3f} +- {err[0]:.3f}, G2 = {p[1]:.3f} +- {err[1]:.3f}; "
          f"chi2 = {best.fun:.2f} for {len(e) - 3} dof (used: G1 = {G1}, G2 = {G2})")


if __name__ == "__main__":
    main()
    free_indices()
