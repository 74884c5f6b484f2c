package org.oihkb.engine;

import java.util.List;

import org.oihkb.model.Indicator;

/**
 * One rule's metadata as written in its DRL ({@code @id}, {@code @title}, {@code @indicator},
 * {@code @source}, {@code @evidence}, {@code @status}): what the rule catalog shows and what every
 * finding, option and caution takes its title and sources from.
 *
 * @param id stable id, never reused
 * @param name the rule's name in the DRL
 * @param title short title
 * @param indicator {@code info}, {@code warning} or {@code critical}
 * @param sources citations, split at semicolons
 * @param evidence the evidence grade as the source states it
 * @param status {@code active}, {@code draft} or {@code retired}
 */
public record RuleInfo(String id, String name, String title, Indicator indicator, List<String> sources,
                       String evidence, String status) {

    /** Copies the sources. */
    public RuleInfo {
        sources = List.copyOf(sources);
    }
}
