package org.cranisotropy.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads a result table — a Parquet file or a Spark-style directory of part files (not partitioned) —
 * with the plain parquet-hadoop reader (no Spark): every top-level primitive column, numbers and
 * booleans (1/0) as doubles, strings as text; nulls are NaN or "". The footer key-value metadata of
 * the first part file comes along. Errors are {@link BadInputException}s naming the path.
 */
public final class ParquetTableReader {
    private ParquetTableReader() {}

    /** The part files of a table directory (sorted), or the file itself. */
    public static List<Path> parts(Path path) {
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": no such table");
        }
        List<Path> parts = new ArrayList<>();
        if (Files.isDirectory(path)) {
            DirectoryCommit.requireComplete(path);
            try (var s = Files.list(path)) {
                s.filter(p -> p.getFileName().toString().endsWith(".parquet")
                        && !p.getFileName().toString().startsWith(".")).sorted().forEach(parts::add);
            } catch (IOException e) {
                throw new BadInputException(path + ": cannot list (" + e.getMessage() + ")", e);
            }
            if (parts.isEmpty()) {
                throw new BadInputException(path + ": directory holds no .parquet files");
            }
        } else {
            parts.add(path);
        }
        return parts;
    }

    /** The footer key-value metadata of one Parquet file. */
    public static Map<String, String> footer(Path file) {
        try (ParquetFileReader reader = ParquetColumns.open(file)) {
            return Map.copyOf(reader.getFooter().getFileMetaData().getKeyValueMetaData());
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": cannot read as Parquet (" + e.getMessage() + ")", e);
        }
    }

    /** The whole table. */
    public static ParquetTable read(Path path) {
        return read(path, Set.of());
    }

    /** The whole table, with the named columns read as text whatever their Parquet type. */
    public static ParquetTable read(Path path, Set<String> textColumns) {
        List<Path> parts = parts(path);
        Map<String, List<Object>> chunks = new LinkedHashMap<>();
        int total = 0;
        for (Path part : parts) {
            total += readFile(part, chunks, textColumns);
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> e : chunks.entrySet()) {
            int at = 0;
            if (e.getValue().get(0) instanceof String[]) {
                String[] col = new String[total];
                for (Object c : e.getValue()) {
                    String[] s = (String[]) c;
                    System.arraycopy(s, 0, col, at, s.length);
                    at += s.length;
                }
                text.put(e.getKey(), col);
            } else {
                double[] col = new double[total];
                for (Object c : e.getValue()) {
                    double[] d = (double[]) c;
                    System.arraycopy(d, 0, col, at, d.length);
                    at += d.length;
                }
                numeric.put(e.getKey(), col);
            }
        }
        return new ParquetTable(path.toString(), total, numeric, text, footer(parts.get(0)));
    }

    private static int readFile(Path file, Map<String, List<Object>> chunks, Set<String> textColumns) {
        String name = file.toString();
        try (ParquetFileReader reader = ParquetColumns.open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            long count = reader.getRecordCount();
            if (count > Integer.MAX_VALUE) {
                throw new BadInputException(name + ": too many rows (" + count + ")");
            }
            int n = (int) count;
            List<Type> fields = schema.getFields();
            Object[] cols = new Object[fields.size()];
            ColumnDescriptor[] descriptors = new ColumnDescriptor[fields.size()];
            for (int f = 0; f < fields.size(); f++) {
                Type t = fields.get(f);
                if (!t.isPrimitive()) {
                    continue;
                }
                String col = t.getName().toLowerCase(Locale.ROOT);
                boolean isText = textColumns.contains(col)
                        || t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY;
                cols[f] = isText ? new String[n] : new double[n];
                descriptors[f] = schema.getColumnDescription(new String[] {t.getName()});
                chunks.computeIfAbsent(col, k -> new ArrayList<>()).add(cols[f]);
            }
            int row = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                // column by column through Parquet's column readers: no record object per row
                ColumnReadStoreImpl store = ParquetColumns.columns(pages, schema, createdBy);
                int rows = (int) pages.getRowCount();
                for (int f = 0; f < fields.size(); f++) {
                    if (cols[f] != null) {
                        readColumn(store.getColumnReader(descriptors[f]), descriptors[f], cols[f], row, rows);
                    }
                }
                row += rows;
            }
            if (row != n) {
                throw new BadInputException(name + ": row groups hold " + row + " rows, the footer says " + n);
            }
            return n;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(name + ": cannot read as Parquet (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Rows [at, at + rows) of one top-level column: its first value in each row (a repeated field's
     * further values are skipped), null as NaN or "". Text is the value as a string (UTF-8 for BINARY).
     */
    private static void readColumn(ColumnReader r, ColumnDescriptor d, Object dst, int at, int rows) {
        int maxDef = d.getMaxDefinitionLevel();
        PrimitiveTypeName type = d.getPrimitiveType().getPrimitiveTypeName();
        long values = r.getTotalValueCount();
        long read = 0;
        String[] text = dst instanceof String[] s ? s : null;
        double[] numbers = dst instanceof double[] x ? x : null;
        for (int i = at; i < at + rows; i++) {
            boolean present = r.getCurrentDefinitionLevel() == maxDef;
            if (text != null) {
                text[i] = present ? text(r, type) : "";
            } else {
                numbers[i] = present ? ParquetColumns.number(r, type) : Double.NaN;
            }
            r.consume();
            read++;
            while (read < values && r.getCurrentRepetitionLevel() > 0) { // the rest of a repeated field's row
                if (r.getCurrentDefinitionLevel() == maxDef) {
                    r.skip(); // a value not read must be skipped, or the next read returns it
                }
                r.consume();
                read++;
            }
        }
    }

    private static String text(ColumnReader r, PrimitiveTypeName type) {
        return switch (type) {
            case BINARY, FIXED_LEN_BYTE_ARRAY -> r.getBinary().toStringUsingUTF8();
            case DOUBLE -> String.valueOf(r.getDouble());
            case FLOAT -> String.valueOf(r.getFloat());
            case INT32 -> String.valueOf(r.getInteger());
            case INT64 -> String.valueOf(r.getLong());
            case BOOLEAN -> String.valueOf(r.getBoolean());
            default -> "";
        };
    }
}
