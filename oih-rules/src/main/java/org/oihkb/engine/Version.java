package org.oihkb.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The library version, written into every assessment: read from the jar's own resource, so it is known without
 * loading an engine (the command line's {@code --version}).
 */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    /** The version of this build, or {@code unknown} when the jar has no version resource. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/org/oihkb/engine/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
