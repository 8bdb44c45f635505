package dev.sluice.engine;

/** One entry of a batch request: the client's entry {@code id} and the entry's content. */
public record BatchEntry<T>(String id, T value) {}
