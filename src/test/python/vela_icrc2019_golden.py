"""Golden values of the Vela model of ICRC 2019 (seed 001 section 4) for ContinuousPointSourceTest: E^3 J and the
source's own dipole delta_source = 3 D/c |grad f|/f, for constant injection over 5 kyr (the default) and for the
burst, computed independently of the Java code with scipy.integrate.quad. Writes
src/test/resources/golden/vela_icrc2019.json. Needs numpy and scipy.

Model (Atoyan, Aharonian & Voelk 1995 Green's function; ContinuousPointSource's class comment):
  Q(E) = Q0 E^-2.32 exp(-E / 1e5 GeV), int_1GeV^inf E Q dE = 2.5e47 erg
  D(E) of seed 001 eq. 4.1, b(E) = 1.4e-16 E^2 GeV/s, r = 0.29 kpc, age 11 kyr, emission from the birth for 5 kyr
  f_burst(E, t) = Q(E0) (E0/E)^2 / (pi^1.5 rd^3) exp(-r^2/rd^2), E0 = E/(1 - b0 E t), rd^2 = 4 int_E^E0 D/b dE'
  f(E) = (1/T) int_{age-T}^{age} f_burst(E, t) dt;  delta = 3 D/c int f_burst 2r/rd^2 dt / int f_burst dt
  J = c/(4 pi) f * 1e4 (GeV^-1 m^-2 s^-1 sr^-1)
"""
import json
import math
import os

from scipy.integrate import quad

C = 2.99792458e10
KPC = 3.0856775814913673e21
KYR = 1e3 * 365.25 * 86400
ERG_GEV = 1 / 1.602176634e-3
D0, R0, RB, DL, DH, S = 1.3e28, 4.0, 300.0, 0.6, 0.33, 0.2
B0 = 1.4e-16
INDEX, ECUT, W, DIST, AGE, EMISSION = 2.32, 1e5, 2.5e47, 0.29, 11.0, 5.0
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "vela_icrc2019.json")


def diffusion(e):
    return D0 * (e / R0) ** DL * (1 + (e / RB) ** ((DL - DH) / S)) ** (-S)


def q0():
    g = lambda y: math.exp(y * (2 - INDEX)) * math.exp(-math.exp(y) / ECUT)
    total = quad(g, 0, math.log(ECUT), epsrel=1e-13, limit=400)[0] + quad(g, math.log(ECUT), math.log(60 * ECUT),
                                                                         epsrel=1e-13, limit=400)[0]
    return W * ERG_GEV / total


Q0 = q0()


def rd2(e, t):
    e0 = e / (1 - B0 * e * t)
    return 4 / B0 * quad(lambda y: diffusion(math.exp(y)) / math.exp(y), math.log(e), math.log(e0), epsrel=1e-13,
                         limit=400)[0]


def f_burst(e, t):
    if t <= 0 or B0 * e * t >= 1:
        return 0.0, math.inf
    e0 = e / (1 - B0 * e * t)
    r2 = rd2(e, t)
    r = DIST * KPC
    return Q0 * e0 ** -INDEX * math.exp(-e0 / ECUT) * (e0 / e) ** 2 / (math.pi ** 1.5 * r2 ** 1.5) * math.exp(
        -r * r / r2), r2


def burst(e):
    f, r2 = f_burst(e, AGE * KYR)
    return C / (4 * math.pi) * f * 1e4, 3 * diffusion(e) / C * 2 * DIST * KPC / r2


def continuous(e):
    lo = (AGE - EMISSION) * KYR
    hi = min(AGE * KYR, 1 / (B0 * e))
    if hi <= lo:
        return 0.0, None
    cuts = [lo + (hi - lo) * k / 16 for k in range(17)]
    m0 = sum(quad(lambda t: f_burst(e, t)[0], a, b, epsrel=1e-12, limit=400)[0] for a, b in zip(cuts, cuts[1:]))

    def grad(t):
        f, r2 = f_burst(e, t)
        return 0.0 if f == 0 else f * 2 * DIST * KPC / r2

    m1 = sum(quad(grad, a, b, epsrel=1e-12, limit=400)[0] for a, b in zip(cuts, cuts[1:]))
    return C / (4 * math.pi) * m0 / (EMISSION * KYR) * 1e4, 3 * diffusion(e) / C * m1 / m0


def main():
    out = {"parameters": {"index": INDEX, "cutoff_gev": ECUT, "energy_erg": W, "distance_kpc": DIST, "age_kyr": AGE,
                          "emission_kyr": EMISSION, "b0_per_gev_per_s": B0},
           "continuous": [], "burst": []}
    for e in (100.0, 1000.0, 3400.0, 5500.0, 10000.0, 20000.0, 30000.0):
        j, d = continuous(e)
        out["continuous"].append({"e_gev": e, "e3j": j * e ** 3, "delta_source": d})
    for e in (100.0, 1000.0, 5500.0, 15000.0):
        j, d = burst(e)
        out["burst"].append({"e_gev": e, "e3j": j * e ** 3, "delta_source": d})
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
