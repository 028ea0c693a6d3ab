package io.presencekit.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the registrar granted (RFC 3261, section 10.3; RFC 5627, section 5): the bound contact,
 * its lifetime and the GRUUs it assigned.
 *
 * <p>Immutable and thread-safe.
 *
 * @param contact  the contact URI we registered
 * @param expires  the lifetime the registrar granted for that contact
 * @param granted  when the 2xx arrived, by the engine's clock
 * @param pubGruu  the public GRUU, or null when the registrar gave none
 * @param tempGruu the temporary GRUU, or null when the registrar gave none
 */
public record RegistrationInfo(String contact, Duration expires, Instant granted, String pubGruu,
        String tempGruu) {

    /** The public GRUU ({@code pub-gruu}), when the registrar supports RFC 5627. */
    public Optional<String> publicGruu() {
        return Optional.ofNullable(pubGruu);
    }

    /** The temporary GRUU ({@code temp-gruu}), when the registrar supports RFC 5627. */
    public Optional<String> temporaryGruu() {
        return Optional.ofNullable(tempGruu);
    }
}
