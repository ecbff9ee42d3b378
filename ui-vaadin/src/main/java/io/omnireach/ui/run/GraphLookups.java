package io.omnireach.ui.run;

import elemental.json.Json;
import elemental.json.JsonObject;
import io.omnireach.channel.Mailboxes;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.UserDirectory;

/**
 * Names for the ids in node configs, so the read-only canvas says "Sales mailbox" instead of "#3":
 * {@code {personas:{id:name}, mailboxes:{…}, users:{email:name}}} (the builder's format).
 */
final class GraphLookups {

  private GraphLookups() {}

  static String of(
      TenantRef tenant, PersonaRepository personas, Mailboxes mailboxes, UserDirectory users) {
    JsonObject p = Json.createObject();
    personas.list(tenant).forEach(x -> p.put(Long.toString(x.id()), x.name()));
    JsonObject m = Json.createObject();
    mailboxes.list(tenant).forEach(x -> m.put(Long.toString(x.id()), x.name()));
    JsonObject u = Json.createObject();
    u.put("owner", "Lead owner");
    users.members(tenant).forEach(x -> u.put(x.email(), x.displayName()));
    JsonObject all = Json.createObject();
    all.put("personas", p);
    all.put("mailboxes", m);
    all.put("users", u);
    return all.toJson();
  }
}
