package io.presencekit.sip.internal;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP's internal logging to SLF4J (logger {@code gov.nist.javax.sip}) so that log4j is
 * never touched. Named in the stack property {@code gov.nist.javax.sip.STACK_LOGGER}; also set as
 * {@code CommonLogger.legacyLogger} by {@link SipStackRuntime}. Thread-safe.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");
    private static final Logger TRACE = LoggerFactory.getLogger(io.presencekit.sip.SipSettings.TRACE_LOGGER);
    /** The stack asks for this level before it hands a message to the trace (ServerLogger). */
    private volatile boolean trace;

    public Slf4jStackLogger() {
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        switch (level) {
            case TRACE_TRACE: return LOG.isTraceEnabled();
            case TRACE_DEBUG: return LOG.isDebugEnabled();
            // TRACE_INFO is also the stack's TRACE_MESSAGES gate in front of the message trace
            case TRACE_INFO: return LOG.isInfoEnabled() || (trace && TRACE.isDebugEnabled());
            case TRACE_WARN: return LOG.isWarnEnabled();
            default: return LOG.isErrorEnabled();
        }
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public void logStackTrace() {
        if (LOG.isTraceEnabled()) {
            LOG.trace("stack trace", new Throwable());
        }
    }

    @Override
    public void logStackTrace(int level) {
        logStackTrace();
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable t) {
        LOG.warn("JAIN-SIP exception", t);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception e) {
        LOG.debug(message, e);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message, Exception e) {
        LOG.error(message, e);
    }

    @Override
    public void logWarning(String message) {
        LOG.warn(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.info(message);
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties properties) {
        trace = Boolean.parseBoolean(properties.getProperty(Slf4jServerLogger.TRACE_PROPERTY, "false"));
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
