package org.cranisotropy.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FITS binary-table reader shared by event files and source catalogues. */
class FitsBinaryTableTest {
    @TempDir
    Path tmp;

    @Test
    void columnsByNameWithUnitsTextAndNumbers() throws Exception {
        Path f = tmp.resolve("t.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(BasicHDU.getDummyHDU());
            BinaryTable t = new BinaryTable();
            t.addColumn(new String[] {"Vela X  ", "Crab"});
            t.addColumn(new float[] {263.9f, 184.6f});
            t.addColumn(new int[] {7, 12});
            BinaryTableHDU hdu = BinaryTableHDU.wrap(t);
            hdu.setColumnName(0, "NAME", null);
            hdu.setColumnName(1, "GLON", null);
            hdu.setColumnName(2, "ID", null);
            hdu.getHeader().addValue("TUNIT2", "deg", null);
            fits.addHDU(hdu);
            fits.write(f.toFile());
        }
        FitsBinaryTable table = FitsBinaryTable.read(f);
        assertEquals(2, table.rows());
        assertEquals(3, table.columns().size());
        FitsBinaryTable.Column name = table.columns().get(0);
        assertEquals("name", name.name());
        assertNull(name.numeric());
        assertArrayEquals(new String[] {"Vela X", "Crab"}, name.text(), "FITS pads strings: trimmed");
        FitsBinaryTable.Column glon = table.columns().get(1);
        assertEquals("deg", glon.unit());
        assertArrayEquals(new double[] {263.9f, 184.6f}, glon.numeric());
        assertArrayEquals(new String[] {"7", "12"}, table.columns().get(2).text(), "integers keep their text");
    }

    @Test
    void noTableAndTruncatedFilesAreBadInputNamingTheFile() throws Exception {
        Path image = tmp.resolve("image.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(BasicHDU.getDummyHDU());
            fits.write(image.toFile());
        }
        BadInputException e = assertThrows(BadInputException.class, () -> FitsBinaryTable.read(image));
        assertTrue(e.getMessage().startsWith(image + ": no binary table"), e.getMessage());
        Path cut = tmp.resolve("cut.fits");
        Files.write(cut, "SIMPLE  =                    T".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        e = assertThrows(BadInputException.class, () -> FitsBinaryTable.read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
    }
}
