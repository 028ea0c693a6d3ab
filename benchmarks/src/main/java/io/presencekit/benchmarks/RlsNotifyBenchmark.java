package io.presencekit.benchmarks;

import com.ctc.wstx.stax.WstxInputFactory;
import io.presencekit.pidf.Basic;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.pidf.agp.ExtendedStatus;
import io.presencekit.rls.Instance;
import io.presencekit.rls.ListNotification;
import io.presencekit.rls.ListState;
import io.presencekit.rls.ListUpdate;
import io.presencekit.rls.MimePart;
import io.presencekit.rls.Multipart;
import io.presencekit.rls.MultipartCodec;
import io.presencekit.rls.Name;
import io.presencekit.rls.NotificationDecoder;
import io.presencekit.rls.PartContent;
import io.presencekit.rls.Resource;
import io.presencekit.rls.RlmiCodec;
import io.presencekit.rls.RlmiList;
import io.presencekit.xml.ParseWarning;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A full-state resource-list NOTIFY of 1,000 members (RFC 4662: a {@code multipart/related} body
 * with an RLMI root and 1,000 PIDF parts, about the size a Kamailio list server sends) decoded and
 * reconciled into a fresh {@link ListState}, against a floor that splits the same body with the
 * same byte-level splitter and scans every part with Woodstox, touching every event and building
 * nothing.
 *
 * <p>The body is generated once per trial through the public API, as a notifier would write it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RlsNotifyBenchmark {
    static final String LIST = "sip:alice-buddies@example.com";
    static final int MEMBERS = 1_000;

    /** list1000: 1,000 members, one active instance and one PIDF part each. */
    @Param({"list1000"})
    public String doc;

    private String contentType;
    private byte[] body;
    private XMLInputFactory woodstox;
    private ListNotification decoded;

    @Setup(Level.Trial)
    public void setUp() {
        Multipart m = generate();
        contentType = m.contentType().toString();
        body = MultipartCodec.standard().write(m);

        woodstox = new WstxInputFactory();
        woodstox.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        woodstox.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        woodstox.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);

        ListNotification n = NotificationDecoder.standard().decode(contentType, body);
        check("resources", MEMBERS, n.resources().size());
        check("warnings", 0, n.warnings().size());
        for (ListNotification.ResourceNotification r : n.resources()) {
            PartContent c = r.instances().get(0).content();
            if (!(c instanceof PartContent.Presence p)) {
                throw new IllegalStateException("not a presence document: " + c);
            }
            for (ParseWarning w : p.document().warnings()) {
                throw new IllegalStateException("PIDF part read with a warning: " + w);
            }
        }
        decoded = n;
        ListState state = ListState.forList(LIST);
        ListUpdate u = state.apply(n);
        check("added", MEMBERS, u.added().size());
        check("state size", MEMBERS, state.size());
        check("parts scanned", MEMBERS + 1, scanAll(null));
        System.out.println("\nNOTIFY body: " + body.length + " bytes, " + (MEMBERS + 1) + " parts");
    }

    /** The NOTIFY body: RLMI root, then one Blink-like PIDF part per member. */
    static Multipart generate() {
        RlmiList.Builder list = RlmiList.builder(LIST, 1, true).name(Name.of("Buddies", "en"));
        Multipart.Builder m = Multipart.related(RlmiCodec.CONTENT_TYPE).boundary("Wq8tZ3vLr1bXk0PcN5yH")
                .start("rlmi-root@example.com");
        MimePart[] parts = new MimePart[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
            String uri = "sip:member" + i + "@example.com";
            String cid = "p" + i + "x7Kq@example.com";
            list.resource(Resource.builder(uri).name("Member " + i)
                    .instance(Instance.builder("Scf8UhwQ", Instance.State.ACTIVE).cid(cid).build()).build());
            PresenceDocument pidf = PresenceDocument.builder(uri)
                    .tuple(Tuple.builder("SID-" + i)
                            .status(Status.builder().basic(i % 3 == 0 ? Basic.CLOSED : Basic.OPEN)
                                    .extension(ExtendedStatus.of(i % 2 == 0 ? ExtendedStatus.Value.AVAILABLE
                                            : ExtendedStatus.Value.AWAY)).build())
                            .contact(uri).note("Note of member " + i).build())
                    .build();
            parts[i] = MimePart.builder().contentType("application/pidf+xml").contentId(cid)
                    .header("Content-Transfer-Encoding", "binary").body(PidfCodec.standard().write(pidf)).build();
        }
        m.part(MimePart.builder().contentType("application/rlmi+xml;charset=\"UTF-8\"")
                .contentId("rlmi-root@example.com").header("Content-Transfer-Encoding", "binary")
                .body(RlmiCodec.standard().write(list.build())).build());
        for (MimePart p : parts) {
            m.part(p);
        }
        return m.build();
    }

    private static void check(String what, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    /**
     * The floor: the same byte-level split, then every part scanned with Woodstox, every event,
     * name, namespace, attribute and text run read; nothing built.
     */
    @Benchmark
    public void floorWoodstoxScan(Blackhole bh) {
        bh.consume(scanAll(bh));
    }

    private int scanAll(Blackhole bh) {
        Multipart m = MultipartCodec.standard().read(contentType, body);
        int n = 0;
        for (MimePart p : m.parts()) {
            p.read((data, offset, length) -> {
                scan(data, offset, length, bh);
                return null;
            });
            n++;
        }
        return n;
    }

    private void scan(byte[] data, int offset, int length, Blackhole bh) {
        try {
            XMLStreamReader r = woodstox.createXMLStreamReader(new ByteArrayInputStream(data, offset, length));
            try {
                while (r.hasNext()) {
                    int e = r.next();
                    if (bh == null) {
                        continue; // setup: only checks that every part scans
                    }
                    switch (e) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            bh.consume(r.getLocalName());
                            bh.consume(r.getNamespaceURI());
                            for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                                bh.consume(r.getAttributeLocalName(i));
                                bh.consume(r.getAttributeNamespace(i));
                                bh.consume(r.getAttributeValue(i));
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> bh.consume(r.getLocalName());
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                            bh.consume(r.getTextCharacters());
                            bh.consume(r.getTextStart());
                            bh.consume(r.getTextLength());
                        }
                        default -> bh.consume(e);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** PresenceKit: the body to a {@link ListNotification} (RLMI and 1,000 PIDF models). */
    @Benchmark
    public void presencekitDecode(Blackhole bh) {
        bh.consume(NotificationDecoder.standard().decode(contentType, body));
    }

    /** PresenceKit: decode, then reconcile into a fresh list state (1,000 resources added). */
    @Benchmark
    public void presencekitDecodeAndReconcile(Blackhole bh) {
        ListState state = ListState.forList(LIST);
        bh.consume(state.apply(NotificationDecoder.standard().decode(contentType, body)));
        bh.consume(state);
    }

    /** Reconciliation alone: the notification decoded in setup applied to a fresh list state. */
    @Benchmark
    public void reconcileOnly(Blackhole bh) {
        ListState state = ListState.forList(LIST);
        bh.consume(state.apply(decoded));
        bh.consume(state);
    }
}
