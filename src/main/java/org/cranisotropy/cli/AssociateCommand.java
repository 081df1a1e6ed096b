package org.cranisotropy.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cranisotropy.analysis.AnalysisSettings;
import org.cranisotropy.association.AssociationSample;
import org.cranisotropy.association.IsotropicSkies;
import org.cranisotropy.association.SourceAssociation;
import org.cranisotropy.association.SourceCatalog;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.cranisotropy.io.Tables;

/** {@code cra associate}: high-energy events against gamma-ray source positions (method.md section 7). */
@Command(
        name = "associate",
        mixinStandardHelpOptions = true,
        header = "How many high-energy events lie near gamma-ray sources, and how many would by chance.",
        description = {
            "The events at or above --emin that pass the analysis' class selection, their nearest catalog",
            "source and its distance, the count k of events within --radius of any source, and the chance",
            "P(K >= k) from M isotropic skies of the same events (same energies and classes, directions drawn",
            "with probability proportional to the exposure at their energy and class, placed uniformly within",
            "the drawn HEALPix pixel): p = (1 + #{K >= k}) / (M + 1), expected = mean K.",
            "Catalog: CSV, ECSV or FITS table with a name column and ra,dec (ICRS) or glon,glat (degrees).",
            "With --out DIR writes DIR/association_events/ and DIR/association_summary/ (Parquet)."})
final class AssociateCommand implements Runnable {
    @picocli.CommandLine.Mixin
    DataInputs data;

    @Option(names = "--catalog", required = true, paramLabel = "FILE",
            description = "Gamma-ray sources: CSV, ECSV or FITS (e.g. conf/tev-sources.csv).")
    Path catalog;

    @Option(names = "--emin", paramLabel = "GEV", description = "Lowest event energy in GeV (default ${DEFAULT-VALUE}).")
    double emin = 5000.0;

    @Option(names = "--radius", paramLabel = "DEG",
            description = "Association radius in degrees (default ${DEFAULT-VALUE}).")
    double radius = 2.0;

