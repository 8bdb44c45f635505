package dev.sluice.http;

import dev.sluice.protocol.HttpRequestView;
import java.util.Map;

/**
 * Picks the endpoint of a request: the fixed GET routes ({@code /health/live}, {@code /health/ready}, later
 * {@code /metrics}) by exact path, and the SQS API for everything else, since SQS requests may arrive on any path (a
 * queue URL's path or {@code /}).
 */
final class Router {
    private final Map<String, Endpoint> getRoutes;
    private final ApiEndpoint api;

    Router(Map<String, Endpoint> getRoutes, ApiEndpoint api) {
        this.getRoutes = Map.copyOf(getRoutes);
        this.api = api;
    }

    Endpoint route(HttpRequestView request) {
        if (request.method().equals("GET") || request.method().equals("HEAD")) {
            Endpoint endpoint = getRoutes.get(request.path());
            if (endpoint != null) {
                return endpoint;
            }
        }
        return api;
    }

    ApiEndpoint api() {
        return api;
    }
}
