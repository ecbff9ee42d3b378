package io.omnireach.app.rest;

import io.omnireach.account.Account;
import io.omnireach.account.AccountQuery;
import io.omnireach.account.Accounts;
import io.omnireach.app.rest.GraphDtos.AccountDetail;
import io.omnireach.app.rest.GraphDtos.AccountDto;
import io.omnireach.app.rest.GraphDtos.AccountList;
import io.omnireach.app.rest.GraphDtos.GraphDto;
import io.omnireach.app.rest.GraphDtos.PersonDto;
import io.omnireach.app.rest.GraphDtos.TeamContactDto;
import io.omnireach.graph.RelationshipGraph;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Accounts: the companies the tenant's leads work at, derived from their work email domains and
 * company names, with an account score and the relationship graph around them.
 */
@Path("/accounts")
@Tag(name = "Accounts", description = "Companies derived from leads, and the relationship graph")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class AccountResource {

  static final String SCORE_TEXT =
      "score (0-100) = round(0.6 x the best relationship score of its leads + 0.4 x their mean):"
          + " one warm champion counts most, breadth adds.";

  static final String ACCOUNT_EXAMPLE =
      "{\"id\":7,\"name\":\"Globex Corporation\",\"domain\":\"globex.com\",\"leads\":3,"
          + "\"score\":62,\"averageLeadScore\":41.3,\"lastContactAt\":\"2026-03-12T09:41:00Z\"}";

  static final String GRAPH_EXAMPLE =
      "{\"nodes\":["
          + "{\"id\":\"account:7\",\"kind\":\"account\",\"label\":\"Globex Corporation\","
          + "\"score\":62},"
          + "{\"id\":\"lead:42\",\"kind\":\"lead\",\"label\":\"Hank Scorpio\",\"score\":77},"
          + "{\"id\":\"lead:43\",\"kind\":\"lead\",\"label\":\"Jane Doe\",\"score\":12},"
          + "{\"id\":\"user:3\",\"kind\":\"user\",\"label\":\"Elena Ruiz\",\"score\":null}],"
          + "\"edges\":["
          + "{\"source\":\"lead:42\",\"target\":\"account:7\",\"kind\":\"works_at\","
          + "\"strength\":1.0,\"count\":1,\"lastAt\":null},"
          + "{\"source\":\"lead:43\",\"target\":\"account:7\",\"kind\":\"works_at\","
          + "\"strength\":1.0,\"count\":1,\"lastAt\":null},"
          + "{\"source\":\"user:3\",\"target\":\"lead:42\",\"kind\":\"emailed\","
          + "\"strength\":0.6,\"count\":3,\"lastAt\":\"2026-03-10T08:00:00Z\"},"
          + "{\"source\":\"lead:42\",\"target\":\"user:3\",\"kind\":\"replied\","
          + "\"strength\":0.5,\"count\":1,\"lastAt\":\"2026-03-12T09:41:00Z\"},"
          + "{\"source\":\"lead:42\",\"target\":\"lead:43\",\"kind\":\"knows\","
          + "\"strength\":0.8,\"count\":1,\"lastAt\":\"2026-03-01T10:00:00Z\"}],"
          + "\"focus\":\"account:7\"}";

  @Inject Accounts accounts;
  @Inject RelationshipGraph graph;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.LEADS_READ)
  @Operation(
      summary = "List accounts",
      description =
          "Accounts that have leads, with their lead count, mean lead relationship score and "
              + SCORE_TEXT
              + " A lead joins the account of its work email's domain (free-mail addresses such"
              + " as gmail.com never make an account); a lead on free mail joins by its company"
              + " name.")
  @APIResponse(
      responseCode = "200",
      description = "One page and the total",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountList.class),
              examples =
                  @ExampleObject(
                      name = "page",
                      value = "{\"items\":[" + ACCOUNT_EXAMPLE + "],\"total\":1}")))
  @APIResponse(
      responseCode = "400",
      description = "Unknown sort, or limit/offset out of range",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad sort",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"Sort must be one of score, name, leads (prefix -"
                              + " for descending), got 'size'.\",\"field\":\"sort\"}")))
  public AccountList list(
      @Parameter(description = "Text in the name or domain", example = "globex") @QueryParam("q")
          String q,
      @Parameter(description = "score, name or leads; '-' for descending", example = "-score")
          @QueryParam("sort")
          String sort,
      @Parameter(description = "1 to 200", example = "50") @QueryParam("limit") @DefaultValue("50")
          int limit,
      @Parameter(example = "0") @QueryParam("offset") @DefaultValue("0") int offset) {
    AccountQuery query = AccountQuery.of(q, sort);
    return new AccountList(
        accounts.slice(current.tenant(), query, offset, limit).stream()
            .map(AccountDto::of)
            .toList(),
        accounts.count(current.tenant(), query));
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.LEADS_READ)
  @Operation(
      summary = "One account, its people and who on the team has talked to them",
      description =
          SCORE_TEXT
              + " people: its 200 warmest leads. team: every current member who emailed, got"
              + " replies from, met or personally knows anyone there, with counts, the last"
              + " contact and warmth (the best relationship score among those people; at least"
              + " 70 for someone they know in person), warmest first.")
  @APIResponse(
      responseCode = "200",
      description = "The account",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountDetail.class),
              examples =
                  @ExampleObject(
                      name = "account",
                      value =
                          "{\"id\":7,\"name\":\"Globex Corporation\",\"domain\":\"globex.com\","
                              + "\"leads\":3,\"score\":62,\"averageLeadScore\":41.3,"
                              + "\"lastContactAt\":\"2026-03-12T09:41:00Z\",\"people\":[{"
                              + "\"leadId\":42,\"name\":\"Hank Scorpio\",\"title\":\"CEO\","
                              + "\"email\":\"hank@globex.com\",\"stage\":\"replied\","
                              + "\"relationshipScore\":77}],\"team\":[{\"userId\":3,"
                              + "\"name\":\"Elena Ruiz\",\"email\":\"elena@acme.example\","
                              + "\"emailed\":3,\"replies\":1,\"meetings\":0,\"connections\":0,"
                              + "\"people\":1,\"lastContactAt\":\"2026-03-12T09:41:00Z\","
                              + "\"warmth\":77,\"level\":\"hot\"}]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public AccountDetail get(@Parameter(description = "Account id") @PathParam("id") long id) {
    Account a = accounts.get(current.tenant(), id);
    return new AccountDetail(
        a.id(),
        a.name(),
        a.domain(),
        a.leads(),
        a.score(),
        a.averageLeadScore(),
        a.lastContactAt(),
        accounts.people(current.tenant(), id, 200).stream().map(PersonDto::of).toList(),
        graph.team(current.tenant(), id).stream().map(TeamContactDto::of).toList());
  }

  @GET
  @Path("/{id}/graph")
  @Requires(Permission.LEADS_READ)
  @Operation(
      summary = "The account's relationship graph",
      description =
          "Nodes: the account, its warmest "
              + RelationshipGraph.MAX_PEOPLE
              + " people, the users who have been in touch with them and the people they are"
              + " connected to by hand. Edges read 'source kind target': works_at, emailed"
              + " (strength n/(n+2) for n emails), replied (n/(n+1)), met (from the lead's stage"
              + " meeting, negotiation or won, by its owner), knows and introduced_by (added by"
              + " hand). lastAt is the last interaction, null when unknown.")
  @APIResponse(
      responseCode = "200",
      description = "Nodes and edges",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GraphDto.class),
              examples = @ExampleObject(name = "account graph", value = GRAPH_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public GraphDto graph(@Parameter(description = "Account id") @PathParam("id") long id) {
    return GraphDto.of(graph.account(current.tenant(), id));
  }
}
