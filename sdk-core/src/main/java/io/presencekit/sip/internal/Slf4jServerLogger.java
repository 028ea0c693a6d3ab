package io.presencekit.sip.internal;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import io.presencekit.sip.SipSettings;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP trace: every message sent or received, logged at DEBUG on
 * {@value SipSettings#TRACE_LOGGER} when the stack property {@value #TRACE_PROPERTY} is true.
 * Authorization and Proxy-Authorization values are redacted. Named in
 * {@code gov.nist.javax.sip.SERVER_LOGGER}. Thread-safe.
 */
public final class Slf4jServerLogger implements ServerLogger {
    /** Stack property that switches the trace on. */
    public static final String TRACE_PROPERTY = "io.presencekit.sip.TRACE";
    private static final Logger TRACE = LoggerFactory.getLogger(SipSettings.TRACE_LOGGER);
    private static final Pattern CREDENTIALS = Pattern.compile(
            "(?im)^((?:Proxy-)?Authorization\\s*:).*$");
    private volatile boolean on;

    public Slf4jServerLogger() {
    }

    /** The message text with credential header values replaced by {@code <redacted>}. */
    public static String redact(String message) {
        return CREDENTIALS.matcher(message).replaceAll("$1 <redacted>");
    }

    @Override
    public void closeLogFile() {
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        if (on && TRACE.isDebugEnabled()) {
            TRACE.debug("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, redact(message.encode()));
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender,
            long time) {
        logMessage(message, from, to, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, sender, 0);
    }

    @Override
    public void logException(Exception e) {
        TRACE.debug("SIP stack exception", e);
    }

    @Override
    public void setStackProperties(Properties properties) {
        on = Boolean.parseBoolean(properties.getProperty(TRACE_PROPERTY, "false"));
    }

    @Override
    public void setSipStack(SipStack stack) {
    }
}
