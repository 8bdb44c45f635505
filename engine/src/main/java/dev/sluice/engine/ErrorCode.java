package dev.sluice.engine;

/**
 * Every error Sluice can send a client, as ERRORS.md catalogues it: the JSON {@code __type} name, the Query (legacy)
 * code that also goes into {@code x-amzn-query-error}, the HTTP status, and whether it is the sender's fault.
 */
public enum ErrorCode {
    // A. modeled errors
    QUEUE_DOES_NOT_EXIST("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400),
    QUEUE_NAME_EXISTS("QueueNameExists", "QueueAlreadyExists", 400),
    QUEUE_DELETED_RECENTLY("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently", 400),
    INVALID_ATTRIBUTE_NAME("InvalidAttributeName", "InvalidAttributeName", 400),
    INVALID_ATTRIBUTE_VALUE("InvalidAttributeValue", "InvalidAttributeValue", 400),
    INVALID_MESSAGE_CONTENTS("InvalidMessageContents", "InvalidMessageContents", 400),
    INVALID_ID_FORMAT("InvalidIdFormat", "InvalidIdFormat", 400),
    RECEIPT_HANDLE_IS_INVALID("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 404),
    MESSAGE_NOT_INFLIGHT("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", 400),
    BATCH_ENTRY_IDS_NOT_DISTINCT("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400),
    BATCH_REQUEST_TOO_LONG("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong", 400),
    EMPTY_BATCH_REQUEST("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", 400),
    INVALID_BATCH_ENTRY_ID("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", 400),
    TOO_MANY_ENTRIES_IN_BATCH_REQUEST(
            "TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400),
    PURGE_QUEUE_IN_PROGRESS("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 403),
    OVER_LIMIT("OverLimit", "OverLimit", 403),
    REQUEST_THROTTLED("RequestThrottled", "RequestThrottled", 403),
    INVALID_ADDRESS("InvalidAddress", "InvalidAddress", 404),
    INVALID_SECURITY("InvalidSecurity", "InvalidSecurity", 403),
    UNSUPPORTED_OPERATION("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", "ResourceNotFoundException", 404),
    KMS_ACCESS_DENIED("KmsAccessDenied", "KMS.AccessDeniedException", 400),
    KMS_DISABLED("KmsDisabled", "KMS.DisabledException", 400),
    KMS_INVALID_KEY_USAGE("KmsInvalidKeyUsage", "KMS.InvalidKeyUsageException", 400),
    KMS_INVALID_STATE("KmsInvalidState", "KMS.InvalidStateException", 400),
    KMS_NOT_FOUND("KmsNotFound", "KMS.NotFoundException", 400),
    KMS_OPT_IN_REQUIRED("KmsOptInRequired", "KMS.OptInRequired", 403),
    KMS_THROTTLED("KmsThrottled", "KMS.ThrottlingException", 400),

    // B. generic errors
    INVALID_PARAMETER_VALUE("InvalidParameterValueException", "InvalidParameterValue", 400),
    MISSING_PARAMETER("MissingRequiredParameterException", "MissingParameter", 400),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", "InvalidParameterCombination", 400),
    INVALID_ACTION("UnknownOperationException", "InvalidAction", 400),
    MISSING_ACTION("MissingAction", "MissingAction", 400),
    INVALID_QUERY_PARAMETER("InvalidQueryParameter", "InvalidQueryParameter", 400),
    MALFORMED_QUERY_STRING("MalformedQueryString", "MalformedQueryString", 404),
    ACCESS_DENIED("AccessDeniedException", "AccessDenied", 403),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", "InvalidClientTokenId", 403),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", "SignatureDoesNotMatch", 403),
    INCOMPLETE_SIGNATURE("IncompleteSignature", "IncompleteSignature", 400),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", "MissingAuthenticationToken", 403),
    REQUEST_EXPIRED("RequestExpired", "RequestExpired", 400),
    EXPIRED_TOKEN("ExpiredToken", "ExpiredToken", 403),
    THROTTLING("ThrottlingException", "ThrottlingException", 400),
    /** Malformed request body (JSON that does not parse, a body that is not the expected structure). */
    SERIALIZATION("SerializationException", "MalformedInput", 400),
    /** Request body larger than the server accepts. */
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", "RequestEntityTooLarge", 413),
    INTERNAL_ERROR("InternalFailure", "InternalError", 500, false),
    SERVICE_UNAVAILABLE("ServiceUnavailable", "ServiceUnavailable", 503, false);

    private final String jsonType;
    private final String queryCode;
    private final int httpStatus;
    private final boolean senderFault;

    ErrorCode(String jsonType, String queryCode, int httpStatus) {
        this(jsonType, queryCode, httpStatus, true);
    }

    ErrorCode(String jsonType, String queryCode, int httpStatus, boolean senderFault) {
        this.jsonType = jsonType;
        this.queryCode = queryCode;
        this.httpStatus = httpStatus;
        this.senderFault = senderFault;
    }

    /** The JSON protocol's {@code __type} name (without namespace). */
    public String jsonType() {
        return jsonType;
    }

    /** The Query protocol's error code, also sent in {@code x-amzn-query-error} and batch {@code Failed} entries. */
    public String queryCode() {
        return queryCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True for {@code Sender} faults (the client's), false for {@code Receiver} faults (the server's). */
    public boolean senderFault() {
        return senderFault;
    }
}
