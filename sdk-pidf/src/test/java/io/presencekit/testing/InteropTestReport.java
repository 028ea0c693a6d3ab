package io.presencekit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Appends one line per finished test tagged {@value Interop#TAG} to the file named by the system
 * property {@value #PROPERTY}: its status ({@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED}) and
 * its unique id. {@code scripts/test.sh} reads it to fail a run in which no interop test ran.
 * Does nothing when the property is not set.
 *
 * <p>Registered with the JUnit Platform launcher through {@code META-INF/services}, so it is active
 * in every module whose tests use sdk-pidf's test jar.
 */
public final class InteropTestReport implements TestExecutionListener {
    /** System property: the report file. */
    public static final String PROPERTY = "presencekit.interop.report";

    private static final TestTag TAG = TestTag.create(Interop.TAG);

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank() || file.contains("${") || !test.isTest() || !test.getTags().contains(TAG)) {
            return;
        }
        String line = result.getStatus() + " " + test.getUniqueId() + System.lineSeparator();
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the interop test report " + file, e);
        }
    }
}
