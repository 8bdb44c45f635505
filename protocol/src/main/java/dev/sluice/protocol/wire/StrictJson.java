package dev.sluice.protocol.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Jackson settings of the JSON protocol, shared by its reader and writer: nesting deeper than {@value #MAX_DEPTH}
 * and duplicate keys are parse errors, and a document must end after its value.
 */
final class StrictJson {
    static final int MAX_DEPTH = 32;

    /** For whole-document reads (the general path, which reports malformed input). */
    static final ObjectMapper MAPPER;

    /** The same parser and generator settings, for streaming. */
    static final JsonFactory FACTORY;

    static {
        FACTORY = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Jackson's default buffer pool is per thread; every request runs on a new virtual thread, so that
                // pool would allocate fresh buffers for each request. A shared pool reuses them.
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build();
        MAPPER = new ObjectMapper(FACTORY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private StrictJson() {}
}
