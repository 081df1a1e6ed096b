package org.cranisotropy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cranisotropy.io.BadInputException;

/** The check every command with an output directory makes before any work: the directory can be made. */
final class OutputDirectory {
    private OutputDirectory() {}

    /**
     * Refuses an output directory that is a file, or lies under one (bad input, exit 2), so that a
     * command does not fail with an I/O trace after its work is done.
     */
    static Path require(Path dir, String option) {
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p != null && !Files.isDirectory(p)) {
            throw new BadInputException(option + " " + dir + ": " + p + " is a file, not a directory");
        }
        return dir;
    }
}
