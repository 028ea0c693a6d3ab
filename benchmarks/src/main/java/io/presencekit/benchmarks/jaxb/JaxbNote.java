package io.presencekit.benchmarks.jaxb;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;
import javax.xml.XMLConstants;

/** {@code <note xml:lang="...">text</note>}. */
public class JaxbNote {
    @XmlValue
    public String value;

    @XmlAttribute(name = "lang", namespace = XMLConstants.XML_NS_URI)
    public String lang;
}
