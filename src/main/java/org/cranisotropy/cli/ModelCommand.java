package org.cranisotropy.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cranisotropy.model.BurstPointSource;
import org.cranisotropy.model.DiffusionCoefficient;
import org.cranisotropy.model.EnergyLoss;
import org.cranisotropy.model.VelaDipole;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cra model}: expected anisotropy from source models (method.md section 7). */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Expected dipole anisotropy from a source model (method.md section 7).",
        subcommands = {ModelCommand.VelaSubcommand.class})
final class ModelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a model is required: vela");
    }

    /** {@code cra model vela}: the Vela SNR as a burst-like point source. */
    @Command(
            name = "vela",
            mixinStandardHelpOptions = true,
            description = {
                "Dipole expected from the Vela SNR, (l, b) = (263.9, -3.3) deg, as a burst-like point source",
                "(Atoyan, Aharonian & Voelk 1995): D(E) of seed 001 eq. 4.1, losses b0 E^2 with b0 = 1.4e-16/GeV/s,",
                "injection E^-gamma exp(-E/Ecut), W erg above 1 GeV (defaults gamma 2, Ecut 10 TeV, W = 2.5e47 erg",
                "as ICRC 2019; change them with --gamma, --ecut-gev, --energy-erg).",
                "  delta_source = 3 D/c * 2 r / r_diff^2 (the source alone),",
                "  share = J_Vela / (J_background + J_Vela), background = conf/demo.conf spectrum with",
                "          E^3 J = 150 GeV^2 m^-2 s^-1 sr^-1 at 100 GeV (approximate),",
                "  delta = delta_source * share (expected).",
                "Above the cooling energy 1/(b0 t) no Vela particles are left: delta_source null/NaN, delta 0."
            })
    static final class VelaSubcommand implements Runnable {
        @Option(names = "--emin", paramLabel = "GEV", description = "Lowest energy in GeV (default ${DEFAULT-VALUE}).")
        double emin = 100.0;

        @Option(names = "--emax", paramLabel = "GEV", description = "Highest energy in GeV (default ${DEFAULT-VALUE}).")
        double emax = 20000.0;

        @Option(names = "--points", paramLabel = "N",
                description = "Number of energies, log-spaced (default ${DEFAULT-VALUE}).")
        int points = 30;

        @Option(names = "--distance-kpc", paramLabel = "KPC",
                description = "Distance of the source in kpc (default ${DEFAULT-VALUE}).")
        double distanceKpc = BurstPointSource.VELA_DISTANCE_KPC;

        @Option(names = "--age-kyr", paramLabel = "KYR", description = "Age of the source in kyr (default ${DEFAULT-VALUE}).")
        double ageKyr = BurstPointSource.VELA_AGE_KYR;

        @Option(names = "--energy-erg", paramLabel = "ERG",
                description = "Total energy W injected in e+e- above 1 GeV, erg (default ${DEFAULT-VALUE}, ICRC 2019).")
        double energyErg = BurstPointSource.DEFAULT_TOTAL_ENERGY_ERG;

        @Option(names = "--gamma", paramLabel = "INDEX",
                description = "Injection spectral index gamma, Q ~ E^-gamma exp(-E/Ecut) (default ${DEFAULT-VALUE}).")
        double gamma = BurstPointSource.DEFAULT_GAMMA;

        @Option(names = "--ecut-gev", paramLabel = "GEV",
                description = "Injection cut-off energy Ecut in GeV (default ${DEFAULT-VALUE}).")
        double ecutGev = BurstPointSource.DEFAULT_ECUT_GEV;

        @Option(names = "--l-deg", paramLabel = "DEG",
                description = "Galactic longitude of the source, the dipole's direction (default ${DEFAULT-VALUE}; "
                        + "printed only: the amplitude does not depend on it).")
        double lDeg = BurstPointSource.VELA_L_DEG;

        @Option(names = "--b-deg", paramLabel = "DEG",
                description = "Galactic latitude of the source (default ${DEFAULT-VALUE}; printed only).")
        double bDeg = BurstPointSource.VELA_B_DEG;

        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            if (!(distanceKpc > 0) || !Double.isFinite(distanceKpc)) {
                throw new IllegalArgumentException("--distance-kpc must be > 0, got " + distanceKpc);
            }
            if (!(ageKyr > 0) || !Double.isFinite(ageKyr)) {
                throw new IllegalArgumentException("--age-kyr must be > 0, got " + ageKyr);
            }
            if (!(emin > 0) || !Double.isFinite(emin)) {
                throw new IllegalArgumentException("--emin must be > 0, got " + emin);
            }
            if (!(emax >= emin) || !Double.isFinite(emax)) {
                throw new IllegalArgumentException("--emax must be >= --emin, got " + emax);
            }
            if (points < 1 || (points == 1 && emax != emin)) {
                throw new IllegalArgumentException("--points must be >= 2 (or 1 with --emin = --emax), got " + points);
            }
            if (!(energyErg > 0) || !Double.isFinite(energyErg)) {
                throw new IllegalArgumentException("--energy-erg must be finite and > 0, got " + energyErg);
            }
            if (!Double.isFinite(gamma)) {
                throw new IllegalArgumentException("--gamma must be finite, got " + gamma);
            }
            if (!(ecutGev > BurstPointSource.DEFAULT_NORM_MIN_GEV) || !Double.isFinite(ecutGev)) {
                throw new IllegalArgumentException("--ecut-gev must be finite and > " + BurstPointSource.DEFAULT_NORM_MIN_GEV
                        + " GeV (W is counted above it), got " + ecutGev);
            }
            if (!(lDeg >= 0 && lDeg < 360) || !(bDeg >= -90 && bDeg <= 90)) {
                throw new IllegalArgumentException("--l-deg must be in [0, 360) and --b-deg in [-90, 90], got " + lDeg
                        + ", " + bDeg);
            }
            BurstPointSource source = new BurstPointSource(DiffusionCoefficient.SEED_001, EnergyLoss.DEFAULT, distanceKpc,
                    ageKyr, gamma, ecutGev, energyErg, BurstPointSource.DEFAULT_NORM_MIN_GEV);
            VelaDipole model = new VelaDipole(source, VelaDipole.Background.DEMO, false);
            List<VelaDipole.Point> rows = model.scan(emin, emax, points);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> a = new ArrayList<>();
                for (VelaDipole.Point p : rows) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("e_gev", p.energyGev());
                    o.put("delta_source", Double.isFinite(p.deltaSource()) ? p.deltaSource() : null);
                    o.put("share", p.share());
                    o.put("delta", p.delta());
                    a.add(o);
                }
                out.println(Json.write(a));
            } else {
                out.printf(Locale.ROOT, "# Vela: d = %s kpc, age = %s kyr, (l, b) = (%s, %s) deg, W = %s erg, gamma = %s, "
                        + "Ecut = %s GeV, cooling energy %.6g GeV%n", distanceKpc, ageKyr, lDeg, bDeg, energyErg, gamma,
                        ecutGev, model.source().coolingEnergyGev());
                out.printf(Locale.ROOT, "%14s %14s %14s %14s%n", "E_GeV", "delta_source", "share", "delta");
                for (VelaDipole.Point p : rows) {
                    out.printf(Locale.ROOT, "%14.6g %14.6g %14.6g %14.6g%n", p.energyGev(), p.deltaSource(),
                            p.share(), p.delta());
                }
            }
            out.flush();
        }
    }
}
