package org.cranisotropy.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes one small table as a Spark-style Parquet directory (DIR/part-00000.parquet + _SUCCESS),
 * readable by Spark SQL and DuckDB, with key-value metadata in the file footer (configuration, seed,
 * tool version). The directory is written under a temporary name beside DIR and renamed into place
 * at the end, so no half-written table ever carries the final name. No Spark needed.
 */
public final class ParquetTableWriter {
    /** Column types this writer supports. */
    public enum Kind { DOUBLE, LONG, INT, BOOLEAN, STRING }

    private final Map<String, Kind> columns = new LinkedHashMap<>();
    private final java.util.Set<String> nullable = new java.util.HashSet<>();
    private final List<Object[]> rows = new ArrayList<>();

    public ParquetTableWriter column(String name, Kind kind) {
        columns.put(name, kind);
        return this;
    }

    /** A column that may hold nulls (an optional Parquet field). */
    public ParquetTableWriter nullableColumn(String name, Kind kind) {
        nullable.add(name);
        return column(name, kind);
    }

    /** Appends a row (values in column order: Double, Long, Integer, Boolean, String, or null where nullable). */
    public ParquetTableWriter row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
        return this;
    }

    /** Writes the table as a Spark-style directory: DIR/part-00000.parquet and DIR/_SUCCESS, renamed into place. */
    public void write(Path dir, Map<String, String> metadata) {
        Path parent = dir.toAbsolutePath().getParent();
        Path tmp = parent.resolve("." + dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(parent);
            deleteRecursively(tmp);
            Files.createDirectories(tmp);
            writeRows(tmp.resolve("part-00000.parquet"), metadata);
            Files.createFile(tmp.resolve("_SUCCESS"));
            deleteRecursively(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                deleteRecursively(tmp);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the table as one Parquet file, through a temporary name in the same directory renamed
     * into place (a retried writer replaces the file whole).
     */
    public void writeFile(Path file, Map<String, String> metadata) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(tmp);
            writeRows(tmp, metadata);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private MessageType schema() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Map.Entry<String, Kind> c : columns.entrySet()) {
            org.apache.parquet.schema.Type.Repetition rep = nullable.contains(c.getKey())
                    ? org.apache.parquet.schema.Type.Repetition.OPTIONAL
                    : org.apache.parquet.schema.Type.Repetition.REQUIRED;
            switch (c.getValue()) {
                case DOUBLE -> b.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.getKey());
                case LONG -> b.primitive(PrimitiveTypeName.INT64, rep).named(c.getKey());
                case INT -> b.primitive(PrimitiveTypeName.INT32, rep).named(c.getKey());
                case BOOLEAN -> b.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.getKey());
                case STRING -> b.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType())
                        .named(c.getKey());
                default -> throw new IllegalStateException();
            }
        }
        return b.named("spark_schema");
    }

    private void writeRows(Path file, Map<String, String> metadata) throws IOException {
        MessageType schema = schema();
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withExtraMetaData(metadata)
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            String[] names = columns.keySet().toArray(new String[0]);
            for (Object[] r : rows) {
                Group g = groups.newGroup();
                for (int c = 0; c < names.length; c++) {
                    Object v = r[c];
                    if (v == null) {
                        if (!nullable.contains(names[c])) {
                            throw new IllegalArgumentException("column " + names[c] + " is not nullable");
                        }
                    } else if (v instanceof Double d) {
                        g.append(names[c], d);
                    } else if (v instanceof Long l) {
                        g.append(names[c], l);
                    } else if (v instanceof Integer i) {
                        g.append(names[c], i);
                    } else if (v instanceof Boolean bo) {
                        g.append(names[c], bo);
                    } else {
                        g.append(names[c], String.valueOf(v));
                    }
                }
                w.write(g);
            }
        }
    }

    /** Removes a file tree if present. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
