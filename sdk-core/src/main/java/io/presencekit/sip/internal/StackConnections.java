package io.presencekit.sip.internal;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import org.slf4j.LoggerFactory;

/**
 * What JAIN-SIP (1.3) keeps about its TCP/TLS connections but does not expose: their sockets,
 * read reflectively. When a field cannot be read (another stack version) the answers are null and
 * the callers fall back to what they can see without them. Also the one parser of the next hop
 * as {@link SipStackRuntime#nextHop} writes it. Stateless and thread-safe.
 */
final class StackConnections {
    private static final Field CHANNEL_SOCKET = field("gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel",
            "mySock");

    private StackConnections() {
    }

    /** A declared field made accessible, or null (logged once per field) when the stack lacks it. */
    static Field field(String type, String name) {
        try {
            Field f = Class.forName(type).getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(StackConnections.class).warn(
                    "cannot read the SIP stack's {}.{} ({}); connection changes are seen less quickly", type, name,
                    e.toString());
            return null;
        }
    }

    /** The socket of a stack message channel, or null (not connection-oriented, or unreadable). */
    static Socket socketOf(Object channel) {
        if (CHANNEL_SOCKET == null
                || !(channel instanceof gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel)) {
            return null;
        }
        try {
            return (Socket) CHANNEL_SOCKET.get(channel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code s} is connected to {@code hop}. */
    static boolean leadsTo(Socket s, InetSocketAddress hop) {
        return s != null && s.getInetAddress() != null && s.getPort() == hop.getPort()
                && s.getInetAddress().getHostAddress().equals(hop.getAddress().getHostAddress());
    }

    /** The address of a next hop written {@code host:port/transport} ({@code [v6]} hosts too). */
    static InetSocketAddress resolve(String nextHop) throws UnknownHostException {
        String hostPort = nextHop.substring(0, nextHop.lastIndexOf('/'));
        String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(InetAddress.getByName(host),
                Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1)));
    }
}
