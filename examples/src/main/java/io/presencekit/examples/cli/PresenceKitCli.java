package io.presencekit.examples.cli;

import io.presencekit.error.PresenceKitException;
import io.presencekit.xcap.XcapException;
import io.presencekit.xcap.error.XcapError;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code presencekit} command line: SIP SIMPLE presence tools modeled on the classic SIP SIMPLE
 * client tools, one subcommand each. The global options (account, password, proxy, XCAP root,
 * {@code --json}) are accepted before or after the subcommand name.
 *
 * <p>Exit codes: {@value #EXIT_OK} on success, {@value #EXIT_FAILURE} when the operation failed
 * (an error answer of the server, no answer, nothing to act on), {@value #EXIT_USAGE} for a
 * command line that cannot be used (unknown option, missing argument, bad node selector).
 *
 * <p>One instance runs one command line ({@link #execute(String...)}); not thread-safe.
 */
@Command(name = "presencekit", sortOptions = false, usageHelpAutoWidth = true,
        description = "SIP SIMPLE presence tools: publish, watch, watchers, address book, XCAP, a SIP/XMPP presence gateway and a demo.",
        subcommands = {DemoCommand.class, PublishCommand.class, WatchCommand.class, WatchListCommand.class, WatchersCommand.class,
                ContactsCommand.class, XcapCommand.class, XcapDiffCommand.class, XmppGatewayCommand.class},
        footer = {"", "The password may also come from the environment variable " + PresenceKitCli.PASSWORD_ENV + ".",
                "Exit codes: 0 success, 1 the operation failed, 2 unusable command line."})
public final class PresenceKitCli implements Callable<Integer> {
    /** Exit code of a command that did what was asked. */
    public static final int EXIT_OK = 0;
    /** Exit code of a command whose operation failed (server error, no answer, nothing to act on). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of a command line that cannot be used. */
    public static final int EXIT_USAGE = 2;
    /** The environment variable the password is read from when {@code --password} is not given. */
    public static final String PASSWORD_ENV = "PRESENCEKIT_PASSWORD";

    @Spec
    private CommandSpec spec;

    @Option(names = "--account", paramLabel = "<aor>", scope = ScopeType.INHERIT,
            description = "The account, sip:user@domain (sip: may be left out).")
    private String account;

    @Option(names = "--password", paramLabel = "<pw>", scope = ScopeType.INHERIT, arity = "1",
            description = "The account's password (or set " + PASSWORD_ENV + ").")
    private char[] password;

    @Option(names = "--proxy", paramLabel = "<sip-uri>", scope = ScopeType.INHERIT,
            converter = Options.SipUriConverter.class,
            description = "Outbound SIP proxy for the SIP commands, e.g. sip:proxy.example.com;transport=tls.")
    private String proxy;

    @Option(names = "--xcap-root", paramLabel = "<url>", scope = ScopeType.INHERIT,
            converter = Options.XcapRootConverter.class,
            description = "The XCAP root, e.g. https://xcap.example.com/xcap-root.")
    private String xcapRoot;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON object per line (errors too, as \"event\":\"error\").")
    private boolean json;

    @Option(names = "--xcap-compat", paramLabel = "<mode>", scope = ScopeType.INHERIT,
            converter = Options.CompatConverter.class, defaultValue = "auto",
            description = "XCAP server quirks: auto (Kamailio when its Server header says so, else standard),"
                    + " standard or kamailio. Default: ${DEFAULT-VALUE}.")
    private Options.Compat xcapCompat = Options.Compat.AUTO;

    @Option(names = "--trust", paramLabel = "<pem>", scope = ScopeType.INHERIT,
            description = "Trust only the certificates in this PEM file for TLS (a private CA or a"
                    + " self-signed server certificate) instead of the system's.")
    private Path trust;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show details (status lines, ETags, server quirks chosen) on standard error.")
    private boolean verbose;

    @Option(names = "--trace", scope = ScopeType.INHERIT,
            description = "Log the SDK's protocol activity and the HTTP headers on standard error.")
    private boolean trace;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    private boolean help;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private EventOutput output;

    /**
     * A command line reading {@code in}, writing to {@code out} and {@code err} (UTF-8), with the
     * environment {@code env}.
     */
    public PresenceKitCli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.env = Map.copyOf(env);
    }

    /** Runs {@code presencekit} with the process's streams and environment, and exits with its code. */
    public static void main(String[] args) {
        Logging.configureDefaults();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new PresenceKitCli(System.in, out, err, System.getenv()).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Parses {@code args}, runs the command they name and returns its exit code. */
    public int execute(String... args) {
        CommandLine cl = commandLine();
        boolean jsonRequested = Arrays.asList(args).contains("--json");
        cl.setParameterExceptionHandler((ex, a) -> parameterError(ex, jsonRequested));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> executionError(ex));
        return cl.execute(args);
    }

    /** The picocli model of the command line, bound to this instance. */
    CommandLine commandLine() {
        CommandLine cl = new CommandLine(this);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Without a subcommand: the usage on standard error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    // ------------------------------------------------------------------ what the subcommands share

    /** Where the commands report to (created on first use, after the options are parsed). */
    EventOutput output() {
        if (output == null) {
            output = new EventOutput(out, err, json, verbose || trace);
        }
        return output;
    }

    InputStream stdin() {
        return in;
    }

    Map<String, String> env() {
        return env;
    }

    String account() {
        return account;
    }

    /** The password: {@code --password}, else {@value #PASSWORD_ENV}; null when neither is given. */
    char[] password() {
        if (password != null) {
            return password.clone();
        }
        String p = env.get(PASSWORD_ENV);
        return p == null || p.isEmpty() ? null : p.toCharArray();
    }

    String proxy() {
        return proxy;
    }

    String xcapRoot() {
        return xcapRoot;
    }

    boolean json() {
        return json;
    }

    Options.Compat xcapCompat() {
        return xcapCompat;
    }

    Path trust() {
        return trust;
    }

    boolean verbose() {
        return verbose;
    }

    boolean trace() {
        return trace;
    }

    // ------------------------------------------------------------------ errors

    private int parameterError(ParameterException ex, boolean jsonRequested) {
        CommandLine cl = ex.getCommandLine();
        if (jsonRequested) {
            out.println(Event.of("error", null, ex.getMessage()).with("message", ex.getMessage())
                    .with("exitCode", EXIT_USAGE).toJson());
            out.flush();
        } else {
            PrintWriter w = cl.getErr();
            w.println("presencekit: " + EventOutput.oneLine(ex.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, w)) {
                w.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            w.flush();
        }
        return EXIT_USAGE;
    }

    private int executionError(Exception thrown) {
        Throwable ex = unwrap(thrown);
        EventOutput o = output();
        if (ex instanceof ParameterException pe) {
            return parameterError(pe, json);
        }
        if (trace) {
            ex.printStackTrace(err);
        }
        o.error(errorEvent(ex));
        return EXIT_FAILURE;
    }

    /** The {@code error} event for a failure. */
    static Event errorEvent(Throwable ex) {
        String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        if (ex instanceof XcapException x) {
            Event e = Event.of("error", x.uri(), message).with("message", EventOutput.oneLine(message))
                    .with("method", x.method()).with("status", x.status());
            if (x.xcapError().isPresent()) {
                XcapError xe = x.xcapError().get();
                e = e.with("condition", xe.type().elementName().orElse(null)).with("detail", xe.describe());
            }
            return e;
        }
        if (ex instanceof CliFailure f) {
            return Event.of("error", f.uri(), message).with("message", EventOutput.oneLine(message));
        }
        if (!(ex instanceof PresenceKitException)) {
            message = ex.getClass().getSimpleName() + ": " + message;
        }
        return Event.of("error", null, message).with("message", EventOutput.oneLine(message));
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
