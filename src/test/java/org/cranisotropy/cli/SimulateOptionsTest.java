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
            {"--spectrum-model", "triple"}, {"--config", badModel.toString()}, {"--energies", "shuffle"}};
        String[] expected = {"'foo'", "'1,2,3'", "'x'", "index > 1", "bad.conf: 1", "above every selected event",
            "'triple'", "'two'", events + ": missing column time, zenith_deg, azimuth_deg"};
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
}
