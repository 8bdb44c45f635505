package dev.sluice.engine;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one error type that reaches a client: an {@link ErrorCode} and the message text AWS uses for it. Thrown by the
 * engine and the protocol layer; encoded in exactly one place by each wire codec.
 */
public final class SqsException extends RuntimeException {
    private final ErrorCode code;

    public SqsException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public SqsException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /**
     * Waits for a future of the engine (or of an action) on the caller's thread and rethrows the {@code SqsException}
     * it failed with, not wrapped in a {@link CompletionException}.
     */
    public static <T> T join(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SqsException sqs) {
                throw sqs;
            }
            throw e;
        }
    }

    /** InvalidParameterValue with AWS's pattern: "Value V for parameter P is invalid. Reason: R." */
    public static SqsException invalidParameterValue(Object value, String parameter, String reason) {
        return new SqsException(
                ErrorCode.INVALID_PARAMETER_VALUE,
                "Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason);
    }

    /** MissingParameter: "The request must contain the parameter P." */
    public static SqsException missingParameter(String parameter) {
        return new SqsException(
                ErrorCode.MISSING_PARAMETER, "The request must contain the parameter " + parameter + ".");
    }
}
