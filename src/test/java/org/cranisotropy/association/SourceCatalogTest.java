package org.cranisotropy.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.sky.GalacticFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sources as CSV, ECSV (space and comma) and FITS, in ICRS and galactic columns, and bad input. */
class SourceCatalogTest {
    static final String[] NAMES = {"Vela X", "Src \"B\"", "Polar"};
    static final double[] RA = {128.75, 133.08, 10.0};
    static final double[] DEC = {-45.6, -46.34, 89.5};

    @TempDir
    Path tmp;

    static double[] galactic(int i) {
        return GalacticFrame.fromIcrs(RA[i], DEC[i]);
    }

    private Path write(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static void assertSources(SourceCatalog c) {
        List<GammaRaySource> s = c.sources();
        assertEquals(NAMES.length, s.size());
        for (int i = 0; i < NAMES.length; i++) {
            double[] g = galactic(i);
            assertEquals(NAMES[i], s.get(i).name());
            // l is ill-defined only at the galactic poles; none of these is near one
            assertEquals(g[0], s.get(i).lDeg(), 1e-9, s.get(i).toString());
            assertEquals(g[1], s.get(i).bDeg(), 1e-9, s.get(i).toString());
        }
    }

    @Test
    void csvWithIcrsOrGalacticColumnsGivesTheSamePositions() throws Exception {
        StringBuilder icrs = new StringBuilder("# a comment\nName,RA_deg,Dec_deg\n");
        StringBuilder gal = new StringBuilder("source_name,GLON,GLAT\n");
        for (int i = 0; i < NAMES.length; i++) {
            String q = "\"" + NAMES[i].replace("\"", "\"\"") + "\"";
            icrs.append(q).append(',').append(RA[i]).append(',').append(DEC[i]).append('\n');
            double[] g = galactic(i);
            gal.append(q).append(',').append(g[0]).append(',').append(g[1]).append('\n');
        }
        assertSources(SourceCatalog.read(write("icrs.csv", icrs.toString())));
        assertSources(SourceCatalog.read(write("gal.csv", gal.toString())));
    }

    @Test
    void ecsvSpaceAndCommaDelimited() throws Exception {
        String header = """
                # %ECSV 1.0
                # ---
                # datatype:
                # - {name: source, datatype: string}
                # - {name: raj2000, unit: deg, datatype: float64}
                # - {name: dej2000, unit: deg, datatype: float64}
                """;
        StringBuilder space = new StringBuilder(header).append("# schema: astropy-2.0\nsource raj2000 dej2000\n");
        StringBuilder comma = new StringBuilder(header).append("# delimiter: ','\n# schema: astropy-2.0\nsource,raj2000,dej2000\n");
        for (int i = 0; i < NAMES.length; i++) {
            String q = "\"" + NAMES[i].replace("\"", "\"\"") + "\"";
            space.append(q).append("   ").append(RA[i]).append(' ').append(DEC[i]).append('\n');
            comma.append(q).append(',').append(RA[i]).append(',').append(DEC[i]).append('\n');
        }
        assertSources(SourceCatalog.read(write("s.ecsv", space.toString())));
        assertSources(SourceCatalog.read(write("c.ecsv", comma.toString())));
        // galactic columns in ECSV
        StringBuilder gal = new StringBuilder("# %ECSV 1.0\n# ---\n# datatype:\n# - {name: name, datatype: string}\n"
                + "# - {name: l, unit: deg, datatype: float64}\n# - {name: b, unit: deg, datatype: float64}\nname l b\n");
        for (int i = 0; i < NAMES.length; i++) {
            double[] g = galactic(i);
            gal.append('"').append(NAMES[i].replace("\"", "\"\"")).append("\" ").append(g[0]).append(' ').append(g[1])
                    .append('\n');
        }
        assertSources(SourceCatalog.read(write("g.ecsv", gal.toString())));
    }

    @Test
    void fitsBinaryTable() throws Exception {
        Path f = tmp.resolve("cat.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(BasicHDU.getDummyHDU());
            BinaryTable t = new BinaryTable();
            t.addColumn(NAMES.clone());
            t.addColumn(RA.clone());
            t.addColumn(DEC.clone());
            BinaryTableHDU hdu = BinaryTableHDU.wrap(t);
            hdu.setColumnName(0, "SOURCE_NAME", null);
            hdu.setColumnName(1, "RAJ2000", null);
            hdu.setColumnName(2, "DEJ2000", null);
            hdu.addValue("TUNIT2", "deg", null);
            hdu.addValue("TUNIT3", "deg", null);
            fits.addHDU(hdu);
            fits.write(f.toFile());
        }
        assertSources(SourceCatalog.read(f));
    }

    @Test
    void badInputNamesFileRowAndValue() throws Exception {
        bad("nocol.csv", "name,ra_deg,declination\nA,10,20\n", "nocol.csv", "columns are");
        bad("lat.csv", "name,glon,glat\nA,10,20\nB,30,95.5\n", "lat.csv, row 2", "95.5");
        bad("nan.csv", "name,ra,dec\nA,10,20\nB,3O,20\n", "nan.csv, row 2", "3O");
        bad("empty.csv", "name,ra,dec\n", "empty.csv", "empty catalog");
        bad("blank.csv", "", "blank.csv", "empty file");
        bad("fields.csv", "name,ra,dec\nA,10\n", "fields.csv, row 1", "expected 3 fields");
        bad("noname.csv", "name,ra,dec\n ,10,20\n", "noname.csv, row 1", "empty source name");
        bad("rad.ecsv", "# %ECSV 1.0\n# ---\n# datatype:\n# - {name: name, datatype: string}\n"
                + "# - {name: ra, unit: rad, datatype: float64}\n# - {name: dec, unit: rad, datatype: float64}\n"
                + "name ra dec\nA 1.0 0.5\n", "rad.ecsv", "unit rad");
        bad("ra.csv", "name,ra,dec\nA,-10,20\n", "ra.csv, row 1", "-10");
        bad("missing.csv", null, "missing.csv", "no such catalog file");
    }

    private void bad(String name, String text, String where, String what) throws Exception {
        Path f = text == null ? tmp.resolve(name) : write(name, text);
        BadInputException e = assertThrows(BadInputException.class, () -> SourceCatalog.read(f));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)));
    }
}
