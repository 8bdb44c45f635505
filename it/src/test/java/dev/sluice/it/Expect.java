package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Assertions on the errors a server answers through a real SDK. */
final class Expect {
    private Expect() {}

    /** A request that must fail; returns the error for further checks. */
    interface Call {
        void run() throws Exception;
    }

    static SqsError error(Call call) {
        try {
            call.run();
        } catch (SqsError e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected an SQS error answer, got " + e, e);
        }
        return fail("expected an SQS error answer, but the request succeeded");
    }

    /** A request that must fail with this code and HTTP status; returns the error for message checks. */
    static SqsError error(String code, int status, Call call) {
        var e = error(call);
        assertThat(e.code()).as("error code of %s", e).isEqualTo(code);
        assertThat(e.status()).as("HTTP status of %s", e).isEqualTo(status);
        return e;
    }
}
