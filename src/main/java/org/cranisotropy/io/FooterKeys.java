package org.cranisotropy.io;

/**
 * The key-value metadata ("footer") the tool writes into its Parquet tables and reads back (the report, the
 * consistency checks of {@code cra limits}, {@code cra run}): every key in one place, with what it holds.
 * Values are strings. Some keys share their spelling with a configuration section ({@code cra.events},
 * {@code cra.exposure}, {@code cra.analysis}): in a footer they hold the value described here, never the
 * section.
 */
public final class FooterKeys {
    private FooterKeys() {}

    // ---- every table (RunConfig.metadata)
    /** The tool's version and build. */
    public static final String VERSION = "cra.version";
    /** The command that wrote the table (generate, analyze, simulate, ...). */
    public static final String COMMAND = "cra.command";
    /** When the table was written (ISO-8601 instant). */
    public static final String CREATED = "cra.created";
    /** The whole configuration in force, defaults included (HOCON, concise). */
    public static final String CONFIG = "cra.config";

    // ---- inputs
    /** events/ of cra generate: the number of events; the measured tables and samples: the events' path. */
    public static final String EVENTS = "cra.events";
    /** The exposure maps' path. */
    public static final String EXPOSURE = "cra.exposure";
    /** The master seed (cra generate, cra simulate). */
    public static final String SEED = "cra.seed";
    /** The injected dipole of cra generate: amplitude, l, b (degrees). */
    public static final String DIPOLE = "cra.dipole";
    /** The unit of the events' time column. */
    public static final String TIME_UNIT = "cra.time_unit";
    /** What the events' instrument-frame columns are (zenith and azimuth angles) and the orbit they belong to. */
    public static final String INSTRUMENT_FRAME = "cra.instrument_frame";
    /** The analysis settings in force (selection, thresholds, bins). */
    public static final String ANALYSIS = "cra.analysis";
    /** The number of selected events. */
    public static final String SELECTED_EVENTS = "cra.selected_events";
    /** The sky the analysis sees (Nside, exposure floor, sky fraction). */
    public static final String SKY = "cra.sky";

    // ---- the Monte Carlo (samples/, bands/)
    /** The number of isotropic samples. */
    public static final String SAMPLES = "cra.samples";
    /** What the samples are made from (energies mode, spectrum, Poisson variant). */
    public static final String SAMPLES_MADE_FROM = "cra.samples_made_from";
    /** The samples' flux spectrum, as CSV of its parameters. */
    public static final String SPECTRUM = "cra.spectrum";
    /** The spectrum-model choice (single or double break, the likelihood ratio). */
    public static final String SPECTRUM_MODEL = "cra.spectrum_model";
    /** How well the spectrum describes the data's energies (chi-square, dof, p). */
    public static final String SPECTRUM_FIT_QUALITY = "cra.spectrum_fit_quality";

    // ---- limits/ (what they were made from)
    /** The results directory the table was made from. */
    public static final String RESULTS = "cra.results";
    /** cra.created of the measured tables, of bands/ and of validation/ used. */
    public static final String MEASURED_CREATED = "cra.measured_created";
    public static final String BANDS_CREATED = "cra.bands_created";
    public static final String VALIDATION_CREATED = "cra.validation_created";

    // ---- validation/
    public static final String SKIES = "cra.skies";
    public static final String AMPLITUDES = "cra.amplitudes";
    public static final String DIRECTIONS = "cra.directions";
    public static final String REFERENCE_SAMPLES = "cra.reference_samples";
    public static final String END_TO_END_DATASETS = "cra.end_to_end_datasets";
    public static final String END_TO_END_SAMPLES = "cra.end_to_end_samples";

    // ---- model/ (the Vela predictions)
    /** The model's parameters in force (JSON). */
    public static final String MODEL = "cra.model";
    /** The measured spectrum's path. */
    public static final String MEASURED_SPECTRUM = "cra.measured_spectrum";
    /** Where the model's flux exceeds the measured total, and by how much. */
    public static final String MODEL_EXCESS = "cra.model_excess";

    // ---- cra associate
    public static final String CATALOG = "cra.catalog";
    public static final String EMIN_GEV = "cra.emin_gev";
    public static final String RADIUS_DEG = "cra.radius_deg";
    public static final String PLACEMENT = "cra.placement";
    public static final String K = "cra.k";
    public static final String EXPECTED = "cra.expected";
    public static final String P_VALUE = "cra.p_value";
}
