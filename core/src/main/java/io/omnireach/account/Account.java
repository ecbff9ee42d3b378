package io.omnireach.account;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A company derived from its leads. {@code score} (0–100) is {@link Accounts#SCORE_FORMULA} over
 * the leads' relationship scores; {@code lastContactAt} the last email we sent or reply we got from
 * any of its people (null: none yet).
 */
public record Account(
    long id,
    String name,
    String domain,
    int leads,
    int score,
    BigDecimal averageLeadScore,
    Instant lastContactAt) {}
