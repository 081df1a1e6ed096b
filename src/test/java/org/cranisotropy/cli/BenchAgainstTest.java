package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * cra bench --against: the Monte Carlo core of two builds in one JVM, each in its own class loader. Run
 * against this build's own classes, both sides must make the same samples (the check compares their
 * measurement rows bit for bit) and every round is reported; a path that holds no build is one line
 * with exit code 2. Speed itself is not asserted.
 */
class BenchAgainstTest {
    @TempDir
    Path tmp;

    @Test
    void comparesTwoLoadersOfTheSameBuild() throws Exception {
        ExposureCube cube = AnalysisFixtures.bandExposure(8);
        Path exposure = ExposureFiles.write(cube, tmp.resolve("exposure"));
        EventSample ev = AnalysisFixtures.events(cube, 2000, 0.0, 5);
        Path events = AnalysisFixtures.writeCsv(ev, tmp.resolve("events.csv"));
        Path conf = tmp.resolve("small.conf"); // thresholds and bins that 2000 events from 50 GeV fill
        Files.writeString(conf, "cra.analysis {\n"
                + "  class-selection = [{ emin-gev = 0, emax-gev = 475.5, classes = [A, B] },\n"
                + "    { emin-gev = 475.5, emax-gev = 1e12, classes = [A, B, C, D] }]\n"
                + "  standard-thresholds { emin-gev = 60, emax-gev = 300, count = 3 }\n"
                + "  grid-count = 20, every-event = false, bin-edges-gev = [50, 100, 200, 1000]\n}\n");
        Path self = Path.of(CoreTiming.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (String energies : new String[] {"spectrum", "data"}) {
            AlmCommandTest.Run r = AlmCommandTest.run(new String[] {"bench", "--events", events.toString(),
                "--exposure", exposure.toString(), "--config", conf.toString(), "--against", self.toString(), "--ab-rounds", "3", "--ab-samples",
                "2", "--threads", "2", "--energies", energies});
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains(energies + " energies"), r.out());
            for (int k = 1; k <= 3; k++) {
                assertTrue(r.out().contains("round " + k + ": this build "), r.out());
            }
            assertTrue(r.out().contains("against / this = "), r.out());
            assertTrue(r.out().contains("bit for bit): yes"), r.out());
        }
        AlmCommandTest.Run bad = AlmCommandTest.run(new String[] {"bench", "--events", events.toString(),
            "--exposure", exposure.toString(), "--against", tmp.resolve("nothing.jar").toString()});
        assertEquals(2, bad.code(), bad.err());
        assertEquals(1, bad.err().strip().split("\n").length, bad.err());
        assertTrue(bad.err().contains("nothing.jar"), bad.err());
    }
}