    @Option(names = "--skies", paramLabel = "M", description = "Number of isotropic skies (default ${DEFAULT-VALUE}).")
    int skies = 10000;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed of the skies (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--placement", paramLabel = "uniform|centre",
            description = "Direction within a drawn pixel: uniform (default) or the pixel centre.")
    String placement = "uniform";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Run configuration whose cra.analysis.class-selection is used; default: the selection of "
                    + "src/main/resources/reference.conf.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write Parquet tables into DIR.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (out != null) {
            OutputDirectory.require(out, "--out");
        }
        IsotropicSkies.Placement place = IsotropicSkies.Placement.parse(placement);
        if (skies < 1) {
            throw new IllegalArgumentException("--skies must be >= 1, got " + skies);
        }
        if (!(radius > 0 && radius <= 180.0)) {
            throw new IllegalArgumentException("--radius must be in (0, 180] degrees, got " + radius);
        }
        if (!(emin > 0) || !Double.isFinite(emin)) {
            throw new IllegalArgumentException("--emin must be finite and > 0 GeV, got " + emin);
        }
        Config conf = RunConfig.load(config);
        AnalysisSettings settings = RunConfig.analysis(config, conf);
        SourceCatalog cat = SourceCatalog.read(catalog);
        ExposureCube cube = data.readExposure();
        EventSample sample = data.readEvents();
        AssociationSample sel = AssociationSample.of(sample, data.eventsName(), cube, settings.selection(), emin);
        long t0 = System.nanoTime();
        SourceAssociation r = SourceAssociation.run(sel, cat, radius, skies, seed, place);
        long t1 = System.nanoTime();

        if (out != null) {
            write(r, conf, cat);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d selected events at or above %s GeV (of %d), %d sources in %s, radius %s deg%n",
                sel.size(), fmt(emin), sample.size(), cat.sources().size(), catalog, fmt(radius));
        boolean all = r.events().size() <= 100;
        if (!all) {
            o.println("(only the events within the radius are listed)");
        }
        o.printf(Locale.ROOT, "%8s %10s %5s %8s %8s  %-30s %9s %s%n", "row", "E_GeV", "class", "l_deg", "b_deg",
                "nearest_source", "dist_deg", "within");
        for (SourceAssociation.EventRow e : r.events()) {
            if (all || e.associated()) {
                o.printf(Locale.ROOT, "%8d %10.1f %5s %8.3f %8.3f  %-30s %9.3f %s%n", e.row(), e.energyGev(),
                        e.eventClass(), e.lDeg(), e.bDeg(), e.nearestSource(), e.distanceDeg(), e.associated() ? "*" : "");
            }
        }
        o.printf(Locale.ROOT, "k = %d of %d events within %s deg of a source; isotropic expectation %.4f +- %.4f; "
                + "P(K >= %d) = %.4g (%d skies, seed %d, %s placement)%n", r.k(), sel.size(), fmt(radius), r.expected(),
                r.expectedError(), r.k(), r.pValue(), skies, seed, place.name().toLowerCase(Locale.ROOT));
        if (out != null) {
            o.printf("wrote %s and %s%n", out.resolve("association_events"), out.resolve("association_summary"));
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "timing: %d skies in %.2f s%n", skies, (t1 - t0) / 1e9);
        o.flush();
    }

    private void write(SourceAssociation r, Config conf, SourceCatalog cat) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.putAll(data.metadata());
        extra.put(FooterKeys.CATALOG, catalog.toString());
        extra.put(FooterKeys.EMIN_GEV, Double.toString(emin));
        extra.put(FooterKeys.RADIUS_DEG, Double.toString(radius));
        extra.put(FooterKeys.SKIES, Integer.toString(skies));
        extra.put(FooterKeys.SEED, Long.toString(seed));
        extra.put(FooterKeys.PLACEMENT, r.placement().name().toLowerCase(Locale.ROOT));
        extra.put(FooterKeys.K, Integer.toString(r.k()));
        extra.put(FooterKeys.EXPECTED, Double.toString(r.expected()));
        extra.put(FooterKeys.P_VALUE, Double.toString(r.pValue()));
        Map<String, String> meta = RunConfig.metadata("associate", conf, extra);
        ParquetTableWriter ev = new ParquetTableWriter().column("event_row", Kind.LONG).column("energy_gev", Kind.DOUBLE)
                .column("event_class", Kind.STRING).column("l_deg", Kind.DOUBLE).column("b_deg", Kind.DOUBLE)
                .column("nearest_source", Kind.STRING).column("distance_deg", Kind.DOUBLE)
                .column("associated", Kind.BOOLEAN);
        for (SourceAssociation.EventRow e : r.events()) {
            ev.row(e.row(), e.energyGev(), e.eventClass().name(), e.lDeg(), e.bDeg(), e.nearestSource(),
                    e.distanceDeg(), e.associated());
        }
        ParquetTableWriter sum = new ParquetTableWriter().column(Tables.EMIN_GEV, Kind.DOUBLE).column("radius_deg", Kind.DOUBLE)
                .column(Tables.N_EVENTS, Kind.INT).column("n_sources", Kind.INT).column("k", Kind.INT)
                .column("expected", Kind.DOUBLE).column("expected_error", Kind.DOUBLE).column("p_value", Kind.DOUBLE)
                .column("skies", Kind.INT).column("seed", Kind.LONG).column("placement", Kind.STRING);
        sum.row(emin, radius, r.events().size(), cat.sources().size(), r.k(), r.expected(), r.expectedError(),
                r.pValue(), skies, seed, r.placement().name().toLowerCase(Locale.ROOT));
        ev.write(out.resolve("association_events"), meta);
        sum.write(out.resolve("association_summary"), meta);
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
