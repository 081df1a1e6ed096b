package org.cranisotropy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.montecarlo.SampleMeasurements;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monte Carlo job: bit-identical whatever the parallelism and partitioning; bands as documented. */
class SimulateJobTest {
    @TempDir
    Path tmp;

    static SimulationSpec spec() {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        EventSample events = AnalysisFixtures.events(cube, 4000, 0.0, 21);
        return new SimulationSpec(events, "test", cube, ClassSelection.calet2025(), EnergyScan.logGrid(125, 500, 3),
                EnergyScan.logGrid(60, 600, 12), new double[] {50, 100, 251, 5000}, 77L);
    }

    @Test
    void bandsAreBitIdenticalForAnyParallelismAndEqualTheDirectComputation() {
        SimulationSpec spec = spec();
        List<Row> one = runBands("local[1]", spec, 1, tmp.resolve("one"));
        List<Row> two = runBands("local[2]", spec, 7, tmp.resolve("two"));
        assertEquals(one, two);
        // the job gathers the band values as its tasks make the samples; read back from samples/ they give
        // the same bands
        SparkSession spark = SparkSessions.create("simulate-test", "local[2]");
        try {
            List<org.cranisotropy.montecarlo.BandReduction.Row> fromFiles =
                    SimulateJob.bands(spark, tmp.resolve("two").resolve("samples"), 3);
            assertEquals(one.size(), fromFiles.size());
            for (int i = 0; i < one.size(); i++) {
                assertEquals(one.get(i).toSeq(),
                        org.apache.spark.sql.RowFactory.create(fromFiles.get(i).tableValues()).toSeq(), "band row " + i);
            }
        } finally {
            spark.stop();
        }
        assertEquals(2 * (3 + 12 + 3), one.size());
        for (Row r : one) {
            assertEquals(60L, r.getLong(r.fieldIndex("n_samples")));
            double lo = r.getDouble(r.fieldIndex("delta_p02275"));
            double med = r.getDouble(r.fieldIndex("delta_p50"));
            double hi = r.getDouble(r.fieldIndex("delta_p97725"));
            assertTrue(lo <= med && med <= hi);
        }
        // the median delta of one selection recomputed without Spark
        SimulationSpec.Engine engine = spec.build();
        double[] deltas = new double[60];
        double[] c3c0 = new double[60];
        for (int s = 0; s < 60; s++) {
            for (SampleMeasurements.Row r : engine.measurements().rows(engine.sampler().run(spec.seed(), s))) {
                if (r.kind().equals("grid") && r.thresholdGev() == 60.0 && r.corrected()) {
                    deltas[s] = r.m().delta();
                    c3c0[s] = r.m().c3() / r.m().c0();
                }
            }
        }
        java.util.Arrays.sort(deltas);
        java.util.Arrays.sort(c3c0);
        double median = 0.5 * (deltas[29] + deltas[30]); // Spark's percentile interpolates linearly
        Row grid60 = one.stream().filter(r -> r.getString(0).equals("grid") && !r.isNullAt(1)
                && r.getDouble(1) == 60.0 && r.getBoolean(r.fieldIndex("corrected"))).findFirst().orElseThrow();
        assertEquals(median, grid60.getDouble(grid60.fieldIndex("delta_p50")), 1e-15);
        assertEquals(0.5 * (c3c0[29] + c3c0[30]), grid60.getDouble(grid60.fieldIndex("c3_c0_p50")), 1e-15);
    }

    /**
     * Samples with shuffled times: the same bands on one core and one partition as on two cores and seven
     * partitions, and sample 5 of the job equal to the sampler's own sample 5.
     */
    @Test
    void shuffledSamplesAreBitIdenticalForAnyParallelism() {
        EventSample events = org.cranisotropy.montecarlo.ShuffleFixtures.events(3000, 0.0, 0, 0, 23);
        SimulationSpec spec = new SimulationSpec(events, "test", org.cranisotropy.montecarlo.ShuffleFixtures.exposure(),
                ClassSelection.calet2025(), EnergyScan.logGrid(125, 500, 3), EnergyScan.logGrid(60, 600, 12),
                new double[] {50, 100, 251, 5000}, 77L, org.cranisotropy.montecarlo.MonteCarloOptions.shuffledTimes(
                        org.cranisotropy.montecarlo.ShuffleFixtures.frame()));
        List<Row> one = runBands("local[1]", spec, 1, tmp.resolve("one"));
        List<Row> two = runBands("local[2]", spec, 7, tmp.resolve("two"));
        assertEquals(one, two);
        SimulationSpec.Engine engine = spec.build();
        double direct = engine.measurements().rows(engine.sampler().run(77L, 5)).stream()
                .filter(r -> r.kind().equals("grid") && r.thresholdGev() == 60.0 && r.corrected()).findFirst()
                .orElseThrow().m().delta();
        double[][] c = org.cranisotropy.io.ParquetColumns.read(tmp.resolve("two").resolve("samples")
                .resolve("chunk=0").resolve("kind=grid").resolve("block-000000000000.parquet"),
                "sample_id", "threshold_gev", "corrected", "delta");
        int found = 0;
        for (int i = 0; i < c[0].length; i++) {
            if (c[0][i] == 5 && c[1][i] == 60.0 && c[2][i] == 1.0) {
                assertEquals(direct, c[3][i], 0.0);
                found++;
            }
        }
        assertEquals(1, found);
    }

