package org.oihkb.facts;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Evidence id lists as every conclusion and derived fact carries them: sorted, without repeats,
 * unmodifiable. Written without streams because every assessment builds dozens of them.
 */
public final class Ids {

    private Ids() {
    }

    /** The distinct ids of {@code ids}, sorted. */
    public static List<String> sortedDistinct(Collection<String> ids) {
        return sortedDistinct(ids.toArray(new String[0]), ids.size());
    }

    /** The distinct values of the first {@code n} entries of {@code ids} (reordered in place), sorted. */
    static List<String> sortedDistinct(String[] ids, int n) {
        if (n == 0) {
            return List.of();
        }
        Arrays.sort(ids, 0, n);
        int kept = 1;
        for (int i = 1; i < n; i++) {
            if (!ids[i].equals(ids[kept - 1])) {
                ids[kept++] = ids[i];
            }
        }
        return List.of(kept == ids.length ? ids : Arrays.copyOf(ids, kept));
    }
}
