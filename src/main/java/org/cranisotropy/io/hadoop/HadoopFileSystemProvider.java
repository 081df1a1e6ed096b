package org.cranisotropy.io.hadoop;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;

/**
 * java.nio access to one Hadoop file-system scheme (hdfs, s3a, …): {@code Files.*} calls on its paths go to
 * {@code org.apache.hadoop.fs.FileSystem}, so code written against java.nio reads and writes HDFS and
 * object stores unchanged. What the operations mean there:
 * <ul>
 *   <li>{@code move} is Hadoop's rename: atomic for a file or a directory on HDFS; on S3A a copy and a
 *       delete, file by file, so a directory rename is not atomic there (see the tool's storage notes);
 *   <li>{@code REPLACE_EXISTING} deletes the target first (two steps, not one);
 *   <li>files are written whole: output streams cannot seek, input channels can ({@code FSDataInputStream});
 *   <li>a file's parent directories are made when it is created (HDFS and object stores do so).
 * </ul>
 * Not made through {@code ServiceLoader}: Spark loads the application in a child class loader that the JDK's
 * provider lookup does not see; {@link org.cranisotropy.io.StoragePath} makes the paths. No Hadoop library
 * offers a maintained java.nio provider for current Hadoop (jsr203-hadoop stopped at Hadoop 2, HDFS only),
 * hence this adapter.
 */
public final class HadoopFileSystemProvider extends FileSystemProvider {
    private static final Map<String, HadoopFileSystemProvider> BY_SCHEME = new ConcurrentHashMap<>();

    private final String scheme;
    private final Map<String, HadoopNioFileSystem> systems = new ConcurrentHashMap<>();

    private HadoopFileSystemProvider(String scheme) {
        this.scheme = scheme;
    }

    /** The provider of a scheme (one per scheme in this JVM). */
    public static HadoopFileSystemProvider of(String scheme) {
        return BY_SCHEME.computeIfAbsent(scheme.toLowerCase(java.util.Locale.ROOT), HadoopFileSystemProvider::new);
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        return getFileSystem(uri);
    }

    @Override
    public HadoopNioFileSystem getFileSystem(URI uri) {
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        return systems.computeIfAbsent(authority, a -> new HadoopNioFileSystem(this, a));
    }

