package org.cranisotropy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cranisotropy.Golden;
import org.cranisotropy.harmonics.Alm;
import org.cranisotropy.harmonics.HarmonicAnalysis;
import org.cranisotropy.harmonics.TestMaps;
import org.cranisotropy.sky.HealpixMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maps written by healpy's write_map (RING float64, NESTED float32) and as CSV. */
class MapFilesTest {
    private static final JsonNode FIXTURES = Golden.json("alm_golden.json").get("fixtures");

    @TempDir
    Path tmp;

    @Test
    void healpyRingFitsIsTheDipoleTestMap() {
        HealpixMap map = MapFiles.read(Golden.file("dipole16_ring.fits"));
        HealpixMap ref = TestMaps.make("dipole", 16);
        for (int p = 0; p < map.npix(); p++) {
            assertEquals(ref.get(p), map.get(p), 1e-14, "pixel " + p);
        }
        checkAlm(map, FIXTURES.get("ring64"), 1e-9);
    }

    @Test
    void healpyNestedFloatFitsIsReorderedToRing() {
        HealpixMap map = MapFiles.read(Golden.file("dipole16_nest.fits"));
        HealpixMap ring = TestMaps.make("dipole", 16);
        for (int p = 0; p < map.npix(); p++) {
            assertEquals(ring.get(p), map.get(p), 1e-6 * Math.abs(ring.get(p)));
        }
        checkAlm(map, FIXTURES.get("nest32"), 1e-9);
    }

    @Test
    void csvMapEqualsTheFitsMap() {
        assertEquals(MapFiles.read(Golden.file("dipole16_ring.fits")), MapFiles.read(Golden.file("dipole16_ring.csv")));
    }

    @Test
    void writtenFitsReadsBack() {
        HealpixMap map = TestMaps.make("noise", 16);
        Path f = tmp.resolve("noise.fits");
        MapFiles.write(map, f);
        assertEquals(map, MapFiles.read(f));
    }

    @Test
    void anUnknownOutputExtensionIsRefusedNotWrittenAsFits() {
        Path f = tmp.resolve("m.txt");
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> MapFiles.write(TestMaps.make("noise", 4), f));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("m.txt"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(f));
    }

    @Test
    void truncatedFitsIsRejectedWithTheFileName() throws IOException {
        byte[] all = Files.readAllBytes(Golden.file("dipole16_ring.fits"));
        Path f = tmp.resolve("cut.fits");
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        // the library's own report (a warning with a stack trace on stderr) must not come before our one line
        java.util.logging.Logger fitsLog = java.util.logging.Logger.getLogger("nom.tam.fits.Fits");
        java.util.List<java.util.logging.LogRecord> logged = new java.util.ArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        fitsLog.addHandler(h);
        try {
            BadInputException e = assertThrows(BadInputException.class, () -> MapFiles.read(f));
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        } finally {
            fitsLog.removeHandler(h);
        }
        assertEquals(java.util.List.of(), logged.stream().map(java.util.logging.LogRecord::getMessage).toList());
    }

    @Test
    void badCsvRowsNameRowAndValue() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "pix,value\n0,1\n1,abc\n");
        BadInputException e = assertThrows(BadInputException.class, () -> MapFiles.read(f));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("abc"), e.getMessage());
        Files.writeString(f, "pix,value\n0,1\n1,2\n");
        e = assertThrows(BadInputException.class, () -> MapFiles.read(f));
        assertTrue(e.getMessage().contains("12 Nside^2"), e.getMessage());
    }

    private static void checkAlm(HealpixMap map, JsonNode ref, double tol) {
        Alm alm = HarmonicAnalysis.alm(map, 3, 0);
        for (JsonNode a : ref.get("alm")) {
            int l = a.get(0).asInt();
            int m = a.get(1).asInt();
            double scale = Math.sqrt(ref.get("cl").get(l).asDouble());
            assertEquals(a.get(2).asDouble(), alm.re(l, m), tol * scale);
            assertEquals(a.get(3).asDouble(), alm.im(l, m), tol * scale);
        }
    }
}
