package org.cranisotropy.io.hadoop;

import java.nio.file.Path;
import java.util.Map;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.StoragePath;

/**
 * The victim of {@link KilledTableReplacementTest}: replaces one table again and again (generation i holds
 * 2000 rows of the value i), printing each generation once it is in place, until it is killed.
 */
public final class ReplaceTableForever {
    private ReplaceTableForever() {}

    public static void main(String[] args) {
        Path dir = StoragePath.of(args[0]);
        for (long i = 1; ; i++) {
            ParquetTableWriter w = new ParquetTableWriter().column("generation", ParquetTableWriter.Kind.DOUBLE);
            for (int r = 0; r < 2000; r++) {
                w.row((double) i);
            }
            w.write(dir, Map.of("cra.seed", Long.toString(i)));
            System.out.println(i);
            System.out.flush();
        }
    }
}
