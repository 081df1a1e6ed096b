-- The queries behind the figures of the cra report of results/demo.
-- Spark SQL; run from the directory the report was made in, e.g.
--   submit/cra sql --results results/demo "<query>"

-- Dipole amplitude vs threshold energy: Dipole amplitude vs threshold energy, with exposure correction (delta_threshold_corrected.png)
SELECT threshold_gev, delta FROM parquet.`results/demo/measured_thresholds` WHERE kind = 'every_event' AND corrected ORDER BY threshold_gev;
SELECT threshold_gev, n_events, delta, dipole_l_deg, dipole_b_deg FROM parquet.`results/demo/measured_thresholds` WHERE kind = 'standard' AND corrected ORDER BY threshold_gev;
SELECT threshold_gev, n_samples, delta_p02275, delta_p15865, delta_p50, delta_p84135, delta_p97725 FROM parquet.`results/demo/bands` WHERE kind = 'grid' AND corrected ORDER BY threshold_gev;
SELECT threshold_gev, delta_pred FROM parquet.`results/demo/model` WHERE scan = 'grid' ORDER BY threshold_gev;

-- Dipole amplitude vs threshold energy: Dipole amplitude vs threshold energy, without exposure correction (delta_threshold_uncorrected.png)
SELECT threshold_gev, delta FROM parquet.`results/demo/measured_thresholds` WHERE kind = 'every_event' AND NOT corrected ORDER BY threshold_gev;
SELECT threshold_gev, n_events, delta, dipole_l_deg, dipole_b_deg FROM parquet.`results/demo/measured_thresholds` WHERE kind = 'standard' AND NOT corrected ORDER BY threshold_gev;
SELECT threshold_gev, n_samples, delta_p02275, delta_p15865, delta_p50, delta_p84135, delta_p97725 FROM parquet.`results/demo/bands` WHERE kind = 'grid' AND NOT corrected ORDER BY threshold_gev;

-- Upper limits: 95 % CL upper limit vs threshold energy (Fermi-LAT 2010 method) (upper_limits.png)
SELECT kind, threshold_gev, delta, ul_delta_fermi2010 FROM parquet.`results/demo/limits` WHERE kind IN ('grid', 'standard') ORDER BY kind, threshold_gev;

-- Binned limits: Binned upper limits (binned_limits.png)
SELECT emin_gev, emax_gev, sqrt(emin_gev * emax_gev) AS e_center_gev, n_events, delta, c1_rel, cn, ul_delta_lr, ul_delta_fermi2010, ul_delta_neyman FROM parquet.`results/demo/limits` WHERE kind = 'bin' ORDER BY emin_gev;
SELECT emin_gev, emax_gev, delta_pred FROM parquet.`results/demo/model` WHERE kind = 'bin' ORDER BY emin_gev;

-- Quadrupole and octupole: C2/C0 and C3/C0 vs threshold energy, without exposure correction (c2_c3_uncorrected.png)
SELECT threshold_gev, c2 / c0 AS c2_c0, c3 / c0 AS c3_c0 FROM parquet.`results/demo/measured_thresholds` WHERE kind = 'grid' AND NOT corrected ORDER BY threshold_gev;
SELECT corrected, threshold_gev, c2_c0_p02275, c2_c0_p15865, c2_c0_p50, c2_c0_p84135, c2_c0_p97725, c3_c0_p02275, c3_c0_p15865, c3_c0_p50, c3_c0_p84135, c3_c0_p97725 FROM parquet.`results/demo/bands` WHERE kind = 'grid' ORDER BY corrected, threshold_gev;

-- Quadrupole and octupole: C2/C0 and C3/C0 vs threshold energy, with exposure correction (c2_c3_corrected.png)
SELECT threshold_gev, c2 / c0 AS c2_c0, c3 / c0 AS c3_c0 FROM parquet.`results/demo/measured_thresholds` WHERE kind = 'grid' AND corrected ORDER BY threshold_gev;
SELECT corrected, threshold_gev, c2_c0_p02275, c2_c0_p15865, c2_c0_p50, c2_c0_p84135, c2_c0_p97725, c3_c0_p02275, c3_c0_p15865, c3_c0_p50, c3_c0_p84135, c3_c0_p97725 FROM parquet.`results/demo/bands` WHERE kind = 'grid' ORDER BY corrected, threshold_gev;

-- Sky maps: Event counts (sky_counts.png)
SELECT l_deg, b_deg, energy_gev, event_class FROM parquet.`results/demo/events` WHERE energy_gev >= 125.0 AND ((energy_gev >= 0 AND energy_gev < 475.5 AND event_class IN ('A', 'B')) OR (energy_gev >= 475.5 AND energy_gev < 1000000000000 AND event_class IN ('A', 'B', 'C', 'D')));
SELECT threshold_gev, n_events, delta, dipole_l_deg, dipole_b_deg FROM parquet.`results/demo/measured_thresholds` WHERE kind = 'standard' AND corrected ORDER BY threshold_gev LIMIT 1;
SELECT threshold_gev, delta_p50, delta_p50 / 1.538172 AS sigma FROM parquet.`results/demo/bands` WHERE kind = 'standard' AND corrected ORDER BY threshold_gev LIMIT 1;

