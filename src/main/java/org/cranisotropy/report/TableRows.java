package org.cranisotropy.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.Tables;

/** Row selections of the result tables: by kind and exposure-correction flag, ordered by an energy column. */
final class TableRows {
    private TableRows() {}

    /**
     * Indices of the rows with the given kind (and corrected flag, when the table has one and it is not
     * null), sorted by {@code orderBy}.
     */
    static int[] select(ParquetTable t, String kind, Boolean corrected, String orderBy) {
        String[] k = t.text(Tables.KIND);
        double[] c = corrected == null ? null : t.numeric(Tables.CORRECTED);
        double[] key = t.numeric(orderBy);
        return IntStream.range(0, t.rows())
                .filter(i -> k[i].equals(kind) && (c == null || (c[i] == 1.0) == corrected))
                .boxed().sorted(Comparator.comparingDouble(i -> key[i])).mapToInt(Integer::intValue).toArray();
    }

    /** The column's values at the given rows. */
    static double[] values(ParquetTable t, String column, int[] rows) {
        double[] c = t.numeric(column);
        return Arrays.stream(rows).mapToDouble(i -> c[i]).toArray();
    }

    /** Like {@link #select} but at least one row, else bad input naming the table. */
    static int[] require(ParquetTable t, String kind, Boolean corrected, String orderBy) {
        int[] r = select(t, kind, corrected, orderBy);
        if (r.length == 0) {
            throw new BadInputException(t.path() + ": no rows with kind = '" + kind + "'"
                    + (corrected == null ? "" : " and corrected = " + corrected));
        }
        return r;
    }
}
