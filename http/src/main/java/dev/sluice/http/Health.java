package dev.sluice.http;

import dev.sluice.protocol.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The health endpoints: liveness (the process answers) and readiness (Sluice serves the API). */
final class Health {
    private Health() {}

    static Endpoint live() {
        return request -> status(200, "UP");
    }

    /** 200 when ready; 503 while starting or shutting down. */
    static Endpoint ready(BooleanSupplier ready) {
        return request -> ready.getAsBoolean() ? status(200, "UP") : status(503, "DOWN");
    }

    private static HttpResponse status(int code, String status) {
        return new HttpResponse(
                code,
                Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                ("{\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
