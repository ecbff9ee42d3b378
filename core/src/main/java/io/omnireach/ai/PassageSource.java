package io.omnireach.ai;

import io.omnireach.lead.Lead;
import io.omnireach.persona.Persona;
import io.omnireach.tenant.TenantRef;
import java.util.List;

/** Finds the passages relevant to a draft for a lead (the knowledge base in the app). */
@FunctionalInterface
public interface PassageSource {

  PassageSource NONE = (tenant, lead, persona, brief) -> List.of();

  List<Passage> find(TenantRef tenant, Lead lead, Persona persona, String brief);
}
