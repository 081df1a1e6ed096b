package org.cranisotropy.association;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.junit.jupiter.api.Test;

/** Events at known offsets from sources, and the chance probability against the binomial closed form. */
class SourceAssociationTest {
    /** Six sources at least 60 deg apart: their 5 deg circles cannot overlap. */
    static final SourceCatalog SIX = new SourceCatalog("six", List.of(
            new GammaRaySource("S0", 0, 0), new GammaRaySource("S1", 90, 0), new GammaRaySource("S2", 180, 0),
            new GammaRaySource("S3", 270, 0), new GammaRaySource("N", 45, 60), new GammaRaySource("S", 225, -60)));

    @Test
    void eventsInsideAndOutsideTheRadiusAtKnownOffsets() {
        SourceCatalog cat = new SourceCatalog("two", List.of(new GammaRaySource("Vela X", 263.9, -3.3),
                new GammaRaySource("Crab", 184.56, -5.78)));
        // 1.9 deg (in) and 2.1 deg (out) along meridians, 1.9 deg along the equator-parallel great circle through
        // the source (the point at distance d and position angle 90 deg), and one far away
        double[] l = {263.9, 184.56, 263.9, 20.0, 0.0};
        double[] b = {-3.3 + 1.9, -5.78 - 2.1, -3.3 - 2.1, 40.0, 0.0};
        double[] east = greatCircleOffset(184.56, -5.78, 1.9);
        l[4] = east[0];
        b[4] = east[1];
        ExposureCube cube = AssociationFixtures.uniform(16);
        EventSample ev = new EventSample(new double[] {6000, 7000, 5000, 9000, 5500}, l, b,
                new org.cranisotropy.exposure.EventClass[] {org.cranisotropy.exposure.EventClass.A,
                    org.cranisotropy.exposure.EventClass.B, org.cranisotropy.exposure.EventClass.C,
                    org.cranisotropy.exposure.EventClass.D, org.cranisotropy.exposure.EventClass.A});
        AssociationSample s = AssociationSample.of(ev, "ev", cube, ClassSelection.calet2025(), 5000.0);
        SourceAssociation r = SourceAssociation.run(s, cat, 2.0, 200, 7, IsotropicSkies.Placement.UNIFORM);
        assertEquals(2, r.k());
        // rows from high to low energy: 9000 (row 4), 7000 (row 2), 6000 (row 1), 5500 (row 5), 5000 (row 3)
        long[] rows = r.events().stream().mapToLong(SourceAssociation.EventRow::row).toArray();
        assertArrayEquals(new long[] {4, 2, 1, 5, 3}, rows);
        SourceAssociation.EventRow crabOut = r.events().get(1);
        assertEquals("Crab", crabOut.nearestSource());
        assertEquals(2.1, crabOut.distanceDeg(), 1e-9);
        assertFalse(crabOut.associated());
        SourceAssociation.EventRow velaIn = r.events().get(2);
        assertEquals("Vela X", velaIn.nearestSource());
        assertEquals(1.9, velaIn.distanceDeg(), 1e-9);
        assertTrue(velaIn.associated());
        SourceAssociation.EventRow crabEast = r.events().get(3);
        assertEquals(1.9, crabEast.distanceDeg(), 1e-9);
        assertTrue(crabEast.associated());
        assertFalse(r.events().get(4).associated());
        assertEquals(2.1, r.events().get(4).distanceDeg(), 1e-9);
        // an event below emin is not looked at
        AssociationSample higher = AssociationSample.of(ev, "ev", cube, ClassSelection.calet2025(), 5600.0);
        assertEquals(3, higher.size());
    }

    /** The point at angular distance d (deg) from (l, b), toward increasing longitude (position angle 90 deg). */
    static double[] greatCircleOffset(double lDeg, double bDeg, double dDeg) {
        double b = Math.toRadians(bDeg);
        double d = Math.toRadians(dDeg);
        double lat = Math.asin(Math.sin(b) * Math.cos(d));
        double dl = Math.atan2(Math.sin(d) * Math.cos(b), Math.cos(d) - Math.sin(b) * Math.sin(lat));
        return new double[] {lDeg + Math.toDegrees(dl), Math.toDegrees(lat)};
    }

