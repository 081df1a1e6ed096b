package org.cranisotropy.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Putting a finished directory (a table, the exposure maps, the samples) in place under its final name, so that
 * a reader never sees part of one there, on every file system the tool writes to:
 * <ul>
 *   <li><b>Local disks and HDFS</b> rename a directory atomically: the earlier directory is renamed aside
 *       (hidden), the new one renamed into place, then the earlier one deleted. A process killed in between
 *       leaves either no directory or a whole one under the final name, and the earlier one whole under its hidden
 *       name until the next write of the directory removes it.
 *   <li><b>Object stores</b> (s3a://, gs://, abfs://, …) rename a directory file by file (a copy and a delete of
 *       each object); only a single object appears whole or not at all. There the directory's completion
 *       marker ({@code _SUCCESS}, or {@code manifest.csv} of the exposure maps) is removed first, the earlier
 *       files deleted, the new files moved in one by one, and the marker moved last; a reader takes a directory
 *       without its marker for an unfinished one ({@link #requireComplete}). A process killed in between
 *       leaves no marker, so an incomplete directory is never taken for a table.
 * </ul>
 * Single files (the Monte Carlo's sample blocks, written once under unique names through a temporary name)
 * are atomic on all three.
 */
public final class DirectoryCommit {
    /** Files that say a directory is complete: moved last, removed first. */
    public static final Set<String> MARKERS = Set.of("_SUCCESS", "manifest.csv");
    private static final Set<String> ATOMIC_RENAME_SCHEMES = Set.of("hdfs", "viewfs", "webhdfs", "swebhdfs", "file");

    private DirectoryCommit() {}

    /** Whether the file system of a path renames directories atomically (local disks, HDFS). */
    public static boolean atomicDirectoryRename(Path p) {
        return StoragePath.isLocal(p)
                || ATOMIC_RENAME_SCHEMES.contains(p.toUri().getScheme().toLowerCase(Locale.ROOT));
    }

    /** Moves a finished directory onto its final name, replacing an earlier one (see the class comment). */
    public static void replace(Path from, Path to) throws IOException {
        if (atomicDirectoryRename(to)) {
            renameInPlace(from, to);
        } else {
            moveMarkerLast(from, to);
        }
    }

    private static void renameInPlace(Path from, Path to) throws IOException {
        Path aside = null;
        if (Files.exists(to)) {
            aside = to.toAbsolutePath().resolveSibling("." + to.getFileName() + ".old-" + ProcessHandle.current().pid());
            delete(aside);
            Files.move(to, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        if (aside != null) {
            delete(aside);
        }
        // earlier directories a killed process left set aside (other process ids): the new one replaces them
        String stale = "." + to.getFileName() + ".old-";
        try (Stream<Path> siblings = Files.list(to.toAbsolutePath().getParent())) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(stale)).toList()) {
                delete(p);
            }
        }
    }

    /** The object-store protocol: marker gone first, data files in one by one, marker last. */
    static void moveMarkerLast(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            for (String m : MARKERS) {
                Files.deleteIfExists(to.resolve(m));
            }
            delete(to);
        }
        Files.createDirectories(to);
        for (Path f : moveOrder(from)) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.move(f, target);
        }
        delete(from);
    }

    /** The files of a directory in the order they are moved: data files by name, the markers last. */
    static List<Path> moveOrder(Path from) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            return walk.filter(Files::isRegularFile).sorted(Comparator
                    .comparing((Path f) -> MARKERS.contains(f.getFileName().toString()))
                    .thenComparing(Comparator.naturalOrder())).toList();
        }
    }

    /**
     * On an object store, refuses a directory whose completion marker is missing (a write that did not finish);
     * elsewhere a directory is whole once it carries its name, whoever wrote it.
     */
    public static void requireComplete(Path dir) {
        if (atomicDirectoryRename(dir) || !Files.isDirectory(dir)) {
            return;
        }
        for (String m : MARKERS) {
            if (Files.exists(dir.resolve(m))) {
                return;
            }
        }
        throw new BadInputException(dir + ": incomplete (no _SUCCESS): its writing did not finish; write it again");
    }

    /** Removes a file tree if present. */
    public static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
