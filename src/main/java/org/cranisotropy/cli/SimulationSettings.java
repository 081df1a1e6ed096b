package org.cranisotropy.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.util.Locale;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.events.DoubleBrokenPowerLaw;
import org.cranisotropy.montecarlo.MonteCarloOptions;
import org.cranisotropy.montecarlo.ObservedSpectrum;
import org.cranisotropy.montecarlo.SampleRecipe;
import org.cranisotropy.montecarlo.SpectrumModel;

/**
 * The {@code cra.simulation} section of a run configuration (src/main/resources/reference.conf) and the matching
 * command-line options: where sample energies come from (spectrum, data, or shuffle: the data's events with
 * their times permuted, through the orbit of cra.exposure), the flux (given or fitted, and its range)
 * and the Poisson variant. Command-line values win over the configuration.
 */
final class SimulationSettings {
    private SimulationSettings() {}

    /**
     * Checks the values of cra.simulation that need no data (the energies mode, the Poisson flag, a given
     * spectrum's numbers), so that cra run refuses a bad simulation section before any step replaces a table.
     */
    static void check(Config conf) {
        recipe(conf, null, null, null, null);
    }

    /** Whether the sample spectrum is fitted to the data (neither --spectrum nor spectrum.fit = false). */
    static boolean fitted(Config conf, String spectrumOption) {
        return spectrumOption == null && conf.getBoolean("cra.simulation.spectrum.fit");
    }