    @Override
    public Path getPath(URI uri) {
        if (!scheme.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(uri + " is not a " + scheme + ":// URI");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return getFileSystem(uri).getPath(path);
    }

    private static HadoopPath cast(Path p) {
        if (p instanceof HadoopPath h) {
            return h.toAbsolutePath();
        }
        throw new ProviderMismatchException(p + " is not a Hadoop path");
    }

    private static org.apache.hadoop.fs.FileSystem client(Path p) throws IOException {
        return cast(p).getFileSystem().client();
    }

    private static org.apache.hadoop.fs.Path hadoop(Path p) {
        return cast(p).hadoopPath();
    }

    /** The status of a path, or NoSuchFileException naming it. */
    static FileStatus status(Path p) throws IOException {
        try {
            return client(p).getFileStatus(hadoop(p));
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(p.toString());
        } catch (java.net.ConnectException | java.net.UnknownHostException e) {
            // not "no such file": java.nio's exists() would hide it, so it is said in one line here
            throw new org.cranisotropy.io.BadInputException(p + ": cannot reach its file system ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        for (OpenOption o : options) {
            if (o == StandardOpenOption.WRITE || o == StandardOpenOption.APPEND) {
                throw new UnsupportedOperationException("'" + o + "' not allowed for reading");
            }
        }
        try {
            return client(path).open(hadoop(path));
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(path.toString());
        }
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        Set<OpenOption> opts = Set.of(options);
        org.apache.hadoop.fs.FileSystem c = client(path);
        org.apache.hadoop.fs.Path h = hadoop(path);
        if (opts.contains(StandardOpenOption.APPEND)) {
            return c.append(h);
        }
        if (opts.contains(StandardOpenOption.CREATE_NEW)) {
            if (c.exists(h)) {
                throw new FileAlreadyExistsException(path.toString());
            }
            return c.create(h, false);
        }
        if (!opts.isEmpty() && !opts.contains(StandardOpenOption.CREATE) && !c.exists(h)) {
            throw new NoSuchFileException(path.toString());
        }
        return c.create(h, true);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            return new OutputChannel(newOutputStream(path, options.toArray(new OpenOption[0])));
        }
        FileStatus s = status(path);
        if (s.isDirectory()) {
            throw new IOException(path + " is a directory");
        }
        return new InputChannel((FSDataInputStream) newInputStream(path), s.getLen());
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        FileStatus[] listed;
        try {
            listed = client(dir).listStatus(hadoop(dir));
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(dir.toString());
        }
        if (!status(dir).isDirectory()) {
            throw new java.nio.file.NotDirectoryException(dir.toString());
        }
        List<Path> paths = new ArrayList<>();
        for (FileStatus s : listed) {
            Path p = dir.resolve(s.getPath().getName());
            if (filter.accept(p)) {
                paths.add(p);
            }
        }
        paths.sort(null);
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return paths.iterator();
            }

            @Override
            public void close() {
                // nothing held open
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        org.apache.hadoop.fs.FileSystem c = client(dir);
        if (c.exists(hadoop(dir))) {
            throw new FileAlreadyExistsException(dir.toString());
        }
        if (!c.mkdirs(hadoop(dir))) {
            throw new IOException("cannot make directory " + dir);
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        FileStatus s = status(path);
        org.apache.hadoop.fs.FileSystem c = client(path);
        if (s.isDirectory() && c.listStatus(hadoop(path)).length > 0) {
            throw new DirectoryNotEmptyException(path.toString());
        }
        if (!c.delete(hadoop(path), false)) {
            throw new IOException("cannot delete " + path);
        }
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        prepareTarget(target, options);
        if (status(source).isDirectory()) {
            createDirectory(target);
            return;
        }
        try (InputStream in = newInputStream(source); OutputStream out = newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        status(source);
        prepareTarget(target, options);
        org.apache.hadoop.fs.FileSystem c = client(source);
        if (!c.rename(hadoop(source), hadoop(target))) {
            throw new IOException("cannot rename " + source + " to " + target);
        }
    }

    private void prepareTarget(Path target, CopyOption... options) throws IOException {
        org.apache.hadoop.fs.FileSystem c = client(target);
        if (c.exists(hadoop(target))) {
            if (!Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            delete(target);
        }
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return cast(path).normalize().equals(path2 instanceof HadoopPath h ? h.toAbsolutePath().normalize() : path2);
    }

    @Override
    public boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && (name.toString().startsWith(".") || name.toString().startsWith("_"));
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("file stores are not supported on " + scheme + "://");
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        status(path);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return new HadoopAttributes(status(path));
            }

            @Override
            public void setTimes(FileTime modified, FileTime access, FileTime create) throws IOException {
                client(path).setTimes(hadoop(path), modified == null ? -1 : modified.toMillis(),
                        access == null ? -1 : access.toMillis());
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (!type.isAssignableFrom(HadoopAttributes.class)) {
            throw new UnsupportedOperationException(type.getSimpleName() + " are not supported on " + scheme + "://");
        }
        return (A) new HadoopAttributes(status(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        HadoopAttributes a = new HadoopAttributes(status(path));
        Map<String, Object> m = new HashMap<>();
        m.put("size", a.size());
        m.put("lastModifiedTime", a.lastModifiedTime());
        m.put("isDirectory", a.isDirectory());
        m.put("isRegularFile", a.isRegularFile());
        return m;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new UnsupportedOperationException("attributes cannot be set on " + scheme + "://");
    }
}
