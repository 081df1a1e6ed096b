package org.cranisotropy.association;

import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.sky.GalacticFrame;

/**
 * Are the highest-energy events associated with gamma-ray sources (method.md section 7; seed 000, "TeV-range
 * dipole due to gamma-ray events mistaken for electrons?": CALET found 1 of 14 events above 5 TeV within
 * 2 deg of a TeVCat source)? For the events of an {@link AssociationSample}: each event's nearest source and
 * distance, the count k of events within the radius of any source, and the chance of k or more in
 * isotropic skies of the same events ({@link IsotropicSkies}):
 *
 * <pre>
 *   p = (1 + #{skies with K &gt;= k}) / (M + 1),   expected = mean of K over the M skies
 * </pre>
 * (the p-value counts the data as one of M + 1 skies, so it is never 0). Immutable result.
 *
 * @param events one row per event, from high to low energy
 * @param k events within the radius of some source
 * @param radiusDeg association radius
 * @param sources number of catalog sources
 * @param skies M
 * @param seed master seed of the skies
 * @param placement how directions are placed within drawn pixels
 * @param skyCounts K of every sky (histogram: skyCounts[j] = number of skies with K = j)
 * @param expected mean K
 * @param expectedError standard error of the mean K
 * @param pValue (1 + #{K &gt;= k}) / (M + 1)
 */
public record SourceAssociation(List<EventRow> events, int k, double radiusDeg, int sources, int skies, long seed,
        IsotropicSkies.Placement placement, long[] skyCounts, double expected, double expectedError, double pValue) {

    /**
     * One event of the test.
     *
     * @param row 1-based data row in the event file
     * @param energyGev energy
     * @param eventClass geometry class
     * @param lDeg galactic longitude
     * @param bDeg galactic latitude
     * @param nearestSource name of the nearest source
     * @param distanceDeg distance to it
     * @param associated distance &lt;= radius
     */
    public record EventRow(long row, double energyGev, EventClass eventClass, double lDeg, double bDeg,
            String nearestSource, double distanceDeg, boolean associated) {}

    public SourceAssociation {
        events = List.copyOf(events);
        skyCounts = skyCounts.clone();
    }

    @Override
    public long[] skyCounts() {
        return skyCounts.clone();
    }

    /** P(K &gt;= j) over the skies alone (no +1), for comparisons with closed forms. */
    public double tail(int j) {
        long c = 0;
        for (int x = Math.max(j, 0); x < skyCounts.length; x++) {
            c += skyCounts[x];
        }
        return (double) c / skies;
    }

    /** Runs the test: {@code skies} isotropic skies from {@code seed}. */
    public static SourceAssociation run(AssociationSample sample, SourceCatalog catalog, double radiusDeg, int skies,
            long seed, IsotropicSkies.Placement placement) {
        SourceMatcher matcher = new SourceMatcher(catalog.sources(), radiusDeg);
        List<EventRow> rows = new ArrayList<>(sample.size());
        int k = 0;
        for (int i = 0; i < sample.size(); i++) {
            double[] u = GalacticFrame.unitVector(sample.lDeg(i), sample.bDeg(i));
            SourceMatcher.Nearest near = matcher.nearest(u);
            boolean in = matcher.associated(u);
            if (in) {
                k++;
            }
            rows.add(new EventRow(sample.row(i), sample.energyGev(i), sample.eventClass(i), sample.lDeg(i),
                    sample.bDeg(i), catalog.sources().get(near.source()).name(), near.distanceDeg(), in));
        }
        int[] sim = new IsotropicSkies(sample.prepared(), placement).counts(matcher, skies, seed);
        long[] hist = new long[sample.size() + 1];
        double sum = 0;
        double sum2 = 0;
        long atLeast = 0;
        for (int x : sim) {
            hist[x]++;
            sum += x;
            sum2 += (double) x * x;
            if (x >= k) {
                atLeast++;
            }
        }
        double mean = sum / skies;
        double var = skies > 1 ? Math.max(0.0, (sum2 - skies * mean * mean) / (skies - 1)) : 0.0;
        return new SourceAssociation(rows, k, radiusDeg, catalog.sources().size(), skies, seed, placement, hist, mean,
                Math.sqrt(var / skies), (1.0 + atLeast) / (skies + 1.0));
    }
}
