package io.presencekit.gateway.xmpp.internal;

import io.presencekit.gateway.xmpp.ComponentHandshakeException;
import io.presencekit.gateway.xmpp.RawStanza;
import io.presencekit.gateway.xmpp.XmppComponentConfig;
import io.presencekit.gateway.xmpp.XmppStreamException;
import io.presencekit.gateway.xmpp.XmppStreamException.Reason;
import io.presencekit.xml.SecureXmlParser;
import io.presencekit.xml.XmlLimits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One TCP connection of a component (XEP-0114): opens the stream, performs the handshake, then
 * reads top-level elements and writes stanzas. Reading happens on one thread; writing is
 * serialized on an internal lock and may come from any thread.
 */
public final class ComponentConnection implements AutoCloseable {
    private static final XMLInputFactory ERROR_FACTORY = SecureXmlParser.newInputFactory(XmlLimits.DEFAULT);

    private final XmppComponentConfig config;
    private final Socket socket;
    private final OutputStream out;
    private final StanzaStreamReader reader;
    private final String streamId;
    private final Object writeLock = new Object();
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile boolean closeSent;

    private ComponentConnection(XmppComponentConfig config, Socket socket, OutputStream out,
            StanzaStreamReader reader, String streamId) {
        this.config = config;
        this.socket = socket;
        this.out = out;
        this.reader = reader;
        this.streamId = streamId;
    }

