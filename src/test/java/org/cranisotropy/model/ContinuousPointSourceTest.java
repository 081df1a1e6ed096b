package org.cranisotropy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.math3.special.Erf;
import org.cranisotropy.Golden;
import org.junit.jupiter.api.Test;

class ContinuousPointSourceTest {
    private static final double C = BurstPointSource.C_CM_PER_S;

    /**
     * ICRC 2019's Vela (constant injection over 5 kyr) and its burst against src/test/python/vela_icrc2019_golden.py
     * (scipy quad, written independently): E^3 J and delta_source.
     */
    @Test
    void equalsTheIndependentPythonModel() {
        JsonNode g = Golden.json("vela_icrc2019.json");
        PointSource continuous = VelaParameters.ICRC_2019.source();
        PointSource burst = VelaParameters.ICRC_2019.burst().source();
        assertTrue(continuous instanceof ContinuousPointSource && burst instanceof BurstPointSource);
        for (String kind : new String[] {"continuous", "burst"}) {
            PointSource s = kind.equals("burst") ? burst : continuous;
            for (JsonNode p : g.get(kind)) {
                double e = p.get("e_gev").asDouble();
                double[] v = s.intensityAndDipole(e);
                assertEquals(1.0, e * e * e * v[0] / p.get("e3j").asDouble(), 1e-6, kind + " E^3 J at " + e);
                assertEquals(1.0, v[1] / p.get("delta_source").asDouble(), 1e-6, kind + " delta at " + e);
                assertEquals(v[0], s.intensity(e), 1e-12 * v[0]);
                assertEquals(v[1], s.dipoleAlone(e), 1e-12 * v[1]);
            }
        }
    }

    /**
     * A short emission is a burst: for T = 1e-3 kyr the integral over ages t_s - T .. t_s equals the burst at the
     * mean age t_s - T/2 up to O((T/t)^2) ~ 1e-8 (and the burst at t_s up to O(T/t)); for T = 5 kyr it does not.
     */
    @Test
    void tendsToTheBurstForAShortEmission() {
        VelaParameters p = VelaParameters.ICRC_2019;
        double t = 1e-3;
        ContinuousPointSource shortEmission = (ContinuousPointSource) new VelaParameters(p.index(), p.cutoffGev(), t,
                p.energyErg(), p.distanceKpc(), p.ageKyr()).source();
        BurstPointSource mean = (BurstPointSource) new VelaParameters(p.index(), p.cutoffGev(), 0, p.energyErg(),
                p.distanceKpc(), p.ageKyr() - t / 2).source();
        PointSource five = p.source();
        for (double e : new double[] {100.0, 1000.0, 5000.0, 15000.0}) {
            double[] c = shortEmission.intensityAndDipole(e);
            assertEquals(1.0, c[0] / mean.intensity(e), 1e-6, "J at " + e);
            assertEquals(1.0, c[1] / mean.dipoleAlone(e), 1e-6, "delta at " + e);
            // the default 5 kyr emission is no burst: its dipole differs by more than 10 % at every one of these
            // energies (its younger particles have shorter r_diff)
            assertTrue(five.dipoleAlone(e) / mean.dipoleAlone(e) > 1.1, "5 kyr vs burst at " + e);
        }
        assertEquals(shortEmission.maxEnergyGev(), EnergyLoss.DEFAULT.coolingEnergyGev(
                (p.ageKyr() - t) * BurstPointSource.KYR_S), 1e-9);
    }

    /**
     * Without losses and with a constant D the integral over the emission has a closed form:
     * f = Q / (4 pi D r T) [erfc(r/a2) - erfc(r/a1)], a = sqrt(4 D t), t2 = t_s, t1 = t_s - T, and |grad f| its
     * r-derivative, Q / (4 pi D T) [(erfc(r/a2) - erfc(r/a1)) / r^2 + 2/(sqrt(pi) r) (exp(-r^2/a2^2)/a2 -
     * exp(-r^2/a1^2)/a1)]; also for T = t_s (still emitting: a1 = 0 and its terms vanish).
     */
    @Test
    void closedFormWithoutLossesAndConstantDiffusion() {
        double d = 3e29;
        for (double emission : new double[] {5.0, 11.0}) {
            BurstPointSource burst = new BurstPointSource(DiffusionCoefficient.constant(d), EnergyLoss.NONE, 0.29, 11.0,
                    2.32, 1e5, 2.5e47, 1.0);
            ContinuousPointSource s = new ContinuousPointSource(burst, emission);
            double r = burst.distanceCm();
            double tT = emission * BurstPointSource.KYR_S;
            double a2 = Math.sqrt(4 * d * burst.ageS());
            double a1 = Math.sqrt(4 * d * (burst.ageS() - tT));
            for (double e : new double[] {10.0, 1e3, 1e5}) {
                double q = burst.injection(e);
                double erfc1 = a1 > 0 ? Erf.erfc(r / a1) : 0.0;
                double f = q / (4 * Math.PI * d * r * tT) * (Erf.erfc(r / a2) - erfc1);
                double gauss1 = a1 > 0 ? Math.exp(-r * r / (a1 * a1)) / a1 : 0.0;
                double grad = q / (4 * Math.PI * d * tT) * ((Erf.erfc(r / a2) - erfc1) / (r * r)
                        + 2 / (Math.sqrt(Math.PI) * r) * (Math.exp(-r * r / (a2 * a2)) / a2 - gauss1));
                assertEquals(1.0, s.density(e) / f, 1e-8, "T " + emission + " E " + e);
                assertEquals(1.0, s.dipoleAlone(e) / (3 * d / C * Math.abs(grad) / f), 1e-8, "T " + emission + " E " + e);
            }
            assertEquals(Double.POSITIVE_INFINITY, s.maxEnergyGev());
        }
    }

    /** Nothing above the youngest particles' cooling energy 1/(b0 (t_s - T)), ~37.7 TeV for ICRC 2019; some below. */
    @Test
    void noParticlesAboveTheYoungestCoolingEnergy() {
        ContinuousPointSource s = (ContinuousPointSource) VelaParameters.ICRC_2019.source();
        double emax = s.maxEnergyGev();
        assertEquals(1.0 / (1.4e-16 * 6.0 * BurstPointSource.KYR_S), emax, 1e-9 * emax);
        assertTrue(s.intensity(0.99 * emax) > 0);
        assertEquals(0.0, s.intensity(emax));
        assertEquals(0.0, s.intensity(1.5 * emax));
        assertTrue(Double.isNaN(s.dipoleAlone(1.5 * emax)));
        // between the burst's cooling energy (the oldest particles, ~20.6 TeV) and emax only younger ones remain
        assertTrue(s.intensity(25000.0) > 0);
    }

    @Test
    void rejectsBadValues() {
        BurstPointSource b = (BurstPointSource) VelaParameters.ICRC_2019.burst().source();
        assertThrows(IllegalArgumentException.class, () -> new ContinuousPointSource(b, 0));
        assertThrows(IllegalArgumentException.class, () -> new ContinuousPointSource(b, 12));
        assertThrows(IllegalArgumentException.class, () -> new ContinuousPointSource(null, 5));
        assertThrows(IllegalArgumentException.class, () -> new ContinuousPointSource(b, 5).intensity(-1));
        assertThrows(IllegalArgumentException.class, () -> new VelaParameters(2.32, 1e5, 12, 2.5e47, 0.29, 11));
    }
}
