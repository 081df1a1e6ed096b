package org.cranisotropy.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Round ticks on a linear scale (colour bars): multiples of a step of 1, 2 or 5 x 10^k chosen so that at most
 * {@code maxCount} fall within the range, labelled with the step's precision as plain numbers when the largest
 * lies from 0.001 to 99 999, and all as powers of ten otherwise ({@link LogTicks#label} style), e.g.
 * 0, 0.5, 1, 1.5 or 5×10⁴, 10⁵, 1.5×10⁵.
 */
public final class LinearTicks {
    private LinearTicks() {}

    /** The ticks within [lo, hi], in increasing order. */
    public static List<LogTicks.Tick> between(double lo, double hi, int maxCount) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi) || maxCount < 2) {
            throw new IllegalArgumentException("linear ticks need lo < hi (finite) and maxCount >= 2, got " + lo + " .. "
                    + hi + ", " + maxCount);
        }
        int k = (int) Math.floor(Math.log10((hi - lo) / maxCount));
        int[] mantissas = {1, 2, 5, 10};
        BigDecimal step = null;
        for (int kk = k; step == null; kk++) {
            for (int m : mantissas) {
                BigDecimal s = BigDecimal.valueOf(m).scaleByPowerOfTen(kk);
                if (count(lo, hi, s.doubleValue()) <= maxCount) {
                    step = s;
                    break;
                }
            }
        }
        List<LogTicks.Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step.doubleValue() - 1e-9);
        long last = (long) Math.floor(hi / step.doubleValue() + 1e-9);
        // one style per scale: powers of ten for every tick when the largest is beyond the plain range
        BigDecimal largest = step.multiply(BigDecimal.valueOf(Math.max(Math.abs(first), Math.abs(last))));
        boolean powers = largest.compareTo(new BigDecimal("100000")) >= 0
                || largest.compareTo(new BigDecimal("0.001")) < 0;
        for (long i = first; i <= last; i++) {
            BigDecimal v = step.multiply(BigDecimal.valueOf(i));
            ticks.add(new LogTicks.Tick(v.doubleValue(), label(v, powers)));
        }
        return ticks;
    }

    private static long count(double lo, double hi, double step) {
        return (long) Math.floor(hi / step + 1e-9) - (long) Math.ceil(lo / step - 1e-9) + 1;
    }

    /** A round value as a plain number, or as m×10^k. */
    static String label(BigDecimal v, boolean powers) {
        if (v.signum() == 0) {
            return "0";
        }
        BigDecimal a = v.abs();
        if (!powers) {
            return v.stripTrailingZeros().toPlainString();
        }
        int k = a.precision() - a.scale() - 1;
        BigDecimal mantissa = v.scaleByPowerOfTen(-k).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String power = LogTicks.power(k);
        return mantissa.compareTo(BigDecimal.ONE) == 0 ? power : mantissa.toPlainString() + "\u00d7" + power;
    }
}
