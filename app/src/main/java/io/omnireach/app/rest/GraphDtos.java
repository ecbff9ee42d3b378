package io.omnireach.app.rest;

import io.omnireach.account.Account;
import io.omnireach.account.AccountPerson;
import io.omnireach.graph.Graph;
import io.omnireach.graph.GraphEdge;
import io.omnireach.graph.GraphNode;
import io.omnireach.graph.LeadConnection;
import io.omnireach.graph.TeamContact;
import io.omnireach.graph.WarmPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON of accounts, the relationship graph, warm paths and manual connections. */
public final class GraphDtos {

  private GraphDtos() {}

  /** An account with its lead count, score (0-100) and last contact. */
  public record AccountDto(
      long id,
      String name,
      String domain,
      int leads,
      int score,
      BigDecimal averageLeadScore,
      Instant lastContactAt) {

    static AccountDto of(Account a) {
      return new AccountDto(
          a.id(),
          a.name(),
          a.domain(),
          a.leads(),
          a.score(),
          a.averageLeadScore(),
          a.lastContactAt());
    }
  }

  public record AccountList(List<AccountDto> items, int total) {}

  /** One of the account's people. */
  public record PersonDto(
      long leadId, String name, String title, String email, String stage, int relationshipScore) {

    static PersonDto of(AccountPerson p) {
      return new PersonDto(
          p.leadId(), p.name(), p.title(), p.email(), p.stage(), p.relationshipScore());
    }
  }

  /** A teammate's contact with the account's people. */
  public record TeamContactDto(
      long userId,
      String name,
      String email,
      long emailed,
      long replies,
      long meetings,
      long connections,
      long people,
      Instant lastContactAt,
      int warmth,
      @Schema(enumeration = {"hot", "warm", "cool", "cold"}) String level) {

    static TeamContactDto of(TeamContact t) {
      return new TeamContactDto(
          t.userId(),
          t.name(),
          t.email(),
          t.emailed(),
          t.replies(),
          t.meetings(),
          t.connections(),
          t.people(),
          t.lastContactAt(),
          t.warmth(),
          t.level());
    }
  }

  /** The account with its warmest people and who on the team has talked to them. */
  public record AccountDetail(
      long id,
      String name,
      String domain,
      int leads,
      int score,
      BigDecimal averageLeadScore,
      Instant lastContactAt,
      List<PersonDto> people,
      List<TeamContactDto> team) {}

  public record NodeDto(
      @Schema(example = "lead:42") String id,
      @Schema(enumeration = {"lead", "account", "user"}) String kind,
      String label,
      Integer score) {

    static NodeDto of(GraphNode n) {
      return new NodeDto(n.id(), n.kind().json(), n.label(), n.score());
    }
  }

  public record EdgeDto(
      String source,
      String target,
      @Schema(enumeration = {"works_at", "emailed", "replied", "met", "introduced_by", "knows"})
          String kind,
      double strength,
      long count,
      Instant lastAt) {

    static EdgeDto of(GraphEdge e) {
      return new EdgeDto(
          e.source(), e.target(), e.kind().json(), e.strength(), e.count(), e.lastAt());
    }
  }

  public record GraphDto(List<NodeDto> nodes, List<EdgeDto> edges, String focus) {

    static GraphDto of(Graph g) {
      return new GraphDto(
          g.nodes().stream().map(NodeDto::of).toList(),
          g.edges().stream().map(EdgeDto::of).toList(),
          g.focus());
    }
  }

  public record WarmPathDto(
      long leadId,
      boolean found,
      int hops,
      int maxDepth,
      List<NodeDto> nodes,
      List<EdgeDto> edges) {

    static WarmPathDto of(WarmPath p, int maxDepth) {
      return new WarmPathDto(
          p.leadId(),
          p.found(),
          p.hops(),
          maxDepth,
          p.nodes().stream().map(NodeDto::of).toList(),
          p.edges().stream().map(EdgeDto::of).toList());
    }
  }

  /** A manual connection to add: exactly one of leadId and userId. */
  public record ConnectionInput(
      @Schema(
              enumeration = {"knows", "introduced_by"},
              required = true)
          String kind,
      @Schema(description = "Another lead of this workspace") Long leadId,
      @Schema(description = "A member of this workspace") Long userId,
      @Schema(description = "Up to 500 characters") String note) {}

  public record ConnectionDto(
      long id,
      String kind,
      long leadId,
      Long peerLeadId,
      Long peerUserId,
      String peerLabel,
      String note,
      String createdBy,
      Instant createdAt) {

    static ConnectionDto of(LeadConnection c) {
      return new ConnectionDto(
          c.id(),
          c.kind().json(),
          c.leadId(),
          c.peerLeadId(),
          c.peerUserId(),
          c.peerLabel(),
          c.note(),
          c.createdBy(),
          c.createdAt());
    }
  }
}
