package org.oihkb.model;

/**
 * The regions by which spread of pain is judged (docs/definitions.md): the axial region and one per limb.
 * Spread is counted in regions, not in site words, so "lower back to upper back" is not spread.
 */
public enum BodyRegion {
    AXIAL, LEFT_ARM, RIGHT_ARM, LEFT_LEG, RIGHT_LEG
}
