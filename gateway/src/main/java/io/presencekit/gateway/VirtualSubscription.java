package io.presencekit.gateway;

import io.presencekit.pidf.xmpp.Jid;
import java.util.Objects;

/**
 * One virtual subscription of a {@link PresenceGateway}, as a snapshot: a SIP user watching an
 * XMPP user (one XMPP subscription, RFC 6121 section 3, carrying any number of SIP subscriptions,
 * RFC 6665), or an XMPP user watching a SIP user (one outgoing SIP presence subscription, RFC
 * 3856).
 *
 * <p>Immutable.
 *
 * @param direction        who watches whom
 * @param sipUser          the SIP user's address, {@code sip:user@domain}
 * @param xmppUser         the XMPP user's bare JID
 * @param sipSubscriptions how many SIP subscriptions it carries (1 for {@link Direction#XMPP_TO_SIP})
 * @param active           whether the watched side has authorized it
 */
public record VirtualSubscription(Direction direction, String sipUser, Jid xmppUser, int sipSubscriptions,
        boolean active) {
    public VirtualSubscription {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(sipUser, "sipUser");
        Objects.requireNonNull(xmppUser, "xmppUser");
    }

    /** Who watches whom. */
    public enum Direction {
        /** A SIP user watches an XMPP user. */
        SIP_TO_XMPP,
        /** An XMPP user watches a SIP user. */
        XMPP_TO_SIP
    }
}
