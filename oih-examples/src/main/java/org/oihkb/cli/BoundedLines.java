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
    /** Capacity of the line buffer kept from one line to the next. */
    private static final int KEEP_CHARS = 1 << 16;

    private final char[] buf = new char[65_536];
    private StringBuilder line = new StringBuilder(KEEP_CHARS);
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
        if (line.capacity() > KEEP_CHARS) {
            // after an over-long line: do not keep megabytes for the rest of the file
            line = new StringBuilder(KEEP_CHARS);
        }
        line.setLength(0);
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
            if (consumed == 0 && buf[pos] == '\uFEFF') {
                // a byte order mark before the first line is not part of the record
                pos++;
                consumed++;
                continue;
            }
            // copy up to the end of the line or of the buffer in one go, not a character at a time
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            consumed += n;
            if (!tooLong) {
                if (line.length() + n > maxChars) {
                    tooLong = true;
                    line.setLength(0);
                } else {
                    line.append(buf, start, n);
                }
            }
            if (pos < len) {
                pos++;
                consumed++;
                break;
            }
        }
        number++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return new Line(number, tooLong ? null : line.toString(), tooLong);
    }
}
