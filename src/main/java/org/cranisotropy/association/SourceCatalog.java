package org.cranisotropy.association;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.CsvFile;
import org.cranisotropy.io.FitsBinaryTable;
import org.cranisotropy.sky.GalacticFrame;

/**
 * A list of gamma-ray source positions read from a table with a name column and either galactic
 * (l, b) or ICRS (RA, Dec) positions in degrees (ICRS converted to galactic with {@link GalacticFrame}).
 * Immutable.
 *
 * <p>Formats, chosen by content and extension:
 * <ul>
 *   <li><b>ECSV</b> (astropy's text table; first line {@code # %ECSV ...}): the YAML header lines
 *   starting with {@code #} are scanned for {@code delimiter:} (default a space) and for each column's
 *   {@code unit} (a position column with a unit other than deg is refused); then a header row and data
 *   rows, fields optionally in double quotes ("" inside quotes is one quote).</li>
 *   <li><b>FITS</b> ({@code .fits}, {@code .fit}, {@code .fits.gz}): the first binary-table extension,
 *   columns by TTYPE (TUNIT checked like ECSV units).</li>
 *   <li><b>CSV</b> (anything else): lines starting with {@code #} are comments, then a header row and
 *   comma-separated rows (double quotes as in ECSV).</li>
 * </ul>
 * Column names are matched case-insensitively: name = {@code name, source, source_name}; RA =
 * {@code ra, ra_deg, raj2000}; Dec = {@code dec, dec_deg, dej2000}; l = {@code glon, l, l_deg};
 * b = {@code glat, b, b_deg}. When a table has both, the galactic columns are used. Longitudes must lie in
 * [0, 360] (galactic also [-180, 0), wrapped), latitudes in [-90, 90]. Any bad value, a missing column or
 * an empty table is a {@link BadInputException} naming the file, the data row (from 1, after the header)
 * and the value.
 */
public final class SourceCatalog {
    static final List<String> NAME = List.of("name", "source", "source_name");
    static final List<String> RA = List.of("ra", "ra_deg", "raj2000");
    static final List<String> DEC = List.of("dec", "dec_deg", "dej2000");
    static final List<String> GLON = List.of("glon", "l", "l_deg");
    static final List<String> GLAT = List.of("glat", "b", "b_deg");

    private static final Pattern ECSV_DELIMITER = Pattern.compile("^#\\s*delimiter:\\s*['\"]?(.)['\"]?\\s*$");
    private static final Pattern ECSV_COLUMN = Pattern.compile("^#\\s*-\\s*\\{(.*)}\\s*$");
    private static final Pattern YAML_KEY = Pattern.compile("(\\w+)\\s*:\\s*('[^']*'|\"[^\"]*\"|[^,]*)");

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

