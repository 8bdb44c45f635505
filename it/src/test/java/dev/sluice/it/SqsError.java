package dev.sluice.it;

/**
 * An error answer from the server, as the SDK surfaced it: the error code the SDK reports (JSON: from
 * {@code x-amzn-query-error}; Query: the XML {@code <Code>}), the HTTP status, the message, and the SDK's exception
 * class (the SDK picks it from {@code __type} or the Query code).
 */
public final class SqsError extends RuntimeException {
    private final String code;
    private final int status;
    private final String errorMessage;
    private final Class<?> exceptionClass;

    public SqsError(String code, int status, String errorMessage, RuntimeException cause) {
        super(code + " (" + status + "): " + errorMessage, cause);
        this.code = code;
        this.status = status;
        this.errorMessage = errorMessage;
        this.exceptionClass = cause.getClass();
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public Class<?> exceptionClass() {
        return exceptionClass;
    }
}
