package dev.sluice.protocol.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One shape of the service model, with the JSON member names of {@code service-2.json} and the Query/XML metadata of
 * {@code service-2.query.json} merged into it.
 *
 * @param name the shape name
 * @param type its type
 * @param members structure members by JSON name, in model order (empty for other types)
 * @param required the required member names of a structure
 * @param element the element of a list, else {@code null}
 * @param key the key of a map, else {@code null}
 * @param value the value of a map, else {@code null}
 * @param flattened whether a list or map is flattened on the Query/XML wire
 * @param locationName the shape-level Query/XML name, or {@code null}
 */
public record Shape(
        String name,
        ShapeType type,
        Map<String, Member> members,
        Set<String> required,
        Member element,
        Member key,
        Member value,
        boolean flattened,
        String locationName) {
    public Shape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        required = Set.copyOf(required);
    }

    public boolean isScalar() {
        return type != ShapeType.STRUCTURE && type != ShapeType.LIST && type != ShapeType.MAP;
    }

    @Override
    public String toString() {
        return name + ":" + type;
    }
}
