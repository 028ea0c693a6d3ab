package io.presencekit.examples.cli;

import io.presencekit.xcap.NodeSelector;
import io.presencekit.xcap.Precondition;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapResponse;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code presencekit xcap get|put|delete <auid> <document> [--node <selector>]}: raw XCAP access
 * (RFC 4825), as AG Projects' {@code xcapclient} offers it. The document is a path under the
 * account's tree {@code <auid>/users/<aor>/}, or starts with {@code global/} (the global tree) or
 * {@code users/<xui>/} (another user's tree); the node selector is RFC 4825's (section 6.3), written
 * unencoded, with {@code --ns prefix=namespace} for the prefixes it uses.
 */
@Command(name = "xcap", sortOptions = false, description = "Read, write or delete an XCAP document, element or attribute.",
        subcommands = {XcapCommand.Get.class, XcapCommand.Put.class, XcapCommand.Delete.class})
final class XcapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without get, put or delete: the usage on standard error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return PresenceKitCli.EXIT_USAGE;
    }

    /** The {@code <auid> <document> [--node] [--ns]} arguments of the three operations. */
    static final class Target {
        @Parameters(index = "0", paramLabel = "<auid>",
                description = "Application usage, e.g. resource-lists, rls-services, org.openmobilealliance.pres-rules.")
        String auid;

        @Parameters(index = "1", paramLabel = "<document>",
                description = "Document under the account's tree (e.g. index), or global/<path>, or users/<xui>/<path>.")
        String document;

        @Option(names = "--node", paramLabel = "<selector>",
                description = "Node selector, e.g. resource-lists/list[@name=\"friends\"]/entry[2] or .../@uri.")
        String node;

        @Option(names = "--ns", paramLabel = "<prefix>=<namespace>",
                description = "Namespace binding for a prefix the node selector uses (repeatable).")
        Map<String, String> namespaces = new LinkedHashMap<>();

        /** Whether the document is in the account's own tree (then the account is needed). */
        boolean inAccountTree() {
            return !(document.startsWith("global/") || document.startsWith("users/"));
        }

        XcapUri uri(XcapClient client, CliCommand command) {
            List<String> segments = new ArrayList<>(Arrays.asList(document.split("/", -1)));
            if (segments.stream().anyMatch(String::isEmpty)) {
                throw command.usage("empty segment in the document path '" + document + "'");
            }
            XcapUri.Builder b = client.uri();
            try {
                b.auid(auid);
                if (segments.get(0).equals("global")) {
                    b.global();
                    segments.remove(0);
                } else if (segments.get(0).equals("users")) {
                    if (segments.size() < 3) {
                        throw command.usage("expected users/<xui>/<document>, not '" + document + "'");
                    }
                    b.user(segments.get(1));
                    segments.subList(0, 2).clear();
                } else {
                    b.user(command.account());
                }
                if (segments.isEmpty()) {
                    throw command.usage("no document name in '" + document + "'");
                }
                b.document(segments.toArray(new String[0]));
            } catch (IllegalArgumentException e) {
                throw command.usage(e.getMessage());
            }
            if (node != null) {
                try {
                    b.nodeSelector(NodeSelector.parse(node, namespaces));
                } catch (IllegalArgumentException e) {
                    throw command.usage("--node: " + e.getMessage());
                }
            } else if (!namespaces.isEmpty()) {
                throw command.usage("--ns is for a node selector: give --node too");
            }
            return b.build();
        }
    }

    /** An XCAP operation: opens the client, runs, closes. */
    abstract static class Operation extends CliCommand {
        @Mixin
        Target target;

        @Override
        protected final int run() throws Exception {
            String account = target.inAccountTree() || cli().account() != null ? account() : null;
            try (XcapClient client = XcapAccess.open(this, account)) {
                XcapUri uri = target.uri(client, this);
                output().detail(method() + " " + uri);
                XcapResponse r = execute(client, uri);
                report(r);
                return PresenceKitCli.EXIT_OK;
            }
        }

        abstract String method();

        abstract XcapResponse execute(XcapClient client, XcapUri uri) throws IOException;

        void report(XcapResponse r) {
            output().emit(event(r, r.method() + " " + r.uri() + ": " + status(r)
                    + (output().verbose() ? r.etag().map(t -> ", ETag " + t).orElse("") : "")));
        }

        static String status(XcapResponse r) {
            return r.status() + (r.reason().isEmpty() ? "" : " " + r.reason());
        }

        static Event event(XcapResponse r, String text) {
            return Event.of("xcap", r.uri().toString(), text).with("method", r.method()).with("status", r.status())
                    .with("etag", r.etag().orElse(null));
        }
    }

    @Command(name = "get", sortOptions = false, description = "Print a document, element or attribute.")
    static final class Get extends Operation {
        @Override
        String method() {
            return "GET";
        }

        @Override
        XcapResponse execute(XcapClient client, XcapUri uri) {
            return client.get(uri).join();
        }

        @Override
        void report(XcapResponse r) {
            EventOutput out = output();
            if (out.json()) {
                out.emit(event(r, "").with("contentType", r.contentType().orElse(null))
                        .with("body", r.bodyAsString()));
            } else {
                out.detail(status(r) + r.etag().map(t -> ", ETag " + t).orElse("")
                        + r.contentType().map(t -> ", " + t).orElse(""));
                out.raw(r.body());
            }
        }
    }

    @Command(name = "put", sortOptions = false,
            description = "Create or replace a document, element or attribute with the body of a file or standard input.")
    static final class Put extends Operation {
        @Option(names = "--file", paramLabel = "<body>",
                description = "File holding the body; - or none for standard input.")
        Path file;

        @Option(names = "--content-type", paramLabel = "<type>",
                description = "MIME type of the body. Default: the usage's type for a document,"
                        + " application/xcap-el+xml for an element; an attribute's value is sent quoted as"
                        + " application/xcap-att+xml.")
        String contentType;

        @Option(names = "--if-match", paramLabel = "<etag>", description = "Write only if the document's ETag is this.")
        String ifMatch;

        @Override
        String method() {
            return "PUT";
        }

        @Override
        XcapResponse execute(XcapClient client, XcapUri uri) throws IOException {
            byte[] body = readBody();
            Precondition condition = ifMatch == null ? Precondition.none() : Precondition.ifMatch(ifMatch);
            NodeSelector.Target kind = uri.nodeSelector().map(NodeSelector::target).orElse(null);
            if (contentType != null) {
                return client.put(uri, contentType, body, condition).join();
            }
            if (kind == NodeSelector.Target.ATTRIBUTE) {
                String value = new String(body, StandardCharsets.UTF_8);
                // the value typed or echoed into standard input ends with a line break that is not part of it
                return client.putAttribute(uri, value.replaceFirst("\r?\n$", ""), condition).join();
            }
            if (kind == NodeSelector.Target.ELEMENT) {
                return client.putElement(uri, body, condition).join();
            }
            if (kind != null) {
                throw usage("cannot PUT to " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " selector without --content-type");
            }
            String type = ApplicationUsage.forAuid(uri.auid()).map(ApplicationUsage::mimeType)
                    .orElseThrow(() -> usage("unknown application usage " + uri.auid()
                            + ": give the body's type with --content-type"));
            return client.put(uri, type, body, condition).join();
        }

        private byte[] readBody() {
            try {
                if (file == null || file.toString().equals("-")) {
                    return cli().stdin().readAllBytes();
                }
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new CliFailure("cannot read the body from " + (file == null ? "standard input" : file) + ": "
                        + e.getMessage(), null, e);
            }
        }
    }

    @Command(name = "delete", sortOptions = false, description = "Delete a document, element or attribute.")
    static final class Delete extends Operation {
        @Option(names = "--if-match", paramLabel = "<etag>", description = "Delete only if the document's ETag is this.")
        String ifMatch;

        @Override
        String method() {
            return "DELETE";
        }

        @Override
        XcapResponse execute(XcapClient client, XcapUri uri) {
            return client.delete(uri, ifMatch == null ? Precondition.none() : Precondition.ifMatch(ifMatch)).join();
        }
    }
}
