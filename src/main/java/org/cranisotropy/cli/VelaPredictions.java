package org.cranisotropy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.analysis.AnalysisSettings;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.exposure.EnergyBinning;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.cranisotropy.model.SelectionDipole;
import org.cranisotropy.model.VelaDipole;
import org.cranisotropy.io.Tables;

/**
 * The Vela model's predictions for the selections of a results directory (method.md section 7): its standard
 * and grid thresholds (measured_thresholds/) and energy bins (measured_bins/), each the flux-weighted mean of
 * delta(E) that the exposure-corrected estimator measures ({@link SelectionDipole}), with the selection's
 * exposure (class selection of the run's recorded configuration, the run's maps and exposure floor) for the
 * event-count-weighted mean beside it; plus the model at energies (kind "energy") for the report's curve.
 * Written as DIR/model/ (Parquet).
 */
final class VelaPredictions {
    /** Grid nodes per decade of energy for the selections' integrals. */
    static final int PER_DECADE = 64;
    /** Energies of the per-energy curve (kind "energy"). */
    static final int CURVE_POINTS = 80;

    /** One row of model/. */
    record Row(String kind, String scan, double thresholdGev, double eminGev, double emaxGev, double deltaPred,
            double deltaPredCounts, double share, double velaOverMeasuredMax, double deltaSource, double e3jVela,
            double e3jMeasured) {}

    private VelaPredictions() {}

    /** The selections of {@code results} and the model's predictions for them; reads, writes nothing. */
    static List<Row> of(Path results, VelaDipole model) {
        ParquetTable thresholds = table(results, "measured_thresholds");
        ParquetTable bins = table(results, "measured_bins");
        SelectionExposure exposure = new SelectionExposure(ExposureFiles.read(exposurePath(results, thresholds)),
                selection(thresholds).selection());
        ExposureCube cube = exposure.cube();
        EnergyBinning binning = cube.binning();

        TreeSet<Double> edges = new TreeSet<>();
        String[] kind = thresholds.text(Tables.KIND);
        double[] th = thresholds.numeric(Tables.THRESHOLD_GEV);
        double[] corrected = thresholds.numeric(Tables.CORRECTED);
        List<Object[]> selections = new ArrayList<>();
        for (String want : new String[] {"standard", "grid"}) {
            TreeSet<Double> seen = new TreeSet<>();
            for (int i = 0; i < thresholds.rows(); i++) {
                if (kind[i].equals(want) && corrected[i] == 1.0) {
                    seen.add(th[i]);
                }
            }
            for (double e : seen) {
                selections.add(new Object[] {"threshold", want, e, Double.NaN});
                edges.add(e);
            }
        }
        double[] lo = bins.numeric(Tables.EMIN_GEV);
        double[] hi = bins.numeric(Tables.EMAX_GEV);
        double[] binCorrected = bins.numeric(Tables.CORRECTED);
        java.util.TreeMap<Double, Double> binEdges = new java.util.TreeMap<>();
        for (int i = 0; i < bins.rows(); i++) {
            if (binCorrected[i] == 1.0) {
                binEdges.put(lo[i], hi[i]);
            }
        }
        for (Map.Entry<Double, Double> b : binEdges.entrySet()) {
            selections.add(new Object[] {"bin", "bin", b.getKey(), b.getValue()});
            edges.add(b.getKey());
            edges.add(b.getValue());
        }
        if (selections.isEmpty()) {
            throw new BadInputException(results + ": no exposure-corrected thresholds or bins in measured_thresholds/ "
                    + "and measured_bins/");
        }
        double top = Math.max(binning.upper(binning.size() - 1), edges.last());
        double bottom = edges.first();
        if (bottom < model.measured().eminGev() || top > model.measured().emaxGev()) {
            throw new BadInputException(model.measured().source() + ": the measured spectrum covers "
                    + model.measured().eminGev() + " - " + model.measured().emaxGev() + " GeV, the run's selections "
                    + bottom + " - " + top + " GeV (the top of its exposure maps); extend the file");
        }
        edges.add(top);
        // where S steps (class-selection edges) or bends (exposure bin centres, between which it is interpolated)
        for (ClassSelection.Rule r : exposure.selection().rules()) {
            edges.add(r.eminGev());
            edges.add(r.emaxGev());
        }
        for (int k = 0; k < binning.size(); k++) {
            edges.add(binning.centre(k));
        }
        double[] nodes = edges.stream().mapToDouble(Double::doubleValue).filter(e -> e >= bottom && e <= top).toArray();
        for (double e : nodes) {
            if (exposure.rule(e) < 0) {
                throw new BadInputException(thresholds.path() + ": the class selection of the run covers no rule at "
                        + e + " GeV, inside its selections; the predictions assume every selected energy has one");
            }
        }
        SelectionDipole table = SelectionDipole.tabulate(model, bottom, top, nodes, exposure::mean, PER_DECADE);

        List<Row> rows = new ArrayList<>();
        for (Object[] s : selections) {
            boolean bin = s[0].equals("bin");
            double a = (Double) s[2];
            double b = bin ? (Double) s[3] : top;
            SelectionDipole.Prediction p = table.over(a, b);
            rows.add(new Row((String) s[0], (String) s[1], bin ? Double.NaN : a, a, b, p.delta(), p.deltaCounts(),
                    p.share(), p.maxRatio(), Double.NaN, Double.NaN, Double.NaN));
        }
        for (VelaDipole.Point p : model.scan(bottom, top, CURVE_POINTS)) {
            rows.add(new Row("energy", "energy", Double.NaN, p.energyGev(), p.energyGev(), p.delta(), p.delta(),
                    p.share(), p.ratio(), p.deltaSource(), p.e3jSource(), p.e3jMeasured()));
        }
        return rows;
    }