    private static MonteCarloOptions.Energies energies(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "data" -> MonteCarloOptions.Energies.DATA;
            case "spectrum" -> MonteCarloOptions.Energies.SPECTRUM;
            case "shuffle" -> MonteCarloOptions.Energies.SHUFFLE;
            default -> throw new IllegalArgumentException("energies must be 'spectrum', 'data' or 'shuffle', got '"
                    + value + "'");
        };
    }

    /** The recipe of cra.simulation with the command-line options over it (null: not given). */
    static SampleRecipe recipe(Config conf, String energiesOption, String spectrumOption, Boolean poissonOption,
            String modelOption) {
        Config sim = conf.getConfig("cra.simulation");
        String energies = energiesOption != null ? energiesOption : sim.getString("energies");
        boolean poisson = poissonOption != null ? poissonOption : sim.getBoolean("poisson");
        Config sp = sim.getConfig("spectrum");
        // null in reference.conf: derived from the data (hasPath is false for a null value)
        Double emin = sp.hasPath("emin-gev") ? sp.getDouble("emin-gev") : null;
        Double emax = sp.hasPath("emax-gev") ? sp.getDouble("emax-gev") : null;
        double[] shape = null;
        if (spectrumOption != null) {
            shape = givenShape(spectrumOption);
        } else if (!sp.getBoolean("fit")) {
            // null in reference.conf: one break; both set: the second break, with the same softness
            boolean index3 = sp.hasPath("index-above-break2");
            boolean break2 = sp.hasPath("break2-gev");
            if (index3 != break2) {
                throw new IllegalArgumentException("cra.simulation.spectrum: a second break needs both "
                        + "index-above-break2 and break2-gev (both null: one break)");
            }
            shape = index3
                    ? new double[] {sp.getDouble("index"), sp.getDouble("index-high"), sp.getDouble("index-above-break2"),
                        sp.getDouble("break-gev"), sp.getDouble("break2-gev"), sp.getDouble("softness")}
                    : new double[] {sp.getDouble("index"), sp.getDouble("index-high"), sp.getDouble("break-gev"),
                        sp.getDouble("softness")};
        }
        String model = modelOption != null ? modelOption : sp.getString("model");
        MonteCarloOptions.Energies mode = energies(energies);
        // shuffled times: directions are recomputed through the orbit of cra.exposure
        org.cranisotropy.exposure.InstrumentFrame frame = mode == MonteCarloOptions.Energies.SHUFFLE
                ? new org.cranisotropy.exposure.InstrumentFrame(SettingsReader.exposure(conf).orbit()) : null;
        return new SampleRecipe(mode, poisson, shape, emin, emax, SpectrumModel.parse(model), frame);
    }

    /**
     * The numbers of --spectrum: four (G1,G2,EB,S: one break) or six (G1,G2,G3,EB1,EB2,S: two breaks, one
     * softness), in the order {@link SampleRecipe} takes them.
     */
    static double[] givenShape(String option) {
        String[] v = option.split(",", -1);
        if (v.length != 4 && v.length != 6) {
            throw new IllegalArgumentException("--spectrum needs 4 numbers G1,G2,EB,S (one break) or 6 numbers "
                    + "G1,G2,G3,EB1,EB2,S (two breaks), got " + v.length + " in '" + option + "'");
        }
        double[] shape = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            try {
                shape[i] = Double.parseDouble(v[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--spectrum needs " + v.length + " numbers, got '" + v[i].trim()
                        + "' in '" + option + "'");
            }
        }
        return shape;
    }

    static SampleRecipe.Made options(Config conf, String energiesOption, String spectrumOption, Boolean poissonOption,
            String modelOption, PreparedSample data, PrintWriter log) {
        SampleRecipe recipe = recipe(conf, energiesOption, spectrumOption, poissonOption, modelOption);
        long t0 = System.nanoTime();
        SampleRecipe.Made made = recipe.make(data);
        MonteCarloOptions options = made.options();
        if (options.energies() == MonteCarloOptions.Energies.DATA) {
            return made;
        }
        if (options.energies() == MonteCarloOptions.Energies.SHUFFLE) {
            if (log != null) {
                log.printf("samples: %s%n", options.describe());
                log.flush();
            }
            return made;
        }
        String how = spectrumOption != null ? "given" : !recipe.fitted() ? "given in the configuration"
                : String.format(Locale.ROOT, "fitted to the %d selected events in %.1f s", data.size(),
                        (System.nanoTime() - t0) / 1e9);
        if (recipe.fitted()) {
            if (log != null) {
                made.choice().lines().forEach(line -> log.println("samples: " + line));
            }
            java.util.List<String> atBounds = made.choice().chosenFit().atBounds();
            if (!atBounds.isEmpty()) {
                how += "; " + String.join(", ", atBounds);
                if (log != null) {
                    log.println("samples: WARNING the fit leaves " + String.join(", ", atBounds)
                            + ": the data do not constrain it there; the samples follow the fitted curve (see the "
                            + "chi-square below), or give the spectrum (--spectrum, cra.simulation.spectrum)");
                }
            }
        }
        if (log != null) {
            log.printf("samples: %s (%s)%n", options.describe(), how);
            log.flush();
        }
        return made;
    }

    /**
     * How well a SPECTRUM run's distribution describes the data's energies (40 log bins), printed with a
     * warning below p = 0.001; the description is what the run's metadata records.
     */
    static String checkFit(MonteCarloOptions options, boolean fitted, PreparedSample data, PrintWriter log) {
        ObservedSpectrum.GoodnessOfFit g = ObservedSpectrum.of(options.spectrum(), data.selectionExposure())
                .goodnessOfFit(data, 40, !fitted ? 0 : options.spectrum() instanceof DoubleBrokenPowerLaw ? 6 : 4);
        String text = String.format(Locale.ROOT, "chi2 %.1f for %d dof in %d log bins, p = %.3g", g.chi2(), g.dof(),
                g.bins(), g.pValue());
        log.printf("samples: the spectrum against the data's energies: %s%n", text);
        if (g.pValue() < 1e-3) {
            log.println("samples: WARNING the spectrum describes the data's energies poorly (p < 0.001): the "
                    + "Monte Carlo's counts above each threshold will differ from the data's; consider --energies data");
        }
        log.flush();
        return text;
    }
}
