package org.cranisotropy.exposure;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Detector-frame effective area of each event class (m^2, selection efficiencies included) for an
 * incidence direction at angle theta from the detector axis (the zenith) and azimuth psi measured
 * from the flight direction, at energy E:
 * <pre>
 *   A_c(theta, psi, E) = A_c * cos(theta) * W_c(theta) * (1 + a4 sin^2(theta) cos(4 psi)) * g_c(E)
 * </pre>
 * <ul>
 *   <li>cos(theta): the projected area of a flat detector (CALET's calorimeter is a square
 *   prism looking at the zenith);</li>
 *   <li>W_c: the incidence window of the class, [theta_min, theta_max] with raised-sine edges of
 *   full width w, W = S(theta - theta_min) S(theta_max - theta), S(x) = 0 for x &lt;= -w/2,
 *   (1 + sin(pi x / w))/2 inside, 1 for x &gt;= w/2 (no lower edge when theta_min = 0). Because
 *   S(x) + S(-x) = 1, classes that share an edge add up to a window of 1 across it, like CALET's
 *   geometry classes A-D (ICRC 2019; PRL 120 (2018) 261102, supplemental material) which partition
 *   the incidence range by which detector layers the shower crosses;</li>
 *   <li>the square-detector term: a square aperture has a 4-fold azimuthal symmetry; sin^2(theta)
 *   makes it vanish on axis where psi is undefined. a4 &gt; 0 favours incidence along the sides;</li>
 *   <li>g_c(E) = 1 + s_c log10(E / E_pivot): a slow energy dependence of the selection efficiency
 *   (must stay positive over the energy range; checked by {@link #energyFactor}).</li>
 * </ul>
 * The acceptance is separable: geometry x g_c(E). The exposure projection uses this to project
 * one geometric map per class and scale it per energy bin. The acceptance vanishes beyond
 * {@link #fieldOfViewRad()} = max theta_max + w/2. Immutable.
 */
public final class DetectorAcceptance implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Parameters of one class: peak area A_c (m^2), incidence window (deg), energy slope s_c per decade. */
    public record ClassAcceptance(double peakAreaM2, double thetaMinDeg, double thetaMaxDeg, double energySlopePerDecade)
            implements Serializable {
        public ClassAcceptance {
            if (!(peakAreaM2 >= 0) || Double.isInfinite(peakAreaM2)) {
                throw new IllegalArgumentException("peak area must be finite and >= 0 m^2, got " + peakAreaM2);
            }
            if (!(thetaMinDeg >= 0 && thetaMinDeg < thetaMaxDeg && thetaMaxDeg < 90)) {
                throw new IllegalArgumentException("incidence window must satisfy 0 <= theta-min < theta-max < 90 deg, got ["
                        + thetaMinDeg + ", " + thetaMaxDeg + "]");
            }
            if (!Double.isFinite(energySlopePerDecade)) {
                throw new IllegalArgumentException("energy slope must be finite");
            }
        }
    }

    private final EnumMap<EventClass, ClassAcceptance> classes;
    private final double edgeWidth; // rad
    private final double azimuth4;
    private final double energyPivotGev;
    private final double fieldOfView; // rad
    // per class, in radians, for the hot loop
    private final double[] peak = new double[4];
    private final double[] thetaMin = new double[4];
    private final double[] thetaMax = new double[4];

    public DetectorAcceptance(Map<EventClass, ClassAcceptance> classes, double edgeWidthDeg, double azimuth4,
            double energyPivotGev) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("the acceptance needs at least one event class");
        }
        if (!(edgeWidthDeg > 0 && edgeWidthDeg < 30)) {
            throw new IllegalArgumentException("edge width must be in (0, 30) deg, got " + edgeWidthDeg);
        }
        if (!(Math.abs(azimuth4) < 1)) {
            throw new IllegalArgumentException("azimuthal 4-fold amplitude must be in (-1, 1), got " + azimuth4);
        }
        if (!(energyPivotGev > 0) || Double.isInfinite(energyPivotGev)) {
            throw new IllegalArgumentException("energy pivot must be > 0 GeV, got " + energyPivotGev);
        }
        this.classes = new EnumMap<>(classes);
        this.edgeWidth = Math.toRadians(edgeWidthDeg);
        this.azimuth4 = azimuth4;
        this.energyPivotGev = energyPivotGev;
        double fov = 0;
        for (Map.Entry<EventClass, ClassAcceptance> e : this.classes.entrySet()) {
            ClassAcceptance a = e.getValue();
            if (a.thetaMaxDeg() - a.thetaMinDeg() < edgeWidthDeg) {
                throw new IllegalArgumentException("class " + e.getKey() + ": incidence window [" + a.thetaMinDeg()
                        + ", " + a.thetaMaxDeg() + "] deg is narrower than the edge width " + edgeWidthDeg + " deg");
            }
            int i = e.getKey().ordinal();
            peak[i] = a.peakAreaM2();
            thetaMin[i] = Math.toRadians(a.thetaMinDeg());
            thetaMax[i] = Math.toRadians(a.thetaMaxDeg());
            fov = Math.max(fov, thetaMax[i] + edgeWidth / 2);
        }
        if (fov >= Math.PI / 2) {
            throw new IllegalArgumentException("field of view (theta-max + edge-width/2) must stay below 90 deg");
        }
        this.fieldOfView = fov;
    }

    public boolean hasClass(EventClass c) {
        return classes.containsKey(c);
    }

    public java.util.Set<EventClass> classes() {
        return java.util.Collections.unmodifiableSet(classes.keySet());
    }

    public ClassAcceptance parameters(EventClass c) {
        return classes.get(c);
    }

    public double azimuth4() {
        return azimuth4;
    }

    /** The full width w of the raised-sine edges of the class windows (rad). */
    public double edgeWidthRad() {
        return edgeWidth;
    }

    /** Largest incidence angle with non-zero acceptance, max theta_max + w/2 (rad). */
    public double fieldOfViewRad() {
        return fieldOfView;
    }

    /** A_c cos(theta) W_c(theta) (m^2): the azimuth-averaged geometric area at the energy pivot. */
    public double polarArea(EventClass c, double theta) {
        if (!classes.containsKey(c)) {
            return 0.0;
        }
        return polarArea(c.ordinal(), theta, Math.cos(theta));
    }

    /** Hot-loop form of {@link #polarArea(EventClass, double)} for class index i, with cos(theta) given. */
    double polarArea(int i, double theta, double cosTheta) {
        if (peak[i] == 0.0 || theta >= thetaMax[i] + edgeWidth / 2 || theta <= thetaMin[i] - edgeWidth / 2) {
            return 0.0;
        }
        double w = step(thetaMax[i] - theta);
        if (thetaMin[i] > 0) {
            w *= step(theta - thetaMin[i]);
        }
        return peak[i] * cosTheta * w;
    }

    /** The square-detector factor 1 + a4 sin^2(theta) cos(4 psi). */
    public double azimuthFactor(double theta, double psi) {
        double s = Math.sin(theta);
        return 1.0 + azimuth4 * s * s * Math.cos(4 * psi);
    }

    /** g_c(E) = 1 + s_c log10(E / E_pivot); IllegalArgumentException when it is not positive. */
    public double energyFactor(EventClass c, double energyGev) {
        double g = 1.0 + classes.get(c).energySlopePerDecade() * Math.log10(energyGev / energyPivotGev);
        if (!(g > 0)) {
            throw new IllegalArgumentException("class " + c + ": energy factor 1 + s log10(E/E_pivot) = " + g
                    + " at E = " + energyGev + " GeV is not positive; reduce the energy slope");
        }
        return g;
    }

    /** The full effective area A_c(theta, psi, E) in m^2 (0 for a class not configured). */
    public double area(EventClass c, double theta, double psi, double energyGev) {
        if (!classes.containsKey(c)) {
            return 0.0;
        }
        return polarArea(c, theta) * azimuthFactor(theta, psi) * energyFactor(c, energyGev);
    }

    /**
     * Geometric factor of a class at an energy, G_c = integral A_c dOmega = 2 pi g_c(E) integral_0^pi/2
     * A_c cos(theta) W_c(theta) sin(theta) dtheta (m^2 sr; the cos(4 psi) term integrates to zero), by
     * Gauss-Legendre quadrature (Commons Math).
     */
    public double geometricFactor(EventClass c, double energyGev) {
        if (!classes.containsKey(c)) {
            return 0.0;
        }
        IterativeLegendreGaussIntegrator gl = new IterativeLegendreGaussIntegrator(8, 1e-10, 1e-12);
        double integral = gl.integrate(1_000_000, th -> polarArea(c, th) * Math.sin(th), 0.0, fieldOfView);
        return 2 * Math.PI * integral * energyFactor(c, energyGev);
    }

    /** Raised-sine step of full width w: 0 below -w/2, 1 above w/2. */
    private double step(double x) {
        double h = edgeWidth / 2;
        if (x <= -h) {
            return 0.0;
        }
        if (x >= h) {
            return 1.0;
        }
        return 0.5 * (1.0 + Math.sin(Math.PI * x / edgeWidth));
    }
}
