package io.omnireach.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything the tenant holds about one lead, one JSON file per step (PostgreSQL writes the JSON of
 * whole rows, so a new column is exported without a code change), then a last step that zips them
 * with a README.txt manifest. Vectors are left out: they are derived from the texts exported beside
 * them.
 */
final class LeadExport {

  /** One file of the archive: its SQL yields one jsonb value; every {@code ?} is the lead id. */
  record Section(String name, String description, String sql) {}

  static final List<Section> SECTIONS =
      List.of(
          new Section(
              "lead",
              "the lead's fields, custom fields, consent, tags, scores",
              "select to_jsonb(l) from leads l where l.id = ?"),
          new Section(
              "messages",
              "every email, SMS and call queued or sent to the lead (subject, body, status)",
              rows("messages", "lead_id = ?")),
          new Section(
              "message_events",
              "what happened to each message (queued, sent, opened, clicked, bounced …)",
              "select coalesce(jsonb_agg(to_jsonb(e) order by e.id), '[]') from message_events e"
                  + " join messages m on m.id = e.message_id where m.lead_id = ?"),
          new Section("replies", "replies received from the lead", rows("replies", "lead_id = ?")),
          new Section(
              "tasks",
              "tasks about the lead (calls, LinkedIn, approvals) with notes and outcomes",
              rows("workflow_tasks", "lead_id = ?")),
          new Section(
              "meetings", "meetings booked through Calendly", rows("meetings", "lead_id = ?")),
          new Section(
              "workflow_runs",
              "the workflows the lead was enrolled in, each with its steps",
              "select coalesce(jsonb_agg(to_jsonb(r) || jsonb_build_object('steps', (select"
                  + " coalesce(jsonb_agg(to_jsonb(n) order by n.id), '[]') from node_runs n"
                  + " where n.run_id = r.id)) order by r.id), '[]') from workflow_runs r"
                  + " where r.lead_id = ?"),
          new Section(
              "signals",
              "the lead's history signals (replies, meetings, opens) the workflow engine read",
              rows("lead_signals", "lead_id = ?")),
          new Section(
              "history_texts",
              "the texts embedded for AI drafts (source texts of the lead's search index)",
              "select coalesce(jsonb_agg(to_jsonb(h) - 'embedding' order by h.occurred_at), '[]')"
                  + " from lead_history_chunks h where h.lead_id = ?"),
          new Section(
              "connections",
              "relationships added by hand (knows, introduced by)",
              rows("lead_connections", "lead_id = ? or peer_lead_id = ?")),
          new Section(
              "graph_edges",
              "the relationship graph's edges about the lead",
              "select coalesce(jsonb_agg(to_jsonb(g)), '[]') from graph_edges g"
                  + " where g.lead_id = ? or g.peer_lead_id = ?"),
          new Section(
              "deals",
              "deals with the lead, each with its lines, negotiation decisions and events",
              "select coalesce(jsonb_agg(to_jsonb(d) || jsonb_build_object("
                  + "'lines', (select coalesce(jsonb_agg(to_jsonb(x) order by x.id), '[]')"
                  + " from deal_lines x where x.deal_id = d.id),"
                  + " 'decisions', (select coalesce(jsonb_agg(to_jsonb(x) order by x.id), '[]')"
                  + " from deal_decisions x where x.deal_id = d.id),"
                  + " 'events', (select coalesce(jsonb_agg(to_jsonb(x) order by x.id), '[]')"
                  + " from deal_events x where x.deal_id = d.id)) order by d.id), '[]')"
                  + " from deals d where d.lead_id = ?"),
          new Section(
              "ai_calls",
              "AI calls made for the lead (provider, model, tokens; prompts are not stored)",
              rows("ai_call", "lead_id = ?")),
          new Section(
              "webhook_deliveries",
              "webhook events and workflow HTTP actions about the lead (request body, answer)",
              rows("webhook_deliveries", "lead_id = ?")),
          new Section(
              "ad_audiences",
              "retargeting audiences the lead is in (SHA-256 hashes of email and phone only)",
              "select coalesce(jsonb_agg(to_jsonb(m) || jsonb_build_object('audience', a.name,"
                  + " 'platform', a.adapter)), '[]') from audience_members m"
                  + " join audiences a on a.id = m.audience_id where m.lead_id = ?"),
          new Section(
              "suppressions",
              "the lead's email on the suppression list (unsubscribed, bounced, complained)",
              "select coalesce(jsonb_agg(to_jsonb(t)), '[]') from suppressions t"
                  + " where t.email = (select lower(email) from leads where id = ?)"));

