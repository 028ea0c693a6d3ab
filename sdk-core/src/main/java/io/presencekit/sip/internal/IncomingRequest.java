package io.presencekit.sip.internal;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request from the network, handed to an {@link IncomingRequestRouter.Handler} on the event
 * loop, with its server transaction. Respond exactly once. Confined to the event loop.
 */
public final class IncomingRequest {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingRequest.class);

    private final Request request;
    private final ServerTransaction transaction;
    private final MessageFactory messages;
    private boolean answered;

    IncomingRequest(Request request, ServerTransaction transaction, MessageFactory messages) {
        this.request = request;
        this.transaction = transaction;
        this.messages = messages;
    }

    public Request request() {
        return request;
    }

    public ServerTransaction transaction() {
        return transaction;
    }

    /** The dialog the request belongs to, or null. */
    public Dialog dialog() {
        return transaction.getDialog();
    }

    /** A response to fill in and pass to {@link #respond(Response)}. */
    public Response createResponse(int status) {
        try {
            return messages.createResponse(status, request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers with a bare {@code status}. */
    public void respond(int status) {
        respond(createResponse(status));
    }

    /** Answers with {@code response}; a second answer is ignored. */
    public void respond(Response response) {
        if (answered) {
            return;
        }
        answered = true;
        try {
            transaction.sendResponse(response);
        } catch (Exception e) {
            LOG.debug("cannot answer {}: {}", request.getMethod(), e.toString());
        }
    }

    /** Whether a response was sent. */
    public boolean answered() {
        return answered;
    }
}