    /** Reads and validates a catalog file (see the class comment for formats and columns). */
    public static SourceCatalog read(Path path) {
        String f = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(f + ": no such catalog file");
        }
        String lower = f.toLowerCase(Locale.ROOT);
        Table t;
        if (lower.endsWith(".fits") || lower.endsWith(".fit") || lower.endsWith(".fits.gz")) {
            t = readFits(path);
        } else {
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInputException(f + ": cannot read catalog (" + e.getMessage() + ")", e);
            }
            if (!lines.isEmpty() && lines.get(0).startsWith("# %ECSV")) {
                t = readEcsv(f, lines);
            } else {
                CsvFile csv = CsvFile.read(path, true);
                List<String> units = new ArrayList<>(java.util.Collections.nCopies(csv.header().size(), (String) null));
                t = new Table(f, csv.header(), units, csv.rows(), null);
            }
        }
        return new SourceCatalog(f, t.sources());
    }

    /** Columns as read: names (lower case), per column either strings or numbers, and units. */
    private record Table(String file, List<String> names, List<String> units, List<String[]> rows,
            List<double[]> numericColumns) {

        int column(List<String> aliases) {
            for (String a : aliases) {
                int i = names.indexOf(a);
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }

        List<GammaRaySource> sources() {
            int name = column(NAME);
            int l = column(GLON);
            int b = column(GLAT);
            boolean galactic = l >= 0 && b >= 0;
            int x = galactic ? l : column(RA);
            int y = galactic ? b : column(DEC);
            if (name < 0 || x < 0 || y < 0) {
                throw new BadInputException(file + ": a catalog needs a name column (" + String.join("/", NAME)
                        + ") and glon/l/l_deg, glat/b/b_deg or ra/ra_deg/raj2000, dec/dec_deg/dej2000 (degrees); "
                        + "columns are " + names);
            }
            for (int c : new int[] {x, y}) {
                String u = units.get(c);
                if (u != null && !u.isBlank() && !List.of("deg", "degree", "degrees").contains(u.toLowerCase(Locale.ROOT))) {
                    throw new BadInputException(file + ": column " + names.get(c) + " has unit " + u
                            + " (positions must be in deg)");
                }
            }
            int n = rows.size();
            if (n == 0) {
                throw new BadInputException(file + ": empty catalog (no sources)");
            }
            List<GammaRaySource> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int row = i + 1;
                String nm = rows.get(i)[name];
                if (nm == null || nm.isBlank()) {
                    throw BadInputException.atRow(file, row, "empty source name", "'" + (nm == null ? "" : nm) + "'");
                }
                double lon = value(i, x);
                double lat = value(i, y);
                String lonName = names.get(x);
                String latName = names.get(y);
                if (!(lat >= -90.0 && lat <= 90.0)) {
                    throw BadInputException.atRow(file, row, latName + " must be in [-90, 90] degrees", lat);
                }
                double lo = galactic ? -180.0 : 0.0;
                if (!(lon >= lo && lon <= 360.0)) {
                    throw BadInputException.atRow(file, row, lonName + " must be in [" + (int) lo + ", 360] degrees",
                            lon);
                }
                double wrapped = lon < 0 ? lon + 360.0 : lon >= 360.0 ? lon - 360.0 : lon;
                double[] lb = galactic ? new double[] {wrapped, lat} : GalacticFrame.fromIcrs(wrapped, lat);
                out.add(new GammaRaySource(nm.strip(), lb[0], lb[1]));
            }
            return out;
        }

        private double value(int i, int c) {
            if (numericColumns != null && numericColumns.get(c) != null) {
                return numericColumns.get(c)[i];
            }
            String s = rows.get(i)[c].strip();
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw BadInputException.atRow(file, i + 1, names.get(c) + " is not a number", "'" + s + "'");
            }
        }
    }

    /**
     * An astropy ECSV table: the YAML header's delimiter and column units, then the rows. Written by hand
     * rather than through Commons CSV because with a space delimiter a run of spaces is one delimiter here (as
     * in aligned hand-edited tables), which Commons CSV does not offer.
     */
    private static Table readEcsv(String f, List<String> lines) {
        char delimiter = ' ';
        List<String> unitNames = new ArrayList<>();
        List<String> unitValues = new ArrayList<>();
        int at = 0;
        while (at < lines.size() && (lines.get(at).startsWith("#") || lines.get(at).isBlank())) {
            String line = lines.get(at++);
            Matcher d = ECSV_DELIMITER.matcher(line);
            if (d.matches()) {
                delimiter = d.group(1).charAt(0);
                if (delimiter != ' ' && delimiter != ',') {
                    throw new BadInputException(f + ": ECSV delimiter must be a space or a comma (value '"
                            + delimiter + "')");
                }
            }
            Matcher c = ECSV_COLUMN.matcher(line);
            if (c.matches()) {
                String cname = null;
                String unit = null;
                Matcher kv = YAML_KEY.matcher(c.group(1));
                while (kv.find()) {
                    String v = kv.group(2).strip().replaceAll("^['\"]|['\"]$", "");
                    if (kv.group(1).equals("name")) {
                        cname = v.toLowerCase(Locale.ROOT);
                    } else if (kv.group(1).equals("unit")) {
                        unit = v;
                    }
                }
                if (cname != null) {
                    unitNames.add(cname);
                    unitValues.add(unit);
                }
            }
        }
        if (at >= lines.size()) {
            throw new BadInputException(f + ": empty catalog (no header row)");
        }
        List<String> names = new ArrayList<>();
        for (String s : split(f, 0, lines.get(at), delimiter)) {
            names.add(s.strip().toLowerCase(Locale.ROOT));
        }
        List<String> units = new ArrayList<>();
        for (String n : names) {
            int k = unitNames.indexOf(n);
            units.add(k >= 0 ? unitValues.get(k) : null);
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int row = rows.size() + 1;
            List<String> v = split(f, row, line, delimiter);
            if (v.size() != names.size()) {
                throw BadInputException.atRow(f, row, "expected " + names.size() + " fields, found " + v.size(), line);
            }
            rows.add(v.toArray(new String[0]));
        }
        return new Table(f, names, units, rows, null);
    }

    /**
     * Splits one line at the delimiter (runs of spaces count as one when it is a space), honouring
     * double quotes ("" within quotes is a literal quote).
     */
    static List<String> split(String f, int row, String line, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        String s = delimiter == ' ' ? line.strip() : line;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == delimiter) {
                if (delimiter == ' ' && cur.length() == 0 && !any) {
                    continue; // a run of spaces
                }
                out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(ch);
                any = true;
            }
        }
        if (quoted) {
            throw BadInputException.atRow(f, row, "unterminated double quote", line);
        }
        if (any || cur.length() > 0 || delimiter == ',') {
            out.add(cur.toString());
        }
        return out;
    }

    private static Table readFits(Path path) {
        FitsBinaryTable table = FitsBinaryTable.read(path);
        int n = table.rows();
        int cols = table.columns().size();
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<double[]> numeric = new ArrayList<>();
        String[][] text = new String[n][cols];
        for (int c = 0; c < cols; c++) {
            FitsBinaryTable.Column col = table.columns().get(c);
            names.add(col.name());
            units.add(col.unit());
            numeric.add(col.numeric());
            for (int i = 0; i < n; i++) {
                text[i][c] = col.text()[i];
            }
        }
        return new Table(table.file(), names, units, new ArrayList<>(List.of(text)), numeric);
    }
}
