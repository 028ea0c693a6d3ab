package io.presencekit.sip.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.AllowHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes incoming requests to handlers, on the event loop. Lookup order: a dialog handler by
 * Call-ID and our tag (the request's To tag; {@link #onDialog}, e.g. a subscription's NOTIFYs,
 * matched even before its 2xx arrives), then a handler by method and Event package
 * ({@link #onMethod}), then by method alone. Unhandled: NOTIFY -> 481, SUBSCRIBE (always) or PUBLISH with an
 * unknown event -> 489 with Allow-Events, a standard method -> 405 with Allow, anything else -> 501. ACK is
 * dropped. Handlers must answer at once through {@link IncomingRequest#respond}.
 *
 * <p>Confined to the event loop; register and remove handlers from it too.
 */
public final class IncomingRequestRouter {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingRequestRouter.class);
    private static final Set<String> STANDARD = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
            "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");

    /** Handles one request; runs on the event loop and must respond before returning or soon after. */
    @FunctionalInterface
    public interface Handler {
        void handle(IncomingRequest request);
    }

    /** Removes a handler. */
    @FunctionalInterface
    public interface Handle {
        void remove();
    }

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final Map<String, Handler> dialogs = new HashMap<>();
    private final Map<String, Handler> methods = new HashMap<>();

    public IncomingRequestRouter(SipProvider provider, MessageFactory messages, HeaderFactory headers) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
    }

    /** Routes requests whose Call-ID and To tag are {@code callId} and {@code localTag}. */
    public Handle onDialog(String callId, String localTag, Handler h) {
        String key = callId + "|" + localTag;
        dialogs.put(key, h);
        return () -> dialogs.remove(key, h);
    }

    /** Routes requests of {@code method} with Event package {@code event} (null: any event). */
    public Handle onMethod(String method, String event, Handler h) {
        String key = method + "|" + (event == null ? "" : event);
        methods.put(key, h);
        return () -> methods.remove(key, h);
    }

    /** Dispatches a request event; call on the loop. */
    public void dispatch(RequestEvent event) {
        Request req = event.getRequest();
        if (Request.ACK.equals(req.getMethod())) {
            return;
        }
        ServerTransaction st = event.getServerTransaction();
        if (st == null) {
            try {
                st = provider.getNewServerTransaction(req);
            } catch (Exception e) {
                LOG.debug("no server transaction for {} (retransmission?): {}", req.getMethod(), e.toString());
                return;
            }
        }
        IncomingRequest in = new IncomingRequest(req, st, messages);
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        String toTag = ((ToHeader) req.getHeader(ToHeader.NAME)).getTag();
        EventHeader ev = (EventHeader) req.getHeader(EventHeader.NAME);
        String pkg = ev == null ? "" : ev.getEventType();
        Handler h = toTag == null ? null : dialogs.get(callId + "|" + toTag);
        if (h == null) {
            h = methods.get(req.getMethod() + "|" + pkg);
        }
        if (h == null) {
            h = methods.get(req.getMethod() + "|");
        }
        if (h != null) {
            try {
                h.handle(in);
            } catch (RuntimeException e) {
                LOG.warn("handler for {} failed", req.getMethod(), e);
                in.respond(Response.SERVER_INTERNAL_ERROR);
            }
            return;
        }
        refuse(in, req.getMethod());
    }

    private void refuse(IncomingRequest in, String method) {
        if (Request.NOTIFY.equals(method)) {
            in.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        boolean methodKnown = methods.keySet().stream().anyMatch(k -> k.startsWith(method + "|"));
        if (methodKnown || Request.SUBSCRIBE.equals(method)) {
            // RFC 6665, section 8.3.2: 489 Bad Event names the packages we do accept
            Response r = in.createResponse(Response.BAD_EVENT);
            Set<String> packages = new TreeSet<>();
            methods.keySet().stream().filter(k -> k.startsWith(method + "|") && k.length() > method.length() + 1)
                    .forEach(k -> packages.add(k.substring(method.length() + 1)));
            try {
                for (String p : packages) {
                    r.addHeader(headers.createAllowEventsHeader(p));
                }
            } catch (java.text.ParseException e) {
                LOG.debug("cannot list Allow-Events: {}", e.toString());
            }
            in.respond(r);
            return;
        }
        if (STANDARD.contains(method)) {
            try {
                Response r = messages.createResponse(Response.METHOD_NOT_ALLOWED, in.request());
                Set<String> allowed = new TreeSet<>();
                methods.keySet().forEach(k -> allowed.add(k.substring(0, k.indexOf('|'))));
                if (!dialogs.isEmpty()) {
                    allowed.add(Request.NOTIFY);
                }
                for (String m : allowed) {
                    r.addHeader((AllowHeader) headers.createAllowHeader(m));
                }
                in.respond(r);
            } catch (Exception e) {
                in.respond(Response.METHOD_NOT_ALLOWED);
            }
            return;
        }
        in.respond(Response.NOT_IMPLEMENTED);
    }
}
