package org.cranisotropy.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cranisotropy.io.BadInputException;

/** Loading HOCON run configurations (conf/*.conf) and describing a run in output metadata. */
final class RunConfig {
    private RunConfig() {}

    /** Parses and resolves a configuration file (includes are relative to it). */
    static Config load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such configuration file");
        }
        Config c;
        try {
            c = ConfigFactory.parseFile(file.toFile()).resolve();
        } catch (com.typesafe.config.ConfigException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        checkKeys(file, c);
        return c;
    }

    /**
     * Every key a run configuration may set under {@code cra} (conf/demo.conf and conf/exposure.conf
     * document each where they set it); {@code *} stands for one name (an event class).
     */
    static final List<String> KNOWN_KEYS = List.of(
            "cra.analysis.bin-edges-gev", "cra.analysis.class-selection", "cra.analysis.every-event",
            "cra.analysis.exposure-floor",
            "cra.analysis.grid-count", "cra.analysis.standard-thresholds.count",
            "cra.analysis.standard-thresholds.emin-gev", "cra.analysis.standard-thresholds.emax-gev",
            "cra.events.count", "cra.events.seed", "cra.events.emin-gev", "cra.events.emax-gev",
            "cra.events.dipole.amplitude", "cra.events.dipole.l-deg", "cra.events.dipole.b-deg",
            "cra.events.spectrum.index", "cra.events.spectrum.index-high", "cra.events.spectrum.break-gev",
            "cra.events.spectrum.softness",
            "cra.exposure.nside", "cra.exposure.partitions", "cra.exposure.dwell.nside",
            "cra.exposure.dwell.azimuth-bins", "cra.exposure.energy.bins", "cra.exposure.energy.min-gev",
            "cra.exposure.energy.max-gev", "cra.exposure.period.start", "cra.exposure.period.end",
            "cra.exposure.period.step-s", "cra.exposure.orbit.epoch", "cra.exposure.orbit.inclination-deg",
            "cra.exposure.orbit.period-min", "cra.exposure.orbit.raan-at-epoch-deg",
            "cra.exposure.orbit.raan-rate-deg-per-day", "cra.exposure.orbit.argument-of-latitude-at-epoch-deg",
            "cra.exposure.live-time.dead-time-fraction", "cra.exposure.live-time.saa.enabled",
            "cra.exposure.live-time.saa.lat-min-deg", "cra.exposure.live-time.saa.lat-max-deg",
            "cra.exposure.live-time.saa.lon-min-deg", "cra.exposure.live-time.saa.lon-max-deg",
            "cra.exposure.acceptance.azimuth-4fold", "cra.exposure.acceptance.edge-width-deg",
            "cra.exposure.acceptance.energy-pivot-gev", "cra.exposure.acceptance.classes.*.peak-area-m2",
            "cra.exposure.acceptance.classes.*.theta-min-deg", "cra.exposure.acceptance.classes.*.theta-max-deg",
            "cra.exposure.acceptance.classes.*.energy-slope-per-decade",
            "cra.run.out", "cra.run.events", "cra.run.exposure", "cra.run.master", "cra.run.samples", "cra.run.seed",
            "cra.run.validate-skies",
            "cra.simulation.energies", "cra.simulation.poisson", "cra.simulation.spectrum.fit",
            "cra.simulation.spectrum.index", "cra.simulation.spectrum.index-high",
            "cra.simulation.spectrum.break-gev", "cra.simulation.spectrum.softness",
            "cra.simulation.spectrum.emin-gev", "cra.simulation.spectrum.emax-gev", "cra.simulation.spectrum.model");

    /** The keys of each rule of cra.analysis.class-selection. */
    static final List<String> CLASS_SELECTION_KEYS = List.of("emin-gev", "emax-gev", "classes");

    /**
     * Rejects a key under {@code cra} that no step reads (a misspelt key would otherwise leave its
     * default in force without a word), naming the file, the key and the nearest known key.
     */
    private static void checkKeys(Path file, Config c) {
        if (!c.hasPath("cra")) {
            return;
        }
        for (String key : new java.util.TreeSet<>(c.getConfig("cra").entrySet().stream().map(e -> "cra." + e.getKey())
                .toList())) {
            if (KNOWN_KEYS.stream().noneMatch(k -> matches(k, key))) {
                throw new BadInputException(file + ": unknown key " + key + nearest(key, KNOWN_KEYS));
            }
        }
        if (c.hasPath("cra.analysis.class-selection")
                && c.getValue("cra.analysis.class-selection") instanceof com.typesafe.config.ConfigList rules) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) instanceof com.typesafe.config.ConfigObject rule) {
                    for (String k : new java.util.TreeSet<>(rule.keySet())) {
                        if (!CLASS_SELECTION_KEYS.contains(k)) {
                            throw new BadInputException(file + ": unknown key " + k + " in rule " + (i + 1)
                                    + " of cra.analysis.class-selection" + nearest(k, CLASS_SELECTION_KEYS));
                        }
                    }
                }
            }
        }
    }

    private static boolean matches(String pattern, String key) {
        String[] p = pattern.split("\\.");
        String[] k = com.typesafe.config.ConfigUtil.splitPath(key).toArray(new String[0]);
        if (p.length != k.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!p[i].equals("*") && !p[i].equals(k[i])) {
                return false;
            }
        }
        return true;
    }

    /** " (did you mean K?)" for the known key nearest in edit distance, if it is near enough. */
    private static String nearest(String key, List<String> known) {
        org.apache.commons.text.similarity.LevenshteinDistance d =
                org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int x = d.apply(key, k);
            if (x < bestDistance) {
                best = k;
                bestDistance = x;
            }
        }
        return best != null && bestDistance <= 3 ? " (did you mean " + best + "?)" : "";
    }

    /**
     * cra.analysis of a loaded configuration as typed settings; a bad value is bad input naming the file
     * (the core's message names the key and value).
     */
    static org.cranisotropy.analysis.AnalysisSettings analysis(Path file, Config c) {
        org.cranisotropy.analysis.AnalysisSettings[] out = new org.cranisotropy.analysis.AnalysisSettings[1];
        check(file, () -> out[0] = org.cranisotropy.analysis.AnalysisSettings.from(c));
        return out[0];
    }

    /** Runs a check of a loaded configuration; a bad value is bad input naming the file. */
    static void check(Path file, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new BadInputException(m != null && m.startsWith(file.toString()) ? m : file + ": " + m, e);
        }
    }

    /** Footer metadata: tool version, command, configuration (JSON) and any extra entries. */
    static Map<String, String> metadata(String command, Config config, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cra.version", Version.get());
        m.put("cra.command", command);
        m.put("cra.created", java.time.Instant.now().toString());
        if (config != null) {
            m.put("cra.config", config.root().render(ConfigRenderOptions.concise()));
        }
        m.putAll(extra);
        return m;
    }
}
