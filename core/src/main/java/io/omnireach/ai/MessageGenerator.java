package io.omnireach.ai;

import io.omnireach.lead.Lead;
import io.omnireach.persona.Persona;
import io.omnireach.tenant.TenantRef;

/** Writes a first message from a persona to a lead. The result is a draft, never a send. */
public interface MessageGenerator {

  Draft generate(TenantRef tenant, Lead lead, Persona persona);
}
