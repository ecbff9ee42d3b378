package io.omnireach.billing.invoice;

import io.omnireach.usage.Meter;

/**
 * One computed invoice line, before or after it is stored.
 *
 * @param quantity what was used (usage, seats) or 1 (fees)
 * @param included what the plan covers of it
 * @param billable what is charged: {@code max(0, quantity − included)} for usage and seats
 * @param unitPriceMinor the price per billable unit in minor units (fees, seats), else null
 * @param pricePer1000Micros the usage price per 1,000 units in micros, else null
 * @param amountMinor the line's amount in minor units (negative for a credit)
 */
public record Line(
    LineKind kind,
    String description,
    Meter meter,
    long quantity,
    long included,
    long billable,
    Long unitPriceMinor,
    Long pricePer1000Micros,
    long amountMinor) {}
