package org.cranisotropy.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.sky.GalacticFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileReaderTest {
    @TempDir
    Path tmp;

    @Test
    void parquetWithRaDecIsConvertedToGalactic() throws IOException {
        Path f = tmp.resolve("events.parquet");
        MessageType schema = MessageTypeParser.parseMessageType(
                "message events { required double ra_deg; required double dec_deg; required float weight; }");
        double[][] rows = {{83.63, 22.01, 2.0}, {266.4, -28.9, 1.0}, {0.0, 90.0, 0.5}};
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(f)).withType(schema).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (double[] r : rows) {
                w.write(groups.newGroup().append("ra_deg", r[0]).append("dec_deg", r[1]).append("weight", (float) r[2]));
            }
        }
        EventDirections ev = EventFileReader.readDirections(f);
        assertEquals(3, ev.size());
        for (int i = 0; i < 3; i++) {
            double[] g = GalacticFrame.fromIcrs(rows[i][0], rows[i][1]);
            assertEquals(g[0], ev.lDeg(i), 1e-12);
            assertEquals(g[1], ev.bDeg(i), 1e-12);
            assertEquals(rows[i][2], ev.weight(i), 0.0);
        }
        assertEquals(3.5, sum(ev.weightMap(16).toArray()), 1e-15);
    }

    @Test
    void badValuesAreNamedByFileRowAndValue() throws IOException {
        assertBad("l_deg,b_deg\n10,20\nNaN,5\n", "row 2", "NaN");
        assertBad("ra_deg,dec_deg\n360,20\n", "row 1", "360");
        assertBad("l_deg,b_deg\n10,-90.5\n", "row 1", "-90.5");
        assertBad("l_deg,b_deg,weight\n10,20,-1\n", "row 1", "-1");
        assertBad("l_deg,b_deg\n", "no events", "");
        assertBad("x,y\n1,2\n", "needs columns", "");
    }

    /** CSV as pyarrow writes it (every field quoted) and with spaces and blank lines reads like plain CSV. */
    @Test
    void quotedCsvAsPandasAndPyarrowWriteItReads() throws IOException {
        Path quoted = tmp.resolve("quoted.csv");
        Files.writeString(quoted, "\"energy_gev\",\"l_deg\",\"b_deg\",\"event_class\"\n"
                + "\"120.5\",\"263.9\",\"-3.3\",\"A\"\n\n 300 , 10 , 20 , \"B\"\n");
        EventSample ev = EventSample.read(quoted);
        assertEquals(2, ev.size());
        assertEquals(120.5, ev.energyGev(0), 0);
        assertEquals(-3.3, ev.bDeg(0), 0);
        assertEquals(org.cranisotropy.exposure.EventClass.B, ev.eventClass(1));
        assertBad("l_deg,b_deg\n10,20\n10,20,30\n", "row 2", "expected 2 fields");
        assertBad("l_deg,b_deg\n\"10,20\n", "row 1", "malformed");
    }

    @Test
    void aBadRowInAPartFileIsNamedByItsPartAndItsRowThere() throws IOException {
        Path dir = tmp.resolve("events");
        Files.createDirectories(dir);
        MessageType schema = MessageTypeParser.parseMessageType(
                "message events { required double energy_gev; required binary event_class (UTF8); "
                        + "required double l_deg; required double b_deg; }");
        for (int part = 0; part < 3; part++) {
            Path f = dir.resolve(String.format("part-%05d.parquet", part));
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(f)).withType(schema).build()) {
                SimpleGroupFactory groups = new SimpleGroupFactory(schema);
                for (int i = 0; i < 100; i++) {
                    double b = part == 1 && i == 50 ? 95.0 : 10.0; // row 151 of the table
                    w.write(groups.newGroup().append("energy_gev", 100.0 + i).append("event_class", "A")
                            .append("l_deg", 20.0).append("b_deg", b));
                }
            }
        }
        BadInputException e = assertThrows(BadInputException.class, () -> EventSample.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("part-00001.parquet") + ", row 51: b_deg")
                && e.getMessage().contains("95"), e.getMessage());
    }

    @Test
    void truncatedParquetIsRejected() throws IOException {
        Path f = tmp.resolve("cut.parquet");
        Files.write(f, "PAR1 this is not a parquet file".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        BadInputException e = assertThrows(BadInputException.class, () -> EventFileReader.readDirections(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    /** time, zenith_deg and azimuth_deg are read when all three are there; a consumer that needs them names what is missing. */
    @Test
    void instrumentFrameColumnsAreReadOrNamedWhenMissing() throws IOException {
        Path f = tmp.resolve("frame.csv");
        Files.writeString(f, "energy_gev,l_deg,b_deg,event_class,time,zenith_deg,azimuth_deg\n"
                + "120,10,20,A,57400.25,12.5,300.75\n80,200,-5,B,57401.5,27,0\n");
        EventSample ev = EventSample.read(f);
        assertTrue(ev.hasInstrumentFrame());
        assertEquals(57400.25, ev.timeMjd(0), 0.0);
        assertEquals(27.0, ev.zenithDeg(1), 0.0);
        assertEquals(300.75, ev.azimuthDeg(0), 0.0);
        ev.requireInstrumentFrame(f.toString(), "test"); // no exception

        Path g = tmp.resolve("no-azimuth.csv");
        Files.writeString(g, "energy_gev,l_deg,b_deg,event_class,time,zenith_deg\n120,10,20,A,57400.25,12.5\n");
        EventSample partial = EventSample.read(g);
        assertTrue(!partial.hasInstrumentFrame());
        BadInputException e = assertThrows(BadInputException.class,
                () -> partial.requireInstrumentFrame(g.toString(), "--energies shuffle"));
        assertTrue(e.getMessage().startsWith(g.toString()) && e.getMessage().contains("missing column azimuth_deg")
                && !e.getMessage().contains("zenith_deg,") && e.getMessage().contains("--energies shuffle"),
                e.getMessage());

        Path h = tmp.resolve("bad-zenith.csv");
        Files.writeString(h, "energy_gev,l_deg,b_deg,event_class,time,zenith_deg,azimuth_deg\n"
                + "120,10,20,A,57400.25,12.5,300.75\n80,200,-5,B,57401.5,-3,0\n");
        BadInputException bad = assertThrows(BadInputException.class, () -> EventSample.read(h));
        assertTrue(bad.getMessage().startsWith(h.toString()) && bad.getMessage().contains("row 2")
                && bad.getMessage().contains("zenith_deg") && bad.getMessage().contains("-3"), bad.getMessage());
    }

    private void assertBad(String csv, String where, String value) throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, csv);
        BadInputException e = assertThrows(BadInputException.class, () -> EventFileReader.readDirections(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(where)
                && e.getMessage().contains(value), e.getMessage());
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