    /**
     * Uniform exposure, sources far apart: each isotropic event falls within r of one of S sources with
     * probability S (1 - cos r) / 2, so K ~ Binomial(n, S (1 - cos r)/2). At Nside 8 the pixels (7.3 deg) are
     * larger than the radius, so this holds only because directions are placed uniformly within pixels.
     */
    @Test
    void chanceProbabilityMatchesTheBinomialTail() {
        for (int nside : new int[] {8, 64}) {
            int n = 60;
            double r = 5.0;
            int skies = 20000;
            ExposureCube cube = AssociationFixtures.uniform(nside);
            EventSample ev = AssociationFixtures.events(n, new double[] {10}, new double[] {10});
            AssociationSample s = AssociationSample.of(ev, "ev", cube, ClassSelection.calet2025(), 5000.0);
            SourceAssociation a = SourceAssociation.run(s, SIX, r, skies, 11, IsotropicSkies.Placement.UNIFORM);
            double p = SIX.sources().size() * (1 - Math.cos(Math.toRadians(r))) / 2;
            BinomialDistribution bin = BinomialDistribution.of(n, p);
            for (int k = 1; k <= 4; k++) {
                double want = bin.survivalProbability(k - 1);
                double se = Math.sqrt(want * (1 - want) / skies);
                assertEquals(want, a.tail(k), 4 * se + 1e-4, "Nside " + nside + ", P(K >= " + k + ")");
            }
            double mean = n * p;
            assertEquals(mean, a.expected(), 4 * Math.sqrt(n * p * (1 - p) / skies), "Nside " + nside + " mean");
            assertEquals(a.expected(), a.expected(), 0.0);
            // the data (all at (10, 10), 10 deg from S0) has k = 0: p-value 1
            assertEquals(0, a.k());
            assertEquals(1.0, a.pValue(), 0.0);
        }
    }

    /**
     * With pixel centres at Nside 8 (pixels of 7.3 deg) a 2 deg circle holds either no pixel centre or one
     * (a whole 53 deg^2 pixel): the expectation is off by tens of per cent (here +40 %).
     */
    @Test
    void pixelCentresAreBiasedWhenPixelsAreLargeAgainstTheRadius() {
        ExposureCube cube = AssociationFixtures.uniform(8);
        EventSample ev = AssociationFixtures.events(60, new double[] {10}, new double[] {10});
        AssociationSample s = AssociationSample.of(ev, "ev", cube, ClassSelection.calet2025(), 5000.0);
        SourceAssociation a = SourceAssociation.run(s, SIX, 2.0, 5000, 3, IsotropicSkies.Placement.CENTRE);
        SourceAssociation u = SourceAssociation.run(s, SIX, 2.0, 5000, 3, IsotropicSkies.Placement.UNIFORM);
        double want = 60 * 6 * (1 - Math.cos(Math.toRadians(2.0))) / 2;
        assertEquals(want, u.expected(), 4 * Math.sqrt(want / 5000));
        assertTrue(Math.abs(a.expected() - want) > 0.25 * want && Math.abs(a.expected() - want) > 6 * Math.sqrt(want / 5000),
                a.expected() + " vs " + want);
    }

    @Test
    void pValueCountsTheDataAsOneOfTheSkiesAndIsDeterministic() {
        ExposureCube cube = AssociationFixtures.uniform(16);
        // 3 of 20 events on sources: k = 3
        double[] l = new double[20];
        double[] b = new double[20];
        for (int i = 0; i < 20; i++) {
            l[i] = i < 3 ? SIX.sources().get(i).lDeg() : 10.0 + i;
            b[i] = i < 3 ? SIX.sources().get(i).bDeg() + 0.5 : 30.0;
        }
        EventSample ev = AssociationFixtures.events(20, l, b);
        AssociationSample s = AssociationSample.of(ev, "ev", cube, ClassSelection.calet2025(), 5000.0);
        SourceAssociation a = SourceAssociation.run(s, SIX, 5.0, 3000, 42, IsotropicSkies.Placement.UNIFORM);
        SourceAssociation again = SourceAssociation.run(s, SIX, 5.0, 3000, 42, IsotropicSkies.Placement.UNIFORM);
        SourceAssociation other = SourceAssociation.run(s, SIX, 5.0, 3000, 43, IsotropicSkies.Placement.UNIFORM);
        assertEquals(3, a.k());
        long[] h = a.skyCounts();
        long atLeast = 0;
        for (int j = 3; j < h.length; j++) {
            atLeast += h[j];
        }
        assertEquals((1.0 + atLeast) / 3001.0, a.pValue(), 0.0);
        assertArrayEquals(h, again.skyCounts());
        assertEquals(a.expected(), again.expected(), 0.0);
        assertFalse(java.util.Arrays.equals(h, other.skyCounts()));
    }
}
