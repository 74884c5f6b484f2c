package org.oihkb.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * Stable ids derived from a fact's content, never from its position, so evidence points at the input
 * and an assessment does not change when facts are reordered.
 */
final class Ids {
    private Ids() {
    }

    static String derive(String prefix, Object... content) {
        StringJoiner canonical = new StringJoiner("|");
        for (Object part : content) {
            canonical.add(part == null ? "" : part instanceof Coded c ? c.code() : String.valueOf(part));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