    /** Tasks that fail on their first attempt are retried by Spark; the bands do not change. */
    @Test
    void retriedTasksGiveBitIdenticalBands() {
        SimulationSpec spec = spec();
        List<Row> clean = runBands("local[2]", spec, 4, tmp.resolve("clean"));
        List<Row> retried = runBands("local[2,4]", spec, 4, tmp.resolve("retried"),
                Map.of(SimulateJob.FAIL_FIRST_ATTEMPT, "0,2"), false);
        assertEquals(clean, retried);
    }

    /** A run killed after two blocks, resumed, computes only the missing blocks and ends equal. */
    @Test
    void resumeAfterAKilledRunComputesOnlyTheMissingBlocks() {
        SimulationSpec spec = spec();
        List<Row> clean = runBands("local[2]", spec, 2, tmp.resolve("clean"));
        Path out = tmp.resolve("killed");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> runBands("local[2]", spec, 2, out, Map.of(SimulateJob.STOP_AFTER_BLOCKS, "2"), false));
        assertTrue(java.nio.file.Files.notExists(out.resolve("samples")), "no samples/ under the final name");
        assertTrue(java.nio.file.Files.notExists(out.resolve("bands")), "no bands/ under the final name");
        // a block file the kill cut off while it was being written (the writer's temporary name)
        Path chunk = out.resolve(".samples.tmp").resolve("chunk=0").resolve("kind=grid");
        java.nio.file.Path stray = chunk.resolve(".block-000000000016.parquet.tmp-123-45");
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> java.nio.file.Files.write(stray, new byte[0]));
        SparkSession spark = SparkSessions.create("simulate-test", "local[2]");
        try {
            // the same number of events with other energies or classes: not the simulation the blocks come from
            EventSample ev = spec.events();
            double[] e = new double[ev.size()];
            org.cranisotropy.exposure.EventClass[] c = new org.cranisotropy.exposure.EventClass[ev.size()];
            double[] l = new double[ev.size()];
            double[] b = new double[ev.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = ev.energyGev(i);
                c[i] = ev.eventClass(i);
                l[i] = ev.lDeg(i);
                b[i] = ev.bDeg(i);
            }
            c[0] = c[0] == org.cranisotropy.exposure.EventClass.A ? org.cranisotropy.exposure.EventClass.B
                    : org.cranisotropy.exposure.EventClass.A;
            SimulationSpec other = new SimulationSpec(new EventSample(e, l, b, c), spec.eventsName(), spec.exposure(),
                    spec.selection(), spec.standardThresholds(), spec.gridThresholds(), spec.binEdgesGev(), spec.seed(),
                    spec.options());
            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class,
                    () -> SimulateJob.run(spark, other, 60, 2, out, Map.of("cra.seed", "77"), null, true));
            assertTrue(refused.getMessage().contains("different simulation (it differs in energies_classes)"),
                    refused.getMessage());

            // the same events read from another path (./events, a copy): the same simulation
            SimulationSpec renamed = new SimulationSpec(spec.events(), "elsewhere/" + spec.eventsName(), spec.exposure(),
                    spec.selection(), spec.standardThresholds(), spec.gridThresholds(), spec.binEdgesGev(), spec.seed(),
                    spec.options());
            SimulateJob.Result r = SimulateJob.run(spark, renamed, 60, 2, out, Map.of("cra.seed", "77"), null, true);
            assertEquals(16, r.reusedSamples(), "the two blocks of 8 samples the killed run wrote are reused");
            assertEquals(clean, spark.read().parquet(out.resolve("bands").toString()).collectAsList());
            try (var files = java.nio.file.Files.walk(out.resolve("samples"))) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(".tmp-")).toList(),
                        "no temporary file of the killed run under samples/");
            } catch (java.io.IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        } finally {
            spark.stop();
        }
    }

    private static List<Row> runBands(String master, SimulationSpec spec, int partitions, Path out) {
        return runBands(master, spec, partitions, out, Map.of(), false);
    }

    private static List<Row> runBands(String master, SimulationSpec spec, int partitions, Path out,
            Map<String, String> sparkConf, boolean resume) {
        SparkSession spark = SparkSessions.create("simulate-test", master);
        try {
            sparkConf.forEach(spark.conf()::set);
            SimulateJob.run(spark, spec, 60, partitions, out, Map.of("cra.seed", "77"), null, resume);
            return spark.read().parquet(out.resolve("bands").toString()).collectAsList();
        } finally {
            sparkConf.keySet().forEach(spark.conf()::unset);
            spark.stop();
        }
    }
}
