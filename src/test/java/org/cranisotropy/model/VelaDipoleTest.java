package org.cranisotropy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VelaDipoleTest {

    /**
     * (d) Default Vela at 1 TeV. Physically sensible range: delta_source is bounded by the loss-free, constant-D
     * value 3 r / (2 c t) = 0.129 for r = 0.29 kpc and t = 11 kyr (losses and a rising D only lengthen r_diff:
     * r_diff^2 = 4 t &lt;D&gt; over E..E0 &gt;= 4 t D(E)), and it is well above 1e-3 since r_diff (~ 0.2 kpc at 1 TeV)
     * is comparable to r. The expected delta = delta_source * share is then at most that, share in [0, 1].
     */
    @Test
    void velaAtOneTevIsSensible() {
        VelaDipole v = VelaDipole.defaults();
        BurstPointSource s = v.source();
        double bound = 3.0 * s.distanceCm() / (2.0 * BurstPointSource.C_CM_PER_S * s.ageS());
        assertEquals(0.129, bound, 0.001);
        VelaDipole.Point p = v.at(1000.0);
        assertTrue(p.deltaSource() > 1e-3 && p.deltaSource() <= bound, "delta_source = " + p.deltaSource());
        assertTrue(p.share() > 0 && p.share() <= 1, "share = " + p.share());
        assertTrue(p.delta() <= p.deltaSource() && p.delta() > 0);
        assertEquals(p.deltaSource() * p.share(), p.delta(), 1e-15);
        // units: J = c/(4 pi) f, f in GeV^-1 cm^-3, J in GeV^-1 m^-2 s^-1 sr^-1
        assertEquals(BurstPointSource.C_CM_PER_S / (4 * Math.PI) * s.density(1000.0) * 1e4, p.sourceIntensity(),
                1e-12 * p.sourceIntensity());
    }

    @Test
    void backgroundIsNormalisedAt100Gev() {
        VelaDipole.Background b = VelaDipole.Background.DEMO;
        assertEquals(150.0, 1e6 * b.intensity(100.0), 1e-9);
        // E^-3.1 below the break
        assertEquals(-3.1, Math.log(b.intensity(20.0) / b.intensity(10.0)) / Math.log(2.0), 1e-3);
    }

    @Test
    void shareAtMostOneAndZeroAboveCooling() {
        VelaDipole v = VelaDipole.defaults();
        List<VelaDipole.Point> rows = v.scan(100.0, 1e5, 25);
        assertEquals(25, rows.size());
        for (VelaDipole.Point p : rows) {
            assertTrue(p.share() >= 0 && p.share() <= 1);
            if (p.energyGev() >= v.source().coolingEnergyGev()) {
                assertEquals(0.0, p.share());
                assertEquals(0.0, p.delta());
                assertTrue(Double.isNaN(p.deltaSource()));
            }
        }
        // the background read as the measured total: share = 1 where the source alone exceeds it
        VelaDipole tiny = new VelaDipole(v.source(), new VelaDipole.Background(
                VelaDipole.Background.DEMO.shape(), 100.0, 1e-6), true);
        assertEquals(1.0, tiny.share(1000.0));
    }
}
