package io.omnireach.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.persona.Channel;
import io.omnireach.persona.PersonaDraft;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.tenant.TenantRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads {@code seed/personas.json} into a tenant. Idempotent: a persona whose name the tenant
 * already has (in any case) is left alone, edits included.
 */
public final class PersonaSeed {

  static final String RESOURCE = "/seed/personas.json";
  private static final String ACTOR = "seed";

  /** One entry of personas.json, as the file spells it. */
  record SeedPersona(
      String name,
      String role,
      SeedTone tone,
      List<String> industryFocus,
      List<String> valuePropositions,
      List<String> writingSamples,
      String signature,
      String defaultChannel,
      String language) {

    PersonaDraft draft() {
      return new PersonaDraft(
          name,
          role,
          tone == null
              ? null
              : new PersonaDraft.ToneDraft(tone.formality, tone.detail, tone.warmth),
          industryFocus,
          valuePropositions,
          writingSamples,
          signature,
          defaultChannel == null ? null : Channel.parse("defaultChannel", defaultChannel),
          language);
    }
  }

  record SeedTone(Integer formality, Integer detail, Integer warmth) {}

  private final PersonaRepository personas;

  public PersonaSeed(Transactions tx, Clock clock) {
    this.personas = new PersonaRepository(tx, clock);
  }

  /** The demo personas from the class path. */
  static List<SeedPersona> read() {
    try (InputStream in = PersonaSeed.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return List.of(new ObjectMapper().readValue(in, SeedPersona[].class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /** Creates the demo personas the tenant lacks; one log line per persona. */
  public List<String> load(TenantRef tenant) {
    Set<String> existing =
        personas.list(tenant).stream()
            .map(p -> p.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<String> log = new ArrayList<>();
    for (SeedPersona p : read()) {
      String line = "persona " + p.name() + " in " + tenant.slug();
      if (existing.contains(p.name().strip().toLowerCase(Locale.ROOT))) {
        log.add(line + " (exists)");
        continue;
      }
      try {
        personas.create(tenant, p.draft(), ACTOR);
        log.add(line + " (created)");
      } catch (DomainException e) {
        if (e.kind() != DomainException.Kind.CONFLICT) {
          throw e;
        }
        log.add(line + " (exists)"); // created meanwhile by another seed run
      }
    }
    return log;
  }
}
