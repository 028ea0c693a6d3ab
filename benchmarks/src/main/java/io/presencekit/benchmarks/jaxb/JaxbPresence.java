package io.presencekit.benchmarks.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <presence>}; unknown children (dm:person, dm:device, ...) land in {@link #any}. */
@XmlRootElement(name = "presence")
public class JaxbPresence {
    @XmlAttribute(name = "entity", required = true)
    public String entity;

    @XmlElement(name = "tuple")
    public List<JaxbTuple> tuples = new ArrayList<>();

    @XmlElement(name = "note")
    public List<JaxbNote> notes = new ArrayList<>();

    @XmlAnyElement(lax = true)
    public List<Object> any = new ArrayList<>();
}
