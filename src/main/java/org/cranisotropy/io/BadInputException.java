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

    /** "FILE, row N: what (value V)". Rows count data rows from 1, after any header. */
    public static BadInputException atRow(String file, long row, String what, Object value) {
        return new BadInputException(file + ", row " + row + ": " + what + " (value " + value + ")");
    }

    /** "FILE, pixel P: what (value V)". */
    public static BadInputException atPixel(String file, long pixel, String what, Object value) {
        return new BadInputException(file + ", pixel " + pixel + ": " + what + " (value " + value + ")");
    }
}
