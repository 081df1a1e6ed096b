package org.cranisotropy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BurstPointSourceTest {
    private static final double C = BurstPointSource.C_CM_PER_S;

    private static BurstPointSource source(DiffusionCoefficient d, EnergyLoss loss) {
        return new BurstPointSource(d, loss, 0.29, 11.0, 2.0, 1e4, 1e48, 1.0);
    }

    /** (a) No losses, constant D: r_diff^2 = 4 D t and delta = 3 D/c * 2 r / (4 D t) = 3 r / (2 c t). */
    @Test
    void noLossesConstantDiffusionIsClosedForm() {
        double d = 2e29;
        BurstPointSource s = source(DiffusionCoefficient.constant(d), EnergyLoss.NONE);
        double t = s.ageS();
        double r = s.distanceCm();
        for (double e : new double[] {10.0, 1e3, 1e5}) {
            assertEquals(1.0, s.diffusionRadiusSquaredCm2(e) / (4.0 * d * t), 1e-9);
            assertEquals(1.0, s.dipoleAlone(e) / (3.0 * r / (2.0 * C * t)), 1e-9);
        }
        // and the density is the Gaussian of the injected spectrum
        double e = 1e3;
        double r2 = 4.0 * d * t;
        double f = s.injection(e) / (Math.pow(Math.PI, 1.5) * Math.pow(r2, 1.5)) * Math.exp(-r * r / r2);
        assertEquals(1.0, s.density(e) / f, 1e-9);
    }

    /** Constant D with losses: int_E^E0 D / (b0 E'^2) dE' = D (1/E - 1/E0) / b0 = D t, in both quadrature branches. */
    @Test
    void constantDiffusionWithLossesStillGivesFourDt() {
        double d = 2e29;
        BurstPointSource s = source(DiffusionCoefficient.constant(d), EnergyLoss.DEFAULT);
        double ecool = s.coolingEnergyGev();
        for (double e : new double[] {10.0, 0.3 * ecool, 0.7 * ecool, 0.999 * ecool}) {
            assertEquals(1.0, s.diffusionRadiusSquaredCm2(e) / (4.0 * d * s.ageS()), 1e-9, "E = " + e);
        }
    }

    /** No losses with eq. 4.1: r_diff^2 = 4 D(E) t. */
    @Test
    void noLossesEnergyDependentDiffusion() {
        BurstPointSource s = source(DiffusionCoefficient.SEED_001, EnergyLoss.NONE);
        for (double e : new double[] {10.0, 300.0, 1e4}) {
            assertEquals(1.0, s.diffusionRadiusSquaredCm2(e) / (4.0 * DiffusionCoefficient.SEED_001.at(e) * s.ageS()),
                    1e-12);
        }
    }

    /** (c) No particles above the cooling energy 1/(b0 t); some just below. */
    @Test
    void coolingCutOff() {
        BurstPointSource s = (BurstPointSource) VelaParameters.ICRC_2019.burst().source();
        double ecool = s.coolingEnergyGev();
        assertEquals(1.0 / (1.4e-16 * s.ageS()), ecool, 1e-9 * ecool);
        assertTrue(s.density(0.99 * ecool) > 0);
        assertEquals(0.0, s.density(ecool));
        assertEquals(0.0, s.density(1.01 * ecool));
        assertEquals(0.0, s.density(10 * ecool));
        assertEquals(0.0, s.intensity(2 * ecool));
        assertTrue(Double.isNaN(s.dipoleAlone(2 * ecool)));
        assertEquals(Double.POSITIVE_INFINITY, s.loss().initialEnergyGev(ecool, s.ageS()));
    }

    /** The normalisation: int_1GeV^inf E Q(E) dE = W; for gamma = 2 it is Q0 E1(1/Ecut), E1(1e-4) = 8.63322470... */
    @Test
    void normalisationToTotalEnergy() {
        BurstPointSource s = new BurstPointSource(DiffusionCoefficient.SEED_001, EnergyLoss.DEFAULT, 0.29, 11.0, 2.0,
                1e4, 2.5e47, 1.0);
        double wGev = 2.5e47 * BurstPointSource.ERG_GEV;
        // E1(x) = -gamma_Euler - ln x + x - x^2/4 + ... for small x
        double x = 1e-4;
        double e1 = -0.5772156649015329 - Math.log(x) + x - x * x / 4.0 + x * x * x / 18.0;
        assertEquals(1.0, s.q0() * e1 / wGev, 1e-9);
    }

    @Test
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> VelaParameters.ICRC_2019.at(-0.29, 11));
        assertThrows(IllegalArgumentException.class, () -> VelaParameters.ICRC_2019.at(0.29, 0));
        assertThrows(IllegalArgumentException.class, () -> new EnergyLoss(-1e-16));
        BurstPointSource s = (BurstPointSource) VelaParameters.ICRC_2019.burst().source();
        assertThrows(IllegalArgumentException.class, () -> s.density(-1));
        assertThrows(IllegalArgumentException.class, () -> s.density(1000, 0));
    }
}
