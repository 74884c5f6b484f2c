package org.oihkb.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void sortsAndDropsRepeats() {
        assertThat(Ids.sortedDistinct(List.of("d2", "d1", "d2", "s1", "d1"))).containsExactly("d1", "d2", "s1");
        assertThat(Ids.sortedDistinct(List.of())).isEmpty();
        assertThat(Ids.sortedDistinct(List.of("only"))).containsExactly("only");
    }

    @Test
    void agreesWithASortedSetOnRandomLists() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<String> ids = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                ids.add("id-" + random.nextInt(6));
            }
            assertThat(Ids.sortedDistinct(ids)).containsExactlyElementsOf(new TreeSet<>(ids));
        }
    }

    @Test
    void theResultCannotBeChanged() {
        assertThatThrownBy(() -> Ids.sortedDistinct(List.of("a")).add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void conclusionEvidenceMixesIdsAndCollections() {
        assertThat(Conclusion.flatten(new Object[] {"d3", List.of("d1", "d3"), null, 7}))
                .containsExactly("7", "d1", "d3");
    }
}