    /** Writes the rows as DIR/model/ with the footer metadata. */
    static void write(List<Row> rows, Path dir, Map<String, String> metadata) {
        ParquetTableWriter w = new ParquetTableWriter().column(Tables.KIND, Kind.STRING).column("scan", Kind.STRING)
                .column(Tables.THRESHOLD_GEV, Kind.DOUBLE).column(Tables.EMIN_GEV, Kind.DOUBLE).column(Tables.EMAX_GEV, Kind.DOUBLE)
                .column("delta_pred", Kind.DOUBLE).column("delta_pred_counts", Kind.DOUBLE)
                .column("share", Kind.DOUBLE).column("vela_over_measured_max", Kind.DOUBLE)
                .column("delta_source", Kind.DOUBLE).column("e3j_vela", Kind.DOUBLE)
                .column("e3j_measured", Kind.DOUBLE);
        for (Row r : rows) {
            w.row(r.kind(), r.scan(), r.thresholdGev(), r.eminGev(), r.emaxGev(), r.deltaPred(), r.deltaPredCounts(),
                    r.share(), r.velaOverMeasuredMax(), r.deltaSource(), r.e3jVela(), r.e3jMeasured());
        }
        w.write(dir, metadata);
    }

    private static ParquetTable table(Path results, String name) {
        Path p = results.resolve(name);
        if (!Files.isDirectory(p)) {
            throw new BadInputException(p + ": missing table (made by cra analyze); the predictions are for its "
                    + "selections");
        }
        return ParquetTableReader.read(p);
    }

    /** DIR/exposure, or the maps the data step recorded (cra.exposure). */
    private static Path exposurePath(Path results, ParquetTable thresholds) {
        Path own = results.resolve(ExposureFiles.DIRECTORY);
        if (Files.exists(own)) {
            return own;
        }
        String recorded = thresholds.metadata().get(FooterKeys.EXPOSURE);
        if (recorded != null && Files.exists(StoragePath.of(recorded))) {
            return StoragePath.of(recorded);
        }
        throw new BadInputException(own + ": missing (and the data step's recorded exposure " + recorded
                + " does not exist either); the predictions need the run's exposure maps");
    }

    /** The class selection and exposure floor of the data step's recorded configuration (defaults if none). */
    private static AnalysisSettings selection(ParquetTable thresholds) {
        try {
            return RunConfig.recordedAnalysis(thresholds.metadata().get(FooterKeys.CONFIG));
        } catch (BadInputException e) {
            throw new BadInputException(thresholds.path() + ": " + e.getMessage(), e);
        }
    }
}