-- Sky maps: Exposure (sky_exposure.png)
-- exposure per class, energy bin and pixel; the report sums the selected classes and interpolates in log E per event (as the analysis does)
SELECT class, bin, emin_gev, emax_gev, pixel, exposure FROM parquet.`results/demo/exposure/exposure.parquet`;
SELECT l_deg, b_deg, energy_gev, event_class FROM parquet.`results/demo/events` WHERE energy_gev >= 125.0 AND ((energy_gev >= 0 AND energy_gev < 475.5 AND event_class IN ('A', 'B')) OR (energy_gev >= 475.5 AND energy_gev < 1000000000000 AND event_class IN ('A', 'B', 'C', 'D')));

-- Sky maps: Relative intensity (sky_relative_intensity.png)
SELECT l_deg, b_deg, energy_gev, event_class FROM parquet.`results/demo/events` WHERE energy_gev >= 125.0 AND ((energy_gev >= 0 AND energy_gev < 475.5 AND event_class IN ('A', 'B')) OR (energy_gev >= 475.5 AND energy_gev < 1000000000000 AND event_class IN ('A', 'B', 'C', 'D')));
-- exposure per class, energy bin and pixel; the report sums the selected classes and interpolates in log E per event (as the analysis does)
SELECT class, bin, emin_gev, emax_gev, pixel, exposure FROM parquet.`results/demo/exposure/exposure.parquet`;
SELECT threshold_gev, n_events, delta, dipole_l_deg, dipole_b_deg FROM parquet.`results/demo/measured_thresholds` WHERE kind = 'standard' AND corrected ORDER BY threshold_gev LIMIT 1;

-- TeV events and gamma-ray sources: Events above 5000 GeV and gamma-ray sources (tev_events.png)
SELECT energy_gev, l_deg, b_deg, event_class FROM parquet.`results/demo/events` WHERE energy_gev >= 5000 ORDER BY energy_gev DESC;

-- Vela model: Expected Vela dipole vs energy against the limits (vela_model.png)
SELECT threshold_gev, ul_delta_fermi2010 FROM parquet.`results/demo/limits` WHERE kind = 'grid' ORDER BY threshold_gev;
SELECT emin_gev, emax_gev, ul_delta_lr FROM parquet.`results/demo/limits` WHERE kind = 'bin' ORDER BY emin_gev;
SELECT scan, threshold_gev, emin_gev, emax_gev, delta_pred, delta_pred_counts, share FROM parquet.`results/demo/model` WHERE kind IN ('threshold', 'bin') ORDER BY scan, emin_gev;
SELECT emin_gev AS e_gev, delta_source, share, delta_pred AS delta, e3j_vela, e3j_measured FROM parquet.`results/demo/model` WHERE kind = 'energy' ORDER BY emin_gev;

-- Monte Carlo energies: Energies of the selected events and the Monte Carlo's spectrum (energy_spectrum.png)
SELECT energy_gev, event_class FROM parquet.`results/demo/events` ORDER BY energy_gev DESC;
-- the spectrum: the cra.spectrum key of the samples' Parquet footers (one break: index, index-high, break, softness, emin, emax; two: gamma1, gamma2, gamma3, break1, softness1, break2, softness2, emin, emax), the fits and the model choice: cra.spectrum_model; the class selection: cra.analysis of the run's configuration

-- Validation of the limits and p-values: Coverage of the limits (validation_coverage.png)
SELECT method, delta_true, avg(coverage) AS mean_coverage, min(coverage) AS min_coverage FROM parquet.`results/demo/validation` WHERE direction = 'random' AND kind <> 'grid' GROUP BY method, delta_true ORDER BY method, delta_true;

-- Validation of the limits and p-values: Recovered vs injected amplitude (validation_recovery.png)
SELECT threshold_gev, delta_true, delta_mean, delta_median, delta_rms FROM parquet.`results/demo/validation` WHERE kind = 'standard' AND direction = 'random' AND method = 'ul_delta_fermi2010' AND delta_true > 0 ORDER BY threshold_gev, delta_true;

-- Validation of the limits and p-values: Observed vs expected limits (validation_expected_limits.png)
SELECT threshold_gev, ul_delta_neyman, ul_delta_neyman_vela, ul_expected_p02275, ul_expected_p15865, ul_expected_p50, ul_expected_p84135, ul_expected_p97725 FROM parquet.`results/demo/limits` WHERE kind = 'grid' ORDER BY threshold_gev;
SELECT scan, emin_gev, delta_pred FROM parquet.`results/demo/model` WHERE scan IN ('grid', 'energy') ORDER BY scan, emin_gev;

-- Validation of the limits and p-values: Calibration of the p-values (validation_calibration.png)
SELECT kind, threshold_gev, emin_gev, skies, ks_local, frac_local_below_005, frac_local_below_001, ks_global, frac_global_below_005, frac_global_below_001 FROM parquet.`results/demo/validation` WHERE delta_true = 0 AND direction = 'random' AND method = 'ul_delta_fermi2010' ORDER BY kind, threshold_gev, emin_gev;

-- Validation of the limits and p-values: Direction error (validation_direction.png)
SELECT threshold_gev, delta_true, angle68_deg, angle95_deg FROM parquet.`results/demo/validation` WHERE kind = 'standard' AND direction = 'random' AND method = 'ul_delta_fermi2010' AND delta_true > 0 ORDER BY threshold_gev, delta_true;
