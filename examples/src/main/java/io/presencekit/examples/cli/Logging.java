package io.presencekit.examples.cli;

/**
 * The log settings of the command line (slf4j-simple): warnings on standard error by default
 * (errors only for the JAIN-SIP stack),
 * the SDK's debug output and the HTTP headers with {@code --trace}. slf4j-simple reads its
 * settings when the first logger is made, so they are set before any XCAP or SIP object exists.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    /** Warnings only, on standard error, without timestamps; settings already made are kept. */
    static void configureDefaults() {
        setIfAbsent(PREFIX + "logFile", "System.err");
        setIfAbsent(PREFIX + "defaultLogLevel", "warn");
        setIfAbsent(PREFIX + "showThreadName", "false");
        setIfAbsent(PREFIX + "showShortLogName", "true");
        setIfAbsent(PREFIX + "levelInBrackets", "true");
        // JAIN-SIP warns at start about TLS key store defaults the SIP commands do not use
        setIfAbsent(PREFIX + "log.gov.nist", "error");
    }

    /** Debug output of the SDK and the HTTP headers (for {@code --trace}). */
    static void enableTrace() {
        configureDefaults();
        System.setProperty(PREFIX + "log.io.presencekit", "debug");
        System.setProperty(PREFIX + "log.org.apache.hc.client5.http.headers", "debug");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
