package io.omnireach.billing.plan;

import io.omnireach.usage.Meter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Meters are stored by their key ({@code emails_sent}), as in the usage ledger. */
@Converter
public class MeterConverter implements AttributeConverter<Meter, String> {

  @Override
  public String convertToDatabaseColumn(Meter meter) {
    return meter == null ? null : meter.key();
  }

  @Override
  public Meter convertToEntityAttribute(String key) {
    return key == null
        ? null
        : Meter.byKey(key).orElseThrow(() -> new IllegalStateException("Unknown meter " + key));
  }
}
