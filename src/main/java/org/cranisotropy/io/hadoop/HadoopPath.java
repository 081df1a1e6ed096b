package org.cranisotropy.io.hadoop;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A path on a Hadoop file system (hdfs://, s3a://, …) seen through java.nio: the file system's scheme and
 * authority and a slash-separated path, absolute ("/a/b") or relative ("b"). An absolute path prints as
 * its full URI (hdfs://namenode:8020/a/b), so messages and Spark readers get a usable name; a relative one
 * prints as its names. Pure string handling: no call to the file system. Immutable.
 */
final class HadoopPath implements Path {
    private final HadoopNioFileSystem fs;
    private final boolean absolute;
    private final String[] names;

    HadoopPath(HadoopNioFileSystem fs, String path) {
        this(fs, path.startsWith("/"), Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new));
    }

    private HadoopPath(HadoopNioFileSystem fs, boolean absolute, String[] names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = names;
    }

    /** The path as Hadoop names it (absolute ones with scheme and authority). */
    org.apache.hadoop.fs.Path hadoopPath() {
        if (absolute && fs.authority() != null) {
            return new org.apache.hadoop.fs.Path(toUri());
        }
        // no authority (hdfs:///x): the path alone, which the default file system's client takes as its own
        return new org.apache.hadoop.fs.Path(pathPart().isEmpty() ? "/" : pathPart());
    }

    private String pathPart() {
        return (absolute ? "/" : "") + String.join("/", names);
    }

    @Override
    public HadoopNioFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? new HadoopPath(fs, true, new String[0]) : null;
    }

    @Override
    public Path getFileName() {
        return names.length == 0 ? null : new HadoopPath(fs, false, new String[] {names[names.length - 1]});
    }

    @Override
    public Path getParent() {
        if (names.length == 0 || (!absolute && names.length == 1)) {
            return null;
        }
        return new HadoopPath(fs, absolute, Arrays.copyOf(names, names.length - 1));
    }

    @Override
    public int getNameCount() {
        return names.length;
    }

    @Override
    public Path getName(int index) {
        return new HadoopPath(fs, false, new String[] {names[index]});
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return new HadoopPath(fs, false, Arrays.copyOfRange(names, beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        HadoopPath o = cast(other, false);
        if (o == null || o.absolute != absolute || o.names.length > names.length) {
            return false;
        }
        return Arrays.equals(names, 0, o.names.length, o.names, 0, o.names.length);
    }

    @Override
    public boolean endsWith(Path other) {
        HadoopPath o = cast(other, false);
        if (o == null || (o.absolute && !equals(o)) || o.names.length > names.length) {
            return false;
        }
        return Arrays.equals(names, names.length - o.names.length, names.length, o.names, 0, o.names.length);
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(".")) {
                continue;
            }
            if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(n.equals("..") && absolute)) {
                out.add(n);
            }
        }
        return new HadoopPath(fs, absolute, out.toArray(new String[0]));
    }

    @Override
    public Path resolve(Path other) {
        HadoopPath o = cast(other, true);
        if (o.absolute) {
            return o;
        }
        String[] joined = Arrays.copyOf(names, names.length + o.names.length);
        System.arraycopy(o.names, 0, joined, names.length, o.names.length);
        return new HadoopPath(fs, absolute, joined);
    }

    @Override
    public Path relativize(Path other) {
        HadoopPath o = cast(other, true);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this);
        }
        int common = 0;
        while (common < names.length && common < o.names.length && names[common].equals(o.names[common])) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < names.length; i++) {
            out.add("..");
        }
        out.addAll(Arrays.asList(o.names).subList(common, o.names.length));
        return new HadoopPath(fs, false, out.toArray(new String[0]));
    }

    /** scheme://authority/path, hdfs:///path when the URI names no authority (the configured default). */
    @Override
    public URI toUri() {
        try {
            String raw = new URI(null, null, toAbsolutePath().pathPart(), null).getRawPath();
            return URI.create(prefix() + raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid path: " + pathPart(), e);
        }
    }

    private String prefix() {
        return fs.scheme() + "://" + (fs.authority() == null ? "" : fs.authority());
    }

    @Override
    public HadoopPath toAbsolutePath() {
        return absolute ? this : (HadoopPath) fs.workingDirectory().resolve(this);
    }

    @Override
    public Path toRealPath(LinkOption... options) {
        return toAbsolutePath().normalize();
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("watching is not supported on " + fs.scheme() + "://");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HadoopPath p && p.fs.equals(fs) && p.absolute == absolute && Arrays.equals(p.names, names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fs, absolute, Arrays.hashCode(names));
    }

    @Override
    public String toString() {
        return absolute ? prefix() + pathPart() : pathPart();
    }

    private HadoopPath cast(Path other, boolean strict) {
        if (other instanceof HadoopPath p && p.fs.equals(fs)) {
            return p;
        }
        if (strict) {
            throw new ProviderMismatchException(other + " is not on " + fs.scheme() + "://" + fs.authority());
        }
        return null;
    }
}
