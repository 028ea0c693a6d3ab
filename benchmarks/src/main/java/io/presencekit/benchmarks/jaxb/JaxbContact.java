package io.presencekit.benchmarks.jaxb;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <contact priority="...">uri</contact>}. */
public class JaxbContact {
    @XmlValue
    public String uri;

    @XmlAttribute(name = "priority")
    public Double priority;
}
