package org.cranisotropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one tick style of the figures: where log and linear axes are labelled and how. */
class TicksTest {
    private static List<String> labels(List<LogTicks.Tick> ticks) {
        return ticks.stream().filter(LogTicks.Tick::major).map(LogTicks.Tick::label).toList();
    }

    @Test
    void logAxesAreLabelledAtOneTwoFiveUpToThreeDecadesAndAtDecadesBeyond() {
        // the corrected delta plot's range: 0.0012 .. 0.6 gets 0.002 and 0.005 between the decades
        assertEquals(List.of("0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5"),
                labels(LogTicks.between(0.0012, 0.6)));
        // less than a decade: 1, 2, 3, 5
        assertEquals(List.of("50", "100", "200", "300", "500"), labels(LogTicks.between(45, 600)));
        // five decades of C_l/C0: decades only, powers of ten below 0.001
        assertEquals(List.of("10⁻⁶", "10⁻⁵", "10⁻⁴", "0.001", "0.01", "0.1"), labels(LogTicks.between(5e-7, 0.3)));
        // minor ticks at the other integers up to seven decades: 0.0012 .. 0.6 holds 0.003, 0.004 ... unlabelled (8 + 9 + 6)
        assertEquals(23, LogTicks.between(0.0012, 0.6).size());
        // beyond seven decades, every second decade and no minor ticks
        assertEquals(List.of("10⁻⁸", "10⁻⁶", "10⁻⁴", "0.01", "1"), labels(LogTicks.between(1e-9, 5)));
        assertEquals(5, LogTicks.between(1e-9, 5).size());
        assertEquals("2×10⁵", LogTicks.label(2, 5));
        assertEquals("20000", LogTicks.label(2, 4));
    }

    @Test
    void colourBarsGetRoundTicks() {
        // the exposure map's colour bar ran 0.906 .. 1.73e5 with ticks at quarter points
        assertEquals(List.of("5×10⁴", "10⁵", "1.5×10⁵"), labels(LinearTicks.between(0.906, 1.73e5, 6)));
        assertEquals(List.of("0.96", "0.98", "1", "1.02", "1.04"), labels(LinearTicks.between(0.955, 1.045, 6)));
        assertEquals(List.of("-0.2", "-0.1", "0", "0.1", "0.2"), labels(LinearTicks.between(-0.25, 0.25, 6)));
        assertEquals(List.of("0", "2", "4", "6", "8"), labels(LinearTicks.between(0, 9, 6)));
    }
}
