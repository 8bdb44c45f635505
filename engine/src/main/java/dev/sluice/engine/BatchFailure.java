package dev.sluice.engine;

/** One failed batch entry, as SQS reports it: {@code code} is the Query spelling of the error code. */
public record BatchFailure(String id, boolean senderFault, String code, String message) {
    public static BatchFailure of(String id, SqsException e) {
        return new BatchFailure(id, e.code().senderFault(), e.code().queryCode(), e.getMessage());
    }
}
