package io.omnireach.app.rest;

import io.omnireach.app.rest.ReplyDtos.ReplyDto;
import io.omnireach.app.rest.ReplyDtos.ReplyPage;
import io.omnireach.channel.inbound.Replies;
import io.omnireach.channel.inbound.ReplyClass;
import io.omnireach.channel.inbound.ReplyView;
import io.omnireach.common.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Replies received by the caller's tenant, newest first. */
@Path("/replies")
@Tag(name = "Replies", description = "Replies read from the mailboxes' IMAP inboxes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReplyResource {

  @Inject Replies replies;
  @Inject CurrentUser current;

  @GET
  @RolesAllowed({"Admin", "Sales", "Viewer"})
  @Operation(summary = "List replies, newest first; filter by classification; cursor pagination")
  public ReplyPage list(
      @QueryParam("classification") String classification,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    ReplyClass only = null;
    if (classification != null && !classification.isBlank()) {
      try {
        only = ReplyClass.valueOf(classification.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("classification", "Unknown classification.");
      }
    }
    Long before = null;
    if (cursor != null && !cursor.isBlank()) {
      try {
        before = Long.parseLong(cursor.trim());
      } catch (NumberFormatException e) {
        throw DomainException.invalid("cursor", "Invalid cursor.");
      }
    }
    int size = Math.max(1, Math.min(limit, 200));
    List<ReplyView> page = replies.list(current.tenant(), only, before, size);
    String next = page.size() == size ? Long.toString(page.get(page.size() - 1).id()) : null;
    return new ReplyPage(page.stream().map(ReplyDto::of).toList(), next);
  }
}
