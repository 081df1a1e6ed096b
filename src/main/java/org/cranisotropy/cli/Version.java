package org.cranisotropy.cli;

import picocli.CommandLine;

/** The tool version, from the jar manifest (Implementation-Version) or "dev" in a source tree. */
public final class Version implements CommandLine.IVersionProvider {
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"cr-anisotropy " + get()};
    }
}
