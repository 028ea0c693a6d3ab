package io.presencekit.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The base of every subcommand that does something: reaches the global options and the event
 * output of the {@link PresenceKitCli} it runs under, and turns trace logging on before the
 * command makes any protocol object. Subclasses implement {@link #run()} and report through
 * {@link #output()}; a failure is thrown (an {@code XcapException}, a {@link CliFailure}, a
 * {@link ParameterException} for unusable input) and reported by {@link PresenceKitCli}.
 */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        if (cli().trace()) {
            Logging.enableTrace();
        }
        return run();
    }

    /** Does the work; returns the exit code. */
    protected abstract int run() throws Exception;

    /** The command line this subcommand runs under, holding the global options. */
    final PresenceKitCli cli() {
        return (PresenceKitCli) spec.root().userObject();
    }

    final EventOutput output() {
        return cli().output();
    }

    /** An unusable command line (exit code 2), reported with this command's name. */
    final ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The account's address of record ({@code --account}), written in full. */
    final String account() {
        String account = cli().account();
        if (account == null || account.isBlank()) {
            throw usage("this command needs the account: --account sip:user@domain");
        }
        try {
            return Options.sipAddress(account);
        } catch (IllegalArgumentException e) {
            throw usage("--account: " + e.getMessage());
        }
    }
}
