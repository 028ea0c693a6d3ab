package io.presencekit.xcap.usage;

/**
 * Namespace URIs of the XCAP application usages and of the extensions found in them in the wild.
 * Constants only.
 */
public final class XcapNamespaces {
    /** RFC 4826, section 3: resource lists ({@code rl}). */
    public static final String RESOURCE_LISTS = "urn:ietf:params:xml:ns:resource-lists";
    /** RFC 4826, section 4: RLS services. */
    public static final String RLS_SERVICES = "urn:ietf:params:xml:ns:rls-services";
    /** RFC 4745: common policy ({@code cp}). */
    public static final String COMMON_POLICY = "urn:ietf:params:xml:ns:common-policy";
    /** RFC 5025: presence authorization rules ({@code pr}). */
    public static final String PRES_RULES = "urn:ietf:params:xml:ns:pres-rules";
    /** OMA XDM common policy extensions ({@code ocp}): external-list, other-identity, anonymous-request. */
    public static final String OMA_COMMON_POLICY = "urn:oma:xml:xdm:common-policy";
    /** OMA Presence SIMPLE pres-rules extensions ({@code opr}): provide-willingness and others. */
    public static final String OMA_PRES_RULES = "urn:oma:xml:prs:pres-rules";
    /** OMA Presence Content XDM: pres-content documents (status icons). */
    public static final String OMA_PRES_CONTENT = "urn:oma:xml:prs:pres-content";
    /** OMA XDM Core: xcap-directory documents. */
    public static final String OMA_XCAP_DIRECTORY = "urn:oma:xml:xdm:xcap-directory";
    /** RFC 4825, section 12: XCAP server capabilities. */
    public static final String XCAP_CAPS = "urn:ietf:params:xml:ns:xcap-caps";
    /** RFC 5874: XCAP diff documents. */
    public static final String XCAP_DIFF = "urn:ietf:params:xml:ns:xcap-diff";
    /** RFC 4825, section 11: XCAP error documents. */
    public static final String XCAP_ERROR = "urn:ietf:params:xml:ns:xcap-error";
    /** AG Projects address book elements in resource-lists ({@code addressbook}). */
    public static final String AGP_ADDRESSBOOK = "urn:ag-projects:xml:ns:addressbook";
    /** AG Projects resource-lists extension: {@code agp-rl:attributes} on entries. */
    public static final String AGP_RESOURCE_LISTS = "urn:ag-projects:xml:ns:resource-lists";
    /** AG Projects common-policy extension: {@code agp-cp:false-condition}, rule display names. */
    public static final String AGP_COMMON_POLICY = "urn:ag-projects:xml:ns:common-policy";
    /** python-sipsimple's default namespace for application attributes on address book elements ({@code sipsimple}). */
    public static final String SIPSIMPLE_ADDRESSBOOK = "urn:ag-projects:sipsimple:xml:ns:addressbook";
    /** Blink's namespace for application attributes on address book elements ({@code blink}). */
    public static final String BLINK_ADDRESSBOOK = "urn:ag-projects:blink:xml:ns:addressbook";

    private XcapNamespaces() {
    }
}
