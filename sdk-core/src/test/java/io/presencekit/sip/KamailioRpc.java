package io.presencekit.sip;

import io.presencekit.testing.Interop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads Kamailio's user location over JSON-RPC ({@code ul.dump}); see interop/kamailio/NOTES.md. */
final class KamailioRpc {
    private KamailioRpc() {
    }

    /** The raw {@code ul.dump} answer: every binding of every AoR. */
    static String userLocations(Interop.Server server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + server.sip().getHostString() + ":" + server.sip().getPort() + "/RPC"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"ul.dump\",\"id\":1}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
