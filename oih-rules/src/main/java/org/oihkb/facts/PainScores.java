package org.oihkb.facts;

/**
 * How many present pain scores (with an intensity) the record holds. The scores themselves enter the rules
 * only through the derived facts built from them (pain response, spread, quality), so this count is all the
 * rules need of them directly.
 *
 * @param count present pain scores with an intensity
 */
public record PainScores(int count) {
}
