package io.presencekit.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.presencekit.pidf.agp.ExtendedStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code of the README's "Reading and writing presence" section, kept compiling and true. */
class ReadmeExampleTest {
    @Test
    void readmeExampleWorks() {
        PidfCodec codec = PidfCodec.standard();
        byte[] body = codec.write(PresenceDocument.builder("sip:bob@example.com")
                .tuple(Tuple.builder("SID-1")
                        .status(Status.builder().basic(Basic.OPEN)
                                .extension(ExtendedStatus.of(ExtendedStatus.Value.AWAY)).build())
                        .contact("sip:bob@example.com").note("Back at two").build())
                .build());
        PresenceDocument doc = codec.read(body);
        ContactPresence bob = ContactPresence.of("sip:bob@example.com", doc);
        assertEquals(SummaryStatus.AWAY, bob.summary());
        assertEquals(Optional.of("Back at two"), bob.note("en"));
    }
}
