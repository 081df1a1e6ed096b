package org.cranisotropy.io.hadoop;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Parquet's view of a path: a local file through Parquet's java.nio-based local files (no Hadoop
 * configuration parsed per file), a Hadoop path through Parquet's Hadoop files with the configuration in
 * force ({@link HadoopSettings}).
 */
public final class ParquetFiles {
    private ParquetFiles() {}

    public static InputFile input(Path file) throws IOException {
        if (file instanceof HadoopPath h) {
            return HadoopInputFile.fromPath(h.toAbsolutePath().hadoopPath(), HadoopSettings.current());
        }
        return new LocalInputFile(file);
    }

    public static OutputFile output(Path file) throws IOException {
        if (file instanceof HadoopPath h) {
            return HadoopOutputFile.fromPath(h.toAbsolutePath().hadoopPath(), HadoopSettings.current());
        }
        return new LocalOutputFile(file);
    }
}
