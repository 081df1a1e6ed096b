#!/usr/bin/python3
"""Golden values for the 95 % CL upper limits on the dipole (method.md section 6).

Independent references: mpmath (working precision 40 digits) applied to the ORIGINAL definitions,
i.e. the integral of eq. 2.3 of the CALET ICRC paper (Fermi-LAT 2010 threshold scan), the
likelihood-ratio statistic -2 ln lambda (Fermi-LAT 2017 frequentist) and the Bayesian posterior built
from the likelihood P(C1 | C1hat) with mp.quad over [0, inf) -- never the closed forms used by the
Java code. scipy supplies a second, double-precision reference where natural
(scipy.stats.maxwell.ppf, scipy.optimize.brentq + scipy.integrate.quad), and the script checks that
both agree. It also checks the closed forms the Java code uses (erf / inverse-erf form of the
flat-C1 posterior, sin-substitution form of the flat-delta posterior) against the direct mp.quad
integrals, and stores the worst discrepancy in the header.

Run from anywhere with Debian's python3:

    /usr/bin/python3 src/test/python/make_golden_limits.py

It rewrites src/test/resources/golden/limits_golden.json. No randomness: output is reproducible.
"""
import json
import math
import os
import sys

import mpmath as mp
import numpy as np
import scipy
from scipy import integrate, optimize, stats, special

mp.mp.dps = 40

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden",
                   "limits_golden.json")

FERMI_CLS = (0.95, 0.99)
FERMI_DELTAS = [float(x) for x in np.logspace(-3, math.log10(3.0), 12)]
CN_SCALES = (1e-4, 3.0)
RATIOS = (0.2, 0.5, 0.9, 1.0, 1.2, 2.0, 3.0, 5.0, 10.0, 20.0)
LR_THRESHOLDS = (3.841, 2.706)
BAYES_CL = 0.95
PRIORS = ("flat-c1", "flat-delta")


def delta_of_c1ani(c1ani):
    """Dipole amplitude of an anisotropic C1: delta = 3 sqrt(C1ani / (4 pi))."""
    return 3 * mp.sqrt(c1ani / (4 * mp.pi))


# ---------------------------------------------------------------- Fermi-LAT 2010 (eq. 2.3)

def fermi2010_prob(delta, delta_meas):
    """(3 sqrt6 / (sqrt(pi) delta^3)) * int_0^{delta_meas} x^2 exp(-3 x^2 / (2 delta^2)) dx."""
    delta = mp.mpf(delta)
    integral = mp.quad(lambda x: x ** 2 * mp.exp(-3 * x ** 2 / (2 * delta ** 2)), [0, delta_meas])
    return 3 * mp.sqrt(6) / (mp.sqrt(mp.pi) * delta ** 3) * integral


def fermi2010_case(delta_meas, cl):
    dm = mp.mpf(delta_meas)
    target = 1 - mp.mpf(cl)
    # scipy: the integrand is a Maxwell pdf with scale delta/sqrt3 -> u* = maxwell.ppf(1 - CL)
    ul_scipy = math.sqrt(3.0) * delta_meas / stats.maxwell.ppf(1 - cl)
    # mpmath: bracket on the original integral (decreasing in delta), then a bracketing solver
    lo, hi = dm / 10, dm * 10
    assert fermi2010_prob(lo, dm) > target > fermi2010_prob(hi, dm)
    ul = mp.findroot(lambda d: fermi2010_prob(d, dm) - target, (lo, hi), solver="anderson")
    assert abs(fermi2010_prob(ul, dm) - target) < mp.mpf(10) ** -30
    rel = abs(float(ul) - ul_scipy) / float(ul)
    assert rel < 1e-12, (delta_meas, cl, float(ul), ul_scipy)
    return {"delta_meas": delta_meas, "cl": cl, "ul_delta": float(ul), "ul_delta_scipy": ul_scipy}, rel


# ---------------------------------------------------------------- Fermi-LAT 2017 likelihood ratio

def m2lnl(c1ani, c1, cn):
    """-2 ln lambda(C1ani) of Fermi-LAT 2017 (method.md section 6), as written there."""
    c1ani, c1, cn = mp.mpf(c1ani), mp.mpf(c1), mp.mpf(cn)
    if c1 > cn:
        return 3 * (mp.log((c1ani + cn) / c1) + c1 / (c1ani + cn) - 1)
    return 3 * (mp.log((c1ani + cn) / cn) + c1 / (c1ani + cn) - c1 / cn)


