package org.cranisotropy.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;

/**
 * {@code cra bench --against PATH}: this build's Monte Carlo core against another build's, in one JVM.
 * Each build's {@code org.cranisotropy} classes are loaded by a class loader of their own (child-first
 * for those classes, the libraries shared from this build), a {@link CoreTiming} is made in each, and
 * rounds of samples alternate between them, the order switching every round. On this shared host two
 * separate JVMs differ by up to 1.5x, far more than the changes worth measuring; within one JVM the
 * alternated rounds see the same conditions. PATH may be an older build as long as the public API that
 * {@link CoreTiming} uses exists there (otherwise the comparison stops with one line naming PATH).
 */
final class CoreComparison {
    private CoreComparison() {}

    /** Loads org.cranisotropy classes from its own URLs first, everything else from the parent. */
    private static final class BuildLoader extends URLClassLoader {
        BuildLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.cranisotropy.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** One build's timing object, used through reflection (its classes are not this loader's). */
    private record Build(Object timing, int events, Method msPerSample, Method checksum, Method closer) {
        double ms(int n) {
            return (double) call(msPerSample, n);
        }

        long checksum(int n) {
            return (long) call(checksum, n);
        }

        Object call(Method m, Object... args) {
            try {
                return m.invoke(timing, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void run(BenchCommand c, PrintWriter out) {
        if (c.events == null || c.exposure == null) {
            throw new IllegalArgumentException("--against needs --events and --exposure");
        }
        if (c.abRounds < 1 || c.abSamples < 1 || c.threads < 1) {
            throw new IllegalArgumentException("--ab-rounds, --ab-samples and --threads must be >= 1, got "
                    + c.abRounds + ", " + c.abSamples + ", " + c.threads);
        }
        if (!Files.exists(c.against)) {
            throw new IllegalArgumentException("--against " + c.against + ": no such jar or directory");
        }
        URL self = CoreTiming.class.getProtectionDomain().getCodeSource().getLocation();
        URL other;
        try {
            other = c.against.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("--against " + c.against + ": " + e.getMessage());
        }
        ClassLoader parent = CoreComparison.class.getClassLoader();
        String config = c.config == null ? "" : c.config.toString();
        Build mine = build("this build", new BuildLoader(new URL[] {self}, parent), c, config);
        // PATH first: its classes win; this build's location only supplies CoreTiming if PATH predates it
        Build theirs = build(c.against.toString(), new BuildLoader(new URL[] {other, self}, parent), c, config);
        if (mine.timing().getClass() == theirs.timing().getClass()) {
            throw new IllegalStateException("the two builds share their classes: the class loaders do not separate them");
        }
        try {
            out.printf("Monte Carlo core, this build (%s) against %s, in one JVM (a class loader each): %s energies,"
                    + " %d selected events, %d thread(s), %d alternated rounds of %d samples%n", self.getPath(),
                    c.against, c.energies, mine.events(), c.threads, c.abRounds, c.abSamples);
            out.flush();
            int warm = Math.max(10, c.abSamples / 4);
            for (int w = 0; w < 2; w++) { // both builds' JIT compiles its sampler before anything is timed
                mine.ms(warm);
                theirs.ms(warm);
            }
            double[] a = new double[c.abRounds];
            double[] b = new double[c.abRounds];
            int faster = 0;
            for (int k = 0; k < c.abRounds; k++) {
                if (k % 2 == 0) {
                    a[k] = mine.ms(c.abSamples);
                    b[k] = theirs.ms(c.abSamples);
                } else {
                    b[k] = theirs.ms(c.abSamples);
                    a[k] = mine.ms(c.abSamples);
                }
                faster += a[k] < b[k] ? 1 : 0;
                out.printf("  round %d: this build %.2f ms/sample, against %.2f ms/sample%n", k + 1, a[k], b[k]);
                out.flush();
            }
            // medians: the 0.5 level of the Monte Carlo's own percentile definition, as the rest of cra bench
            double ma = org.cranisotropy.montecarlo.Band.of(a).percentiles()[2];
            double mb = org.cranisotropy.montecarlo.Band.of(b).percentiles()[2];
            out.printf("medians: this build %.2f ms/sample, against %.2f ms/sample: against / this = %.3f; this build"
                    + " faster in %d of %d rounds%n", ma, mb, mb / ma, faster, c.abRounds);
            boolean same = mine.checksum(2) == theirs.checksum(2);
            out.printf("the two builds make the same samples (measurement rows of samples 0 and 1 bit for bit): %s%n",
                    same ? "yes" : "no");
            out.flush();
        } finally {
            mine.call(mine.closer());
            theirs.call(theirs.closer());
        }
    }

    private static Build build(String label, ClassLoader loader, BenchCommand c, String config) {
        try {
            Class<?> k = loader.loadClass(CoreTiming.class.getName());
            Object timing = k.getConstructor(String.class, String.class, String.class, String.class, int.class)
                    .newInstance(c.events.toString(), c.exposure.toString(), config, c.energies, c.threads);
            return new Build(timing, (int) k.getMethod("events").invoke(timing), k.getMethod("msPerSample", int.class),
                    k.getMethod("checksum", int.class),
                    k.getMethod("close"));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LinkageError) {
                throw incompatible(label, cause);
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw incompatible(label, e);
        }
    }

    private static IllegalArgumentException incompatible(String label, Throwable e) {
        return new IllegalArgumentException("--against " + label + ": its classes do not offer the API this comparison"
                + " uses (" + e + ")");
    }
}
