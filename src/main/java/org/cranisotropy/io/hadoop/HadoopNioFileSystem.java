package org.cranisotropy.io.hadoop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cranisotropy.io.BadInputException;

/**
 * One Hadoop file system (a scheme and an authority, e.g. hdfs://namenode:8020 or s3a://bucket) as a
 * java.nio {@link FileSystem}; the Hadoop client behind it is opened on first use with the configuration
 * in force ({@link HadoopSettings}), so a file system made on a Spark executor uses the driver's settings
 * once they have been installed there.
 */
final class HadoopNioFileSystem extends FileSystem {
    private final HadoopFileSystemProvider provider;
    private final String authority;
    private volatile org.apache.hadoop.fs.FileSystem client;

    HadoopNioFileSystem(HadoopFileSystemProvider provider, String authority) {
        this.provider = provider;
        this.authority = authority == null ? "" : authority;
    }

    String scheme() {
        return provider.getScheme();
    }

    /** The authority (host:port, bucket), or null when the URI has none (the configured default). */
    String authority() {
        return authority.isEmpty() ? null : authority;
    }

    /** The Hadoop client of this file system (Hadoop caches it per scheme, authority and user). */
    org.apache.hadoop.fs.FileSystem client() throws IOException {
        org.apache.hadoop.fs.FileSystem c = client;
        if (c == null) {
            URI uri = URI.create(scheme() + "://" + authority + "/");
            try {
                c = org.apache.hadoop.fs.FileSystem.get(uri, HadoopSettings.current());
            } catch (org.apache.hadoop.fs.UnsupportedFileSystemException | RuntimeException e) {
                // Hadoop has no client for the scheme here (s3a:// without hadoop-aws, a typo): bad input, one line
                throw new BadInputException(uri + ": no Hadoop file system for '" + scheme() + "://' on the class path ("
                        + rootMessage(e) + "); s3a:// needs org.apache.hadoop:hadoop-aws of Spark's Hadoop version, e.g."
                        + " spark-submit --packages org.apache.hadoop:hadoop-aws:" + org.apache.hadoop.util.VersionInfo.getVersion(), e);
            }
            client = c;
        }
        return c;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Where relative paths lead: the Hadoop client's working directory (/user/NAME on HDFS). */
    Path workingDirectory() {
        try {
            return new HadoopPath(this, client().getWorkingDirectory().toUri().getPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public HadoopFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // the Hadoop client is shared through Hadoop's cache; it closes at JVM exit
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(new HadoopPath(this, "/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public Path getPath(String first, String... more) {
        StringBuilder b = new StringBuilder(first);
        for (String m : more) {
            b.append('/').append(m);
        }
        return new HadoopPath(this, b.toString());
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        throw new UnsupportedOperationException("path matchers are not supported on " + scheme() + "://");
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException();
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HadoopNioFileSystem f && f.provider.getScheme().equals(provider.getScheme())
                && f.authority.equals(authority);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider.getScheme(), authority);
    }
}
