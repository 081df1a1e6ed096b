package org.cranisotropy.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;

/**
 * The first binary-table extension of a FITS file (nom-tam-fits), column by column: the name
 * (TTYPEn, trimmed, lower case), the unit (TUNITn, or null), and the cells as text (trimmed) and,
 * for scalar numeric columns, as doubles. Vector (array-valued) cells are left out. Shared by the
 * event files and the source catalogues, which each validate the columns they need. Immutable.
 */
public record FitsBinaryTable(String file, int rows, List<Column> columns) {
    /** One column: numeric is null for a text column; text holds every cell either way. */
    public record Column(String name, String unit, double[] numeric, String[] text) {}

    static {
        FitsLogging.quiet();
    }

    public FitsBinaryTable {
        columns = List.copyOf(columns);
    }

    /** Reads the table; a file without a binary table, or one nom-tam-fits cannot read, is bad input. */
    public static FitsBinaryTable read(Path path) {
        String file = path.toString();
        try (Fits fits = StoragePath.isLocal(path) ? new Fits(path.toFile())
                : new Fits(java.nio.file.Files.newInputStream(path))) {
            BinaryTableHDU table = null;
            for (BasicHDU<?> h : fits.read()) {
                if (h instanceof BinaryTableHDU b) {
                    table = b;
                    break;
                }
            }
            if (table == null) {
                throw new BadInputException(file + ": no binary table extension");
            }
            int n = table.getNRows();
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < table.getNCols(); c++) {
                String name = table.getColumnName(c).strip().toLowerCase(Locale.ROOT);
                String unit = table.getHeader().getStringValue("TUNIT" + (c + 1));
                unit = unit == null ? null : unit.strip();
                Object data = table.getColumn(c);
                if (data instanceof String[] s) {
                    String[] text = new String[n];
                    for (int i = 0; i < n; i++) {
                        text[i] = s[i].strip();
                    }
                    columns.add(new Column(name, unit, null, text));
                } else if (data != null && data.getClass().isArray() && !data.getClass().getComponentType().isArray()
                        && Array.getLength(data) == n) {
                    double[] d = new double[n];
                    String[] text = new String[n];
                    for (int i = 0; i < n; i++) {
                        Object v = Array.get(data, i);
                        d[i] = v instanceof Number num ? num.doubleValue() : Double.NaN;
                        text[i] = String.valueOf(v);
                    }
                    columns.add(new Column(name, unit, d, text));
                }
            }
            return new FitsBinaryTable(file, n, columns);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(file + ": cannot read as a FITS table (" + e.getMessage() + ")", e);
        }
    }
}
