package io.omnireach.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.block.BlockKind;
import io.omnireach.block.BlockManifest;
import io.omnireach.common.DomainException;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaBlock;
import io.omnireach.persona.PersonaDraft;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.tenant.TenantRef;
import java.util.List;

/** A persona block: its content is the {@link PersonaBlock} JSON the persona API exports. */
public final class PersonaInstaller implements BlockInstaller {

  static final String TYPE = "persona";
  private final PersonaRepository personas;

  public PersonaInstaller(PersonaRepository personas) {
    this.personas = personas;
  }

  @Override
  public BlockKind kind() {
    return BlockKind.PERSONA;
  }

  @Override
  public Exported export(TenantRef tenant, long ref) {
    Persona p = personas.get(tenant, ref);
    String description =
        p.role() == null || p.role().isBlank() ? "A persona." : p.role() + " persona.";
    return new Exported(
        p.name(),
        description,
        Json.tree(PersonaBlock.export(p)),
        BlockManifest.Requirements.none(), // a default channel is a preference, not a need
        List.copyOf(p.industryFocus()));
  }

  @Override
  public InstallPlan plan(TenantRef tenant, BlockManifest manifest, JsonNode content) {
    PersonaDraft draft = PersonaRepository.checkBlock(content.toString());
    boolean taken =
        personas.list(tenant).stream().anyMatch(p -> p.name().equalsIgnoreCase(draft.name()));
    String line =
        "persona \""
            + draft.name().strip()
            + "\""
            + (taken ? " (the name is taken here: imported as \"" + draft.name() + " (2)\")" : "");
    return new InstallPlan(List.of(line), List.of(), List.of());
  }

  @Override
  public List<CreatedItem> install(TenantRef tenant, JsonNode content, String actor) {
    Persona p = personas.importBlock(tenant, content.toString(), actor);
    return List.of(new CreatedItem(TYPE, p.id(), p.name()));
  }

  @Override
  public void uninstall(TenantRef tenant, List<CreatedItem> created, String actor) {
    for (CreatedItem item : created) {
      if (TYPE.equals(item.type())) {
        try {
          personas.delete(tenant, item.id(), actor);
        } catch (DomainException e) {
          if (e.kind() != DomainException.Kind.NOT_FOUND) {
            throw e;
          }
        }
      }
    }
  }

  /** In place: the persona keeps its id, so workflows that use it keep working. */
  @Override
  public List<CreatedItem> update(
      TenantRef tenant, List<CreatedItem> installed, JsonNode content, String actor) {
    PersonaDraft d = PersonaRepository.checkBlock(content.toString());
    // the name stays as it is here (it may have been renamed, or numbered on install)
    PersonaDraft draft =
        new PersonaDraft(
            null,
            d.role(),
            d.tone(),
            d.industryFocus(),
            d.valuePropositions(),
            d.writingSamples(),
            d.signature(),
            d.defaultChannel(),
            d.language());
    for (CreatedItem item : installed) {
      if (TYPE.equals(item.type())) {
        try {
          Persona p = personas.update(tenant, item.id(), draft, actor);
          return List.of(new CreatedItem(TYPE, p.id(), p.name()));
        } catch (DomainException e) {
          if (e.kind() != DomainException.Kind.NOT_FOUND) {
            throw e;
          }
        }
      }
    }
    return install(tenant, content, actor);
  }
}
