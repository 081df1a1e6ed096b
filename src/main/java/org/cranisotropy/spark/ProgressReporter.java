package org.cranisotropy.spark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.util.LongAccumulator;

/**
 * Progress of a long Spark stage on the driver: every few seconds, "label: done/total unit (x %),
 * rate, elapsed, ETA", read from a LongAccumulator that the tasks add to when they finish a unit.
 */
public final class ProgressReporter implements AutoCloseable {
    private final PrintWriter out;
    private final String label;
    private final String unit;
    private final long total;
    private final LongAccumulator done;
    private final long start = System.nanoTime();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public ProgressReporter(PrintWriter out, String label, String unit, long total, LongAccumulator done,
            long intervalMillis) {
        this.out = out;
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.done = done;
        this.thread = new Thread(() -> {
            while (running.get()) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                if (running.get()) {
                    report();
                }
            }
        }, "progress-" + label);
        thread.setDaemon(true);
        if (out != null) {
            thread.start();
        }
    }

    private synchronized void report() {
        double s = (System.nanoTime() - start) / 1e9;
        long d = Math.min(done.value(), total);
        double rate = d / Math.max(1e-9, s);
        String eta = d == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", (total - d) / rate);
        out.printf(Locale.ROOT, "%s: %d/%d %s (%.1f %%), %.3g %s/s, %.1f s elapsed, ETA %s%n", label, d, total, unit,
                100.0 * d / Math.max(1, total), rate, unit, s, eta);
        out.flush();
    }

    /** Seconds since the reporter started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        if (out != null) {
            report();
        }
    }
}
