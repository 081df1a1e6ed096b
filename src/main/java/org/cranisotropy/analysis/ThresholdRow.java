package org.cranisotropy.analysis;

/**
 * One row of a threshold scan: all selected events with E &gt;= threshold, with or without exposure
 * correction. kind is "standard" (the five ICRC 2019 thresholds), "every_event" (each event's
 * energy, JPS 2025) or "grid".
 */
public record ThresholdRow(String kind, double thresholdGev, boolean corrected, MultipoleMeasurement m) {}
