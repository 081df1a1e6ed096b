package org.cranisotropy.association;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.sky.GalacticFrame;

/**
 * A list of gamma-ray source positions read from a table with a {@code name} column and either
 * galactic {@code l_deg, b_deg} or ICRS {@code ra_deg, dec_deg} (converted to galactic).
 * First version: CSV with a header row. Immutable.
 */
public final class SourceCatalog {
    private final String file;
    private final List<GammaRaySource> sources;

    public SourceCatalog(String file, List<GammaRaySource> sources) {
        this.file = file;
        this.sources = List.copyOf(sources);
    }

    public String file() {
        return file;
    }

    public List<GammaRaySource> sources() {
        return sources;
    }

    public static SourceCatalog read(Path path) {
        String f = path.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog " + f + ": " + e.getMessage(), e);
        }
        List<String> header = List.of(lines.isEmpty() ? new String[0] : lines.get(0).trim().split("\\s*,\\s*"));
        int name = header.indexOf("name");
        boolean galactic = header.contains("l_deg") && header.contains("b_deg");
        int a = galactic ? header.indexOf("l_deg") : header.indexOf("ra_deg");
        int b = galactic ? header.indexOf("b_deg") : header.indexOf("dec_deg");
        if (name < 0 || a < 0 || b < 0) {
            throw new BadInputException(f + ": a catalog needs columns name and l_deg, b_deg or ra_deg, dec_deg; header is "
                    + header);
        }
        List<GammaRaySource> out = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String line = lines.get(row).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] v = line.split("\\s*,\\s*", -1);
            if (v.length != header.size()) {
                throw BadInputException.atRow(f, row, "expected " + header.size() + " values", line);
            }
            double x = number(f, row, v[a]);
            double y = number(f, row, v[b]);
            if (!(Math.abs(y) <= 90) || !(x >= 0 && x < 360)) {
                throw BadInputException.atRow(f, row, "longitude must be in [0, 360) and |latitude| <= 90", line);
            }
            double[] lb = galactic ? new double[] {x, y} : GalacticFrame.fromIcrs(x, y);
            out.add(new GammaRaySource(v[name], lb[0], lb[1]));
        }
        return new SourceCatalog(f, out);
    }

    private static double number(String f, int row, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw BadInputException.atRow(f, row, "not a number", s);
        }
    }
}
