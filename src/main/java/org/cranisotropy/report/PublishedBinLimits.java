package org.cranisotropy.report;

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
import org.cranisotropy.io.BadInputException;

/**
 * Published upper limits on the dipole amplitude in energy bins, to draw beside the run's binned
 * limits (e.g. {@code conf/published/fermi-lat-2017-dipole-ul.csv}): CSV (Apache Commons CSV, quoted
 * fields allowed) with the header {@code emin_gev, emax_gev, ul_delta} and {@code #} comment lines
 * citing the source; a comment line {@code # label: TEXT} names the series (else the file name).
 * Values must be finite and &gt; 0 with emin &lt; emax; a bad one is bad input naming file, row and value.
 */
public record PublishedBinLimits(String file, String label, double[] eminGev, double[] emaxGev, double[] ulDelta) {

    public static PublishedBinLimits read(Path path) {
        String f = path.toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        List<double[]> rows = new ArrayList<>();
        String label = path.getFileName().toString().replaceFirst("\\.csv$", "");
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            String comment = parser.getHeaderComment();
            if (comment != null) {
                for (String line : comment.split("\n")) {
                    if (line.strip().toLowerCase(Locale.ROOT).startsWith("label:")) {
                        label = line.strip().substring("label:".length()).strip();
                    }
                }
            }
            List<String> header = parser.getHeaderNames();
            for (String column : new String[] {"emin_gev", "emax_gev", "ul_delta"}) {
                if (!header.contains(column)) {
                    throw new BadInputException(f + ": published limits need the columns emin_gev, emax_gev, ul_delta;"
                            + " the header is " + header);
                }
            }
            for (CSVRecord r : parser) {
                long row = r.getRecordNumber();
                double lo = OverlayLimits.positive(f, row, "emin_gev", r.get("emin_gev"));
                double hi = OverlayLimits.positive(f, row, "emax_gev", r.get("emax_gev"));
                double ul = OverlayLimits.positive(f, row, "ul_delta", r.get("ul_delta"));
                if (!(lo < hi)) {
                    throw BadInputException.atRow(f, row, "emin_gev must be below emax_gev", lo + " >= " + hi);
                }
                rows.add(new double[] {lo, hi, ul});
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException(f + ": cannot read published limits (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException | IllegalStateException e) { // Commons CSV: a malformed record
            throw new BadInputException(f + ": not a CSV of published limits (" + e.getMessage() + ")", e);
        }
        if (rows.isEmpty()) {
            throw new BadInputException(f + ": no published limits after the header");
        }
        double[][] c = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 3; k++) {
                c[k][i] = rows.get(i)[k];
            }
        }
        return new PublishedBinLimits(f, label, c[0], c[1], c[2]);
    }

    /** Whether the run's bin edges equal these bins' (within 0.5 GeV): the limits then compare bin for bin. */
    public boolean sameBins(double[] emin, double[] emax) {
        if (emin.length != eminGev.length) {
            return false;
        }
        for (int i = 0; i < emin.length; i++) {
            if (Math.abs(emin[i] - eminGev[i]) > 0.5 || Math.abs(emax[i] - emaxGev[i]) > 0.5) {
                return false;
            }
        }
        return true;
    }
}
