package org.cranisotropy.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.HealpixMap;
import org.cranisotropy.sky.Ordering;

/**
 * HEALPix maps in FITS binary tables, the layout of healpy's {@code write_map} and HEALPix's
 * {@code write_bintab}: extension 1 holds the map in its first column (scalar or vector cells,
 * read in row order), with header keywords PIXTYPE = 'HEALPIX', ORDERING = 'RING' | 'NESTED',
 * NSIDE, INDXSCHM = 'IMPLICIT'. NESTED maps are reordered to RING on reading. Uses nom-tam-fits.
 */
public final class HealpixMapFits {
    static {
        FitsLogging.quiet();
    }

    private HealpixMapFits() {}

    /** Reads the first column of extension 1 as a full-sky map. */
    public static HealpixMap read(Path file) {
        String name = file.toString();
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new BadInputException(name + ": no such file");
        }
        try (Fits fits = StoragePath.isLocal(file) ? new Fits(file.toFile())
                : new Fits(java.nio.file.Files.newInputStream(file))) {
            BasicHDU<?>[] hdus = fits.read();
            if (hdus.length < 2 || !(hdus[1] instanceof BinaryTableHDU)) {
                throw new BadInputException(name + ": no binary table in extension 1 (not a HEALPix map)");
            }
            BinaryTableHDU table = (BinaryTableHDU) hdus[1];
            Header h = table.getHeader();
            String pixtype = h.getStringValue("PIXTYPE");
            if (pixtype != null && !"HEALPIX".equalsIgnoreCase(pixtype.trim())) {
                throw new BadInputException(name + ": PIXTYPE is '" + pixtype + "', expected 'HEALPIX'");
            }
            String scheme = h.getStringValue("INDXSCHM");
            if (scheme != null && !"IMPLICIT".equalsIgnoreCase(scheme.trim())) {
                throw new BadInputException(name + ": INDXSCHM is '" + scheme
                        + "'; only full-sky (IMPLICIT) maps are supported");
            }
            Ordering ordering;
            try {
                ordering = Ordering.fromFits(h.getStringValue("ORDERING"));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(name + ": " + e.getMessage());
            }
            long nside = h.getLongValue("NSIDE", -1);
            if (!HealpixGrid.isValidNside(nside)) {
                throw new BadInputException(name + ": NSIDE keyword missing or not a power of two (value "
                        + h.getStringValue("NSIDE") + ")");
            }
            double[] values = flatten(name, table.getColumn(0));
            long npix = 12L * nside * nside;
            if (values.length != npix) {
                throw new BadInputException(name + ": NSIDE " + nside + " needs " + npix
                        + " pixels, the table holds " + values.length + " (truncated or partial map?)");
            }
            int n = (int) nside;
            return ordering == Ordering.RING ? HealpixMap.adoptRing(n, values) : HealpixMap.ofNested(n, values);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(name + ": cannot read as a FITS HEALPix map (" + e.getMessage() + ")", e);
        }
    }

    /** Writes a RING map the way healpy's write_map does (one double column, 1024 values a row). */
    public static void write(HealpixMap map, Path file, String columnName) throws IOException {
        write(map, file, columnName, null, java.util.Map.of());
    }

    /**
     * As {@link #write(HealpixMap, Path, String)}, with the column unit (TUNIT1, e.g. "m2 s"; null for
     * none) and extra header keywords of extension 1 (keys of up to 8 characters; String, Number or
     * Boolean values, in iteration order), e.g. the event class and energy range of an exposure map.
     */
    public static void write(HealpixMap map, Path file, String columnName, String unit,
            java.util.Map<String, ?> keywords) throws IOException {
        double[] values = map.toArray();
        int perRow = Math.min(1024, values.length);
        int rows = values.length / perRow;
        double[][] cells = new double[rows][perRow];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * perRow, cells[r], 0, perRow);
        }
        try (Fits fits = new Fits()) {
            fits.addHDU(BasicHDU.getDummyHDU());
            BinaryTable table = new BinaryTable();
            table.addColumn(cells);
            BinaryTableHDU hdu = BinaryTableHDU.wrap(table);
            hdu.setColumnName(0, columnName, null);
            Header h = hdu.getHeader();
            h.addValue("PIXTYPE", "HEALPIX", "HEALPIX pixelisation");
            h.addValue("ORDERING", "RING", "Pixel ordering scheme, either RING or NESTED");
            h.addValue("COORDSYS", "G", "Ecliptic, Galactic or Celestial (equatorial)");
            h.addValue("EXTNAME", "xtension", "name of this binary table extension");
            h.addValue("NSIDE", map.nside(), "Resolution parameter of HEALPIX");
            h.addValue("FIRSTPIX", 0, "First pixel # (0 based)");
            h.addValue("LASTPIX", values.length - 1, "Last pixel # (0 based)");
            h.addValue("INDXSCHM", "IMPLICIT", "Indexing: IMPLICIT or EXPLICIT");
            if (unit != null) {
                h.addValue("TUNIT1", unit, "physical unit of the map values");
            }
            for (java.util.Map.Entry<String, ?> k : keywords.entrySet()) {
                Object v = k.getValue();
                if (v instanceof String t) {
                    h.addValue(k.getKey(), t, null);
                } else if (v instanceof Boolean b) {
                    h.addValue(k.getKey(), b.booleanValue(), null);
                } else if (v instanceof Integer || v instanceof Long) {
                    h.addValue(k.getKey(), ((Number) v).longValue(), null);
                } else if (v instanceof Number n) {
                    h.addValue(k.getKey(), n.doubleValue(), null);
                } else {
                    throw new IllegalArgumentException("header keyword " + k.getKey() + ": unsupported value " + v);
                }
            }
            fits.addHDU(hdu);
            if (StoragePath.isLocal(file)) {
                fits.write(file.toFile());
            } else {
                try (nom.tam.util.FitsOutputStream out = new nom.tam.util.FitsOutputStream(
                        java.nio.file.Files.newOutputStream(file))) {
                    fits.write(out);
                }
            }
        } catch (FitsException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Column data (scalar or vector cells, float or double) as one double array in row order. */
    private static double[] flatten(String name, Object column) {
        if (column instanceof double[] d) {
            return d;
        }
        if (column instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        if (column != null && column.getClass().isArray() && column.getClass().getComponentType().isArray()) {
            int rows = Array.getLength(column);
            double[][] parts = new double[rows][];
            int total = 0;
            for (int r = 0; r < rows; r++) {
                parts[r] = flatten(name, Array.get(column, r));
                total += parts[r].length;
            }
            double[] all = new double[total];
            int at = 0;
            for (double[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
            return all;
        }
        throw new BadInputException(name + ": map column is not float or double ("
                + (column == null ? "empty" : column.getClass().getSimpleName()) + ")");
    }
}
