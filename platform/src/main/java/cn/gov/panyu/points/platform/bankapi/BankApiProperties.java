package cn.gov.panyu.points.platform.bankapi;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bank API ({@code points.bank-api.*}).
 *
 * @param requestsPerMinute      calls one API key may make per minute; a burst of that many is allowed, then
 *                               calls are refused with 429 until the bucket refills
 * @param rotationGrace          how long a rotated key keeps working, so that a bank can switch its systems
 *                               to the new key without an outage
 * @param idempotencyRetention   how long the answer to a request with an Idempotency-Key is replayed
 */
@ConfigurationProperties("points.bank-api")
record BankApiProperties(@DefaultValue("120") int requestsPerMinute, @DefaultValue("24h") Duration rotationGrace,
                         @DefaultValue("24h") Duration idempotencyRetention) {
}
