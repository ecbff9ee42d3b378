package io.omnireach.privacy;

import io.omnireach.channel.Suppressions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Erases one person from every tenant table that holds them, a step per kind of data, each in its
 * own transaction with the request's progress. First the hashed suppression (so nothing can be sent
 * to them even while the rest runs), last the lead row itself, so each step still finds the email,
 * phone and name it matches on. What each table gets, and why:
 *
 * <ul>
 *   <li>suppressions: the plain-text entry of the email is replaced by hashes of email and phone;
 *   <li>privacy_requests: export archives of the person are dropped (the request rows stay, with
 *       the lead id only, as the record that the request was carried out);
 *   <li>ai_call: the ledger row stays for costs and billing, without its link to the lead;
 *       ai_cache: generated texts naming the person's email or full name are deleted;
 *   <li>lead_signals, lead_history_chunks (the lead's embeddings and their source texts),
 *       lead_connections (graph edges added by hand; the graph's other edges are a view over the
 *       rows deleted here), workflow_tasks, workflow_runs (with node_runs), deals (with lines,
 *       decisions, events, approval tasks), meetings, replies, messages (the outbox, with events),
 *       simulations that sampled the lead, activity lines and import errors naming the email:
 *       deleted;
 *   <li>leads: deleted last.
 * </ul>
 *
 * Not touched: the platform's audit log (append-only; it names leads by id) and usage events (they
 * hold no personal data).
 */
final class LeadErasure {

  /** Who is erased, as read from the lead before each step (nulls once the lead is gone). */
  record Subject(long leadId, String email, String phone, String fullName) {}

  @FunctionalInterface
  interface Step {
    int run(Connection c, Subject s, Instant now) throws SQLException;
  }

  record NamedStep(String name, Step step) {}

  private static final String EMAIL = "lower(?)";

  static final List<NamedStep> STEPS =
      List.of(
          new NamedStep(
              "suppression",
              (c, s, now) -> {
                Suppressions.addErased(c, s.email(), s.phone(), now);
                return (s.email() == null ? 0 : 1) + (s.phone() == null ? 0 : 1);
              }),
          new NamedStep(
              "export_archives",
              (c, s, now) ->
                  update(
                          c,
                          "update privacy_requests set archive = null where lead_id = ?"
                              + " and archive is not null",
                          s.leadId())
                      + update(
                          c,
                          "delete from privacy_export_parts where request_id in"
                              + " (select id from privacy_requests where lead_id = ?)",
                          s.leadId())),
          new NamedStep(
              "ai_calls",
              (c, s, now) ->
                  update(c, "update ai_call set lead_id = null where lead_id = ?", s.leadId())
                      + update(
                          c,
                          "delete from ai_cache where (? is not null and (body ilike '%' || ?"
                              + " || '%' or subject ilike '%' || ? || '%')) or (? is not null and"
                              + " (body ilike '%' || ? || '%' or subject ilike '%' || ? || '%'))",
                          s.email(),
                          s.email(),
                          s.email(),
                          s.fullName(),
                          s.fullName(),
                          s.fullName())),
          new NamedStep(
              "signals",
              (c, s, now) -> update(c, "delete from lead_signals where lead_id = ?", s.leadId())),
          new NamedStep(
              "history_embeddings",
              (c, s, now) ->
                  update(c, "delete from lead_history_chunks where lead_id = ?", s.leadId())),
          new NamedStep(
              "graph",
              (c, s, now) ->
                  update(
                      c,
                      "delete from lead_connections where lead_id = ? or peer_lead_id = ?",
                      s.leadId(),
                      s.leadId())),
          new NamedStep(
              "tasks",
              (c, s, now) -> update(c, "delete from workflow_tasks where lead_id = ?", s.leadId())),
          new NamedStep(
              "workflow_runs",
              (c, s, now) -> update(c, "delete from workflow_runs where lead_id = ?", s.leadId())),
          new NamedStep(
              "deals", (c, s, now) -> update(c, "delete from deals where lead_id = ?", s.leadId())),
          new NamedStep(
              "meetings",
              (c, s, now) ->
                  update(
                      c,
                      "delete from meetings where lead_id = ? or lower(invitee_email) = " + EMAIL,
                      s.leadId(),
                      s.email())),
          new NamedStep(
              "replies",
              (c, s, now) ->
                  update(
                      c,
                      "delete from replies where lead_id = ? or lower(from_address) = "
                          + EMAIL
                          + " or (? is not null and from_address = ?)",
                      s.leadId(),
                      s.email(),
                      s.phone(),
                      s.phone())),
          new NamedStep(
              "messages",
              (c, s, now) ->
                  update(
                      c,
                      "delete from messages where lead_id = ? or lower(to_address) = "
                          + EMAIL
                          + " or (? is not null and to_address = ?)",
                      s.leadId(),
                      s.email(),
                      s.phone(),
                      s.phone())),
          new NamedStep(
              "webhook_deliveries",
              (c, s, now) ->
                  update(c, "delete from webhook_deliveries where lead_id = ?", s.leadId())),
          // audience_members (hashes only) stays: the next audience sync removes the person from
          // the ad platform's audience (they left the segment) and then forgets the row
          new NamedStep(
              "simulations",
              (c, s, now) ->
                  update(
                      c,
                      "delete from simulations where lead_ids @> jsonb_build_array(?::bigint)",
                      s.leadId())),
          new NamedStep(
              "activity",
              (c, s, now) ->
                  update(
                          c,
                          "delete from activity where (? is not null and summary ilike '%' || ? ||"
                              + " '%') or (? is not null and summary ilike '%' || ? || '%')",
                          s.email(),
                          s.email(),
                          s.fullName(),
                          s.fullName())
                      + update(
                          c,
                          "delete from lead_import_errors where ? is not null"
                              + " and reason ilike '%' || ? || '%'",
                          s.email(),
                          s.email())),
          new NamedStep(
              "lead", (c, s, now) -> update(c, "delete from leads where id = ?", s.leadId())));

  static final int STEPS_TOTAL = STEPS.size();

  private LeadErasure() {}

  static String stepName(int step) {
    return STEPS.get(step).name();
  }

  /** Runs one step in the caller's transaction; returns the rows it removed. */
  static int run(Connection c, long leadId, int step, Instant now) throws SQLException {
    return STEPS.get(step).step().run(c, subject(c, leadId), now);
  }

  static Subject subject(Connection c, long leadId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select email, phone, nullif(btrim(concat_ws(' ', first_name, last_name)), '')"
                + " from leads where id = ?")) {
      ps.setLong(1, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Subject(leadId, null, null, null);
        }
        String name = rs.getString(3);
        // a single short name ("Al") would match unrelated texts: full names only
        return new Subject(
            leadId,
            rs.getString(1),
            rs.getString(2),
            name != null && name.contains(" ") && name.length() >= 5 ? name : null);
      }
    }
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        if (params[i] instanceof Long l) {
          ps.setLong(i + 1, l);
        } else {
          ps.setString(i + 1, (String) params[i]);
        }
      }
      return ps.executeUpdate();
    }
  }
}
