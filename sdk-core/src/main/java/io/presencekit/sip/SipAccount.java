package io.presencekit.sip;

import io.presencekit.sip.internal.InstanceIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who the engine registers as and where it sends requests: the address of record, credentials,
 * next hop and refresh intervals.
 *
 * <p>The next hop is the {@link #outboundProxy()} when set, else the AoR's domain (host and port,
 * no DNS SRV). The instance id (RFC 5627, section 4.1) defaults to a {@code urn:uuid} kept in a
 * small file per AoR under the state directory ({@code ~/.presencekit/} unless set), so it stays
 * the same across runs.
 *
 * <p>Immutable and thread-safe. The password is copied in and out and never appears in
 * {@link #toString()}.
 */
public final class SipAccount {
    private static final Pattern SIP_URI = Pattern.compile("sips?:([^@;:?\\s]+@)?[^@;?\\s]+(;[^\\s]*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URN_UUID = Pattern.compile(
            "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** The default for every refresh interval: 600 s, as the reference client. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(600);

    private final String aor;
    private final String authUser;
    private final char[] password;
    private final String displayName;
    private final String outboundProxy;
    private final List<Transport> transports;
    private final Duration registerInterval;
    private final Duration publishInterval;
    private final Duration subscribeInterval;
    private final String instanceId;
    private final Path stateDirectory;
    private final String userAgent;

    private SipAccount(Builder b) {
        this.aor = b.aor;
        this.authUser = b.authUser != null ? b.authUser : user(b.aor);
        this.password = b.password.clone();
        this.displayName = b.displayName;
        this.outboundProxy = b.outboundProxy;
        this.transports = List.copyOf(b.transports);
        this.registerInterval = b.registerInterval;
        this.publishInterval = b.publishInterval;
        this.subscribeInterval = b.subscribeInterval;
        this.stateDirectory = b.stateDirectory != null ? b.stateDirectory
                : Path.of(System.getProperty("user.home"), ".presencekit");
        this.instanceId = b.instanceId != null ? b.instanceId : InstanceIds.stable(stateDirectory, aor);
        this.userAgent = b.userAgent;
    }

    /** A builder for the address of record {@code aor}, a {@code sip:user@domain} URI. */
    public static Builder builder(String aor) {
        return new Builder(aor);
    }

    /** A builder holding this account's values (the instance id included). */
    public Builder toBuilder() {
        Builder b = new Builder(aor);
        b.authUser = authUser;
        b.password = password.clone();
        b.displayName = displayName;
        b.outboundProxy = outboundProxy;
        b.transports = transports;
        b.registerInterval = registerInterval;
        b.publishInterval = publishInterval;
        b.subscribeInterval = subscribeInterval;
        b.instanceId = instanceId;
        b.stateDirectory = stateDirectory;
        b.userAgent = userAgent;
        return b;
    }

    /** The address of record, {@code sip:user@domain}. */
    public String aor() {
        return aor;
    }

    /** The user part of the AoR. */
    public String user() {
        return user(aor);
    }

    /** The domain of the AoR (host, and port when given). */
    public String domain() {
        String rest = aor.substring(aor.indexOf(':') + 1);
        rest = rest.substring(rest.indexOf('@') + 1);
        int semi = rest.indexOf(';');
        return semi < 0 ? rest : rest.substring(0, semi);
    }

    /** The digest user name; the AoR's user unless set. */
    public String authUser() {
        return authUser;
    }

    /** A copy of the password; clear it after use. */
    public char[] password() {
        return password.clone();
    }

    /** The display name for From and To, or null. */
    public String displayName() {
        return displayName;
    }

    /** The outbound proxy as a SIP URI ({@code sip:127.0.0.1:5060;transport=tcp}), or null. */
    public String outboundProxy() {
        return outboundProxy;
    }

    /** The transports in order of preference; TLS then TCP unless set. */
    public List<Transport> transports() {
        return transports;
    }

    /** The REGISTER expiry asked for (RFC 3261, section 10.2.1). */
    public Duration registerInterval() {
        return registerInterval;
    }

    /** The PUBLISH expiry asked for (RFC 3903, section 4.1). */
    public Duration publishInterval() {
        return publishInterval;
    }

    /** The SUBSCRIBE expiry asked for (RFC 6665, section 4.1.2.1). */
    public Duration subscribeInterval() {
        return subscribeInterval;
    }

    /** The {@code +sip.instance} value (RFC 5627, section 4.1): {@code urn:uuid:...}. */
    public String instanceId() {
        return instanceId;
    }

    /** Where the stable instance id is kept. */
    public Path stateDirectory() {
        return stateDirectory;
    }

    /** The User-Agent header value. */
    public String userAgent() {
        return userAgent;
    }

    @Override
    public String toString() {
        return "SipAccount[" + aor + ", authUser=" + authUser + ", proxy=" + outboundProxy + ", transports="
                + transports + ", instance=" + instanceId + "]";
    }

    private static String user(String aor) {
        String rest = aor.substring(aor.indexOf(':') + 1);
        int at = rest.indexOf('@');
        return at < 0 ? "" : rest.substring(0, at);
    }

    /** Builds a {@link SipAccount}. Not thread-safe. */
    public static final class Builder {
        private final String aor;
        private String authUser;
        private char[] password = new char[0];
        private String displayName;
        private String outboundProxy;
        private List<Transport> transports = List.of(Transport.TLS, Transport.TCP);
        private Duration registerInterval = DEFAULT_INTERVAL;
        private Duration publishInterval = DEFAULT_INTERVAL;
        private Duration subscribeInterval = DEFAULT_INTERVAL;
        private String instanceId;
        private Path stateDirectory;
        private String userAgent = "PresenceKit/" + version();

        private Builder(String aor) {
            Objects.requireNonNull(aor, "aor");
            if (!SIP_URI.matcher(aor).matches() || !aor.contains("@")) {
                throw new IllegalArgumentException("not a sip:user@domain address of record: " + aor);
            }
            this.aor = aor;
        }

        /** The digest user name, when it differs from the AoR's user. */
        public Builder authUser(String authUser) {
            this.authUser = Objects.requireNonNull(authUser);
            return this;
        }

        /** The password; the array is copied, so the caller may clear its own. */
        public Builder password(char[] password) {
            this.password = Objects.requireNonNull(password).clone();
            return this;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /** The outbound proxy as a SIP URI, e.g. {@code sip:127.0.0.1:5061;transport=tls}; null for none. */
        public Builder outboundProxy(String uri) {
            if (uri != null) {
                if (!SIP_URI.matcher(uri).matches()) {
                    throw new IllegalArgumentException("not a SIP URI: " + uri);
                }
            }
            this.outboundProxy = uri;
            return this;
        }

        /** The transports in order of preference; at least one. */
        public Builder transports(List<Transport> transports) {
            if (transports.isEmpty()) {
                throw new IllegalArgumentException("no transport");
            }
            this.transports = List.copyOf(transports);
            return this;
        }

        public Builder registerInterval(Duration d) {
            this.registerInterval = positive(d);
            return this;
        }

        public Builder publishInterval(Duration d) {
            this.publishInterval = positive(d);
            return this;
        }

        public Builder subscribeInterval(Duration d) {
            this.subscribeInterval = positive(d);
            return this;
        }

        /** A fixed instance id, {@code urn:uuid:<lower-case uuid>}, instead of the persisted one. */
        public Builder instanceId(String urn) {
            if (!URN_UUID.matcher(urn.toLowerCase(Locale.ROOT)).matches()) {
                throw new IllegalArgumentException("not a urn:uuid: " + urn);
            }
            this.instanceId = urn.toLowerCase(Locale.ROOT);
            return this;
        }

        /** Where the stable instance id is kept; {@code ~/.presencekit} unless set. */
        public Builder stateDirectory(Path dir) {
            this.stateDirectory = Objects.requireNonNull(dir);
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent);
            return this;
        }

        /** The account; reads or creates the persisted instance id unless one was given. */
        public SipAccount build() {
            return new SipAccount(this);
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero() || d.toSeconds() < 1) {
                throw new IllegalArgumentException("interval must be at least 1 s: " + d);
            }
            return d;
        }

        private static String version() {
            String v = SipAccount.class.getPackage().getImplementationVersion();
            return v != null ? v : "0.1";
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipAccount a && aor.equals(a.aor) && authUser.equals(a.authUser)
                && Arrays.equals(password, a.password) && Objects.equals(outboundProxy, a.outboundProxy)
                && transports.equals(a.transports) && instanceId.equals(a.instanceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aor, authUser, outboundProxy, transports, instanceId);
    }
}
