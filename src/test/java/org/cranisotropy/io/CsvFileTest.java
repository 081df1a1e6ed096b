package org.cranisotropy.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV input as pandas, pyarrow and hand editors write it, and the errors that name file, row and value. */
class CsvFileTest {
    @TempDir
    Path tmp;

    @Test
    void quotedFieldsCommentsAndBlankLinesAreRead() throws Exception {
        // pandas.DataFrame.to_csv(quoting=csv.QUOTE_ALL) style, a comment before the header, a blank line
        Path f = write("# label: Fermi-LAT\n# source: a paper\n\"Energy_GeV\", \"ul\",\"label\"\n"
                + "\"100\",\"0.01\",\"a, \"\"quoted\"\" label\"\n\n 200 , 0.02 , plain\n# a comment row\n");
        CsvFile csv = CsvFile.read(f, true);
        assertEquals(List.of("energy_gev", "ul", "label"), csv.header());
        assertEquals("label: Fermi-LAT\nsource: a paper", csv.comment());
        assertEquals(2, csv.rows().size());
        assertArrayEquals(new String[] {"100", "0.01", "a, \"quoted\" label"}, csv.rows().get(0));
        assertArrayEquals(new String[] {"200", "0.02", "plain"}, csv.rows().get(1));
        assertEquals(200.0, csv.positive(2, 0));
    }

    @Test
    void badInputNamesTheFileTheRowAndTheValue() throws Exception {
        Path fields = write("a,b\n1,2\n3\n");
        assertBad(() -> CsvFile.read(fields, false), fields + ", row 2", "expected 2 fields");
        Path quote = write("a,b\n1,2\n\"3,4\n");
        assertBad(() -> CsvFile.read(quote, false), quote + ", row 2", "malformed CSV record");
        Path empty = write("");
        assertBad(() -> CsvFile.read(empty, false), empty.toString(), "empty file");
        Path numbers = write("a,b\n1,x\n-1,2\n");
        CsvFile csv = CsvFile.read(numbers, false);
        assertBad(() -> csv.number(1, 1), numbers + ", row 1", "b is not a number (value x)");
        assertBad(() -> csv.positive(2, 0), numbers + ", row 2", "a must be finite and > 0 (value -1)");
        assertBad(() -> csv.require("a table", "a", "c"), numbers.toString(), "a table needs the columns a, c");
        // without comments, # is data
        assertEquals("#1", CsvFile.read(write("a\n#1\n"), false).rows().get(0)[0]);
    }

    private int files;

    private Path write(String text) throws Exception {
        Path f = tmp.resolve("t" + (files++) + ".csv");
        Files.writeString(f, text);
        return f;
    }

    private static void assertBad(org.junit.jupiter.api.function.Executable e, String where, String what) {
        BadInputException x = assertThrows(BadInputException.class, e);
        assertTrue(x.getMessage().startsWith(where) && x.getMessage().contains(what), x.getMessage());
    }
}
