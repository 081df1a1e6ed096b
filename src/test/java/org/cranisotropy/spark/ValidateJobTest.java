package org.cranisotropy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.analysis.BinRow;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.MeasuredTables;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.ThresholdRow;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.montecarlo.MonteCarloOptions;
import org.cranisotropy.montecarlo.ScanPlan;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.cranisotropy.validation.IsotropicReference;
import org.cranisotropy.validation.ValidationSpec;
import org.cranisotropy.validation.ValidationSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cra validate on a small configuration (3000 events, the equatorial-band exposure, 400 isotropic
 * samples, 200 skies per amplitude): the same table whatever the parallelism; every limit column that
 * cra limits prints covers at every injected amplitude; the p-values are calibrated under isotropy;
 * and cra limits then fills the Neyman limit, the expected limits and the bins' p-values.
 */
class ValidateJobTest {
    @TempDir
    Path tmp;

    @Test
    void coverageCalibrationAndDeterminismOnASmallRun() {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        EventSample events = AnalysisFixtures.events(cube, 3000, 0.0, 21);
        ClassSelection selection = ClassSelection.calet2025().withExposureFloor(0.01);
        double[] standard = EnergyScan.logGrid(60, 240, 3);
        double[] grid = EnergyScan.logGrid(55, 600, 8);
        double[] edges = {50, 100, 251, 5000};
        PreparedSample data = PreparedSample.of(events, "test", cube, selection);
        EnergyScan scan = new EnergyScan(new LowMultipoles(16), data);
        List<ThresholdRow> rows = new ArrayList<>(scan.thresholds(ScanPlan.STANDARD, standard, true));
        rows.addAll(scan.thresholds(ScanPlan.GRID, grid, true));
        List<BinRow> bins = scan.bins(edges);
        Path results = tmp.resolve("results");
        MeasuredTables.write(results, rows, bins, Map.of());
        MonteCarloOptions options = new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM,
                new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 50, 20000), false);
        SimulationSpec simulation = new SimulationSpec(events, "test", cube, selection, standard, grid, edges, 5L, options);

        SparkSession spark = SparkSessions.create("validate-test", "local[2]");
        List<ValidationSummary.Row> a;
        List<ValidationSummary.Row> b;
        try {
            SimulateJob.run(spark, simulation, 400, 4, results, Map.of("cra.seed", "5"), null, false);
            List<ValidationSummary.Selection> selections = new ArrayList<>();
            ScanPlan plan = new ScanPlan(data, standard, grid, edges);
            for (ScanPlan.Threshold t : plan.thresholds()) {
                selections.add(new ValidationSummary.Selection(t.kind(), t.gev(), Double.NaN, Double.NaN));
            }
            for (ScanPlan.Bin bin : plan.bins()) {
                selections.add(new ValidationSummary.Selection("bin", Double.NaN, bin.eminGev(), bin.emaxGev()));
            }
            IsotropicReference reference = new IsotropicReference(
                    SimulateJob.sampleDeltas(results.resolve("samples"), selections));
            assertEquals(400, reference.samples());
            double[] noise = new double[selections.size()];
            for (int r = 0; r < noise.length; r++) {
                ValidationSummary.Selection s = selections.get(r);
                noise[r] = s.kind().equals("bin") ? bins.stream().filter(x -> x.corrected() && x.eminGev() == s.eminGev())
                        .findFirst().orElseThrow().m().cn() : Double.NaN;
            }
            double[] ladder = {0, 0.1, 0.2, 0.4, 0.8};
            ValidationSpec spec = new ValidationSpec(simulation, reference, noise, ladder,
                    List.of(ValidationSpec.Direction.anyDirection()), 3L);
            a = ValidateJob.run(spark, spec, selections, 200, 7, results, Map.of(), null).rows();
            b = ValidateJob.run(spark, spec, selections, 200, 1, tmp.resolve("again"), Map.of(), null).rows();
            // a run killed after 3 blocks, then resumed: the same table, 3 blocks of 10 skies read back
            Path killed = tmp.resolve("killed");
            org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> ValidateJob.run(spark, spec,
                    selections, 200, 2, killed, Map.of(), null, false, 3));
            ValidateJob.Result resumed = ValidateJob.run(spark, spec, selections, 200, 3, killed, Map.of(), null, true,
                    -1);
            assertEquals(30, resumed.reusedSkies());
            assertEquals(a.size(), resumed.rows().size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).coverage(), resumed.rows().get(i).coverage(), 0, "resumed row " + i);
                assertEquals(a.get(i).deltaMean(), resumed.rows().get(i).deltaMean(), 0, "resumed row " + i);
            }
            assertTrue(!java.nio.file.Files.exists(killed.resolve(".validation.tmp")), "staging removed");
            LimitsJob.run(spark, results, Map.of());
        } finally {
            spark.stop();
        }
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).coverage(), b.get(i).coverage(), 0, "row " + i);
            assertEquals(a.get(i).deltaMean(), b.get(i).deltaMean(), 0, "row " + i);
            assertEquals(a.get(i).ksGlobal(), b.get(i).ksGlobal(), 0, "row " + i);
        }

        double calibration = 0;
        int calibrated = 0;
        for (ValidationSummary.Row r : a) {
            double floor = 0.95 - 3 * Math.sqrt(0.05 * 0.95 / r.skies());
            if (r.method().equals(ValidationSummary.NEYMAN)) {
                // 100 skies out of sample against a belt of 100: a tolerance bound, >= 95 % with 90 % confidence
                floor -= 0.03;
            }
            assertTrue(r.coverage() >= floor, String.format("%s at %s %g/%g, delta_true %g: coverage %.3f",
                    r.method(), r.selection().kind(), r.selection().thresholdGev(), r.selection().eminGev(),
                    r.deltaTrue(), r.coverage()));
            if (r.deltaTrue() == 0 && r.method().equals("ul_delta_fermi2010")) {
                calibration += r.localBelow005();
                calibrated++;
            }
            if (r.deltaTrue() == 0.4 && r.selection().kind().equals("bin") && r.selection().eminGev() == 50) {
                assertEquals(0.4, r.deltaMean(), 0.04, "recovered amplitude");
                assertTrue(r.angle68Deg() < 20, "direction error " + r.angle68Deg());
            }
        }
        assertEquals(0.05, calibration / calibrated, 0.03, "local p <= 0.05 under isotropy");

        ParquetTable limits = ParquetTableReader.read(results.resolve("limits"), java.util.Set.of("kind", "ul_main"));
        String[] kind = limits.text("kind");
        String[] main = limits.text("ul_main");
        double[] p = limits.numeric("p_value");
        double[] neyman = limits.numeric("ul_delta_neyman");
        double[] fermi = limits.numeric("ul_delta_fermi2010");
        double[] expected = limits.numeric("ul_expected_p50");
        for (int i = 0; i < limits.rows(); i++) {
            assertTrue(p[i] > 0 && p[i] <= 1, kind[i] + " p " + p[i]);
            assertTrue(neyman[i] >= 0 && neyman[i] <= 3 && fermi[i] <= 3, kind[i] + " limits");
            assertTrue(expected[i] > 0, kind[i] + " expected limit");
            assertEquals(ValidationSummary.NEYMAN, main[i]);
        }
        assertEquals(3, java.util.Arrays.stream(kind).filter("bin"::equals).count());
    }
}
