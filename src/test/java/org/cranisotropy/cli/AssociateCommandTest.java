package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.events.EventFileReader;
import org.cranisotropy.events.RawTable;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ExposureFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cra associate end to end: printed table, Parquet tables with metadata, and refusals of bad input. */
class AssociateCommandTest {
    @TempDir
    Path tmp;
    Path exposure;
    Path events;
    Path catalog;

    @BeforeEach
    void setUp() throws Exception {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        exposure = ExposureFiles.write(cube, tmp);
        events = tmp.resolve("ev.csv");
        // rows 2 and 4 within 2 deg of a source (1.9 deg), row 3 at 2.1 deg, row 1 below emin, row 5 far away
        Files.writeString(events, """
                energy_gev,l_deg,b_deg,event_class
                900,263.9,-3.3,A
                6000,263.9,-1.4,B
                7000,263.9,-5.4,C
                8000,184.56,-3.88,D
                9000,30,40,A
                """);
        catalog = tmp.resolve("cat.csv");
        Files.writeString(catalog, "# test sources\nname,glon,glat\nVela X,263.9,-3.3\nCrab,184.56,-5.78\n");
    }

    @Test
    void printsTheEventsAndTheSummaryAndWritesBothTables() throws Exception {
        Path out = tmp.resolve("out");
        AlmCommandTest.Run r = AlmCommandTest.run("associate", "--events", events.toString(), "--exposure",
                exposure.toString(), "--catalog", catalog.toString(), "--skies", "500", "--seed", "3", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("k = 2 of 4 events within 2 deg"), r.out());
        assertTrue(r.out().contains("P(K >= 2)"), r.out());
        RawTable ev = EventFileReader.readTable(out.resolve("association_events"));
        assertEquals(4, ev.rows());
        for (String c : new String[] {"event_row", "energy_gev", "event_class", "l_deg", "b_deg", "nearest_source",
            "distance_deg"}) {
            assertTrue(ev.has(c), c);
        }
        double[] rows = ev.numeric("event_row");
        assertEquals(5.0, rows[0]);
        RawTable sum = EventFileReader.readTable(out.resolve("association_summary"));
        assertEquals(2.0, sum.numeric("k")[0]);
        assertEquals(500.0, sum.numeric("skies")[0]);
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(
                out.resolve("association_summary").resolve("part-00000.parquet")))) {
            Map<String, String> kv = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            assertEquals("3", kv.get("cra.seed"));
            assertTrue(kv.containsKey("cra.version") && kv.get("cra.command").equals("associate"), kv.toString());
        }
        // the same seed prints the same result
        AlmCommandTest.Run again = AlmCommandTest.run("associate", "--events", events.toString(), "--exposure",
                exposure.toString(), "--catalog", catalog.toString(), "--skies", "500", "--seed", "3");
        assertEquals(r.out().lines().filter(x -> x.startsWith("k = ")).toList(),
                again.out().lines().filter(x -> x.startsWith("k = ")).toList());
    }

    @Test
    void badCatalogExitsWithTwoOnOneLineNamingFileAndRowAndWritesNothing() throws Exception {
        bad("lat.csv", "name,glon,glat\nA,10,20\nB,30,-91\n", "row 2", "-91");
        bad("num.ecsv", "# %ECSV 1.0\n# ---\nname ra dec\nA 10 x20\n", "row 1", "x20");
        bad("cols.csv", "name,lon,lat\nA,10,20\n", "cols.csv", "columns are");
        bad("none.csv", "name,ra,dec\n", "none.csv", "empty catalog");
    }

    @Test
    void noEventAboveEminAndBadOptionsAreBadInput() {
        AlmCommandTest.Run r = AlmCommandTest.run("associate", "--events", events.toString(), "--exposure",
                exposure.toString(), "--catalog", catalog.toString(), "--emin", "20000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no event at or above"), r.err());
        r = AlmCommandTest.run("associate", "--events", events.toString(), "--exposure", exposure.toString(),
                "--catalog", catalog.toString(), "--radius", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--radius"), r.err());
    }

    private void bad(String name, String text, String row, String value) throws Exception {
        Path cat = tmp.resolve(name);
        Files.writeString(cat, text);
        Path out = tmp.resolve("out-" + name);
        AlmCommandTest.Run r = AlmCommandTest.run("associate", "--events", events.toString(), "--exposure",
                exposure.toString(), "--catalog", cat.toString(), "--skies", "10", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(cat.toString()) && r.err().contains(row) && r.err().contains(value), r.err());
        assertFalse(Files.exists(out));
    }
}
