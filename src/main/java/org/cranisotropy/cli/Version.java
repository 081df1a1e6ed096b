package org.cranisotropy.cli;

import picocli.CommandLine;

/**
 * The tool version: the jar manifest's Implementation-Version and the source revision it was built
 * from (Implementation-Build, e.g. "0.1.0-SNAPSHOT+7a32da0-dirty"), or "dev" in a source tree. Every
 * output's metadata carries it, and {@code cra run} redoes a step when it changes.
 */
public final class Version implements CommandLine.IVersionProvider {
    public static String get() {
        return Holder.VERSION;
    }

    /** Read once: the manifest of the jar does not change while the tool runs. */
    private static final class Holder {
        static final String VERSION = read();
    }

    private static String read() {
        String v = Version.class.getPackage().getImplementationVersion();
        if (v == null) {
            return "dev";
        }
        String build = null;
        try {
            // the manifest of the jar holding this class (not the first one on the class path)
            var location = Version.class.getProtectionDomain().getCodeSource().getLocation();
            try (var jar = new java.util.jar.JarFile(new java.io.File(location.toURI()))) {
                var manifest = jar.getManifest();
                build = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Build");
            }
        } catch (Exception e) {
            build = null; // not run from a jar, or no manifest: the version alone
        }
        return build == null || build.isBlank() || build.equals("unknown") ? v : v + "+" + build;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"cr-anisotropy " + get()};
    }
}
