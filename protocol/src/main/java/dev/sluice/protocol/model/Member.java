package dev.sluice.protocol.model;

import java.util.Objects;

/**
 * A reference to a shape from a structure member, a list element, or a map key or value.
 *
 * @param name the member name (JSON name); for list elements and map keys and values, the role ({@code member},
 *     {@code key}, {@code value})
 * @param shape the referenced shape
 * @param locationName the Query/XML name of this reference from the model, or {@code null} when the model gives none
 * @param flattened true when the reference is marked flattened (in addition to its shape's own flag)
 */
public record Member(String name, Shape shape, String locationName, boolean flattened) {
    public Member {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
    }

    /** The Query/XML name: the location name when the model gives one, else the member name. */
    public String queryName() {
        return locationName != null ? locationName : name;
    }

    /** True when this reference or its shape is flattened (lists and maps without a wrapper element). */
    public boolean isFlattened() {
        return flattened || shape.flattened();
    }
}
