package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ExposureFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cra simulate refuses bad Monte Carlo options and configuration values before any Spark work: exit
 * code 2, one stderr line naming the value (and file and line for a configuration), nothing written.
 */
class SimulateOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void badEnergyOptionsAndConfigurationAreOneLineErrors() throws Exception {
        ExposureCube cube = AnalysisFixtures.bandExposure(8);
        Path exposure = ExposureFiles.write(cube, tmp);
        EventSample ev = AnalysisFixtures.events(cube, 2000, 0.0, 5);
        Path events = AnalysisFixtures.writeCsv(ev, tmp.resolve("events.csv"));
        Path badConf = tmp.resolve("bad.conf");
        Files.writeString(badConf, "cra.simulation.spectrum { fit = false, index = \"soft\" }\n");
        Path badModel = tmp.resolve("model.conf");
        Files.writeString(badModel, "include file(\"" + Path.of(AnalyzeCommandTest.projectFile("conf/demo.conf"))
                .toAbsolutePath() + "\")\ncra.simulation.spectrum.model = two\n");
        // a standard threshold above every selected event: refused before Spark (it used to fail in every task
        // that built the sampler, exit 1 with stack traces and a staging directory left behind)
        Path high = tmp.resolve("high.conf");
        Files.writeString(high, "include file(\"" + Path.of(AnalyzeCommandTest.projectFile("conf/demo.conf")).toAbsolutePath()
                + "\")\ncra.analysis.standard-thresholds { emin-gev = 1e6, emax-gev = 1e7 }\n"
                + "cra.simulation.energies = data\n");
        String[][] cases = {
            {"--energies", "foo"}, {"--spectrum", "1,2,3"}, {"--spectrum", "3.1,x,1000,0.2"},
            {"--spectrum", "0.5,1.0,1000,0.2"}, {"--config", badConf.toString()}, {"--config", high.toString()},
            {"--spectrum-model", "triple"}, {"--config", badModel.toString()}, {"--spectrum", "3.1,3.5,4.0,300,1000"},
            {"--spectrum", "3.1,3.5,4.0,300,1000,0.2,0.1"}, {"--spectrum", "3.1,2.8,4.0,1000,300,0.2"},
            {"--spectrum", "3.1,2.8,4.0,300,1000,soft"}, {"--energies", "shuffle"}};
        String[] expected = {"'foo'", "'1,2,3'", "'x'", "index > 1", "bad.conf: 1", "above every selected event",
            "'triple'", "'two'", "4 numbers G1,G2,EB,S (one break) or 6 numbers G1,G2,G3,EB1,EB2,S (two breaks), got 5",
            "got 7 in '3.1,3.5,4.0,300,1000,0.2,0.1'", "0 < break1 <= break2", "'soft'",
            events + ": missing column time, zenith_deg, azimuth_deg"};
        for (int k = 0; k < cases.length; k++) {
            Path out = tmp.resolve("out" + k);
            String[] args = {"simulate", "--events", events.toString(), "--exposure", exposure.toString(), "--out",
                out.toString(), "--samples", "3", "--master", "local[1]", cases[k][0], cases[k][1]};
            AlmCommandTest.Run r = AlmCommandTest.run(args);
            assertEquals(2, r.code(), String.join(" ", cases[k]) + ": " + r.err());
            String[] lines = r.err().strip().split("\n");
            assertEquals(1, lines.length, r.err());
            assertTrue(lines[0].startsWith("cra simulate: error: ") && lines[0].contains(expected[k]), lines[0]);
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", cases[k]));
        }
    }

    /**
     * A given two-break flux (six numbers) is the one the samples' energies are drawn from: the samples' counts
     * above a threshold past the second break follow it (seen through the selection's exposure), and not the
     * one-break flux of its first four numbers, which puts about ten times as many events there. The same holds
     * for the two-break flux given in the configuration.
     */
    @Test
    void aGivenTwoBreakSpectrumIsTheOneTheSamplesAreDrawnFrom() throws Exception {
        ExposureCube cube = AnalysisFixtures.bandExposure(8);
        Path exposure = ExposureFiles.write(cube, tmp);
        EventSample ev = AnalysisFixtures.events(cube, 2000, 0.0, 5);
        Path events = AnalysisFixtures.writeCsv(ev, tmp.resolve("events.csv"));
        Path conf = tmp.resolve("scan.conf");
        String scan = "cra.analysis { standard-thresholds { emin-gev = 100, emax-gev = 400, count = 3 }, grid-count = 2,"
                + " every-event = false, bin-edges-gev = [50, 100, 400] }\n";
        Files.writeString(conf, scan);
        Path given = tmp.resolve("given.conf");
        Files.writeString(given, scan + "cra.simulation.spectrum { fit = false, index = 2.0, index-high = 2.0, "
                + "break-gev = 60, index-above-break2 = 5.0, break2-gev = 200, softness = 0.1 }\n");
        org.cranisotropy.analysis.PreparedSample prepared = org.cranisotropy.analysis.PreparedSample.of(ev, "events",
                cube, SettingsReader.analysis(RunConfig.load(conf)).selection());
        double emin = prepared.energyGev(prepared.size() - 1);
        double emax = Math.max(prepared.energyGev(0), 20000);
        int n = prepared.size();
        double twoBreaks = org.cranisotropy.montecarlo.ObservedSpectrum.of(new org.cranisotropy.events.DoubleBrokenPowerLaw(
                2.0, 2.0, 5.0, 60, 0.1, 200, 0.1, emin, emax), prepared.selectionExposure()).tailProbability(400);
        double oneBreak = org.cranisotropy.montecarlo.ObservedSpectrum.of(new org.cranisotropy.events.BrokenPowerLaw(
                2.0, 2.0, 60, 0.1, emin, emax), prepared.selectionExposure()).tailProbability(400);
        assertTrue(oneBreak > 5 * twoBreaks, oneBreak + " vs " + twoBreaks);
        int samples = 40;
        String[][] ways = {{"--config", conf.toString(), "--spectrum", "2.0,2.0,5.0,60,200,0.1"},
            {"--config", given.toString()}};
        for (int w = 0; w < ways.length; w++) {
            Path out = tmp.resolve("given" + w);
            String[] base = {"simulate", "--events", events.toString(), "--exposure", exposure.toString(), "--out",
                out.toString(), "--samples", Integer.toString(samples), "--master", "local[1]"};
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(ways[w]))
                    .toArray(String[]::new);
            AlmCommandTest.Run r = AlmCommandTest.run(args);
            assertEquals(0, r.code(), r.err());
            String recorded = org.cranisotropy.io.ParquetTableReader.read(out.resolve("bands")).metadata()
                    .get("cra.spectrum");
            assertEquals(org.cranisotropy.events.DoubleBrokenPowerLaw.class,
                    org.cranisotropy.events.FluxSpectrum.parse(recorded).getClass(), recorded);
            // the samples' counts above 400 GeV (a standard threshold; fixed N per sample)
            double sum = 0;
            int rows = 0;
            try (var files = Files.walk(out.resolve("samples"))) {
                for (Path f : files.filter(p -> p.toString().contains("kind=standard") && p.toString().endsWith(".parquet"))
                        .toList()) {
                    org.cranisotropy.io.ParquetTable t = org.cranisotropy.io.ParquetTableReader.read(f);
                    double[] th = t.numeric("threshold_gev");
                    double[] count = t.numeric("n_events");
                    double[] corrected = t.numeric("corrected");
                    for (int i = 0; i < t.rows(); i++) {
                        if (Math.abs(th[i] - 400) < 1e-6 && corrected[i] == 1) {
                            sum += count[i];
                            rows++;
                        }
                    }
                }
            }
            assertEquals(samples, rows);
            double mean = sum / rows;
            double sigma = Math.sqrt(n * twoBreaks * (1 - twoBreaks) / rows);
            assertEquals(n * twoBreaks, mean, 5 * sigma, String.join(" ", ways[w]));
            assertTrue(n * oneBreak - mean > 20 * sigma, mean + " vs one break " + n * oneBreak);
        }
    }
}
