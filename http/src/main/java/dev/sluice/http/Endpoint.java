package dev.sluice.http;

import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;

/** Answers the requests of one route (health, later metrics and the console); runs on a virtual thread. */
@FunctionalInterface
public interface Endpoint {
    HttpResponse handle(HttpRequestView request);
}
