package dev.sluice.store.log;

/** The rarely present strings of a {@link MessageEntry}, held apart so most entries carry one null reference. */
record MessageExtras(String groupId, String deduplicationId, String deadLetterSourceArn, String rawMessageId) {
    static MessageExtras of(String groupId, String deduplicationId, String deadLetterSourceArn, String rawMessageId) {
        if (groupId == null && deduplicationId == null && deadLetterSourceArn == null && rawMessageId == null) {
            return null;
        }
        return new MessageExtras(groupId, deduplicationId, deadLetterSourceArn, rawMessageId);
    }
}
