package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.events.EventFileReader;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.events.RawTable;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cra analyze end to end on a small data set, and its refusals of bad input. */
class AnalyzeCommandTest {
    @TempDir
    Path tmp;
    Path exposure;
    StringBuilder csv;

    @BeforeEach
    void setUp() {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        exposure = ExposureFiles.write(cube, tmp);
        EventSample ev = AnalysisFixtures.events(cube, 30000, 0.0, 3);
        csv = new StringBuilder("energy_gev,l_deg,b_deg,event_class\n");
        for (int i = 0; i < ev.size(); i++) {
            csv.append(ev.energyGev(i)).append(',').append(ev.lDeg(i)).append(',').append(ev.bDeg(i)).append(',')
                    .append(ev.eventClass(i)).append('\n');
        }
    }

    @Test
    void writesBothTablesWithTheDocumentedColumnsAndMetadata() throws Exception {
        Path events = tmp.resolve("events.csv");
        Files.writeString(events, csv);
        Path out = tmp.resolve("out");
        AlmCommandTest.Run r = AlmCommandTest.run("analyze", "--events", events.toString(), "--exposure",
                exposure.toString(), "--out", out.toString(), "--config", projectFile("conf/demo.conf"));
        assertEquals(0, r.code(), r.err());
        RawTable t = EventFileReader.readTable(out.resolve("measured_thresholds"));
        for (String c : new String[] {"threshold_gev", "n_events", "c0", "c1", "c2", "c3", "delta", "dipole_l_deg",
            "dipole_b_deg", "cn"}) {
            assertTrue(t.has(c), c);
        }
        RawTable b = EventFileReader.readTable(out.resolve("measured_bins"));
        assertEquals(2 * 8, b.rows());
        assertTrue(b.has("emin_gev") && b.has("emax_gev"));
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(
                out.resolve("measured_bins").resolve("part-00000.parquet")))) {
            Map<String, String> kv = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            assertTrue(kv.containsKey("cra.version") && kv.get("cra.config").contains("bin-edges-gev"), kv.toString());
            // the settings in force, in cra.analysis's terms (what a run without --config records too)
            assertTrue(kv.get("cra.analysis").startsWith("standard-thresholds-gev [125, 250, 500, 1000, 2000] grid-count 200")
                    && kv.get("cra.analysis").contains("bin-edges-gev [50, 65, 100, 158, 251, 398, 562, 1000, 5000]")
                    && kv.get("cra.analysis").contains("class-selection [A,B 0-475.5 GeV; "), kv.get("cra.analysis"));
        }
    }

    @Test
    void badEventsExitWithTwoNamingRowAndValueAndLeaveNoOutput() throws Exception {
        String[] lines = csv.toString().split("\n");
        check(lines, 5, "-3.5,10,20,A", "energy_gev", "-3.5");
        check(lines, 6, "NaN,10,20,A", "energy_gev", "NaN");
        check(lines, 7, "100,10,95,A", "b_deg", "95");
        check(lines, 8, "100,10,20,E", "event_class", "E");
        check(lines, 9, "100,abc,20,A", "l_deg", "abc");
    }

    @Test
    void zeroExposureAtAnEventIsBadInput() throws Exception {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        Map<org.cranisotropy.exposure.EventClass, double[][]> maps = new java.util.EnumMap<>(org.cranisotropy.exposure.EventClass.class);
        for (org.cranisotropy.exposure.EventClass c : cube.classes()) {
            double[][] m = new double[cube.binning().size()][];
            for (int k = 0; k < m.length; k++) {
                m[k] = cube.map(k, c);
                m[k][0] = 0.0; // the north-pole pixel sees nothing
            }
            maps.put(c, m);
        }
        Path dir = ExposureFiles.write(new ExposureCube(16, cube.binning(), maps), tmp.resolve("holes"));
        Path events = tmp.resolve("pole.csv");
        Files.writeString(events, "energy_gev,l_deg,b_deg,event_class\n100,10,20,A\n200,45,89.9,B\n");
        AlmCommandTest.Run r = AlmCommandTest.run("analyze", "--events", events.toString(), "--exposure", dir.toString(),
                "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("row 2") && r.err().contains("zero exposure"), r.err());
        assertFalse(Files.exists(tmp.resolve("o").resolve("measured_thresholds")));
    }

    @Test
    void truncatedParquetAndThresholdAboveEveryEventAreBadInput() throws Exception {
        Path pq = tmp.resolve("ev");
        new ParquetTableWriter().column("energy_gev", Kind.DOUBLE).column("l_deg", Kind.DOUBLE)
                .column("b_deg", Kind.DOUBLE).column("event_class", Kind.STRING)
                .row(100.0, 10.0, 20.0, "A").row(150.0, 30.0, -20.0, "B").write(pq, Map.of());
        Path part = pq.resolve("part-00000.parquet");
        byte[] all = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(all, all.length / 2));
        AlmCommandTest.Run r = AlmCommandTest.run("analyze", "--events", pq.toString(), "--exposure", exposure.toString(),
                "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("part-00000.parquet"), r.err());

        Path few = tmp.resolve("few.csv");
        Files.writeString(few, "energy_gev,l_deg,b_deg,event_class\n100,10,20,A\n150,30,-20,B\n");
        r = AlmCommandTest.run("analyze", "--events", few.toString(), "--exposure", exposure.toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("above every selected event"), r.err());
        assertFalse(Files.exists(tmp.resolve("o").resolve("measured_thresholds")));
    }

    @Test
    void anOutputDirectoryThatIsAFileIsBadInputBeforeAnyWork() throws Exception {
        Path events = tmp.resolve("events.csv");
        Files.writeString(events, csv);
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "not a directory");
        for (Path out : new Path[] {file, file.resolve("below")}) {
            AlmCommandTest.Run r = AlmCommandTest.run("analyze", "--events", events.toString(), "--exposure",
                    exposure.toString(), "--out", out.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--out " + out) && r.err().contains("is a file, not a directory"), r.err());
        }
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void runPassesItsFailedStepsExitCodeOnWithoutATrace() throws Exception {
        String[] lines = csv.toString().split("\n");
        lines[3] = "NaN,10,20,A";
        Path events = tmp.resolve("bad-run.csv");
        Files.writeString(events, String.join("\n", lines) + "\n");
        Path conf = tmp.resolve("run.conf");
        writeRunConfig(conf, "", tmp.resolve("run"), events, "local[1]", 2);
        AlmCommandTest.Run r = AlmCommandTest.run("run", "--config", conf.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("row 3") && r.err().contains("cra run: step analyze failed (exit 2)")
                && !r.err().contains("Exception") && !r.err().contains("\tat "), r.err());

        // a bad simulation section is refused before analyze replaces a table
        Files.writeString(conf, Files.readString(conf).replace(events.toString(), tmp.resolve("events.csv").toString())
                + "cra.simulation.energies = bogus\n");
        Files.writeString(tmp.resolve("events.csv"), csv);
        r = AlmCommandTest.run("run", "--config", conf.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(conf + ": energies must be 'spectrum', 'data' or 'shuffle', got 'bogus'"), r.err());
        // a bad analysis value names the file too
        Files.writeString(conf, Files.readString(conf).replace("cra.simulation.energies = bogus\n", "")
                + "cra.analysis.bin-edges-gev = [100, 50]\n");
        r = AlmCommandTest.run("run", "--config", conf.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(conf + ": cra.analysis.bin-edges-gev must increase"), r.err());
        assertFalse(Files.exists(tmp.resolve("run").resolve("measured_thresholds")));
    }

    @Test
    void runSkipsAStepOnlyWhileItsInputsAndItsOutputsAreAsItLeftThem() throws Exception {
        Path events = tmp.resolve("events.csv");
        Files.writeString(events, csv);
        Path out = tmp.resolve("run");
        Path conf = tmp.resolve("run.conf");
        writeRunConfig(conf, "cra.analysis { grid-count = 10, every-event = false }\ncra.simulation.energies = data\n",
                out, events, "local[2]", 4);
        AlmCommandTest.Run r = AlmCommandTest.run("run", "--config", conf.toString());
        assertEquals(0, r.code(), r.err());
        // the events and maps are the user's, not in OUT: the closing message neither lists them nor queries them
        assertTrue(r.out().contains("measured_thresholds/") && !r.out().contains("events/")
                && !r.out().contains("exposure/ holds") && !r.out().contains("FROM events"), r.out());
        r = AlmCommandTest.run("run", "--config", conf.toString());
        assertEquals(0, r.code(), r.err());
        // the last step wrote the Vela model's predictions for the run's selections
        assertTrue(Files.isDirectory(out.resolve("model")) && r.out().contains("model/ (the Vela model's predictions)"),
                r.out());
        for (String step : new String[] {"analyze", "simulate", "limits", "model"}) {
            assertTrue(r.err().contains("cra run: " + step + " is up to date"), r.err());
        }

        // cra.model.vela changed: only the model step again, with the configured parameters in model/'s footer
        String before = Files.readString(conf);
        Files.writeString(conf, before + "cra.model.vela { index = 2.5, emission-kyr = 0 }\n");
        r = AlmCommandTest.run("run", "--config", conf.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("cra run: limits is up to date") && r.err().contains("cra run: model ..."), r.err());
        String model = org.cranisotropy.io.ParquetTableReader.read(out.resolve("model")).metadata().get("cra.model");
        assertTrue(model.contains("\"index\":2.5") && model.contains("\"emission_kyr\":0.0"), model);
        Files.writeString(conf, before);

        // bands/ rewritten by hand with other settings: simulate (the run's own settings) and limits again
        r = AlmCommandTest.run("simulate", "--events", events.toString(), "--exposure", exposure.toString(), "--out",
                out.toString(), "--samples", "3", "--seed", "99", "--master", "local[1]", "--config", conf.toString());
        assertEquals(0, r.code(), r.err());
        r = AlmCommandTest.run("run", "--config", conf.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("cra run: analyze is up to date") && r.err().contains("cra run: simulate ...")
                && r.err().contains("cra run: limits ..."), r.err());
        assertEquals("4", org.cranisotropy.io.ParquetTableReader.read(out.resolve("bands")).metadata().get("cra.samples"));
        // limits/ says what it was made from: the bands' seed, sample count and configuration
        Map<String, String> limits = org.cranisotropy.io.ParquetTableReader.read(out.resolve("limits")).metadata();
        assertTrue("1".equals(limits.get("cra.seed")) && "4".equals(limits.get("cra.samples"))
                && limits.get("cra.config").contains("grid-count") && limits.containsKey("cra.measured_created"),
                limits.toString());

        // the events rewritten with the same size and the old modification time: analyze again
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(events);
        String[] lines = csv.toString().split("\n");
        String second = lines[2];
        lines[2] = lines[1];
        lines[1] = second;
        Files.writeString(events, String.join("\n", lines) + "\n");
        Files.setLastModifiedTime(events, mtime);
        assertEquals(csv.length(), Files.size(events));
        r = AlmCommandTest.run("run", "--config", conf.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("cra run: analyze ..."), r.err());
    }

    private void check(String[] lines, int row, String replacement, String column, String value) throws Exception {
        String[] copy = lines.clone();
        copy[row] = replacement;
        Path events = tmp.resolve("bad-" + row + ".csv");
        Files.writeString(events, String.join("\n", copy) + "\n");
        Path out = tmp.resolve("out-" + row);
        AlmCommandTest.Run r = AlmCommandTest.run("analyze", "--events", events.toString(), "--exposure",
                exposure.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(events.toString()) && r.err().contains("row " + row) && r.err().contains(column)
                && r.err().contains(value), r.err());
        assertFalse(Files.exists(out));
    }

    /** A run configuration: conf/demo.conf, then the given lines, then cra.run over these events and maps. */
    private void writeRunConfig(Path conf, String lines, Path out, Path events, String master, int samples)
            throws java.io.IOException {
        Files.writeString(conf, "include file(\"" + Path.of(projectFile("conf/demo.conf")).toAbsolutePath() + "\")\n"
                + lines + "cra.run { out = \"" + out + "\", events = \"" + events + "\", exposure = \"" + exposure
                + "\", master = \"" + master + "\", samples = " + samples + ", seed = 1 }\n");
    }

    static String projectFile(String rel) {
        return Path.of(System.getProperty("cra.projectDir", ".")).resolve(rel).toString();
    }
}
