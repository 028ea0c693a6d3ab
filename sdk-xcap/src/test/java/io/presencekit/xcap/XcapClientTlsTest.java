package io.presencekit.xcap;

import static io.presencekit.xcap.Futures.await;
import static io.presencekit.xcap.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.testing.XcapTestServer;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * Certificate and host name verification over HTTPS (RFC 2818), with self-signed certificates made
 * at test time: the reference client skips both; this one verifies both unless told otherwise.
 */
class XcapClientTlsTest {
    private static final String DOC = "<?xml version=\"1.0\"?><xcap-caps xmlns=\"urn:ietf:params:xml:ns:xcap-caps\"/>";

    private static XcapTestServer serverWith(TestCertificates.Identity identity) throws Exception {
        XcapTestServer server = XcapTestServer.startTls(XcapTestServer.Flavor.RFC, identity.serverContext());
        server.store("xcap-caps/global/index", "application/xcap-caps+xml", DOC);
        return server;
    }

    private static XcapUri caps(XcapClient client) {
        return client.uri().auid("xcap-caps").global().document("index").build();
    }

    @Test
    void aSelfSignedCertificateIsNotTrustedByDefault() throws Exception {
        try (XcapTestServer server = serverWith(TestCertificates.loopback());
                XcapClient client = XcapClient.builder(server.root()).build()) {
            XcapTransportException e = failure(client.get(caps(client)), XcapTransportException.class);
            assertEquals(0, e.status());
            assertInstanceOf(SSLException.class, e.getCause());
            assertTrue(e.getMessage().contains("TLS with 127.0.0.1"), e.getMessage());
            assertTrue(server.requests().isEmpty(), "nothing reached the server");
        }
    }

    @Test
    void aCertificateInTheGivenTrustStoreIsAccepted() throws Exception {
        TestCertificates.Identity identity = TestCertificates.loopback();
        try (XcapTestServer server = serverWith(identity);
                XcapClient client = XcapClient.builder(server.root()).trustStore(identity.trustStore()).build()) {
            XcapResponse r = await(client.get(caps(client)));
            assertEquals(200, r.status());
            assertEquals(DOC, r.bodyAsString());
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        TestCertificates.Identity identity = TestCertificates.otherHost();
        try (XcapTestServer server = serverWith(identity);
                XcapClient client = XcapClient.builder(server.root()).trustStore(identity.trustStore()).build()) {
            XcapTransportException e = failure(client.get(caps(client)), XcapTransportException.class);
            assertInstanceOf(SSLException.class, e.getCause());
            assertTrue(server.requests().isEmpty(), "nothing reached the server");
        }
    }

    @Test
    void hostNameVerificationCanBeTurnedOffExplicitly() throws Exception {
        TestCertificates.Identity identity = TestCertificates.otherHost();
        try (XcapTestServer server = serverWith(identity);
                XcapClient client = XcapClient.builder(server.root()).trustStore(identity.trustStore())
                        .hostnameVerification(false).build()) {
            assertEquals(200, await(client.get(caps(client))).status());
        }
    }

    @Test
    void turningHostNameVerificationOffStillVerifiesTheCertificate() throws Exception {
        try (XcapTestServer server = serverWith(TestCertificates.otherHost());
                XcapClient client = XcapClient.builder(server.root()).hostnameVerification(false).build()) {
            XcapTransportException e = failure(client.get(caps(client)), XcapTransportException.class);
            assertInstanceOf(SSLException.class, e.getCause());
        }
    }

    @Test
    void digestAuthenticationWorksOverTls() throws Exception {
        TestCertificates.Identity identity = TestCertificates.loopback();
        try (XcapTestServer server = serverWith(identity).requireDigest("example.com", "alice", "s3cret");
                XcapClient client = XcapClient.builder(server.root()).trustStore(identity.trustStore())
                        .credentials("alice", "s3cret".toCharArray()).build()) {
            assertEquals(200, await(client.get(caps(client))).status());
            assertEquals(200, await(client.get(caps(client))).status());
            assertEquals(1, server.challenges());
        }
    }
}
