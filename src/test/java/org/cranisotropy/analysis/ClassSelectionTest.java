package org.cranisotropy.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.cranisotropy.exposure.EventClass;
import org.junit.jupiter.api.Test;

class ClassSelectionTest {
    @Test
    void caletSelectionSwitchesAt475GeV() {
        ClassSelection s = ClassSelection.calet2025();
        assertFalse(s.accepts(475.4, EventClass.C));
        assertTrue(s.accepts(475.5, EventClass.C));
        assertTrue(s.accepts(100, EventClass.B));
    }

    /** Overlapping ranges would leave an energy's classes to the order of the rules: refused. */
    @Test
    void overlappingRulesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClassSelection(List.of(
                new ClassSelection.Rule(0, 500, EnumSet.of(EventClass.A)),
                new ClassSelection.Rule(475.5, 1e9, EnumSet.allOf(EventClass.class)))));
        assertTrue(e.getMessage().contains("[0.0, 500.0) and [475.5, 1.0E9)"), e.getMessage());
        // touching ranges are fine
        new ClassSelection(List.of(new ClassSelection.Rule(0, 500, EnumSet.of(EventClass.A)),
                new ClassSelection.Rule(500, 1e9, EnumSet.of(EventClass.B))));
    }
}
