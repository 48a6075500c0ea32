package io.chainwire.codegen.abi.internal;

/** Renders user-supplied text inside error messages and JSON paths. */
public final class Quotes {
    private static final int MAX_SHOWN = 80;

    private Quotes() {}

    /**
     * Returns {@code text} in double quotes with JSON escapes, cut after {@value #MAX_SHOWN} characters so a huge value
     * cannot flood a build log.
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(text.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (shown < text.length()) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}
