package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request id and Date header every answer carries. */
class ResponseHeadersTest {

    @Test
    void requestIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RequestIds.next();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).hasSize(36);
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void datesAreRfc1123InGmtAndFollowTheClock() {
        HttpDates dates = new HttpDates();
        assertThat(dates.format(Instant.parse("2026-11-25T13:29:13.250Z"))).isEqualTo("Wed, 25 Nov 2026 13:29:13 GMT");
        assertThat(dates.format(Instant.parse("2026-11-25T13:29:13.900Z"))).isEqualTo("Wed, 25 Nov 2026 13:29:13 GMT");
        assertThat(dates.format(Instant.parse("2026-11-25T13:29:14Z"))).isEqualTo("Wed, 25 Nov 2026 13:29:14 GMT");
    }
}
