package io.presencekit.benchmarks.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <tuple>}; the timestamp stays a String, as in the other baselines. */
public class JaxbTuple {
    @XmlAttribute(name = "id", required = true)
    public String id;

    @XmlElement(name = "status")
    public JaxbStatus status;

    @XmlAnyElement(lax = true)
    public List<Object> any = new ArrayList<>();

    @XmlElement(name = "contact")
    public JaxbContact contact;

    @XmlElement(name = "note")
    public List<JaxbNote> notes = new ArrayList<>();

    @XmlElement(name = "timestamp")
    public String timestamp;
}
