package org.cranisotropy.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.model.MeasuredSpectrum;

/**
 * Reads a measured e+e- spectrum ({@link MeasuredSpectrum}, e.g. conf/measured/electron-spectrum.csv): CSV
 * (Apache Commons CSV) with {@code #} comment lines citing the source and the header
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
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        List<MeasuredSpectrum.Segment> segments = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : COLUMNS) {
                if (!header.contains(column)) {
                    throw new BadInputException(f + ": a measured spectrum needs the columns "
                            + String.join(", ", COLUMNS) + "; the header is " + header + " (missing " + column + ")");
                }
            }
            for (CSVRecord r : parser) {
                segments.add(segment(f, r, segments.isEmpty() ? null : segments.get(segments.size() - 1)));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException(f + ": cannot read the measured spectrum (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException | IllegalStateException e) { // Commons CSV: a malformed record
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(f + ": not a CSV of spectrum segments (" + e.getMessage() + ")", e);
        }
        if (segments.isEmpty()) {
            throw new BadInputException(f + ": no spectrum segment after the header");
        }
        return new MeasuredSpectrum(f, segments);
    }

    private static MeasuredSpectrum.Segment segment(String f, CSVRecord r, MeasuredSpectrum.Segment previous) {
        long row = r.getRecordNumber();
        if (!r.isConsistent()) {
            throw BadInputException.atRow(f, row, "expected " + r.getParser().getHeaderNames().size() + " fields, got "
                    + r.size(), String.join(",", r.values()));
        }
        double emin = positive(f, row, r, "emin_gev");
        double emax = positive(f, row, r, "emax_gev");
        if (!(emax > emin)) {
            throw BadInputException.atRow(f, row, "emax_gev must be above emin_gev (" + r.get("emin_gev") + ")",
                    r.get("emax_gev"));
        }
        if (previous != null && emin != previous.emaxGev()) {
            throw BadInputException.atRow(f, row, "emin_gev must equal the previous row's emax_gev ("
                    + fmt(previous.emaxGev()) + "): the segments must be contiguous", r.get("emin_gev"));
        }
        double e3j = positive(f, row, r, "e3j");
        double ref = positive(f, row, r, "e_ref_gev");
        double index = positive(f, row, r, "index");
        if (!(index > 1)) {
            throw BadInputException.atRow(f, row, "index must be > 1", r.get("index"));
        }
        boolean plain = r.get("index_high").isBlank() && r.get("break_gev").isBlank() && r.get("sharpness").isBlank();
        BrokenPowerLaw shape;
        if (plain) {
            shape = new BrokenPowerLaw(index, index, ref, 1.0, emin, emax);
        } else {
            double high = positive(f, row, r, "index_high");
            if (!(high >= index)) {
                throw BadInputException.atRow(f, row, "index_high must be >= index (" + r.get("index") + ")",
                        r.get("index_high"));
            }
            shape = new BrokenPowerLaw(index, high, positive(f, row, r, "break_gev"), positive(f, row, r, "sharpness"),
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

    private static double positive(String f, long row, CSVRecord r, String column) {
        String token = r.get(column);
        double d;
        try {
            d = Double.parseDouble(token.trim());
        } catch (NumberFormatException ex) {
            throw BadInputException.atRow(f, row, column + " is not a number", token.isBlank() ? "empty" : token);
        }
        if (!(d > 0) || !Double.isFinite(d)) {
            throw BadInputException.atRow(f, row, column + " must be finite and > 0", token);
        }
        return d;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
