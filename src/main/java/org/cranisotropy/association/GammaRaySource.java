package org.cranisotropy.association;

/** A gamma-ray source of a catalog: its name and galactic position (degrees, l in [0, 360)). */
public record GammaRaySource(String name, double lDeg, double bDeg) {}
