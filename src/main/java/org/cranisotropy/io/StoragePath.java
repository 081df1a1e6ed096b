package org.cranisotropy.io;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cranisotropy.io.hadoop.HadoopFileSystemProvider;

/**
 * Paths as users write them: a bare path or a {@code file:} URI is a local path (java.nio's default file
 * system, unchanged behaviour); any other {@code scheme://} URI ({@code hdfs://namenode:8020/dir},
 * {@code s3a://bucket/dir}, …) is a path on that Hadoop file system, used through the same java.nio calls.
 * Every path the tool takes from its command line, its configuration or a table's metadata goes through
 * {@link #of}.
 */
public final class StoragePath {
    private static final Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://.*");

    private StoragePath() {}

    /** The path a user's string names. */
    public static Path of(String s) {
        var m = URI_SCHEME.matcher(s);
        if (m.matches()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            URI uri = URI.create(s);
            if (scheme.equals("file")) {
                return Path.of(uri);
            }
            return HadoopFileSystemProvider.of(scheme).getPath(uri);
        }
        if (s.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return Path.of(URI.create(s));
        }
        return Path.of(s);
    }

    /** Whether a path is on the local file system (java.nio's default one). */
    public static boolean isLocal(Path p) {
        return p.getFileSystem() == java.nio.file.FileSystems.getDefault();
    }
}