  /** The step count: the sections, then the archive. */
  static final int STEPS = SECTIONS.size() + 1;

  private LeadExport() {}

  static String stepName(int step) {
    return step < SECTIONS.size() ? SECTIONS.get(step).name() : "archive";
  }

  private static String rows(String table, String where) {
    return "select coalesce(jsonb_agg(to_jsonb(t) order by t.id), '[]') from "
        + table
        + " t where "
        + where;
  }

  /** Runs one step in the caller's transaction; returns the rows it found. */
  static int run(Connection c, long requestId, long leadId, int step, Instant now)
      throws SQLException {
    if (step < SECTIONS.size()) {
      return section(c, requestId, leadId, SECTIONS.get(step));
    }
    return archive(c, requestId, leadId, now);
  }

  private static int section(Connection c, long requestId, long leadId, Section s)
      throws SQLException {
    String json;
    int count;
    try (PreparedStatement ps =
        c.prepareStatement(
            "with s as (select ("
                + s.sql()
                + ") as x) select jsonb_pretty(coalesce(x, 'null'::jsonb)), case jsonb_typeof(x)"
                + " when 'array' then jsonb_array_length(x) when 'object' then 1 else 0 end"
                + " from s")) {
      int params = (int) s.sql().chars().filter(ch -> ch == '?').count();
      for (int i = 1; i <= params; i++) {
        ps.setLong(i, leadId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        json = rs.getString(1);
        count = rs.getInt(2);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into privacy_export_parts (request_id, name, content) values (?, ?, ?)"
                + " on conflict (request_id, name) do update set content = excluded.content")) {
      ps.setLong(1, requestId);
      ps.setString(2, s.name());
      ps.setString(3, json);
      ps.executeUpdate();
    }
    return count;
  }

  private static int archive(Connection c, long requestId, long leadId, Instant now)
      throws SQLException {
    Map<String, String> parts = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("select name, content from privacy_export_parts where request_id = ?")) {
      ps.setLong(1, requestId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parts.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    Map<String, Integer> counts = PrivacyRequests.counts(c, requestId);
    byte[] zip = zip(leadId, now, parts, counts);
    try (PreparedStatement ps =
            c.prepareStatement("update privacy_requests set archive = ? where id = ?");
        PreparedStatement del =
            c.prepareStatement("delete from privacy_export_parts where request_id = ?")) {
      ps.setBytes(1, zip);
      ps.setLong(2, requestId);
      ps.executeUpdate();
      del.setLong(1, requestId);
      del.executeUpdate();
    }
    return parts.size();
  }

  static byte[] zip(
      long leadId, Instant now, Map<String, String> parts, Map<String, Integer> counts) {
    StringBuilder readme =
        new StringBuilder()
            .append("Personal data export of lead ")
            .append(leadId)
            .append("\nCreated: ")
            .append(now)
            .append(
                "\nFormat: one UTF-8 JSON file per kind of data; each holds the stored rows as"
                    + " JSON objects\n(column name: value), timestamps in ISO 8601 with offset."
                    + "\n\nFiles:\n");
    for (Section s : SECTIONS) {
      if (parts.containsKey(s.name())) {
        readme
            .append("  ")
            .append(s.name())
            .append(".json  ")
            .append(counts.getOrDefault(s.name(), 0))
            .append(counts.getOrDefault(s.name(), 0) == 1 ? " record — " : " records — ")
            .append(s.description())
            .append('\n');
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      out.putNextEntry(new ZipEntry("README.txt"));
      out.write(readme.toString().getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      for (Section s : SECTIONS) {
        String json = parts.get(s.name());
        if (json != null) {
          out.putNextEntry(new ZipEntry(s.name() + ".json"));
          out.write(json.getBytes(StandardCharsets.UTF_8));
          out.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
