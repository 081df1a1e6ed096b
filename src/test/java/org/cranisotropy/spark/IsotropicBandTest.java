package org.cranisotropy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.EnergyBinning;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The isotropic bands against the closed form: for a uniform exposure and N events each component of
 * the estimated dipole vector is normal with variance 3/N, so delta follows a Maxwell (chi with 3
 * degrees of freedom) distribution of scale sqrt(3/N), whose median is sqrt(chi2_3 median) sqrt(3/N).
 */
class IsotropicBandTest {
    @TempDir
    Path tmp;

    @Test
    void bandMedianOfDeltaIsTheMaxwellMedianForUniformExposure() {
        int nside = 32;
        EnergyBinning bins = EnergyBinning.logarithmic(50, 20000, 8);
        Map<EventClass, double[][]> maps = new EnumMap<>(EventClass.class);
        for (EventClass c : EventClass.values()) {
            double[][] m = new double[bins.size()][12 * nside * nside];
            for (double[] row : m) {
                Arrays.fill(row, 1.0);
            }
            maps.put(c, m);
        }
        ExposureCube uniform = new ExposureCube(nside, bins, maps);
        EventSample events = AnalysisFixtures.events(uniform, 40_000, 0.0, 5);
        SimulationSpec spec = new SimulationSpec(events, "uniform", uniform, ClassSelection.calet2025(),
                new double[] {125, 250, 500}, new double[0], new double[] {50, 100, 5000}, 3L);
        int samples = 400;
        SparkSession spark = SparkSessions.create("band-test", "local[2]");
        List<Row> bands;
        try {
            SimulateJob.run(spark, spec, samples, 4, tmp, Map.of(), null, false);
            bands = spark.read().parquet(tmp.resolve("bands").toString()).collectAsList();
        } finally {
            spark.stop();
        }
        double chiMedian = Math.sqrt(ChiSquaredDistribution.of(3).inverseCumulativeProbability(0.5));
        // Monte Carlo error of a median of 400 Maxwell draws: sigma / (2 pdf(median) sqrt(400)) ~ 0.043 sigma
        org.cranisotropy.analysis.PreparedSample data = org.cranisotropy.analysis.PreparedSample.of(spec.events(), "u",
                spec.exposure(), spec.selection());
        int checked = 0;
        for (Row r : bands) {
            long n = eventsOf(r, data);
            double sigma = Math.sqrt(3.0 / n);
            double median = r.getDouble(r.fieldIndex("delta_p50"));
            assertEquals(chiMedian * sigma, median, 4 * 0.043 * sigma,
                    r.getString(0) + " " + r.get(1) + " " + r.get(2) + " corrected " + r.getBoolean(r.fieldIndex("corrected"))
                            + " N " + n);
            checked++;
        }
        assertEquals(2 * (3 + 2), checked);
        assertTrue(chiMedian > 1.538 && chiMedian < 1.539);
    }

    /** The number of events of a band's selection, from the data (the samples keep it). */
    private static long eventsOf(Row r, org.cranisotropy.analysis.PreparedSample p) {
        long n = 0;
        for (int i = 0; i < p.size(); i++) {
            double e = p.energyGev(i);
            boolean in = r.getString(0).equals("bin")
                    ? e >= r.getDouble(r.fieldIndex("emin_gev")) && e < r.getDouble(r.fieldIndex("emax_gev"))
                    : e >= r.getDouble(r.fieldIndex("threshold_gev"));
            if (in) {
                n++;
            }
        }
        return n;
    }
}
