package org.cranisotropy.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cranisotropy.sky.HealpixMap;

/** Reads and writes HEALPix maps by file extension: FITS (.fits, .fit, .fits.gz) or CSV (.csv). */
public final class MapFiles {
    private MapFiles() {}

    public static HealpixMap read(Path file) {
        return isCsv(file) ? MapCsv.read(file) : HealpixMapFits.read(file);
    }

    /** Writes through a temporary file in the same directory, renamed into place when complete. */
    public static void write(HealpixMap map, Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!isCsv(file) && !name.endsWith(".fits")) {
            throw new BadInputException(file + ": unknown map format (the name must end in .fits or .csv)");
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tmp-", isCsv(file) ? ".csv" : ".fits");
            try {
                Files.delete(tmp);
                if (isCsv(file)) {
                    StringBuilder sb = new StringBuilder("pix,value\n");
                    for (int p = 0; p < map.npix(); p++) {
                        sb.append(p).append(',').append(map.get(p)).append('\n');
                    }
                    Files.writeString(tmp, sb, StandardCharsets.UTF_8);
                } else {
                    HealpixMapFits.write(map, tmp, "VALUE");
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
