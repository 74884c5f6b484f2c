package org.oihkb.cds;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request counts per endpoint and status, and latency percentiles over each endpoint's most recent
 * requests. Thread-safe; the window keeps memory bounded however long the service runs.
 */
final class Metrics {

    static final int WINDOW = 4096;

    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    /** Records one request; {@code endpoint} is the route pattern, never the path with its values. */
    void record(String endpoint, int status, long nanos) {
        endpoints.computeIfAbsent(endpoint, e -> new Endpoint()).record(status, nanos);
    }

    /** Counts and p50/p90/p99 in milliseconds per endpoint, sorted by endpoint. */
    Map<String, Object> snapshot() {
        Map<String, Object> out = new TreeMap<>();
        endpoints.forEach((name, e) -> out.put(name, e.snapshot()));
        return out;
    }

    private static final class Endpoint {
        private final long[] window = new long[WINDOW];
        private final Map<Integer, Long> byStatus = new TreeMap<>();
        private long count;

        synchronized void record(int status, long nanos) {
            window[(int) (count % WINDOW)] = nanos;
            count++;
            byStatus.merge(status, 1L, Long::sum);
        }

        synchronized Map<String, Object> snapshot() {
            int n = (int) Math.min(count, WINDOW);
            long[] sorted = Arrays.copyOf(window, n);
            Arrays.sort(sorted);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            Map<String, Long> statuses = new LinkedHashMap<>();
            byStatus.forEach((s, c) -> statuses.put(Integer.toString(s), c));
            m.put("byStatus", statuses);
            m.put("latencyWindow", n);
            m.put("p50Millis", percentile(sorted, 0.50));
            m.put("p90Millis", percentile(sorted, 0.90));
            m.put("p99Millis", percentile(sorted, 0.99));
            return m;
        }

        private static Double percentile(long[] sorted, double q) {
            if (sorted.length == 0) {
                return null;
            }
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return Math.round(sorted[Math.max(0, i)] / 10_000.0) / 100.0;
        }
    }
}
