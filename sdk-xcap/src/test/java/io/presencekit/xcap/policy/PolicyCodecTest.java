package io.presencekit.xcap.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.ParseWarning;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class PolicyCodecTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Ruleset roundTrip(Ruleset doc) {
        byte[] written = PolicyCodec.standard().write(doc);
        Ruleset again = PolicyCodec.standard().read(written);
        assertEquals(doc, again, () -> text(written));
        return again;
    }

    @Test
    void readsCommonPolicyConditionsTyped() {
        Ruleset doc = PolicyCodec.strict().read(bytes("""
                <ruleset xmlns="urn:ietf:params:xml:ns:common-policy">
                  <rule id="r1">
                    <conditions>
                      <sphere value="home work"/>
                      <identity>
                        <one id="sip:alice@example.com"/>
                        <many domain="example.org">
                          <except id="sip:mallory@example.org"/>
                          <except domain="bad.example.org"/>
                        </many>
                      </identity>
                      <validity>
                        <from>2003-12-24T17:00:00+01:00</from><until>2003-12-24T19:00:00+01:00</until>
                        <from>2004-12-24T17:00:00.000Z</from><until>2004-12-24T19:00:00Z</until>
                      </validity>
                    </conditions>
                    <actions/>
                    <transformations/>
                  </rule>
                </ruleset>
                """));
        Rule rule = doc.rule("r1").orElseThrow();
        Conditions c = rule.conditions().orElseThrow();
        assertEquals(List.of("home", "work"), c.sphere().orElseThrow().values());
        Identity identity = c.identity().orElseThrow();
        assertEquals(List.of("sip:alice@example.com"), identity.uris());
        Many many = identity.manies().get(0);
        assertEquals("example.org", many.domainValue().orElseThrow());
        assertEquals(List.of(Except.identity("sip:mallory@example.org"), Except.domainOf("bad.example.org")),
                many.excepts());
        Validity validity = c.validity().orElseThrow();
        assertEquals(2, validity.intervals().size());
        assertEquals(OffsetDateTime.parse("2003-12-24T17:00:00+01:00"), validity.intervals().get(0).from());
        assertTrue(validity.isValidAt(Instant.parse("2003-12-24T16:30:00Z")));
        assertFalse(validity.isValidAt(Instant.parse("2003-12-24T18:00:00Z")));
        assertTrue(rule.actions().orElseThrow().isEmpty());
        assertTrue(rule.subHandling().isEmpty());
        roundTrip(doc);
    }

    @Test
    void readsEveryPresRulesTransformationTyped() {
        Ruleset doc = PolicyCodec.strict().read(bytes("""
                <cr:ruleset xmlns="urn:ietf:params:xml:ns:pres-rules"
                    xmlns:cr="urn:ietf:params:xml:ns:common-policy" xmlns:op="urn:oma:xml:prs:pres-rules">
                  <cr:rule id="a">
                    <cr:actions><sub-handling>polite-block</sub-handling></cr:actions>
                    <cr:transformations>
                      <provide-services>
                        <service-uri>sip:alice@example.com;gr=x</service-uri>
                        <service-uri-scheme>sip</service-uri-scheme>
                        <occurrence-id>t1</occurrence-id>
                        <class>work</class>
                      </provide-services>
                      <provide-devices><deviceID>urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6</deviceID></provide-devices>
                      <provide-persons><all-persons/></provide-persons>
                      <provide-activities>true</provide-activities>
                      <provide-class>false</provide-class>
                      <provide-deviceID>1</provide-deviceID>
                      <provide-mood>true</provide-mood>
                      <provide-place-is>true</provide-place-is>
                      <provide-place-type>true</provide-place-type>
                      <provide-privacy>true</provide-privacy>
                      <provide-relationship>true</provide-relationship>
                      <provide-status-icon>true</provide-status-icon>
                      <provide-sphere>true</provide-sphere>
                      <provide-time-offset>true</provide-time-offset>
                      <provide-note>0</provide-note>
                      <provide-user-input>thresholds</provide-user-input>
                      <provide-unknown-attribute ns="urn:example:vendor" name="foo">true</provide-unknown-attribute>
                      <provide-all-attributes/>
                      <op:provide-willingness>true</op:provide-willingness>
                      <op:provide-geopriv>full</op:provide-geopriv>
                    </cr:transformations>
                  </cr:rule>
                </cr:ruleset>
                """));
        Rule rule = doc.rules().get(0);
        assertEquals(SubHandling.POLITE_BLOCK, rule.subHandling().orElseThrow());
        Transformations t = rule.transformations().orElseThrow();
        ProvideComponents services = t.provide(ProvideComponents.Component.SERVICES).orElseThrow();
        assertFalse(services.all());
        assertEquals(List.of("sip:alice@example.com;gr=x"), services.values(ComponentFilter.Kind.SERVICE_URI));
        assertEquals(List.of("sip"), services.values(ComponentFilter.Kind.SERVICE_URI_SCHEME));
        assertEquals(List.of("t1"), services.values(ComponentFilter.Kind.OCCURRENCE_ID));
        assertEquals(List.of("work"), services.values(ComponentFilter.Kind.CLASS));
        assertEquals(List.of("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"),
                t.provide(ProvideComponents.Component.DEVICES).orElseThrow().values(ComponentFilter.Kind.DEVICE_ID));
        assertTrue(t.provide(ProvideComponents.Component.PERSONS).orElseThrow().all());
        for (BooleanPermission.Kind k : List.of(BooleanPermission.Kind.ACTIVITIES, BooleanPermission.Kind.DEVICE_ID,
                BooleanPermission.Kind.MOOD, BooleanPermission.Kind.PLACE_IS, BooleanPermission.Kind.PLACE_TYPE,
                BooleanPermission.Kind.PRIVACY, BooleanPermission.Kind.RELATIONSHIP, BooleanPermission.Kind.STATUS_ICON,
                BooleanPermission.Kind.SPHERE, BooleanPermission.Kind.TIME_OFFSET, BooleanPermission.Kind.WILLINGNESS)) {
            assertEquals(true, t.permission(k).orElseThrow(), k.toString());
        }
        assertEquals(false, t.permission(BooleanPermission.Kind.CLASS).orElseThrow());
        assertEquals(false, t.permission(BooleanPermission.Kind.NOTE).orElseThrow());
        assertTrue(t.permission(BooleanPermission.Kind.BARRING_STATE).isEmpty());
        assertEquals(ProvideUserInput.THRESHOLDS, t.provideUserInput().orElseThrow());
        assertEquals(new ProvideUnknownAttribute("urn:example:vendor", "foo", true), t.unknownAttributes().get(0));
        assertTrue(t.providesAllAttributes());
        assertEquals(ProvideGeopriv.FULL, t.item(ProvideGeopriv.class).orElseThrow());
        assertTrue(t.items().stream().noneMatch(GenericElement.class::isInstance));
        Ruleset again = roundTrip(doc);
        String xml = text(PolicyCodec.standard().write(again));
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ruleset xmlns=\""
                + XcapNamespaces.COMMON_POLICY + "\" xmlns:pr=\"" + XcapNamespaces.PRES_RULES + "\" xmlns:opr=\""
                + XcapNamespaces.OMA_PRES_RULES + "\">"), xml);
    }

    /** The rules python-sipsimple keeps in Blink's OMA pres-rules document. */
    static final String BLINK = """
            <?xml version='1.0' encoding='UTF-8'?>
            <cp:ruleset xmlns:cp="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules" \
            xmlns:ocp="urn:oma:xml:xdm:common-policy">
              <cp:rule id="wp_prs_grantedcontacts">
                <cp:conditions>
                  <ocp:external-list>
                    <ocp:entry anc="https://xcap.example.com/xcap-root/resource-lists/users/sip:bob@example.com/index/~~/resource-lists/list%5B@name=%22oma_grantedcontacts%22%5D"/>
                  </ocp:external-list>
                </cp:conditions>
                <cp:actions><pr:sub-handling>allow</pr:sub-handling></cp:actions>
              </cp:rule>
              <cp:rule id="wp_prs_blockedcontacts">
                <cp:conditions>
                  <ocp:external-list>
                    <ocp:entry anc="https://xcap.example.com/xcap-root/resource-lists/users/sip:bob@example.com/index/~~/resource-lists/list%5B@name=%22oma_blockedcontacts%22%5D"/>
                  </ocp:external-list>
                </cp:conditions>
                <cp:actions><pr:sub-handling>polite-block</pr:sub-handling></cp:actions>
              </cp:rule>
              <cp:rule id="wp_prs_unlisted">
                <cp:conditions><ocp:other-identity/></cp:conditions>
                <cp:actions><pr:sub-handling>confirm</pr:sub-handling></cp:actions>
              </cp:rule>
              <cp:rule id="wp_prs_block_anonymous">
                <cp:conditions><ocp:anonymous-request/></cp:conditions>
                <cp:actions><pr:sub-handling>block</pr:sub-handling></cp:actions>
              </cp:rule>
              <cp:rule id="wp_prs_allow_own">
                <cp:conditions><cp:identity><cp:one id="sip:bob@example.com"/></cp:identity></cp:conditions>
                <cp:actions><pr:sub-handling>allow</pr:sub-handling></cp:actions>
              </cp:rule>
            </cp:ruleset>
            """;

    @Test
    void readsBlinksOmaRulesTyped() {
        Ruleset doc = PolicyCodec.strict().read(bytes(BLINK));
        assertEquals(List.of("wp_prs_grantedcontacts", "wp_prs_blockedcontacts", "wp_prs_unlisted",
                "wp_prs_block_anonymous", "wp_prs_allow_own"), doc.rules().stream().map(Rule::id).toList());
        Rule granted = doc.rule("wp_prs_grantedcontacts").orElseThrow();
        assertTrue(granted.conditions().orElseThrow().externalList().orElseThrow().anchors().get(0)
                .endsWith("%22oma_grantedcontacts%22%5D"));
        assertEquals(SubHandling.ALLOW, granted.subHandling().orElseThrow());
        assertTrue(doc.rule("wp_prs_unlisted").orElseThrow().conditions().orElseThrow().hasOtherIdentity());
        assertTrue(doc.rule("wp_prs_block_anonymous").orElseThrow().conditions().orElseThrow().hasAnonymousRequest());
        assertEquals(List.of("sip:bob@example.com"),
                doc.rule("wp_prs_allow_own").orElseThrow().conditions().orElseThrow().identity().orElseThrow().uris());
        String xml = text(PolicyCodec.standard().write(roundTrip(doc)));
        assertTrue(xml.contains("<ocp:external-list><ocp:entry anc=\"https://"), xml);
    }

    @Test
    void keepsAnotherClientsRulesConditionsAndTransformations() {
        Ruleset doc = PolicyCodec.strict().read(bytes("""
                <ruleset xmlns="urn:ietf:params:xml:ns:common-policy"
                    xmlns:pr="urn:ietf:params:xml:ns:pres-rules" xmlns:geo="urn:example:geo-policy">
                  <rule id="foreign">
                    <conditions>
                      <geo:within radius="10km">home</geo:within>
                      <identity><one id="sip:carol@example.com"><geo:tag>family</geo:tag></one></identity>
                    </conditions>
                    <actions><geo:log level="info"/><pr:sub-handling>allow</pr:sub-handling></actions>
                    <transformations><geo:set-retention-policy>30</geo:set-retention-policy></transformations>
                  </rule>
                </ruleset>
                """));
        assertTrue(doc.warnings().isEmpty());
        Rule rule = doc.rules().get(0);
        assertEquals(List.of("within", "identity"),
                rule.conditions().orElseThrow().items().stream().map(i -> i.qname().getLocalPart()).toList());
        assertInstanceOf(GenericElement.class, rule.conditions().orElseThrow().items().get(0));
        One carol = rule.conditions().orElseThrow().identity().orElseThrow().ones().get(0);
        assertEquals("family", ((GenericElement) carol.extras().children().get(0)).text());
        assertEquals(SubHandling.ALLOW, rule.subHandling().orElseThrow());
        assertEquals(2, rule.actions().orElseThrow().items().size());

        // replacing the sub-handling keeps the other action and everything else
        Rule changed = rule.toBuilder().subHandling(SubHandling.BLOCK).build();
        Ruleset again = roundTrip(doc.toBuilder().putRule(changed).build());
        Rule reread = again.rules().get(0);
        assertEquals(SubHandling.BLOCK, reread.subHandling().orElseThrow());
        assertEquals(rule.conditions(), reread.conditions());
        assertEquals(rule.transformations(), reread.transformations());
        assertEquals(2, reread.actions().orElseThrow().items().size());
    }

    @Test
    void anElementInARuleIsASlipKeptInPlace() {
        String xml = """
                <ruleset xmlns="urn:ietf:params:xml:ns:common-policy"
                    xmlns:agp-cp="urn:ag-projects:xml:ns:common-policy">
                  <rule id="r"><conditions><agp-cp:false-condition/></conditions>
                    <agp-cp:display-name xml:lang="en">Parked</agp-cp:display-name></rule>
                </ruleset>
                """;
        Ruleset doc = PolicyCodec.standard().read(bytes(xml));
        assertEquals(1, doc.warnings().size());
        Rule rule = doc.rules().get(0);
        assertEquals(FalseCondition.INSTANCE, rule.conditions().orElseThrow().items().get(0));
        assertEquals(new QName(XcapNamespaces.AGP_COMMON_POLICY, "display-name"),
                rule.extras().children().get(0).qname());
        roundTrip(doc);
        assertEquals(Reason.SCHEMA,
                assertThrows(DocumentParseException.class, () -> PolicyCodec.strict().read(bytes(xml))).reason());
    }

    @Test
    void aSubHandlingThatIsNoneOfTheValuesIsKeptGeneric() {
        String xml = """
                <ruleset xmlns="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules">
                  <rule id="r"><actions><pr:sub-handling>maybe</pr:sub-handling></actions></rule>
                </ruleset>
                """;
        Ruleset doc = PolicyCodec.standard().read(bytes(xml));
        assertTrue(doc.rules().get(0).subHandling().isEmpty());
        GenericElement kept = assertInstanceOf(GenericElement.class, doc.rules().get(0).actions().orElseThrow()
                .items().get(0));
        assertEquals("maybe", kept.text());
        assertEquals(ParseWarning.Kind.KEPT_UNREAD, doc.warnings().get(0).kind());
        roundTrip(doc);
        assertThrows(DocumentParseException.class, () -> PolicyCodec.strict().read(bytes(xml)));
    }

    @Test
    void buildsRulesKamailioReads() {
        Ruleset doc = Ruleset.of(
                Rule.builder("block").conditions(Identity.ofUris("sip:mallory@example.com"))
                        .subHandling(SubHandling.BLOCK).build(),
                Rule.builder("allow").conditions(Identity.ofUris("sip:alice@example.com").withUri("sip:carol@example.com"))
                        .subHandling(SubHandling.ALLOW)
                        .transformations(ProvideComponents.allServices(), ProvideComponents.allPersons(),
                                ProvideComponents.allDevices(), ProvideAllAttributes.INSTANCE).build(),
                Rule.builder("default").conditions(Identity.of(Many.any())).subHandling(SubHandling.CONFIRM).build());
        String xml = text(PolicyCodec.standard().write(doc));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ruleset xmlns="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules">\
                <rule id="block"><conditions><identity><one id="sip:mallory@example.com"/></identity></conditions>\
                <actions><pr:sub-handling>block</pr:sub-handling></actions></rule>\
                <rule id="allow"><conditions><identity><one id="sip:alice@example.com"/><one id="sip:carol@example.com"/>\
                </identity></conditions><actions><pr:sub-handling>allow</pr:sub-handling></actions><transformations>\
                <pr:provide-services><pr:all-services/></pr:provide-services><pr:provide-persons><pr:all-persons/>\
                </pr:provide-persons><pr:provide-devices><pr:all-devices/></pr:provide-devices><pr:provide-all-attributes/>\
                </transformations></rule>\
                <rule id="default"><conditions><identity><many/></identity></conditions>\
                <actions><pr:sub-handling>confirm</pr:sub-handling></actions></rule></ruleset>""", xml);
        assertEquals(doc, PolicyCodec.strict().read(bytes(xml)));
    }

    @Test
    void subHandlingCombinesTowardsTheMostPermissive() {
        assertTrue(SubHandling.ALLOW.permissiveness() > SubHandling.POLITE_BLOCK.permissiveness());
        assertTrue(SubHandling.POLITE_BLOCK.permissiveness() > SubHandling.CONFIRM.permissiveness());
        assertTrue(SubHandling.CONFIRM.permissiveness() > SubHandling.BLOCK.permissiveness());
        assertEquals(SubHandling.POLITE_BLOCK, SubHandling.fromToken(" polite-block "));
    }
}
