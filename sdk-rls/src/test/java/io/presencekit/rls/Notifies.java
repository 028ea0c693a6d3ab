package io.presencekit.rls;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds list NOTIFY bodies through the public API, as a notifier would. Not thread-safe. */
final class Notifies {
    static final String LIST = "sip:alice-buddies@example.com";

    private final RlmiList.Builder list;
    private final Map<String, byte[]> pidfParts = new LinkedHashMap<>();
    private final List<MimePart> extraParts = new ArrayList<>();
    private int cid;

    private Notifies(long version, boolean full) {
        this.list = RlmiList.builder(LIST, version, full);
    }

    static Notifies full(long version) {
        return new Notifies(version, true);
    }

    static Notifies partial(long version) {
        return new Notifies(version, false);
    }

    static String uri(int i) {
        return "sip:user" + i + "@example.com";
    }

    static byte[] pidf(String uri, boolean open, String note) {
        Tuple.Builder t = Tuple.builder("t-" + Math.abs(uri.hashCode()))
                .status(Status.builder().basic(open ? Basic.OPEN : Basic.CLOSED).build()).contact(uri);
        if (note != null) {
            t.note(note);
        }
        return PidfCodec.standard().write(PresenceDocument.builder(uri).tuple(t.build()).build());
    }

    /** A resource without instance (Kamailio's first NOTIFY, or a member pending on its back end). */
    Notifies bare(String uri, String name) {
        list.resource(Resource.builder(uri).name(name).build());
        return this;
    }

    /** A resource with one active instance and its PIDF part. */
    Notifies active(String uri, String instanceId, boolean open, String note) {
        String id = "c" + (++cid) + "@example.com";
        list.resource(Resource.builder(uri).name("Name of " + uri)
                .instance(Instance.builder(instanceId, Instance.State.ACTIVE).cid(id).build()).build());
        pidfParts.put(id, pidf(uri, open, note));
        return this;
    }

    /** A resource with one instance in {@code state} and no part. */
    Notifies state(String uri, String instanceId, Instance.State state, String reason) {
        list.resource(Resource.builder(uri).name("Name of " + uri)
                .instance(Instance.builder(instanceId, state).reason(reason).build()).build());
        return this;
    }

    /** A resource whose instance points to {@code part} (given its Content-ID). */
    Notifies withPart(String uri, String instanceId, MimePart part) {
        list.resource(Resource.builder(uri)
                .instance(Instance.builder(instanceId, Instance.State.ACTIVE).cid(part.contentId().orElseThrow())
                        .build()).build());
        extraParts.add(part);
        return this;
    }

    RlmiList rlmi() {
        return list.build();
    }

    Multipart multipart() {
        Multipart.Builder m = Multipart.related(RlmiCodec.CONTENT_TYPE).start("root@example.com")
                .part(MimePart.builder().contentType("application/rlmi+xml;charset=\"UTF-8\"")
                        .contentId("root@example.com").header("Content-Transfer-Encoding", "binary")
                        .body(RlmiCodec.standard().write(list.build())).build());
        pidfParts.forEach((id, body) -> m.part(MimePart.builder().contentType("application/pidf+xml")
                .contentId(id).header("Content-Transfer-Encoding", "binary").body(body).build()));
        extraParts.forEach(m::part);
        return m.build();
    }

    ListNotification decode() {
        Multipart m = multipart();
        return NotificationDecoder.standard().decode(m.contentType().toString(), MultipartCodec.standard().write(m));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
