package dev.sluice.protocol;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The headers of one request, read-only: values by name, names compared case-insensitively ({@link
 * String#equalsIgnoreCase}), the values of one name in the order they were added; names that differ only in case are
 * one header, spelled as first seen. Built once (the HTTP layer adds Netty's headers straight in), so a request's
 * headers are copied once. Iterating gives the names in case-insensitive order, as a {@code TreeMap} with {@link
 * String#CASE_INSENSITIVE_ORDER} would.
 *
 * <p>A request has a dozen or two headers, so names are found by a scan that mostly compares lengths; past {@value
 * #SCAN_LIMIT} names a sorted index takes over, so that a request with thousands of headers costs n log n, not n².
 */
public final class RequestHeaders extends AbstractMap<String, List<String>> {
    static final int SCAN_LIMIT = 32;

    private final String[] names;
    private final Object[] values; // per name: a String (one value) or an immutable List<String>
    private final int size;
    private final TreeMap<String, Integer> index; // null up to SCAN_LIMIT names

    private RequestHeaders(String[] names, Object[] values, int size, TreeMap<String, Integer> index) {
        this.names = names;
        this.values = values;
        this.size = size;
        this.index = index;
        for (int i = 0; i < size; i++) {
            if (values[i] instanceof List<?> list) {
                values[i] = List.copyOf(list);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy of {@code headers}; names that differ only in case have their values joined in the map's order. */
    public static RequestHeaders copyOf(Map<String, ? extends Collection<String>> headers) {
        if (headers instanceof RequestHeaders built) {
            return built;
        }
        Builder builder = new Builder();
        headers.forEach(builder::addAll);
        return builder.build();
    }

    /** The first value of the named header, or {@code null} when absent. */
    public String first(String name) {
        int at = indexOf(name);
        if (at < 0) {
            return null;
        }
        Object value = values[at];
        if (value instanceof String single) {
            return single;
        }
        List<?> list = (List<?>) value;
        return list.isEmpty() ? null : (String) list.get(0);
    }

    @Override
    public List<String> get(Object name) {
        int at = name instanceof String text ? indexOf(text) : -1;
        return at < 0 ? null : valuesAt(at);
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String text && indexOf(text) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < size; i++) {
            sorted.put(names[i], valuesAt(i));
        }
        return Collections.unmodifiableMap(sorted).entrySet();
    }

    @SuppressWarnings("unchecked")
    private List<String> valuesAt(int at) {
        Object value = values[at];
        return value instanceof String single ? List.of(single) : (List<String>) value;
    }

    private int indexOf(String name) {
        return find(names, size, index, name);
    }

    private static int find(String[] names, int size, TreeMap<String, Integer> index, String name) {
        if (index != null) {
            Integer at = index.get(name);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) { // compares lengths first
                return i;
            }
        }
        return -1;
    }

    /** Collects headers in arrival order; single use. */
    public static final class Builder {
        private String[] names = new String[16];
        private Object[] values = new Object[16];
        private int size;
        private TreeMap<String, Integer> index;

        private Builder() {}

        public Builder add(String name, String value) {
            Objects.requireNonNull(value, "value");
            int at = indexFor(name);
            Object old = values[at];
            if (old == null) {
                values[at] = value;
            } else if (old instanceof String single) {
                List<String> list = new ArrayList<>(2);
                list.add(single);
                list.add(value);
                values[at] = list;
            } else {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) old;
                list.add(value);
            }
            return this;
        }

        private void addAll(String name, Collection<String> more) {
            if (more.isEmpty()) {
                int at = indexFor(name); // a name without values still counts as present
                if (values[at] == null) {
                    values[at] = new ArrayList<String>(0);
                }
            }
            for (String value : more) {
                add(name, value);
            }
        }

        /** The headers added so far; the builder cannot be used afterwards (the headers take over its arrays). */
        public RequestHeaders build() {
            if (names == null) {
                throw new IllegalStateException("already built");
            }
            RequestHeaders headers = new RequestHeaders(names, values, size, index);
            names = null;
            return headers;
        }

        /** The index of the name's entry, added (without values) when new. */
        private int indexFor(String name) {
            Objects.requireNonNull(name, "name");
            if (names == null) {
                throw new IllegalStateException("already built");
            }
            int at = find(names, size, index, name);
            if (at >= 0) {
                return at;
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            if (index != null) {
                index.put(name, size);
            } else if (size + 1 > SCAN_LIMIT) {
                index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (int i = 0; i <= size; i++) {
                    index.put(names[i], i);
                }
            }
            return size++;
        }
    }
}
