"""Hand values of D(R) = D0 (R/R0)^dl (1 + (R/Rb)^((dl - dh)/s))^(-s) (seed 001 eq. 4.1), parameters of 001
section 4, for DiffusionCoefficientTest (org.cranisotropy.model). Plain Python, no dependencies."""
D0, R0, RB, DL, DH, S = 1.3e28, 4.0, 300.0, 0.6, 0.33, 0.2

for r in (4.0, 300.0, 1000.0):
    d = D0 * (r / R0) ** DL * (1.0 + (r / RB) ** ((DL - DH) / S)) ** (-S)
    print(f"R = {r:g} GV: D = {d!r} cm^2/s")
