package io.presencekit.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DigestAuthenticatorTest {

    @Test
    void md5ResponseMatchesRfc2617Example() {
        // RFC 2617, section 3.5
        assertEquals("6629fae49393a05397450978507c4ef1", DigestAuthenticator.response("MD5", "Mufasa",
                "testrealm@host.com", "Circle Of Life".toCharArray(), "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth"));
    }

    @Test
    void sha256ResponseUsesSha256ForBothHashes() {
        // the RFC 2617 example's inputs with SHA-256 (RFC 7616, section 3.4.1), computed independently
        assertEquals("5abdd07184ba512a22c53f41470e5eea7dcaa3a93a59b630c13dfe0a5dc6e38b",
                DigestAuthenticator.response("SHA-256", "Mufasa", "testrealm@host.com",
                        "Circle Of Life".toCharArray(), "GET", "/dir/index.html",
                        "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth"));
    }
}
