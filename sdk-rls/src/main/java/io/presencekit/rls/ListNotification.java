package io.presencekit.rls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded resource-list notification (RFC 4662, section 5): the RLMI root and, per resource
 * in document order, its instances with the part each one points to decoded. Nested lists are
 * {@link PartContent.NestedList} contents of the instance of the resource that is the list.
 *
 * <p>Immutable and thread-safe.
 *
 * @param list      the RLMI document
 * @param resources the resources of {@code list} with their decoded parts, in document order
 * @param warnings  what the multipart and RLMI readers tolerated, and the parts that failed
 */
public record ListNotification(RlmiList list, List<ResourceNotification> resources, List<String> warnings) {
    public ListNotification {
        Objects.requireNonNull(list, "list");
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
    }

    /** The resource with {@code uri} in this list (not in nested lists), if present. */
    public Optional<ResourceNotification> resource(String uri) {
        return resources.stream().filter(r -> Objects.equals(uri, r.resource().uri())).findFirst();
    }

    /** One resource with its instances' decoded parts. Immutable. */
    public record ResourceNotification(Resource resource, List<InstanceNotification> instances) {
        public ResourceNotification {
            Objects.requireNonNull(resource, "resource");
            instances = List.copyOf(instances);
        }

        /** The URI of the resource. */
        public String uri() {
            return resource.uri();
        }
    }

    /** One instance and what its part holds ({@link PartContent.None} without a {@code cid}). Immutable. */
    public record InstanceNotification(Instance instance, PartContent content) {
        public InstanceNotification {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(content, "content");
        }
    }
}
