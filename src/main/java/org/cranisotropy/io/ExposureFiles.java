package org.cranisotropy.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.cranisotropy.exposure.EnergyBinning;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.sky.HealpixMap;

/**
 * An exposure cube on disk, the directory {@code DIR/exposure/}:
 * <ul>
 *   <li>one HEALPix FITS map per (energy bin, class), as healpy's {@code write_map} writes it (RING,
 *   galactic, unit TUNIT1 = 'm2 s', header keys EVCLASS, EMIN_GEV, EMAX_GEV, EBIN),
 *   {@code exposure_<class>_<bin>.fits};</li>
 *   <li>{@code manifest.csv} with header {@code class,emin_gev,emax_gev,file}, file relative to the
 *   manifest, one row per map;</li>
 *   <li>{@code exposure.parquet}, the same numbers as one table with columns class (string), bin
 *   (int32), emin_gev, emax_gev (double), pixel (int32, RING), exposure (double, m^2 s).</li>
 * </ul>
 * The directory is written under a temporary name next to it and renamed into place only when
 * complete, so {@code DIR/exposure} is never half-written.
 *
 * <p>{@link #read} loads a cube from a manifest and its maps (FITS or pix,value CSV): also the way to
 * bring one's own exposure maps. Maps may be RING or NESTED (reordered on reading) but must share one
 * Nside; each class must have the same energy bins, which must tile (each bin starts where the
 * previous one ends).
 */
