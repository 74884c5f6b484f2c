package org.oihkb.model;

/**
 * Which knowledge produced an assessment.
 *
 * @param name the knowledge base's name, {@code oih-kb}, or the rule directory loaded instead
 * @param version the library version
 * @param mmeEdition the MME conversion table used
 */
public record KnowledgeBaseInfo(String name, String version, String mmeEdition) {
}
