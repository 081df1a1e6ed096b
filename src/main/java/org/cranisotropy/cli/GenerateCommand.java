package org.cranisotropy.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.EventGenerator;
import org.cranisotropy.exposure.ArrivalTimes;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.cranisotropy.sky.GalacticFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.cranisotropy.io.Tables;

/** {@code cra generate}: a CALET-like event set drawn from the exposure (the embedded default data). */
@Command(
        name = "generate",
        header = "Generate a CALET-like event set from the exposure.", mixinStandardHelpOptions = true,
        description = {"Generate events: energies from a smoothly broken power law, classes and directions from",
            "the exposure at each energy, an optional injected dipole; each event's time, zenith angle and azimuth",
            "from the orbit and detector of cra.exposure. Writes DIR/events/ (Parquet); builds",
            "DIR/exposure/ first (cra exposure) when it is missing and no --exposure is given."})
final class GenerateCommand implements Runnable {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Run configuration (HOCON) whose cra.events (and cra.exposure) sections are used, e.g. "
                    + "conf/demo.conf; keys it does not set keep their defaults (src/main/resources/reference.conf). "
                    + "Default: the defaults alone.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--exposure", paramLabel = "PATH", description = "Exposure maps to use (default DIR/exposure).")
    Path exposure;

    @Option(names = "--events", paramLabel = "N", description = "Number of events (default cra.events.count).")
    Integer count;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default cra.events.seed).")
    Long seed;

    @Option(names = "--dipole", paramLabel = "AMP,L_DEG,B_DEG", split = ",",
            description = "Inject a dipole of this amplitude toward (l, b) in degrees (default cra.events.dipole).")
    double[] dipole;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master for the exposure job if it runs.")
    String master;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        OutputDirectory.require(out, "--out");
        Config conf = RunConfig.load(config);
        Config ev = conf.getConfig("cra.events");
        int n = count != null ? count : ev.getInt("count");
        long s = seed != null ? seed : ev.getLong("seed");
        double[] d = dipole != null ? dipole
                : new double[] {ev.getDouble("dipole.amplitude"), ev.getDouble("dipole.l-deg"), ev.getDouble("dipole.b-deg")};
        if (n < 1) {
            throw new IllegalArgumentException("--events must be >= 1, got " + n);
        }
        if (d.length != 3) {
            throw new IllegalArgumentException("--dipole takes AMP,L_DEG,B_DEG (got " + d.length + " values)");
        }
        Path exposureDir = exposure != null ? exposure : out.resolve(Tables.EXPOSURE);
        if (exposure == null && !Files.exists(exposureDir.resolve("manifest.csv"))) {
            spec.commandLine().getErr().println("cra generate: " + exposureDir + " is missing; running cra exposure first");
            ExposureCommand.build(conf, out, master, spec.commandLine().getErr(), spec.commandLine().getErr());
        }
        ExposureCube cube = ExposureFiles.read(exposureDir);
        BrokenPowerLaw spectrum = new BrokenPowerLaw(ev.getDouble("spectrum.index"), ev.getDouble("spectrum.index-high"),
                ev.getDouble("spectrum.break-gev"), ev.getDouble("spectrum.softness"), ev.getDouble("emin-gev"),
                ev.getDouble("emax-gev"));
        double[] period = ExposureCommand.periodMjd(conf);
        long t0 = System.nanoTime();
        EventGenerator.Events events = new EventGenerator(cube, spectrum, d[0], d[1], d[2], period[0], period[1])
                .generate(n, s);
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        // times, zenith angles and azimuths from the cra.exposure model (streams of their own: the energies,
        // classes and directions above do not depend on them)
        long t1 = System.nanoTime();
        ArrivalTimes arrival = new ArrivalTimes(SettingsReader.exposure(conf));
        ArrivalTimes.Observations obs = arrival.draw(events.lDeg(), events.bDeg(), events.eventClass(), s);
        if (arrival.fallbacks() > 0) {
            spec.commandLine().getErr().printf("cra generate: %d events lie where the exposure maps see a little but "
                    + "the exact pointing never brings their class (edges of the exposure's holes); each took the "
                    + "closest time in %d trials%n", arrival.fallbacks(), ArrivalTimes.MAX_TRIALS);
        }
        double timesSeconds = (System.nanoTime() - t1) / 1e9;
        ParquetTableWriter w = new ParquetTableWriter()
                .column("event_id", Kind.LONG)
                .column("energy_gev", Kind.DOUBLE)
                .column("l_deg", Kind.DOUBLE)
                .column("b_deg", Kind.DOUBLE)
                .column("ra_deg", Kind.DOUBLE)
                .column("dec_deg", Kind.DOUBLE)
                .column("event_class", Kind.STRING)
                .column("time", Kind.DOUBLE)
                .column("zenith_deg", Kind.DOUBLE)
                .column("azimuth_deg", Kind.DOUBLE);
        // streamed row by row: a table of 1.2e7 events held as boxed rows would not fit the default heap
        try (ParquetTableWriter.Streaming table = w.open(out.resolve(Tables.EVENTS), RunConfig.metadata("generate",
                conf, Map.of(FooterKeys.SEED, Long.toString(s), FooterKeys.EVENTS, Integer.toString(n),
                        FooterKeys.DIPOLE, d[0] + "," + d[1] + "," + d[2], FooterKeys.EXPOSURE, exposureDir.toString(),
                        FooterKeys.TIME_UNIT, "MJD (UTC)", FooterKeys.INSTRUMENT_FRAME,
                        "zenith_deg, azimuth_deg (from the flight direction) at time, orbit of cra.exposure: "
                                + SettingsReader.exposure(conf).orbit())))) {
            for (int i = 0; i < n; i++) {
                double[] radec = GalacticFrame.toIcrs(events.lDeg()[i], events.bDeg()[i]);
                table.row(events.id()[i], events.energyGev()[i], events.lDeg()[i], events.bDeg()[i], radec[0],
                        radec[1], events.eventClass()[i].name(), obs.timeMjd()[i], obs.zenithDeg()[i],
                        obs.azimuthDeg()[i]);
            }
            table.commit();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("generated %d events (seed %d, dipole %.3g toward l %.1f, b %.1f) in %.1f s, their times and "
                + "instrument-frame directions in %.1f s (%.3g events/s); wrote %s%n", n, s, d[0], d[1], d[2],
                generateSeconds, timesSeconds, n / timesSeconds, out.resolve(Tables.EVENTS));
        o.flush();
    }
}
