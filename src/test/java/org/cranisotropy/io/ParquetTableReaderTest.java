package org.cranisotropy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table reader against files written by Parquet's own example writer: every primitive type, nulls,
 * a repeated field (first value of each row), a numeric column asked for as text, and several row
 * groups (the column readers start again at each).
 */
class ParquetTableReaderTest {
    @TempDir
    Path tmp;

    @Test
    void everyTypeNullsRepeatsAndRowGroupsReadAsWritten() throws IOException {
        Path f = tmp.resolve("t.parquet");
        MessageType schema = MessageTypeParser.parseMessageType("message t { required double e; "
                + "optional binary cls (UTF8); required int32 n; optional int64 id; required boolean flag; "
                + "optional float x; repeated double multi; }");
        int rows = 5000;
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(f)).withType(schema)
                .withRowGroupSize(16 * 1024).withPageSize(1024).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (int i = 0; i < rows; i++) {
                Group g = groups.newGroup().append("e", 1.5 * i).append("n", -i).append("flag", i % 2 == 0);
                if (i % 7 != 3) {
                    g.append("cls", "C" + i);
                }
                if (i % 5 != 1) {
                    g.append("id", 10_000_000_000L + i);
                }
                if (i % 3 != 2) {
                    g.append("x", 0.25f * i);
                }
                for (int k = 0; k < i % 3; k++) {
                    g.append("multi", i + 0.5 * k);
                }
                w.write(g);
            }
        }
        try (var reader = ParquetColumns.open(f)) {
            // the fixture must exercise the reader's row-group boundaries
            assertEquals(true, reader.getRowGroups().size() > 1, "row groups: " + reader.getRowGroups().size());
        }

        ParquetTable t = ParquetTableReader.read(f, Set.of("n"));
        assertEquals(rows, t.rows());
        assertEquals(Set.of("e", "cls", "n", "id", "flag", "x", "multi"), t.columnNames());
        for (int i = 0; i < rows; i++) {
            assertEquals(1.5 * i, t.numeric("e")[i], 0.0);
            assertEquals(i % 7 != 3 ? "C" + i : "", t.text("cls")[i]);
            assertEquals(Integer.toString(-i), t.text("n")[i]);
            assertEquals(i % 5 != 1 ? 10_000_000_000L + i : Double.NaN, t.numeric("id")[i], 0.0);
            assertEquals(i % 2 == 0 ? 1.0 : 0.0, t.numeric("flag")[i], 0.0);
            assertEquals(i % 3 != 2 ? 0.25 * i : Double.NaN, t.numeric("x")[i], 0.0);
            assertEquals(i % 3 == 0 ? Double.NaN : i, t.numeric("multi")[i], 0.0);
        }
    }
}
