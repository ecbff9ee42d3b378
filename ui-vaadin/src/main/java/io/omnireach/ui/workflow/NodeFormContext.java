package io.omnireach.ui.workflow;

import io.omnireach.channel.Mailbox;
import io.omnireach.persona.Persona;
import io.omnireach.user.Member;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a form may offer and ask: the tenant's choices, and whether a node of a type comes before
 * the edited one on some path (a Send offers the AI draft only after an AI generate step).
 */
public record NodeFormContext(NodeChoices choices, Predicate<String> upstream) {

  public List<Persona> personas() {
    return choices.personas();
  }

  public List<Mailbox> mailboxes() {
    return choices.mailboxes();
  }

  public List<Member> members() {
    return choices.members();
  }

  public boolean hasUpstream(String type) {
    return upstream.test(type);
  }
}
