package org.cranisotropy.io;

/**
 * Input the tool cannot analyse: a bad value in a file or on the command line. The message names the
 * file, the row or pixel and the value; the command line reports it on one line and exits with 2.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * "FILE, row N: what (value V)". Rows count data rows from 1, after any header. When FILE is a
     * directory of Parquet part files (read in name order as one table), the part holding the row and
     * the row within it are named instead: "DIR/part-00003.parquet, row n".
     */
    public static BadInputException atRow(String file, long row, String what, Object value) {
        return new BadInputException(rowLocation(file, row) + ": " + what + " (value " + value + ")");
    }

    private static String rowLocation(String file, long row) {
        java.nio.file.Path dir = StoragePath.of(file);
        if (row >= 1 && java.nio.file.Files.isDirectory(dir)) {
            try {
                long first = 1;
                for (java.nio.file.Path part : ParquetTableReader.parts(dir)) {
                    long n;
                    try (var reader = ParquetColumns.open(part)) {
                        n = reader.getRecordCount();
                    }
                    if (row < first + n) {
                        return part + ", row " + (row - first + 1);
                    }
                    first += n;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // the parts cannot be told apart: the row of the whole table it is
            }
        }
        return file + ", row " + row;
    }

    /** "FILE, pixel P: what (value V)". */
    public static BadInputException atPixel(String file, long pixel, String what, Object value) {
        return new BadInputException(file + ", pixel " + pixel + ": " + what + " (value " + value + ")");
    }
}