def m2lnl_float(c1ani, c1, cn):
    if c1 > cn:
        return 3 * (math.log((c1ani + cn) / c1) + c1 / (c1ani + cn) - 1)
    return 3 * (math.log((c1ani + cn) / cn) + c1 / (c1ani + cn) - c1 / cn)


def lr_case(c1, cn, threshold):
    t = mp.mpf(threshold)
    s0 = max(mp.mpf(c1) - mp.mpf(cn), mp.mpf(0))  # maximum-likelihood point
    step = max(mp.mpf(c1), mp.mpf(cn))
    hi = s0 + step
    while m2lnl(hi, c1, cn) < t:
        hi = s0 + 2 * (hi - s0)
    ul = mp.findroot(lambda s: m2lnl(s, c1, cn) - t, (s0, hi), solver="anderson")
    assert ul > s0 and abs(m2lnl(ul, c1, cn) - t) < mp.mpf(10) ** -30
    ul_scipy = optimize.brentq(lambda s: m2lnl_float(s, c1, cn) - threshold, float(s0), float(hi),
                               xtol=1e-300, rtol=4 * np.finfo(float).eps)
    rel = abs(float(ul) - ul_scipy) / float(ul)
    assert rel < 1e-12, (c1, cn, threshold, float(ul), ul_scipy)
    return {"c1": c1, "cn": cn, "threshold": threshold, "ul_c1ani": float(ul),
            "ul_delta": float(delta_of_c1ani(ul)), "ul_c1ani_scipy": ul_scipy}, rel


# ---------------------------------------------------------------- Bayesian

def likelihood(c1ani, c1, cn):
    """P(C1 | C1hat) = 3 sqrt3 / (sqrt(2 pi) C1hat) sqrt(C1/C1hat) exp(-3 C1 / (2 C1hat))."""
    c1 = mp.mpf(c1)
    chat = mp.mpf(c1ani) + mp.mpf(cn)
    return 3 * mp.sqrt(3) / (mp.sqrt(2 * mp.pi) * chat) * mp.sqrt(c1 / chat) * mp.exp(-3 * c1 / (2 * chat))


def prior(c1ani, name):
    """flat-c1: constant; flat-delta: p(C1ani) dC1ani = p(delta) ddelta with delta ~ sqrt(C1ani)."""
    return 1 if name == "flat-c1" else 1 / mp.sqrt(c1ani)


def posterior(s, c1, cn, name):
    return likelihood(s, c1, cn) * prior(s, name)


def breakpoints(lo, hi, cn, c1):
    """Split points for mp.quad: geometric multiples of the C_N and C_1 scales inside (lo, hi)."""
    inner = {mp.mpf(m) * x for m in (0.01, 0.1, 1, 10, 100, 1000, 1e4, 1e5) for x in (cn, mp.mpf(c1))}
    return [lo] + sorted(p for p in inner if lo < p < hi) + [hi]


