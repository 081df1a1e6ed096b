package org.cranisotropy.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event files as FITS binary tables (columns by TTYPE), read and validated like CSV and Parquet. */
class FitsEventTableTest {
    @TempDir
    Path tmp;

    private Path write(String name, double[] e, double[] ra, double[] dec, String[] cls) throws Exception {
        Path f = tmp.resolve(name);
        try (Fits fits = new Fits()) {
            fits.addHDU(BasicHDU.getDummyHDU());
            BinaryTable t = new BinaryTable();
            t.addColumn(e);
            t.addColumn(ra);
            t.addColumn(dec);
            t.addColumn(cls);
            BinaryTableHDU hdu = BinaryTableHDU.wrap(t);
            hdu.setColumnName(0, "ENERGY_GEV", null);
            hdu.setColumnName(1, "RA_DEG", null);
            hdu.setColumnName(2, "DEC_DEG", null);
            hdu.setColumnName(3, "EVENT_CLASS", null);
            fits.addHDU(hdu);
            fits.write(f.toFile());
        }
        return f;
    }

    @Test
    void readsEnergiesClassesAndIcrsDirections() throws Exception {
        Path f = write("ev.fits", new double[] {120.5, 3000.0}, new double[] {83.63, 128.84},
                new double[] {22.01, -45.18}, new String[] {"A", "D"});
        EventSample s = EventSample.read(f);
        assertEquals(2, s.size());
        assertEquals(3000.0, s.energyGev(1));
        assertEquals(EventClass.D, s.eventClass(1));
        double[] g = org.cranisotropy.sky.GalacticFrame.fromIcrs(128.84, -45.18);
        assertEquals(g[0], s.lDeg(1), 1e-12);
        assertEquals(g[1], s.bDeg(1), 1e-12);
    }

    @Test
    void badValuesNameFileRowAndValue() throws Exception {
        Path f = write("bad.fits", new double[] {120.5, -1.0}, new double[] {83.63, 128.84},
                new double[] {22.01, -45.18}, new String[] {"A", "B"});
        BadInputException e = assertThrows(BadInputException.class, () -> EventSample.read(f));
        assertTrue(e.getMessage().contains("bad.fits, row 2") && e.getMessage().contains("-1.0"), e.getMessage());
        Path g = write("cls.fits", new double[] {120.5}, new double[] {83.63}, new double[] {22.01}, new String[] {"X"});
        e = assertThrows(BadInputException.class, () -> EventSample.read(g));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("X"), e.getMessage());
    }
}
