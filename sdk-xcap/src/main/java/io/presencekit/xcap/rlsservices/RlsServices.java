package io.presencekit.xcap.rlsservices;

import io.presencekit.xcap.usage.ItemDocument;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An RLS services document ({@code application/rls-services+xml}, RFC 4826, section 4): the
 * resource list services of the XCAP application usage {@code rls-services}, which tell a resource
 * list server (RFC 4662) which list a list URI stands for.
 *
 * <p>The schema allows only {@code service} elements at the top level; a lenient read keeps
 * anything else there as a generic element in {@link #items()} (with a warning).
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class RlsServices extends ItemDocument {
    /** {@code rls:rls-services}. */
    public static final QName QNAME = new QName(XcapNamespaces.RLS_SERVICES, "rls-services", "rls");

    private RlsServices(Builder b) {
        super(b);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document (warnings not carried over). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The services, in order. */
    public List<Service> services() {
        return Values.ofType(items(), Service.class);
    }

    /** The service with URI {@code uri}, if any. */
    public Optional<Service> service(String uri) {
        return services().stream().filter(s -> s.uri().equals(uri)).findFirst();
    }

    /** Builds {@link RlsServices}. Not thread-safe. */
    public static final class Builder extends ItemDocument.Builder<Builder> {
        private Builder() {
        }

        private Builder(RlsServices document) {
            super(document);
        }

        /** Appends a service. */
        public Builder service(Service service) {
            return item(Objects.requireNonNull(service, "service"));
        }

        /** Replaces the service with the same URI in place, or appends {@code service}. */
        public Builder putService(Service service) {
            return replaceOrAppend(Service.class, s -> s.uri().equals(service.uri()),
                    Objects.requireNonNull(service, "service"));
        }

        /** Removes the services with URI {@code uri}. */
        public Builder removeService(String uri) {
            return removeIf(Service.class, s -> s.uri().equals(uri));
        }

        public RlsServices build() {
            return new RlsServices(this);
        }
    }
}
