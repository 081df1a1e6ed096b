package org.cranisotropy.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.CsvFile;
import org.cranisotropy.io.FitsBinaryTable;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.sky.GalacticFrame;

/**
 * Reads event tables — CSV with a header row, Parquet (a file, or a directory of part files as
 * Spark writes them), or a FITS binary table (extension 1, columns by TTYPE) — into a
 * {@link RawTable}, and event directions from them: galactic {@code l_deg, b_deg}, or ICRS J2000
 * {@code ra_deg, dec_deg} converted to galactic, with an optional {@code weight}. Every value is
 * validated; the first bad one is reported with file, row (1-based data row) and value.
 */
public final class EventFileReader {
    /** Columns read as text from CSV (all others as numbers); Parquet string columns are always text. */
    public static final Set<String> TEXT_COLUMNS = Set.of("event_class");

    private EventFileReader() {}

    /** Directions (and weights) of every row of an event file. */
    public static EventDirections readDirections(Path file) {
        RawTable t = readTable(file);
        double[][] lb = galacticDirections(t);
        double[] w = new double[t.rows()];
        double[] wc = t.has("weight") ? t.numeric("weight") : null;
        for (int i = 0; i < w.length; i++) {
            w[i] = wc == null ? 1.0 : wc[i];
            if (!Double.isFinite(w[i]) || w[i] < 0) {
                throw BadInputException.atRow(t.file(), i + 1, "weight must be finite and >= 0", w[i]);
            }
        }
        return new EventDirections(lb[0], lb[1], w);
    }

    /**
     * Validated galactic {l, b} columns: from l_deg, b_deg when present (l in [0, 360), |b| &lt;= 90),
     * else from ra_deg, dec_deg (ra in [0, 360), |dec| &lt;= 90) converted with {@link GalacticFrame}.
     */
    public static double[][] galacticDirections(RawTable t) {
        int n = t.rows();
        double[] l = new double[n];
        double[] b = new double[n];
        if (t.has("l_deg") && t.has("b_deg")) {
            double[] lc = t.numeric("l_deg");
            double[] bc = t.numeric("b_deg");
            for (int i = 0; i < n; i++) {
                l[i] = checkLongitude(t.file(), i, "l_deg", lc[i]);
                b[i] = checkLatitude(t.file(), i, "b_deg", bc[i]);
            }
        } else if (t.has("ra_deg") && t.has("dec_deg")) {
            double[] ra = t.numeric("ra_deg");
            double[] dec = t.numeric("dec_deg");
            for (int i = 0; i < n; i++) {
                double[] g = GalacticFrame.fromIcrs(checkLongitude(t.file(), i, "ra_deg", ra[i]),
                        checkLatitude(t.file(), i, "dec_deg", dec[i]));
                l[i] = g[0];
                b[i] = g[1];
            }
        } else {
            throw new BadInputException(t.file() + ": needs columns l_deg,b_deg or ra_deg,dec_deg (has "
                    + t.columnNames() + ")");
        }
        return new double[][] {l, b};
    }

    /** Every column of a CSV, Parquet or FITS table; at least one row. */
    public static RawTable readTable(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new BadInputException(name + ": no such file");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        RawTable t;
        if (Files.isDirectory(file) || lower.endsWith(".parquet")) {
            t = readParquet(file);
        } else if (lower.endsWith(".fits") || lower.endsWith(".fit") || lower.endsWith(".fits.gz")) {
            t = readFits(file);
        } else {
            t = readCsv(file);
        }
        if (t.rows() == 0) {
            throw new BadInputException(name + ": no events (empty table)");
        }
        return t;
    }

    private static double checkLongitude(String file, int i, String col, double v) {
        if (!(v >= 0.0 && v < 360.0)) {
            throw BadInputException.atRow(file, i + 1, col + " must be in [0, 360) degrees", v);
        }
        return v;
    }

    private static double checkLatitude(String file, int i, String col, double v) {
        if (!(v >= -90.0 && v <= 90.0)) {
            throw BadInputException.atRow(file, i + 1, col + " must be in [-90, 90] degrees", v);
        }
        return v;
    }

    /** A CSV with a header row ({@link CsvFile}: quoted fields as pandas and pyarrow write them). */
    private static RawTable readCsv(Path file) {
        CsvFile csv = CsvFile.read(file, false);
        List<String[]> rows = csv.rows();
        RawTable.Builder b = new RawTable.Builder(csv.file(), rows.size());
        for (int c = 0; c < csv.header().size(); c++) {
            String name = csv.header().get(c);
            if (TEXT_COLUMNS.contains(name)) {
                String[] col = new String[rows.size()];
                for (int i = 0; i < col.length; i++) {
                    col[i] = rows.get(i)[c];
                }
                b.text(name, col);
            } else {
                double[] col = new double[rows.size()];
                for (int i = 0; i < col.length; i++) {
                    String token = rows.get(i)[c];
                    try {
                        col[i] = Double.parseDouble(token);
                    } catch (NumberFormatException e) {
                        col[i] = Double.NaN;
                        b.badToken(name, i + 1, token);
                    }
                }
                b.numeric(name, col);
            }
        }
        return b.build();
    }

    /** A Parquet file or directory of part files, through the project's one Parquet table reader. */
    private static RawTable readParquet(Path path) {
        ParquetTable t = ParquetTableReader.read(path, TEXT_COLUMNS);
        RawTable.Builder b = new RawTable.Builder(path.toString(), t.rows());
        for (String c : t.columnNames()) {
            if (t.isText(c)) {
                b.text(c, t.text(c));
            } else {
                b.numeric(c, t.numeric(c));
            }
        }
        return b.build();
    }

    private static RawTable readFits(Path file) {
        FitsBinaryTable table = FitsBinaryTable.read(file);
        RawTable.Builder b = new RawTable.Builder(table.file(), table.rows());
        for (FitsBinaryTable.Column c : table.columns()) {
            if (c.numeric() == null) {
                b.text(c.name(), c.text());
            } else {
                b.numeric(c.name(), c.numeric());
            }
        }
        return b.build();
    }
}