def bayes_case(c1, cn, name, cl):
    cnm = mp.mpf(cn)
    f = lambda s: posterior(s, c1, cn, name)
    z = mp.quad(f, breakpoints(mp.mpf(0), mp.inf, cnm, c1))
    target = (1 - mp.mpf(cl)) * z

    def tail(u):  # int_U^inf posterior
        return mp.quad(f, breakpoints(u, mp.inf, cnm, c1))

    lo, hi = mp.mpf(0), cnm
    while tail(hi) > target:
        lo, hi = hi, 2 * hi
    ul = mp.findroot(lambda u: tail(u) / z - (1 - mp.mpf(cl)), (lo, hi), solver="anderson")
    head = mp.quad(f, breakpoints(mp.mpf(0), ul, cnm, c1))
    assert abs(head / z - mp.mpf(cl)) < mp.mpf(10) ** -20, (c1, cn, name, head / z)

    # scipy: double-precision quad on the same posterior definition, and brentq
    def fpy(s):
        chat = s + cn
        lik = 3 * math.sqrt(3) / (math.sqrt(2 * math.pi) * chat) * math.sqrt(c1 / chat) * math.exp(-1.5 * c1 / chat)
        return lik if name == "flat-c1" else lik / math.sqrt(s)
    q = lambda g, a_, b_: integrate.quad(g, a_, b_, epsabs=0, epsrel=1e-13, limit=500)[0]

    def tail_py(u):  # int_u^inf with s = u / r^2 (smooth, finite integrand on (0, 1])
        return q(lambda r: fpy(u / r ** 2) * 2 * u / r ** 3 if r > 0 else 0.0, 0.0, 1.0)

    # int_0^cn with s = t^2 (removes the s^-1/2 of the flat-delta prior)
    zpy = q(lambda t: fpy(t * t) * 2 * t if t > 0 else 0.0, 0.0, math.sqrt(cn)) + tail_py(cn)
    tpy = lambda u: tail_py(u) / zpy - (1 - cl)
    ul_scipy = optimize.brentq(tpy, float(lo), float(hi), xtol=1e-300, rtol=1e-14)
    rel_scipy = abs(float(ul) - ul_scipy) / float(ul)
    assert rel_scipy < 1e-8, (c1, cn, name, float(ul), ul_scipy)

    # check of the closed forms the Java code uses (derivations in BayesianUpperLimit's Javadoc)
    ulm = mp.mpf(ul)
    if name == "flat-c1":
        a = 3 * mp.mpf(c1) / 2
        cdf = (mp.erf(mp.sqrt(a / cnm)) - mp.erf(mp.sqrt(a / (cnm + ulm)))) / mp.erf(mp.sqrt(a / cnm))
        z_closed = mp.erfinv((1 - mp.mpf(cl)) * mp.erf(mp.sqrt(a / cnm)))
        ul_closed = a / z_closed ** 2 - cnm
    else:
        k = 3 * mp.mpf(c1) / (2 * cnm)
        g = lambda t: mp.exp(k * (t * t - 1))
        xu = mp.sqrt(ulm / (ulm + cnm))
        cdf = mp.quad(g, [0, xu]) / mp.quad(g, [0, 1])
        ul_closed = None
    closed_dev = abs(cdf - mp.mpf(cl))
    if ul_closed is not None:
        closed_dev = max(closed_dev, abs(ul_closed / ulm - 1))
    assert closed_dev < mp.mpf(10) ** -20, (c1, cn, name, closed_dev)
    return ({"c1": c1, "cn": cn, "prior": name, "cl": cl, "ul_c1ani": float(ul),
             "ul_delta": float(delta_of_c1ani(ul)), "ul_c1ani_scipy": ul_scipy},
            rel_scipy, float(closed_dev))


def main():
    fermi, lr, bayes = [], [], []
    worst = {"fermi2010_scipy": 0.0, "lr_scipy": 0.0, "bayes_scipy": 0.0, "bayes_closed_forms": 0.0}
    for cl in FERMI_CLS:
        for dm in FERMI_DELTAS:
            case, rel = fermi2010_case(dm, cl)
            fermi.append(case)
            worst["fermi2010_scipy"] = max(worst["fermi2010_scipy"], rel)
    for cn in CN_SCALES:
        for r in RATIOS:
            c1 = r * cn
            for t in LR_THRESHOLDS:
                case, rel = lr_case(c1, cn, t)
                lr.append(case)
                worst["lr_scipy"] = max(worst["lr_scipy"], rel)
            for name in PRIORS:
                case, rel, dev = bayes_case(c1, cn, name, BAYES_CL)
                bayes.append(case)
                worst["bayes_scipy"] = max(worst["bayes_scipy"], rel)
                worst["bayes_closed_forms"] = max(worst["bayes_closed_forms"], dev)
                print(name, cn, r, case["ul_c1ani"], file=sys.stderr)
    doc = {
        "made_by": {
            "script": "src/test/python/make_golden_limits.py",
            "python": sys.version.split()[0],
            "mpmath": mp.__version__,
            "mpmath_dps": mp.mp.dps,
            "scipy": scipy.__version__,
            "numpy": np.__version__,
            "reference": "mpmath mp.quad / mp.findroot on the original definitions (method.md section 6); "
                         "*_scipy fields: scipy double-precision cross-check",
            "worst_relative_disagreement": worst,
        },
        "fermi2010": fermi,
        "lr": lr,
        "bayes": bayes,
    }
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    print("wrote", os.path.normpath(OUT), "worst:", worst, file=sys.stderr)


if __name__ == "__main__":
    main()
