package io.presencekit.benchmarks.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <status>}: basic plus any extension (agp-pidf:extended in the Blink documents). */
public class JaxbStatus {
    @XmlElement(name = "basic")
    public String basic;

    @XmlAnyElement(lax = true)
    public List<Object> any = new ArrayList<>();
}
