package io.omnireach.ui.workflow;

import io.omnireach.channel.Mailbox;
import io.omnireach.persona.Persona;
import io.omnireach.user.Member;
import java.util.List;

/** The tenant's personas, mailboxes and members, which the node forms offer. */
public record NodeChoices(List<Persona> personas, List<Mailbox> mailboxes, List<Member> members) {}
