package org.oihkb.spark;

import java.util.ArrayList;
import java.util.List;

/** The differences a comparison finds: the first {@link ScreenComparison#MAX_REPORTED} in full, all counted. */
final class Differences {

    final List<String> first = new ArrayList<>();
    long count;

    void add(String difference) {
        count++;
        if (first.size() < ScreenComparison.MAX_REPORTED) {
            first.add(difference);
        }
    }
}
