package org.oihkb.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters, so one enormous line cannot exhaust memory: the rest
 * of an over-long line is skipped and the line is reported as too long.
 */
final class BoundedLines {

    /** One line, or the fact that it was too long. */
    record Line(long number, String text, boolean tooLong) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[65_536];
    private int pos;
    private int len;
    private long number;
    private long consumed;

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** Characters consumed so far (bytes, for ASCII input), to estimate the time left. */
    long consumed() {
        return consumed;
    }

    /** The next line, or {@code null} at the end. */
    Line next() throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            char c = buf[pos++];
            consumed++;
            if (consumed == 1 && c == '\uFEFF') {
                // a byte order mark before the first line is not part of the record
                continue;
            }
            if (c == '\n') {
                break;
            }
            if (!tooLong) {
                if (sb.length() >= maxChars) {
                    tooLong = true;
                    sb.setLength(0);
                } else {
                    sb.append(c);
                }
            }
        }
        number++;
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r') {
            sb.setLength(end - 1);
        }
        return new Line(number, tooLong ? null : sb.toString(), tooLong);
    }
}
