package org.oihkb.model;

/**
 * Classes of pain descriptors (docs/definitions.md). A quality change is a descriptor of a class not reported
 * before the first escalation: the article's "dull to sharp" and "throbbing to burning" both count.
 */
public enum QualityClass {
    NOCICEPTIVE_LIKE, SHARP, NEUROPATHIC_LIKE,
    /** A possible neurological deficit, not an OIH sign: it points to new pathology (DEFINITIONS §4). */
    NUMBNESS
}
