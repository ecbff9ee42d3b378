package io.omnireach.app;

import io.omnireach.db.Transactions;
import io.omnireach.persona.PersonaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the persona feature of core into CDI (REST resource and Vaadin view share it). */
@ApplicationScoped
public class PersonaServices {

  @Produces
  @Singleton
  PersonaRepository persona(Transactions tx, Clock clock) {
    return new PersonaRepository(tx, clock);
  }
}