public final class ExposureFiles {
    public static final String DIRECTORY = "exposure";
    public static final String MANIFEST = "manifest.csv";
    public static final String PARQUET = "exposure.parquet";
    public static final String MANIFEST_HEADER = "class,emin_gev,emax_gev,file";
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message exposure {
              required binary class (STRING);
              required int32 bin;
              required double emin_gev;
              required double emax_gev;
              required int32 pixel;
              required double exposure;
            }""");

    private ExposureFiles() {}

    /** Writes the cube to {@code outDir/exposure} (replacing an earlier one) and returns that path. */
    public static Path write(ExposureCube cube, Path outDir) {
        Path target = outDir.resolve(DIRECTORY);
        Path tmp = null;
        try {
            Files.createDirectories(outDir);
            tmp = Files.createTempDirectory(outDir, "." + DIRECTORY + ".tmp-");
            writeInto(cube, tmp);
            DirectoryCommit.replace(tmp, target);
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    private static void writeInto(ExposureCube cube, Path dir) throws IOException {
        EnergyBinning b = cube.binning();
        StringBuilder manifest = new StringBuilder(MANIFEST_HEADER).append('\n');
        for (EventClass c : cube.classes()) {
            for (int k = 0; k < b.size(); k++) {
                String name = String.format(Locale.ROOT, "exposure_%s_%02d.fits", c, k);
                Map<String, Object> keys = new LinkedHashMap<>();
                keys.put("EVCLASS", c.name());
                keys.put("EBIN", k);
                keys.put("EMIN_GEV", b.lower(k));
                keys.put("EMAX_GEV", b.upper(k));
                HealpixMapFits.write(HealpixMap.adoptRing(cube.nside(), cube.map(k, c)), dir.resolve(name),
                        "EXPOSURE", "m2 s", keys);
                manifest.append(c).append(',').append(b.lower(k)).append(',').append(b.upper(k)).append(',')
                        .append(name).append('\n');
            }
        }
        Files.writeString(dir.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        writeParquet(cube, dir.resolve(PARQUET));
    }

    /** The cube as one Parquet table (parquet-hadoop example writer on a local file; no Spark). */
    public static void writeParquet(ExposureCube cube, Path file) throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        EnergyBinning b = cube.binning();
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(org.cranisotropy.io.hadoop.ParquetFiles.output(file))
                .withType(SCHEMA)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (EventClass c : cube.classes()) {
                for (int k = 0; k < b.size(); k++) {
                    double[] m = cube.map(k, c);
                    for (int p = 0; p < m.length; p++) {
                        w.write(groups.newGroup().append("class", c.name()).append("bin", k)
                                .append(Tables.EMIN_GEV, b.lower(k)).append(Tables.EMAX_GEV, b.upper(k))
                                .append("pixel", p).append("exposure", m[p]));
                    }
                }
            }
        }
    }

    /**
     * Reads a cube from {@code dir/manifest.csv} (dir given) or from a manifest file. BadInputException
     * naming the file, row or pixel and value for: a bad header or row, an unknown class, a missing or
     * unreadable map, an Nside different from the first map's, energy bins that do not tile or differ
     * between classes, a duplicate bin, a negative or NaN exposure.
     */
    public static ExposureCube read(Path dirOrManifest) {
        Path manifest = Files.isDirectory(dirOrManifest) ? dirOrManifest.resolve(MANIFEST) : dirOrManifest;
        String mf = manifest.toString();
        if (!Files.isRegularFile(manifest)) {
            throw new BadInputException(mf + ": no such file (expected a manifest " + MANIFEST_HEADER + ")");
        }
        CsvFile csv = CsvFile.read(manifest, true);
        if (!String.join(",", csv.header()).equals(MANIFEST_HEADER)) {
            throw new BadInputException(mf + ": header must be '" + MANIFEST_HEADER + "' (found '"
                    + String.join(",", csv.header()) + "')");
        }
        Path base = manifest.toAbsolutePath().getParent();
        Map<EventClass, List<Row>> byClass = new EnumMap<>(EventClass.class);
        int nside = -1;
        String firstFile = null;
        for (int row = 1; row <= csv.rows().size(); row++) {
            String[] f = csv.rows().get(row - 1);
            EventClass c;
            try {
                c = EventClass.parse(f[0]);
            } catch (IllegalArgumentException e) {
                throw BadInputException.atRow(mf, row, "unknown event class (expected A, B, C or D)", f[0].strip());
            }
            double emin = csv.positive(row, 1);
            double emax = csv.positive(row, 2);
            if (!(emax > emin)) {
                throw BadInputException.atRow(mf, row, "emax_gev must exceed emin_gev " + emin, emax);
            }
            String name = f[3].strip();
            if (name.isEmpty()) {
                throw BadInputException.atRow(mf, row, "file name missing", "''");
            }
            Path file = base.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw BadInputException.atRow(mf, row, "map file not found", file);
            }
            HealpixMap map = MapFiles.read(file);
            if (nside < 0) {
                nside = map.nside();
                firstFile = file.toString();
            } else if (map.nside() != nside) {
                throw new BadInputException(file + " (" + mf + ", row " + row + "): Nside " + map.nside()
                        + " differs from Nside " + nside + " of " + firstFile);
            }
            double[] values = map.toArray();
            for (int p = 0; p < values.length; p++) {
                if (!(values[p] >= 0) || Double.isInfinite(values[p])) {
                    throw BadInputException.atPixel(file.toString(), p, "exposure must be finite and >= 0", values[p]);
                }
            }
            byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(new Row(row, emin, emax, values));
        }
        if (byClass.isEmpty()) {
            throw new BadInputException(mf + ": no maps listed");
        }
        double[] edges = null;
        EventClass edgesOf = null;
        Map<EventClass, double[][]> maps = new EnumMap<>(EventClass.class);
        for (Map.Entry<EventClass, List<Row>> e : byClass.entrySet()) {
            List<Row> rows = e.getValue();
            rows.sort(Comparator.comparingDouble(Row::emin));
            double[] ce = new double[rows.size() + 1];
            for (int k = 0; k < rows.size(); k++) {
                Row r = rows.get(k);
                ce[k] = r.emin();
                if (k + 1 < rows.size()) {
                    Row next = rows.get(k + 1);
                    if (same(next.emin(), r.emin())) {
                        throw BadInputException.atRow(mf, next.row(), "class " + e.getKey()
                                + ": duplicate energy bin (also row " + r.row() + ")", next.emin());
                    }
                    if (!same(r.emax(), next.emin())) {
                        throw BadInputException.atRow(mf, r.row(), "class " + e.getKey() + ": energy bins do not tile: bin ends at "
                                + r.emax() + " but the next bin (row " + next.row() + ") starts at " + next.emin(), r.emax());
                    }
                }
            }
            ce[rows.size()] = rows.get(rows.size() - 1).emax();
            if (edges == null) {
                edges = ce;
                edgesOf = e.getKey();
            } else if (!sameEdges(edges, ce)) {
                throw new BadInputException(mf + ": class " + e.getKey() + " has energy edges " + java.util.Arrays.toString(ce)
                        + ", class " + edgesOf + " has " + java.util.Arrays.toString(edges) + " (all classes need the same bins)");
            }
            double[][] m = new double[rows.size()][];
            for (int k = 0; k < rows.size(); k++) {
                m[k] = rows.get(k).values();
            }
            maps.put(e.getKey(), m);
        }
        return new ExposureCube(nside, new EnergyBinning(edges), maps);
    }

    private record Row(int row, double emin, double emax, double[] values) {}

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    private static boolean sameEdges(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!same(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path root) {
        try {
            DirectoryCommit.delete(root);
        } catch (IOException e) {
            // best effort clean-up of a temporary directory
        }
    }
}
