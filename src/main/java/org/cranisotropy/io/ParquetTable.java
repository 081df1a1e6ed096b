package org.cranisotropy.io;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A table read by {@link ParquetTableReader}: numeric columns (numbers, booleans as 1/0, nulls as NaN)
 * and text columns by lower-case name, and the footer key-value metadata of its first part file.
 * Columns are handed over by the reader and not copied.
 */
public final class ParquetTable {
    private final String path;
    private final int rows;
    private final Map<String, double[]> numeric;
    private final Map<String, String[]> text;
    private final Map<String, String> metadata;

    ParquetTable(String path, int rows, Map<String, double[]> numeric, Map<String, String[]> text,
            Map<String, String> metadata) {
        this.path = path;
        this.rows = rows;
        this.numeric = Collections.unmodifiableMap(numeric);
        this.text = Collections.unmodifiableMap(text);
        this.metadata = Map.copyOf(metadata);
    }

    public String path() {
        return path;
    }

    public int rows() {
        return rows;
    }

    public Set<String> columnNames() {
        Set<String> s = new TreeSet<>(numeric.keySet());
        s.addAll(text.keySet());
        return s;
    }

    public boolean has(String column) {
        return numeric.containsKey(column) || text.containsKey(column);
    }

    /** Whether a column was read as text. */
    public boolean isText(String column) {
        return text.containsKey(column);
    }

    /** A numeric (or boolean) column; missing is a {@link BadInputException} naming the table. */
    public double[] numeric(String column) {
        double[] c = numeric.get(column);
        if (c == null) {
            throw new BadInputException(path + ": missing column " + column + " (has " + columnNames() + ")");
        }
        return c;
    }

    /** A text column; missing is a {@link BadInputException} naming the table. */
    public String[] text(String column) {
        String[] c = text.get(column);
        if (c == null) {
            throw new BadInputException(path + ": missing column " + column + " (has " + columnNames() + ")");
        }
        return c;
    }

    /** Footer key-value metadata of the first part file. */
    public Map<String, String> metadata() {
        return metadata;
    }
}
