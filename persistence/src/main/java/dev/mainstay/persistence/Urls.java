package dev.mainstay.persistence;

import java.util.regex.Pattern;

/** Masks credentials inside JDBC URLs, so that a URL can appear in a message or a log line. */
final class Urls {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/:@]+):[^/@]*@");

    private Urls() {}

    /** Returns {@code url} with the value of every {@code password=} parameter and URL password masked. */
    static String redact(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("//$1:****@");
    }
}
