package dev.sluice.protocol.wire;

import java.util.Arrays;
import java.util.Map;

/** Response header maps built in one step, immutable, so that {@link dev.sluice.protocol.HttpResponse} keeps them. */
final class HeaderMaps {
    private HeaderMaps() {}

    /** {@code headers} plus one header; it replaces a header of exactly that name. */
    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array, filled with entries of the right type only
        Map.Entry<String, String>[] entries = new Map.Entry[headers.size() + 1];
        int count = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!header.getKey().equals(name)) {
                entries[count++] = Map.entry(header.getKey(), header.getValue());
            }
        }
        entries[count++] = Map.entry(name, value);
        if (count < entries.length) {
            entries = Arrays.copyOf(entries, count);
        }
        return Map.ofEntries(entries);
    }
}
