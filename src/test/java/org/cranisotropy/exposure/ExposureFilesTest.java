package org.cranisotropy.exposure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.io.HealpixMapFits;
import org.cranisotropy.sky.HealpixMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** (iv) Writing and reading DIR/exposure, and the validation of user manifests. */
class ExposureFilesTest {
    @TempDir
    Path tmp;

    private static ExposureCube cube(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        EnergyBinning b = EnergyBinning.logarithmic(50, 20000, 3);
        Map<EventClass, double[][]> maps = new EnumMap<>(EventClass.class);
        for (EventClass c : new EventClass[] {EventClass.A, EventClass.C}) {
            double[][] m = new double[3][12 * 4 * 4];
            for (double[] row : m) {
                for (int p = 0; p < row.length; p++) {
                    row[p] = 1e6 * rng.nextDouble();
                }
            }
            maps.put(c, m);
        }
        return new ExposureCube(4, b, maps);
    }

    @Test
    void writtenDirectoryReadsBackTheSameCube() throws IOException {
        ExposureCube cube = cube(1);
        Path dir = ExposureFiles.write(cube, tmp);
        assertEquals(tmp.resolve("exposure"), dir);
        assertEquals("class,emin_gev,emax_gev,file", Files.readAllLines(dir.resolve("manifest.csv")).get(0));
        ExposureCube back = ExposureFiles.read(dir);
        assertEquals(cube.binning(), back.binning());
        assertEquals(cube.classes(), back.classes());
        for (EventClass c : cube.classes()) {
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(cube.map(k, c), back.map(k, c), 0.0);
            }
        }
        assertEquals(2 * 3 * 192, parquetRows(dir.resolve("exposure.parquet")));
        // rewriting replaces the directory; no temporary directories are left behind
        ExposureFiles.write(cube(2), tmp);
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count());
        }
        assertFalse(java.util.Arrays.equals(cube.map(0, EventClass.A), ExposureFiles.read(dir).map(0, EventClass.A)));
    }

    @Test
    void manifestFileItselfCanBeGiven() {
        Path dir = ExposureFiles.write(cube(3), tmp);
        assertEquals(cube(3).classes(), ExposureFiles.read(dir.resolve("manifest.csv")).classes());
    }

    @Test
    void badManifestsNameFileRowAndValue() throws IOException {
        Path dir = ExposureFiles.write(cube(4), tmp);
        Path manifest = dir.resolve("manifest.csv");
        String good = Files.readString(manifest);

        Files.writeString(manifest, good.replace("A,50.0", "E,50.0"));
        expect(dir, "row 1", "unknown event class", "E");

        Files.writeString(manifest, good.replace("exposure_C_01.fits", "missing.fits"));
        expect(dir, "row 5", "not found", "missing.fits");

        String[] lines = good.split("\n");
        Files.writeString(manifest, String.join("\n", lines[0], lines[1], lines[3]) + "\n"); // class A bins 0 and 2
        expect(dir, "row 1", "do not tile", lines[1].split(",")[2]);

        Files.writeString(manifest, good.replace("emin_gev", "e_min"));
        expect(dir, "manifest.csv", "header", "e_min");

        Files.writeString(manifest, good.replace(",50.0,", ",fifty,"));
        expect(dir, "row 1", "not a number", "fifty");

        // a map of another Nside
        Files.writeString(manifest, good);
        HealpixMapFits.write(HealpixMap.ofRing(8, new double[768]), dir.resolve("exposure_C_02.fits"), "EXPOSURE");
        expect(dir, "exposure_C_02.fits", "Nside 8 differs from Nside 4", "row 6");

        // negative and NaN exposure
        double[] bad = new double[192];
        bad[17] = -1.5;
        HealpixMapFits.write(HealpixMap.ofRing(4, bad), dir.resolve("exposure_C_02.fits"), "EXPOSURE");
        expect(dir, "exposure_C_02.fits", "pixel 17", "-1.5");
        bad[17] = Double.NaN;
        HealpixMapFits.write(HealpixMap.ofRing(4, bad), dir.resolve("exposure_C_02.fits"), "EXPOSURE");
        expect(dir, "exposure_C_02.fits", "pixel 17", "NaN");

        // NESTED maps are reordered, not rejected
        Files.writeString(manifest, good);
        ExposureFiles.write(cube(4), tmp);
        assertTrue(ExposureFiles.read(dir).hasClass(EventClass.C));
    }

    private static void expect(Path dir, String... fragments) {
        BadInputException e = assertThrows(BadInputException.class, () -> ExposureFiles.read(dir));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    private static long parquetRows(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getRecordCount();
        }
    }
}