    /**
     * Connects, opens the stream and authenticates.
     *
     * @throws ComponentHandshakeException when the server refuses the handshake
     * @throws XmppStreamException         on any other failure
     */
    public static ComponentConnection open(XmppComponentConfig config) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(config.host(), config.port()),
                    (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
        } catch (IOException e) {
            closeQuietly(socket);
            throw new XmppStreamException(Reason.CONNECT_FAILED,
                    "cannot connect to " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        OutputStream out;
        StanzaStreamReader reader = null;
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.handshakeTimeout().toMillis()));
            out = socket.getOutputStream();
            out.write(("<?xml version='1.0'?><stream:stream xmlns='" + StanzaStreamReader.COMPONENT_NS
                    + "' xmlns:stream='" + StanzaStreamReader.STREAM_NS + "' to='" + Xml.attr(config.domain())
                    + "'>").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            reader = new StanzaStreamReader(in, config.maxStanzaBytes(), config.maxStanzaDepth());
            String id = reader.readHeader();
            ComponentConnection c = new ComponentConnection(config, socket, out, reader, id);
            c.write("<handshake>" + handshakeDigest(id, config.secret()) + "</handshake>");
            StanzaStreamReader.Element answer = reader.next();
            if (answer == null) {
                throw new XmppStreamException(Reason.CONNECTION_LOST, "server closed the stream during the handshake");
            }
            if (answer.is(StanzaStreamReader.STREAM_NS, "error")) {
                XmppStreamException e = streamError(answer.stanza());
                throw new ComponentHandshakeException(e.condition().orElse(null), e.text().orElse(null),
                        "handshake refused for " + config.domain() + " by " + config.host() + ":" + config.port()
                                + ": " + e.condition().orElse("stream error") + e.text().map(t -> " (" + t + ")")
                                .orElse(""));
            }
            if (!answer.stanza().name().equals("handshake")) {
                throw new XmppStreamException(Reason.PROTOCOL_VIOLATION, "expected <handshake/>, got <"
                        + answer.stanza().name() + ">");
            }
            socket.setSoTimeout(0);
            return c;
        } catch (StreamViolation v) {
            sendErrorQuietly(socket, v.condition());
            closeQuietly(socket);
            throw new XmppStreamException(Reason.PROTOCOL_VIOLATION, v.condition(), null,
                    "refused the server's stream: " + v.getMessage(), v);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new XmppStreamException(Reason.TIMEOUT, "no handshake answer from " + config.host() + ":"
                    + config.port() + " within " + config.handshakeTimeout(), e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new XmppStreamException(Reason.CONNECTION_LOST, "connection lost during the handshake: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** XEP-0114, section 3: lowercase hex SHA-1 of the stream id followed by the secret. */
    public static String handshakeDigest(String streamId, String secret) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((streamId + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    /** The stream error a {@code <stream:error>} element carries (RFC 6120, section 4.9.2). */
    public static XmppStreamException streamError(RawStanza error) {
        String condition = null;
        String text = null;
        try {
            XMLStreamReader x = ERROR_FACTORY.createXMLStreamReader(new StringReader(error.xml()));
            try {
                int depth = 0;
                while (x.hasNext()) {
                    int ev = x.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (depth == 2 && StanzaStreamReader.STREAMS_ERROR_NS.equals(x.getNamespaceURI())) {
                            if ("text".equals(x.getLocalName())) {
                                text = x.getElementText();
                                depth--;
                            } else if (condition == null) {
                                condition = x.getLocalName();
                            }
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            // the element was well-formed when read; keep what was found
        }
        return new XmppStreamException(Reason.REMOTE_STREAM_ERROR, condition, text,
                "the server sent stream error " + (condition == null ? "(no condition)" : condition)
                        + (text == null ? "" : ": " + text), null);
    }

    /** The name of the first child element of the stanza {@code xml}, or null when it has none. */
    public static QName firstChild(String xml) {
        try {
            XMLStreamReader x = ERROR_FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                int depth = 0;
                while (x.hasNext()) {
                    int ev = x.next();
                    if (ev == XMLStreamConstants.START_ELEMENT && ++depth == 2) {
                        return x.getName();
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            // the stanza was well-formed when read
        }
        return null;
    }

    /** The server's stream id. */
    public String streamId() {
        return streamId;
    }

    /** The next top-level element (see {@link StanzaStreamReader#next()}). */
    public StanzaStreamReader.Element next() throws StreamViolation, IOException {
        return reader.next();
    }

    /** Writes {@code xml} and flushes. */
    public void write(String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        synchronized (writeLock) {
            if (closeSent) {
                throw new IOException("the stream is closed");
            }
            out.write(bytes);
            out.flush();
            lastWriteNanos = System.nanoTime();
        }
    }

    /** Sends a single space when nothing was written for {@code intervalNanos} (RFC 6120, 4.6.1). */
    public void keepAlive(long intervalNanos) throws IOException {
        synchronized (writeLock) {
            if (!closeSent && System.nanoTime() - lastWriteNanos >= intervalNanos) {
                out.write(' ');
                out.flush();
                lastWriteNanos = System.nanoTime();
            }
        }
    }

    /** Sends a stream error and the closing tag (RFC 6120, 4.9.1.1), best effort. */
    public void sendStreamError(String condition, String text) {
        String xml = "<stream:error><" + condition + " xmlns='" + StanzaStreamReader.STREAMS_ERROR_NS + "'/>"
                + (text == null ? "" : "<text xmlns='" + StanzaStreamReader.STREAMS_ERROR_NS + "'>" + Xml.text(text)
                        + "</text>")
                + "</stream:error></stream:stream>";
        synchronized (writeLock) {
            if (closeSent) {
                return;
            }
            closeSent = true;
            try {
                out.write(xml.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the connection is going anyway
            }
        }
    }

    /** Sends {@code </stream:stream>} once; the server answers with its own (RFC 6120, 4.4). */
    public boolean sendClose() {
        synchronized (writeLock) {
            if (closeSent) {
                return false;
            }
            closeSent = true;
            try {
                out.write("</stream:stream>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Whether the closing tag was sent. */
    public boolean closeSent() {
        return closeSent;
    }

    /** Closes the socket at once. */
    @Override
    public void close() {
        reader.close();
        closeQuietly(socket);
    }

    private static void sendErrorQuietly(Socket socket, String condition) {
        try {
            OutputStream o = socket.getOutputStream();
            o.write(("<stream:error><" + condition + " xmlns='" + StanzaStreamReader.STREAMS_ERROR_NS
                    + "'/></stream:error></stream:stream>").getBytes(StandardCharsets.UTF_8));
            o.flush();
        } catch (IOException e) {
            // best effort
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
