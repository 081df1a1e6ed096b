package org.cranisotropy.analysis;

/** One independent energy bin [emin, emax), with or without exposure correction. */
public record BinRow(double eminGev, double emaxGev, boolean corrected, MultipoleMeasurement m) {}
