package org.cranisotropy.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads whole numeric columns of one local Parquet file into primitive arrays through Parquet's
 * column readers (no record objects: the Monte Carlo's band step reads millions of rows this way).
 * DOUBLE columns give double[] (null as NaN), INT64 long[] (null as 0), BOOLEAN a double[] of 0/1.
 */
public final class ParquetColumns {
    private ParquetColumns() {}

    /**
     * Opens a local Parquet file with plain (non-Hadoop) read options: the default would build a Hadoop
     * Configuration, parsing its XML defaults, for every file.
     */
    public static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(org.cranisotropy.io.hadoop.ParquetFiles.input(file),
                org.apache.parquet.ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration())
                        .build());
    }

    /** The column types {@link #read} accepts. */
    private static final java.util.Set<PrimitiveTypeName> READ = java.util.EnumSet.of(PrimitiveTypeName.DOUBLE,
            PrimitiveTypeName.INT64, PrimitiveTypeName.INT32, PrimitiveTypeName.BOOLEAN);

    /** The column readers of one row group: values column by column, no record assembly. */
    static ColumnReadStoreImpl columns(PageReadStore pages, MessageType schema, String createdBy) {
        return new ColumnReadStoreImpl(pages, new GroupRecordConverter(schema).getRootConverter(), schema, createdBy);
    }

    /**
     * The current (non-null) value of a column reader as a double: DOUBLE, FLOAT, INT32, INT64, and
     * BOOLEAN as 1/0; NaN for any other type.
     */
    static double number(ColumnReader r, PrimitiveTypeName type) {
        return switch (type) {
            case DOUBLE -> r.getDouble();
            case FLOAT -> r.getFloat();
            case INT32 -> r.getInteger();
            case INT64 -> r.getLong();
            case BOOLEAN -> r.getBoolean() ? 1.0 : 0.0;
            default -> Double.NaN;
        };
    }

    /** The named columns of a file, as double values (INT64 and BOOLEAN converted), in file row order. */
    public static double[][] read(Path file, String... names) {
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            long rows = reader.getRecordCount();
            if (rows > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(file + ": too many rows for one read: " + rows);
            }
            double[][] out = new double[names.length][(int) rows];
            ColumnDescriptor[] cols = new ColumnDescriptor[names.length];
            for (int c = 0; c < names.length; c++) {
                if (!schema.containsPath(new String[] {names[c]})) {
                    throw new BadInputException(file + ": no column " + names[c]);
                }
                cols[c] = schema.getColumnDescription(new String[] {names[c]});
            }
            int at = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                ColumnReadStoreImpl store = columns(pages, schema, createdBy);
                int n = (int) pages.getRowCount();
                for (int c = 0; c < cols.length; c++) {
                    ColumnReader r = store.getColumnReader(cols[c]);
                    int maxDef = cols[c].getMaxDefinitionLevel();
                    PrimitiveTypeName type = cols[c].getPrimitiveType().getPrimitiveTypeName();
                    double[] dst = out[c];
                    for (int i = 0; i < n; i++) {
                        if (r.getCurrentDefinitionLevel() < maxDef) {
                            dst[at + i] = type == PrimitiveTypeName.DOUBLE ? Double.NaN : 0.0;
                        } else if (!READ.contains(type)) {
                            throw new BadInputException(file + ": column " + cols[c].getPath()[0] + " is not numeric");
                        } else {
                            dst[at + i] = number(r, type);
                        }
                        r.consume();
                    }
                }
                at += n;
            }
            if (at != rows) {
                throw new BadInputException(file + ": row groups hold " + at + " rows, the footer says " + rows);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
