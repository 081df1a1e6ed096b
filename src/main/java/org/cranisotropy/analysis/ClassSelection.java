package org.cranisotropy.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cranisotropy.exposure.EventClass;

/**
 * Energy-dependent selection of geometry classes: a list of rules (energy range [emin, emax) in GeV,
 * allowed classes) whose ranges do not overlap, so every energy has at most one rule. The JPS 2025
 * analysis uses classes A+B below 475.5 GeV and A-D above.
 *
 * <p>The exposure floor (a fraction in [0, 1)) selects the sky: a pixel whose selection exposure lies
 * below floor x that map's maximum in any rule and exposure bin is left out of the analysis, in the
 * data and in every Monte Carlo sample alike ({@link SelectionExposure#masked}). Near the ISS
 * exposure's holes a handful of events carry weights a thousand times the typical one and dominate the
 * noise; the floor removes them (method.md section 6).
 */
public record ClassSelection(List<Rule> rules, double exposureFloor) implements java.io.Serializable {
    /** Classes allowed for energies in [eminGev, emaxGev). */
    public record Rule(double eminGev, double emaxGev, Set<EventClass> classes) implements java.io.Serializable {
        public Rule {
            if (!(eminGev < emaxGev) || classes.isEmpty()) {
                throw new IllegalArgumentException("class rule needs emin < emax and classes: " + eminGev + ".." + emaxGev);
            }
            // enum order, fixed in every JVM: sums over classes (the selection's exposure) must not depend
            // on the salted iteration order of Set.copyOf, or results differ in the last bit between JVMs
            classes = java.util.Collections.unmodifiableSet(EnumSet.copyOf(classes));
        }
    }

    /** Rules without an exposure floor. */
    public ClassSelection(List<Rule> rules) {
        this(rules, 0.0);
    }

    public ClassSelection {
        if (!(exposureFloor >= 0 && exposureFloor < 1)) {
            throw new IllegalArgumentException("the exposure floor must be in [0, 1), got " + exposureFloor);
        }
        rules = List.copyOf(rules);
        for (int a = 0; a < rules.size(); a++) {
            for (int b = a + 1; b < rules.size(); b++) {
                Rule x = rules.get(a);
                Rule y = rules.get(b);
                if (x.eminGev() < y.emaxGev() && y.eminGev() < x.emaxGev()) {
                    throw new IllegalArgumentException("rules overlap: [" + x.eminGev() + ", "
                            + x.emaxGev() + ") and [" + y.eminGev() + ", " + y.emaxGev() + ") GeV");
                }
            }
        }
    }

    /** A+B below 475.5 GeV, A-D above (CALET, JPS 2025). */
    public static ClassSelection calet2025() {
        return new ClassSelection(List.of(
                new Rule(0.0, 475.5, EnumSet.of(EventClass.A, EventClass.B)),
                new Rule(475.5, Double.POSITIVE_INFINITY, EnumSet.allOf(EventClass.class))));
    }

    /** The same rules with another exposure floor. */
    public ClassSelection withExposureFloor(double floor) {
        return new ClassSelection(rules, floor);
    }

    public boolean accepts(double energyGev, EventClass c) {
        for (Rule r : rules) {
            if (energyGev >= r.eminGev() && energyGev < r.emaxGev()) {
                return r.classes().contains(c);
            }
        }
        return false;
    }
}
