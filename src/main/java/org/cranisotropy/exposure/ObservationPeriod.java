package org.cranisotropy.exposure;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The observation period [start, end) sampled in N = floor((end - start) / dt) time steps of length
 * dt; step k stands for [start + k dt, start + (k+1) dt) and is evaluated at its midpoint. Steps
 * are grouped into blocks of one day (round(86400 s / dt) steps, the last block shorter): the unit
 * of parallel work. Immutable.
 */
public final class ObservationPeriod implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Instant start;
    private final Instant end;
    private final double stepSeconds;
    private final long steps;
    private final long stepsPerBlock;

    public ObservationPeriod(Instant start, Instant end, double stepSeconds) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("observation period end " + end + " must be after start " + start);
        }
        if (!(stepSeconds >= 0.001 && stepSeconds <= 86400)) {
            throw new IllegalArgumentException("time step must be in [0.001, 86400] s, got " + stepSeconds);
        }
        this.start = start;
        this.end = end;
        this.stepSeconds = stepSeconds;
        double seconds = Duration.between(start, end).toNanos() / 1e9;
        this.steps = (long) Math.floor(seconds / stepSeconds + 1e-9);
        if (steps < 1) {
            throw new IllegalArgumentException("observation period " + start + " .. " + end + " is shorter than one step");
        }
        this.stepsPerBlock = Math.max(1, Math.round(86400.0 / stepSeconds));
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public double stepSeconds() {
        return stepSeconds;
    }

    public long steps() {
        return steps;
    }

    /** Observed duration covered by the steps, N dt (s). */
    public double durationSeconds() {
        return steps * stepSeconds;
    }

    public long blocks() {
        return (steps + stepsPerBlock - 1) / stepsPerBlock;
    }

    public long blockStart(long block) {
        return Math.min(steps, block * stepsPerBlock);
    }

    public long blockEnd(long block) {
        return Math.min(steps, (block + 1) * stepsPerBlock);
    }

    /** Midpoint of step k in seconds after an epoch (the orbit's). */
    public double stepMidpoint(long k, Instant epoch) {
        double offset = Duration.between(epoch, start).toNanos() / 1e9;
        return offset + (k + 0.5) * stepSeconds;
    }
}
