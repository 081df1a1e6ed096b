package org.cranisotropy.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.sky.GalacticFrame;

/**
 * Reads event tables (CSV with a header row, or Parquet) into named numeric columns, and event
 * directions from them: galactic {@code l_deg, b_deg}, or ICRS J2000 {@code ra_deg, dec_deg}
 * converted to galactic, with an optional {@code weight}. Every value is validated; the first bad
 * one is reported with file, row (1-based data row) and value.
 */
public final class EventFileReader {
    private EventFileReader() {}

    /** Directions (and weights) of every row of a CSV or Parquet event file. */
    public static EventDirections readDirections(Path file) {
        Map<String, double[]> cols = readColumns(file);
        String name = file.toString();
        int n = cols.values().iterator().next().length;
        double[] l = new double[n];
        double[] b = new double[n];
        if (cols.containsKey("l_deg") && cols.containsKey("b_deg")) {
            double[] lc = cols.get("l_deg");
            double[] bc = cols.get("b_deg");
            for (int i = 0; i < n; i++) {
                l[i] = checkLongitude(name, i, "l_deg", lc[i]);
                b[i] = checkLatitude(name, i, "b_deg", bc[i]);
            }
        } else if (cols.containsKey("ra_deg") && cols.containsKey("dec_deg")) {
            double[] ra = cols.get("ra_deg");
            double[] dec = cols.get("dec_deg");
            for (int i = 0; i < n; i++) {
                double[] g = GalacticFrame.fromIcrs(checkLongitude(name, i, "ra_deg", ra[i]),
                        checkLatitude(name, i, "dec_deg", dec[i]));
                l[i] = g[0];
                b[i] = g[1];
            }
        } else {
            throw new BadInputException(name + ": needs columns l_deg,b_deg or ra_deg,dec_deg (has "
                    + cols.keySet() + ")");
        }
        double[] w = new double[n];
        double[] wc = cols.get("weight");
        for (int i = 0; i < n; i++) {
            w[i] = wc == null ? 1.0 : wc[i];
            if (!Double.isFinite(w[i]) || w[i] < 0) {
                throw BadInputException.atRow(name, i + 1, "weight must be finite and >= 0", w[i]);
            }
        }
        return new EventDirections(l, b, w);
    }

    /** All numeric columns by lower-case name; at least one row. */
    public static Map<String, double[]> readColumns(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(name + ": no such file");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Map<String, double[]> cols = lower.endsWith(".parquet") ? readParquet(file) : readCsv(file);
        if (cols.isEmpty() || cols.values().iterator().next().length == 0) {
            throw new BadInputException(name + ": no events (empty table)");
        }
        return cols;
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

    private static Map<String, double[]> readCsv(Path file) {
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new BadInputException(name + ": empty file (no header row)");
            }
            String[] names = header.split(",", -1);
            List<double[]> rows = new ArrayList<>();
            String line;
            long row = 0;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                row++;
                String[] f = line.split(",", -1);
                if (f.length != names.length) {
                    throw BadInputException.atRow(name, row, "expected " + names.length + " fields", line);
                }
                double[] r = new double[names.length];
                for (int c = 0; c < names.length; c++) {
                    try {
                        r[c] = Double.parseDouble(f[c].trim());
                    } catch (NumberFormatException e) {
                        r[c] = Double.NaN; // non-numeric columns (e.g. a class letter) are checked by their users
                    }
                }
                rows.add(r);
            }
            Map<String, double[]> cols = new HashMap<>();
            for (int c = 0; c < names.length; c++) {
                double[] col = new double[rows.size()];
                for (int i = 0; i < col.length; i++) {
                    col[i] = rows.get(i)[c];
                }
                cols.put(names[c].trim().toLowerCase(Locale.ROOT), col);
            }
            return cols;
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, double[]> readParquet(Path file) {
        String name = file.toString();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            long total = reader.getRecordCount();
            if (total > Integer.MAX_VALUE) {
                throw new BadInputException(name + ": too many rows (" + total + ")");
            }
            List<Type> fields = schema.getFields();
            Map<String, double[]> cols = new HashMap<>();
            for (Type t : fields) {
                if (t.isPrimitive() && isNumeric(t)) {
                    cols.put(t.getName().toLowerCase(Locale.ROOT), new double[(int) total]);
                }
            }
            int row = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long k = 0; k < pages.getRowCount(); k++, row++) {
                    Group g = records.read();
                    for (int f = 0; f < fields.size(); f++) {
                        Type t = fields.get(f);
                        double[] col = cols.get(t.getName().toLowerCase(Locale.ROOT));
                        if (col != null) {
                            col[row] = g.getFieldRepetitionCount(f) == 0 ? Double.NaN : numeric(g, f, t);
                        }
                    }
                }
            }
            return cols;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(name + ": cannot read as Parquet (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isNumeric(Type t) {
        switch (t.asPrimitiveType().getPrimitiveTypeName()) {
            case DOUBLE:
            case FLOAT:
            case INT32:
            case INT64:
                return true;
            default:
                return false;
        }
    }

    private static double numeric(Group g, int field, Type t) {
        switch (t.asPrimitiveType().getPrimitiveTypeName()) {
            case DOUBLE:
                return g.getDouble(field, 0);
            case FLOAT:
                return g.getFloat(field, 0);
            case INT32:
                return g.getInteger(field, 0);
            default:
                return g.getLong(field, 0);
        }
    }
}
