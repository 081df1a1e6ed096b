package org.cranisotropy.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.cranisotropy.io.Tables;

/**
 * The outputs of the data step: {@code measured_thresholds/} (kind, threshold_gev, corrected,
 * n_events, c0..c3, delta, dipole_l_deg, dipole_b_deg, cn) and {@code measured_bins/} (emin_gev,
 * emax_gev, corrected, ...). C_l are those of the map of summed weights; cn is in the
 * relative-intensity convention ({@link ExpectedWhiteNoise}).
 */
public final class MeasuredTables {
    private MeasuredTables() {}

    public static void write(Path outDir, List<ThresholdRow> thresholds, List<BinRow> bins, Map<String, String> metadata) {
        write(outDir, thresholds, out -> { }, bins, metadata);
    }

    /**
     * Writes the tables with more threshold rows made while the table is written ({@code more} hands them to
     * its argument one by one: the every-event scan, two rows per distinct energy, which for 10^7 events
     * would not fit in memory as a list).
     */
    public static void write(Path outDir, List<ThresholdRow> thresholds,
            java.util.function.Consumer<java.util.function.Consumer<ThresholdRow>> more, List<BinRow> bins,
            Map<String, String> metadata) {
        ParquetTableWriter t = new ParquetTableWriter()
                .column(Tables.KIND, Kind.STRING)
                .column(Tables.THRESHOLD_GEV, Kind.DOUBLE)
                .column(Tables.CORRECTED, Kind.BOOLEAN);
        measurementColumns(t);
        ParquetTableWriter b = new ParquetTableWriter()
                .column(Tables.EMIN_GEV, Kind.DOUBLE)
                .column(Tables.EMAX_GEV, Kind.DOUBLE)
                .column(Tables.CORRECTED, Kind.BOOLEAN);
        measurementColumns(b);
        for (BinRow r : bins) {
            b.row(concat(new Object[] {r.eminGev(), r.emaxGev(), r.corrected()}, r.m()));
        }
        try (ParquetTableWriter.Streaming s = t.open(outDir.resolve(Tables.MEASURED_THRESHOLDS), metadata)) {
            java.util.function.Consumer<ThresholdRow> put =
                    r -> s.row(concat(new Object[] {r.kind(), r.thresholdGev(), r.corrected()}, r.m()));
            thresholds.forEach(put);
            more.accept(put);
            s.commit();
        }
        b.write(outDir.resolve(Tables.MEASURED_BINS), metadata);
    }

    private static void measurementColumns(ParquetTableWriter w) {
        w.column(Tables.N_EVENTS, Kind.LONG)
                .column("c0", Kind.DOUBLE)
                .column("c1", Kind.DOUBLE)
                .column("c2", Kind.DOUBLE)
                .column("c3", Kind.DOUBLE)
                .column("delta", Kind.DOUBLE)
                .column("dipole_l_deg", Kind.DOUBLE)
                .column("dipole_b_deg", Kind.DOUBLE)
                .column("cn", Kind.DOUBLE);
    }

    private static Object[] concat(Object[] head, MultipoleMeasurement m) {
        Object[] tail = {m.nEvents(), m.c0(), m.c1(), m.c2(), m.c3(), m.delta(), m.dipoleLDeg(), m.dipoleBDeg(), m.cn()};
        Object[] all = new Object[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
