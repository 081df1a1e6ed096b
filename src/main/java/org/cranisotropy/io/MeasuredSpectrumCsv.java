package org.cranisotropy.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.model.MeasuredSpectrum;

/**
 * Reads a measured e+e- spectrum ({@link MeasuredSpectrum}, e.g. conf/measured/electron-spectrum.csv): CSV
 * ({@link CsvFile}) with {@code #} comment lines citing the source and the header
 *
 * <pre>  emin_gev, emax_gev, e3j, e_ref_gev, index, index_high, break_gev, sharpness</pre>
 *
 * one row per energy segment [emin, emax), in increasing energy, each starting where the previous one ends:
 * E^3 J = {@code e3j} (GeV^2 m^-2 s^-1 sr^-1) at {@code e_ref_gev}, index gamma1 = {@code index} and, for a
 * smoothly broken power law, gamma2 = {@code index_high}, break energy and sharpness s (all three empty for a
 * plain power law). Adjacent rows must give the same J at their common edge within 0.5 %. A bad value is bad
 * input naming the file, the row (data rows from 1) and the value.
 */
public final class MeasuredSpectrumCsv {
    private static final String[] COLUMNS = {"emin_gev", "emax_gev", "e3j", "e_ref_gev", "index", "index_high",
        "break_gev", "sharpness"};

    private MeasuredSpectrumCsv() {}

    public static MeasuredSpectrum read(Path path) {
        String f = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(f + ": no such measured-spectrum file");
        }
        CsvFile csv = CsvFile.read(path, true);
        int[] at = csv.require("a measured spectrum", COLUMNS);
        List<MeasuredSpectrum.Segment> segments = new ArrayList<>();
        for (int row = 1; row <= csv.rows().size(); row++) {
            segments.add(segment(new Fields(csv, row, at), segments.isEmpty() ? null : segments.get(segments.size() - 1)));
        }
        if (segments.isEmpty()) {
            throw new BadInputException(f + ": no spectrum segment after the header");
        }
        return new MeasuredSpectrum(f, segments);
    }

    /** One row's fields by column name. */
    private record Fields(CsvFile csv, int row, int[] at) {
        private int column(String name) {
            return at[java.util.Arrays.asList(COLUMNS).indexOf(name)];
        }

        String get(String name) {
            return csv.rows().get(row - 1)[column(name)];
        }

        double positive(String name) {
            return csv.positive(row, column(name));
        }

        String file() {
            return csv.file();
        }
    }

    private static MeasuredSpectrum.Segment segment(Fields r, MeasuredSpectrum.Segment previous) {
        String f = r.file();
        long row = r.row();
        double emin = r.positive("emin_gev");
        double emax = r.positive("emax_gev");
        if (!(emax > emin)) {
            throw BadInputException.atRow(f, row, "emax_gev must be above emin_gev (" + r.get("emin_gev") + ")",
                    r.get("emax_gev"));
        }
        if (previous != null && emin != previous.emaxGev()) {
            throw BadInputException.atRow(f, row, "emin_gev must equal the previous row's emax_gev ("
                    + fmt(previous.emaxGev()) + "): the segments must be contiguous", r.get("emin_gev"));
        }
        double e3j = r.positive("e3j");
        double ref = r.positive("e_ref_gev");
        double index = r.positive("index");
        if (!(index > 1)) {
            throw BadInputException.atRow(f, row, "index must be > 1", r.get("index"));
        }
        boolean plain = r.get("index_high").isBlank() && r.get("break_gev").isBlank() && r.get("sharpness").isBlank();
        BrokenPowerLaw shape;
        if (plain) {
            shape = new BrokenPowerLaw(index, index, ref, 1.0, emin, emax);
        } else {
            double high = r.positive("index_high");
            if (!(high >= index)) {
                throw BadInputException.atRow(f, row, "index_high must be >= index (" + r.get("index") + ")",
                        r.get("index_high"));
            }
            shape = new BrokenPowerLaw(index, high, r.positive("break_gev"), r.positive("sharpness"),
                    emin, emax);
        }
        MeasuredSpectrum.Segment s = new MeasuredSpectrum.Segment(emin, emax, e3j, ref, shape);
        if (previous != null) {
            double below = previous.intensity(emin);
            double above = s.intensity(emin);
            double jump = above / below - 1.0;
            if (!(Math.abs(jump) <= MeasuredSpectrum.CONTINUITY)) {
                throw BadInputException.atRow(f, row, String.format(Locale.ROOT, "J jumps by %+.2f %% at %s GeV from "
                        + "the previous row (E^3 J %.5g there, %.5g here); adjacent rows must meet within %.1f %%",
                        100 * jump, fmt(emin), previous.e3j(emin), s.e3j(emin), 100 * MeasuredSpectrum.CONTINUITY),
                        r.get("e3j"));
            }
        }
        return s;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
