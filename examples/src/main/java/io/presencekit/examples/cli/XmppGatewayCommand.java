package io.presencekit.examples.cli;

import io.presencekit.gateway.PresenceGateway;
import io.presencekit.gateway.PresenceGatewayConfig;
import io.presencekit.gateway.xmpp.XmppComponentConfig;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.SipTransportException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code presencekit xmpp-gateway}: runs the SIP/XMPP presence gateway until interrupted. The SIP
 * side listens on {@code --listen} (the address the SIP proxy forwards presence SUBSCRIBEs for the
 * XMPP domain to) and sends its own SUBSCRIBEs through {@code --proxy}; the account
 * ({@code --account}) is the gateway's own identity, not registered. The XMPP side is an
 * external component (XEP-0114) of the XMPP server serving the SIP domain; its secret comes from
 * an environment variable, never from the command line.
 */
@Command(name = "xmpp-gateway", sortOptions = false,
        description = {"Run the SIP/XMPP presence gateway until interrupted (Ctrl-C).",
                "SIP users watch XMPP users and XMPP users watch SIP users. The SIP proxy must forward",
                "presence SUBSCRIBEs for the XMPP domain to --listen, and accept requests From the XMPP",
                "domain from this host."})
final class XmppGatewayCommand extends CliCommand {
    /** The environment variable the component secret is read from by default. */
    static final String SECRET_ENV = "PRESENCEKIT_XMPP_SECRET";

    @Option(names = "--listen", paramLabel = "<host:port>", required = true,
            description = "Where the gateway's SIP side listens (TCP), e.g. 127.0.0.1:5070.")
    private String listen;

    @Option(names = "--xmpp-domain", paramLabel = "<domain>", required = true,
            description = "The XMPP users' domain, e.g. xmpp.example.org.")
    private String xmppDomain;

    @Option(names = "--component-host", paramLabel = "<host>", defaultValue = "127.0.0.1",
            description = "The XMPP server's component host. Default: ${DEFAULT-VALUE}.")
    private String componentHost;

    @Option(names = "--component-port", paramLabel = "<port>", defaultValue = "5347",
            description = "The XMPP server's component port (XEP-0114). Default: ${DEFAULT-VALUE}.")
    private int componentPort;

    @Option(names = "--component-domain", paramLabel = "<domain>",
            description = "The component's domain, which is the SIP domain. Default: the account's domain.")
    private String componentDomain;

    @Option(names = "--secret-env", paramLabel = "<name>", defaultValue = SECRET_ENV,
            description = "The environment variable holding the component secret. Default: ${DEFAULT-VALUE}.")
    private String secretEnv;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    protected int run() throws Exception {
        String aor = account();
        String proxy = cli().proxy();
        if (proxy == null) {
            throw usage("xmpp-gateway needs the SIP proxy: --proxy sip:host:port;transport=tcp");
        }
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw usage("--listen wants host:port, not " + listen);
        }
        InetAddress bind;
        int port;
        try {
            bind = InetAddress.getByName(listen.substring(0, colon));
            port = Integer.parseInt(listen.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (UnknownHostException | NumberFormatException e) {
            throw usage("--listen wants host:port, not " + listen);
        }
        String secret = cli().env().get(secretEnv);
        if (secret == null || secret.isEmpty()) {
            throw usage("the component secret is missing: set the environment variable " + secretEnv);
        }
        String domain = componentDomain != null ? componentDomain : aor.substring(aor.indexOf('@') + 1);
        XmppComponentConfig component;
        PresenceGatewayConfig config;
        try {
            component = XmppComponentConfig.builder().host(componentHost).port(componentPort).domain(domain)
                    .secret(secret).build();
            config = PresenceGatewayConfig.builder(component, xmppDomain).build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw usage(e.getMessage());
        }
        SipAccount.Builder account = SipAccount.builder(aor).outboundProxy(proxy);
        char[] password = cli().password();
        if (password != null) {
            account.password(password);
        }
        SipEngine engine = new SipEngine(account.build(), SipSettings.builder().bindAddress(bind).listenPort(port)
                .build(), null);
        PresenceGateway gateway = PresenceGateway.create(engine, config);
        Thread hook = new Thread(() -> {
            output().detail("stopping the gateway");
            gateway.close(Duration.ofSeconds(10));
            engine.close(Duration.ofSeconds(5));
            stopped.countDown();
        }, "presencekit-gateway-shutdown");
        try {
            engine.startUnregistered();
            gateway.start().get(30, TimeUnit.SECONDS);
        } catch (SipTransportException e) {
            engine.closeNow();
            throw new CliFailure("cannot listen on " + listen + ": " + e.getMessage(), null, e);
        } catch (ExecutionException | TimeoutException e) {
            gateway.close(Duration.ofSeconds(2));
            engine.closeNow();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new CliFailure("cannot connect to the XMPP server " + componentHost + ":" + componentPort + " as "
                    + domain + ": " + cause.getMessage(), null, cause);
        }
        Runtime.getRuntime().addShutdownHook(hook);
        output().emit(Event.of("state", null, "gateway running: SIP " + domain + " on " + listen + " <-> XMPP "
                + config.xmppDomain() + " via " + componentHost + ":" + componentPort)
                .with("state", "running").with("sipDomain", domain).with("xmppDomain", config.xmppDomain()));
        stopped.await();
        return PresenceKitCli.EXIT_OK;
    }
}
