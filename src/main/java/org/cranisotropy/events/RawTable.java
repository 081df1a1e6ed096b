package org.cranisotropy.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cranisotropy.io.BadInputException;

/**
 * The columns of an event file as read, before validation: numeric columns as doubles, text columns
 * as strings, by lower-case name. Remembers the first unparsable token of each numeric column so
 * that a user of the column can report it with its row. Not copied: the reader hands it over.
 */
public final class RawTable {
    private final String file;
    private final int rows;
    private final Map<String, double[]> numeric;
    private final Map<String, String[]> text;
    private final Map<String, String> badTokens;

    private RawTable(Builder b) {
        this.file = b.file;
        this.rows = b.rows;
        this.numeric = Collections.unmodifiableMap(b.numeric);
        this.text = Collections.unmodifiableMap(b.text);
        this.badTokens = Collections.unmodifiableMap(b.badTokens);
    }

    public String file() {
        return file;
    }

    public int rows() {
        return rows;
    }

    public boolean has(String column) {
        return numeric.containsKey(column) || text.containsKey(column);
    }

    public Set<String> columnNames() {
        java.util.Set<String> s = new java.util.TreeSet<>(numeric.keySet());
        s.addAll(text.keySet());
        return s;
    }

    /** A numeric column; a missing column or an unparsable value is a BadInputException. */
    public double[] numeric(String column) {
        double[] c = numeric.get(column);
        if (c == null) {
            throw new BadInputException(file + ": missing column " + column + " (has " + columnNames() + ")");
        }
        String bad = badTokens.get(column);
        if (bad != null) {
            throw new BadInputException(file + ", " + bad);
        }
        return c;
    }

    /** A text column; missing is a BadInputException. */
    public String[] text(String column) {
        String[] c = text.get(column);
        if (c == null) {
            throw new BadInputException(file + ": missing column " + column + " (has " + columnNames() + ")");
        }
        return c;
    }

    /** Collects columns while a file is read. */
    static final class Builder {
        private final String file;
        private final int rows;
        private final Map<String, double[]> numeric = new LinkedHashMap<>();
        private final Map<String, String[]> text = new LinkedHashMap<>();
        private final Map<String, String> badTokens = new LinkedHashMap<>();

        Builder(String file, int rows) {
            this.file = file;
            this.rows = rows;
        }

        Builder numeric(String name, double[] values) {
            numeric.put(name, values);
            return this;
        }

        Builder text(String name, String[] values) {
            text.put(name, values);
            return this;
        }

        /** Records the first unparsable token of a numeric column. */
        void badToken(String column, long row, String token) {
            badTokens.putIfAbsent(column, "row " + row + ": " + column + " is not a number (value " + token + ")");
        }

        RawTable build() {
            return new RawTable(this);
        }
    }
}
