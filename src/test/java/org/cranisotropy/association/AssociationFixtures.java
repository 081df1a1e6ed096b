package org.cranisotropy.association;

import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;

/** Uniform exposure cubes and small event sets for the association tests. */
final class AssociationFixtures {
    private AssociationFixtures() {}

    /** Every class, every bin: exposure 1 in every pixel (isotropic skies are then exactly isotropic). */
    static ExposureCube uniform(int nside) {
        return org.cranisotropy.analysis.AnalysisFixtures.uniformExposure(nside);
    }

    /** n events above 5 TeV at the given directions (cycled), classes A..D in turn. */
    static EventSample events(int n, double[] l, double[] b) {
        double[] e = new double[n];
        double[] ll = new double[n];
        double[] bb = new double[n];
        EventClass[] c = new EventClass[n];
        for (int i = 0; i < n; i++) {
            e[i] = 5000.0 * (1.0 + 0.37 * i);
            ll[i] = l[i % l.length];
            bb[i] = b[i % b.length];
            c[i] = EventClass.values()[i % 4];
        }
        return new EventSample(e, ll, bb, c);
    }
}
