package org.cranisotropy.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read through Apache Commons CSV: fields may be quoted (as pandas, pyarrow
 * and astropy write them, {@code ""} inside quotes is one quote), spaces around fields are ignored and blank
 * lines skipped; with {@code comments}, lines starting with {@code #} are skipped too and those before the
 * header are kept as {@link #comment()}. Rows are numbered from 1 after the header, skipped lines not
 * counted, as every "row N" of the tool's messages. A row with another number of fields than the header, or a
 * malformed record (an unterminated quote), is bad input naming the file and row.
 *
 * @param file the file as named to the user
 * @param header the column names, trimmed and lower-cased
 * @param comment the {@code #} lines before the header, joined by newlines (null: none)
 * @param rows the fields of each row (trimmed), in file order
 */
public record CsvFile(String file, List<String> header, String comment, List<String[]> rows) {

    public CsvFile {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Reads a CSV file; an empty file (no header) is bad input. */
    public static CsvFile read(Path path, boolean comments) {
        String name = path.toString();
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true);
        if (comments) {
            format.setCommentMarker('#');
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format.get())) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord first = next(name, 0, records);
            if (first == null) {
                throw new BadInputException(name + ": empty file (no header row)");
            }
            List<String> header = new ArrayList<>();
            for (String h : first.values()) {
                header.add(h.trim().toLowerCase(Locale.ROOT));
            }
            String comment = first.hasComment() ? first.getComment() : null;
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord r = next(name, 1, records); r != null; r = next(name, rows.size() + 1, records)) {
                String[] f = r.values();
                if (f.length != header.size()) {
                    throw BadInputException.atRow(name, rows.size() + 1, "expected " + header.size() + " fields ("
                            + String.join(",", header) + "), found " + f.length, String.join(",", f));
                }
                for (int k = 0; k < f.length; k++) {
                    f[k] = f[k].trim();
                }
                rows.add(f);
            }
            return new CsvFile(name, header, comment, rows);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The next record, or null at the end; a malformed one is bad input at the given row. */
    private static CSVRecord next(String name, long row, Iterator<CSVRecord> records) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            if (row == 0) {
                throw new BadInputException(name + ": malformed CSV header (" + why + ")", e);
            }
            throw BadInputException.atRow(name, row, "malformed CSV record", why);
        }
    }

    /** The index of a column, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /**
     * The indices of the given columns, or bad input naming the file, what the columns are for, the columns
     * needed and the header found.
     */
    public int[] require(String what, String... names) {
        int[] at = new int[names.length];
        for (int k = 0; k < names.length; k++) {
            at[k] = header.indexOf(names[k]);
            if (at[k] < 0) {
                throw new BadInputException(file + ": " + what + " needs the columns " + String.join(", ", names)
                        + "; the header is " + String.join(",", header) + " (missing " + names[k] + ")");
            }
        }
        return at;
    }

    /** A number in a field, or bad input naming the file, row (from 1), column and value. */
    public double number(int row, int column) {
        String token = rows.get(row - 1)[column];
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw BadInputException.atRow(file, row, header.get(column) + " is not a number",
                    token.isEmpty() ? "empty" : token);
        }
    }

    /** A finite number &gt; 0 in a field, or bad input naming the file, row (from 1), column and value. */
    public double positive(int row, int column) {
        double d = number(row, column);
        if (!(d > 0) || !Double.isFinite(d)) {
            throw BadInputException.atRow(file, row, header.get(column) + " must be finite and > 0",
                    rows.get(row - 1)[column]);
        }
        return d;
    }
}
