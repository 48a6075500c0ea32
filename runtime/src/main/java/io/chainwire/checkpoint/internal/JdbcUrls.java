package io.chainwire.checkpoint.internal;

/** Makes a JDBC URL safe to print: no user info, no parameters (which may hold a password). */
public final class JdbcUrls {
    private JdbcUrls() {}

    /**
     * Returns {@code url} without user info ({@code //user:secret@}) and without anything from the first {@code ?} or
     * {@code ;} on.
     */
    public static String redact(String url) {
        int end = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = url.indexOf(separator);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String base = url.substring(0, end);
        int authority = base.indexOf("//");
        if (authority >= 0) {
            int userInfoEnd = base.indexOf('@', authority);
            int pathStart = base.indexOf('/', authority + 2);
            if (userInfoEnd >= 0 && (pathStart < 0 || userInfoEnd < pathStart)) {
                base = base.substring(0, authority + 2) + base.substring(userInfoEnd + 1);
            }
        }
        return base;
    }
}
