package org.cranisotropy.io;

/**
 * The names of a results directory's tables (each a Parquet directory) and of the columns that identify a
 * selection in every table of them: one place for names that the jobs, the report, cra run and the
 * documentation's queries share. Spark SQL views and DuckDB globs take the table names as they are.
 */
public final class Tables {
    private Tables() {}

    public static final String EVENTS = "events";
    public static final String EXPOSURE = "exposure";
    public static final String MEASURED_THRESHOLDS = "measured_thresholds";
    public static final String MEASURED_BINS = "measured_bins";
    public static final String SAMPLES = "samples";
    public static final String BANDS = "bands";
    public static final String LIMITS = "limits";
    public static final String VALIDATION = "validation";
    public static final String MODEL = "model";

    /** Kind of selection: standard, grid, every_event (thresholds) or bin. */
    public static final String KIND = "kind";
    /** Threshold energy of a threshold selection (null for a bin), GeV. */
    public static final String THRESHOLD_GEV = "threshold_gev";
    /** Lower edge of a bin (null for a threshold), GeV. */
    public static final String EMIN_GEV = "emin_gev";
    /** Upper edge of a bin (null for a threshold), GeV. */
    public static final String EMAX_GEV = "emax_gev";
    /** Whether the selection's multipoles are exposure-corrected. */
    public static final String CORRECTED = "corrected";
    /** Number of events in the selection. */
    public static final String N_EVENTS = "n_events";
}
