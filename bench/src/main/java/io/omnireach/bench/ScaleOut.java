package io.omnireach.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Drives work through several Liberty servers of one build on one database (scripts/scale-out.sh
 * starts them): imports LEADS leads, enrols them into start → send → wait → send → end, lets the
 * reply poller read REPLIES replies from an IMAP inbox, kills server KILL with kill -9 once KILL_AT
 * emails have arrived, lets the others finish, then checks exactly-once from the database and the
 * SMTP sink and prints the split of the work per server.
 *
 * <p>Which server sent a message: each server resolves the mailbox's host name {@code
 * mail.scale.test} to its own loopback address 127.0.0.(1+i) (a {@code jdk.net.hosts.file} per
 * server), and the sink records the address each message arrived on. The product is unchanged.
 *
 * <p>Arguments come from system properties (see scale-out.sh). Exit code 0 when every check held.
 */
public final class ScaleOut {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  final List<String> urls;
  final List<Path> pidFiles;
  final String jdbc;
  final int leads = Integer.getInteger("scale.leads", 300);
  final int replies = Integer.getInteger("scale.replies", 20);
  final int killIndex = Integer.getInteger("scale.kill", 1);
  final int killAt;
  final String wait = System.getProperty("scale.wait", "PT20S");
  final Duration timeout = Duration.parse(System.getProperty("scale.timeout", "PT10M"));
  final int window = Integer.getInteger("scale.window-per-kill", 21);
  Instant killedAt;

  ScaleOut() {
    urls = List.of(System.getProperty("scale.urls").split(","));
    pidFiles = new ArrayList<>();
    for (String p : System.getProperty("scale.pids").split(",")) {
      pidFiles.add(Path.of(p));
    }
    jdbc = System.getProperty("scale.jdbc");
    killAt = Integer.getInteger("scale.kill-at", leads / 2);
  }

  public static void main(String[] args) throws Exception {
    System.exit(new ScaleOut().run());
  }

  int run() throws Exception {
    String password = "relay-" + UUID.randomUUID();
    // one sink on every loopback address: the address a message arrives on names its server
    try (ScaleSink sink = new ScaleSink()) {
      GreenMail imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
      imap.setUser("sales@acme.example", "relay", password);
      imap.start();
      try {
        return drive(sink, imap, password);
      } finally {
        imap.stop();
      }
    }
  }

  int drive(ScaleSink sink, GreenMail imap, String password) throws Exception {
    for (String u : urls) {
      awaitReady(u);
    }
    long t0 = System.nanoTime();
    String token = token(urls.get(0));
    String tag = "scale" + UUID.randomUUID().toString().substring(0, 6);

    // mailbox: SMTP via the per-server host name, IMAP on the GreenMail inbox
    JsonNode mb =
        call(
            urls.get(0),
            "POST",
            "/api/v1/mailboxes",
            token,
            Map.of(
                "name",
                "Scale " + tag,
                "host",
                "mail.scale.test",
                "port",
                sink.port(),
                "username",
                "relay",
                "password",
                password,
                "tls",
                false,
                "fromAddress",
                "sales@acme.example",
                "dailyCap",
                100_000),
            201);
    long mailbox = mb.get("id").asLong();
    call(
        urls.get(0),
        "PUT",
        "/api/v1/mailboxes/" + mailbox + "/imap",
        token,
        Map.of("host", "127.0.0.1", "port", imap.getImap().getPort(), "tls", false),
        204);
    call(
        urls.get(0),
        "PUT",
        "/api/v1/compliance",
        token,
        Map.of("postalAddress", "Acme Inc., Springfield"),
        -1);

    // the import, through the last server
    StringBuilder csv = new StringBuilder("email,first_name,tags\n");
    for (int i = 0; i < leads; i++) {
      csv.append(tag).append('.').append(i).append("@scale.example,Lead").append(i);
      csv.append(',').append(tag).append('\n');
    }
    String importUrl = urls.get(urls.size() - 1);
    long importId = upload(importUrl, token, csv.toString()).get("id").asLong();
    JsonNode imported =
        poll(
            "import " + importId,
            Duration.ofMinutes(5),
            () -> get(importUrl, "/api/v1/leads/imports/" + importId, token),
            j -> Set.of("COMPLETED", "FAILED").contains(j.path("status").asText()));
    System.out.printf(
        "scale-out: import %d %s (%s rows)%n",
        importId, imported.path("status").asText(), imported.path("imported").asText("?"));

    // the workflow, published through server 1, enrolled through server 2
    Map<String, Object> graph = new LinkedHashMap<>();
    graph.put("name", "Scale " + tag);
    graph.put(
        "nodes",
        List.of(
            Map.of("id", "start", "type", "start"),
            send("intro", mailbox, "Scale test {{lead.firstName}}"),
            Map.of("id", "pause", "type", "wait", "config", Map.of("duration", wait)),
            send("followup", mailbox, "Scale follow-up {{lead.firstName}}"),
            Map.of("id", "end", "type", "end")));
    graph.put(
        "edges",
        List.of(
            Map.of("source", "start", "target", "intro"),
            Map.of("source", "intro", "target", "pause"),
            Map.of("source", "pause", "target", "followup"),
            Map.of("source", "followup", "target", "end")));
    long wf = call(urls.get(0), "POST", "/api/v1/workflows", token, graph, 201).get("id").asLong();
    call(urls.get(0), "POST", "/api/v1/workflows/" + wf + "/publish", token, null, 200);
    String enrolUrl = urls.get(Math.min(1, urls.size() - 1));
    long tEnrol = System.nanoTime();
    JsonNode enrolled =
        call(
            enrolUrl,
            "POST",
            "/api/v1/workflows/" + wf + "/enrollments",
            token,
            Map.of("filter", Map.of("tag", tag)),
            202);
    System.out.printf(
        "scale-out: %s runs enrolled through %s%n", enrolled.path("enrolled").asText(), enrolUrl);

    // kill -9 one server once KILL_AT emails arrived; replies to the first intros meanwhile
    await("emails before the kill", Duration.ofMinutes(5), () -> sink.messages() >= killAt);
    // kill it while it runs the reply poll if it gets to (within 60 s): the others must not wait
    // for an execution that only a restart of the dead server would end
    String victimName = "scale" + (killIndex + 1);
    boolean duringPoll = false;
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      do {
        duringPoll = runningPolls(db, victimName) > 0;
      } while (!duringPoll && System.nanoTime() < end);
    } catch (SQLException e) {
      System.out.println("scale-out: cannot read the job repository: " + e.getMessage());
    }
    long pid = Long.parseLong(Files.readString(pidFiles.get(killIndex)).trim());
    ProcessHandle victim = ProcessHandle.of(pid).orElseThrow();
    victim.destroyForcibly();
    victim.onExit().get();
    int atKill = sink.messages();
    killedAt = Instant.now();
    System.out.printf(
        "scale-out: kill -9 server %d (pid %d) with %d emails received%s%n",
        killIndex + 1, pid, atKill, duringPoll ? ", during its reply poll" : "");
    List<String> alive = new ArrayList<>(urls);
    alive.remove(killIndex);
    String live = alive.get(0);

    int delivered = deliverReplies(sink, imap);
    System.out.printf("scale-out: %d replies delivered to the IMAP inbox%n", delivered);

    // the survivors finish: runs end, the outbox drains, the replies are read
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
      String schema = "tenant_acme";
      await(
          "runs finished, outbox drained, replies read",
          timeout,
          () -> {
            long open =
                scalar(
                    db,
                    "select count(*) from "
                        + schema
                        + ".workflow_runs where workflow_id = "
                        + wf
                        + " and status not in ('succeeded', 'failed', 'cancelled')",
                    0L);
            long outbox =
                scalar(
                    db,
                    "select count(*) from "
                        + schema
                        + ".messages where mailbox_id = "
                        + mailbox
                        + " and status in ('QUEUED','SENDING')",
                    0L);
            long read =
                scalar(
                    db,
                    "select count(*) from " + schema + ".replies where mailbox_id = " + mailbox,
                    0L);
            return open == 0 && outbox == 0 && read >= delivered;
          });
      double seconds = (System.nanoTime() - tEnrol) / 1e9;
      return report(db, schema, wf, mailbox, importId, sink, delivered, seconds, t0, live);
    }
  }

  int report(
      Connection db,
      String schema,
      long wf,
      long mailbox,
      long importId,
      ScaleSink sink,
      int delivered,
      double seconds,
      long t0,
      String live)
      throws SQLException {
    boolean ok = true;
    Map<String, Long> runs =
        groups(
            db,
            "select status, count(*) from "
                + schema
                + ".workflow_runs where workflow_id = "
                + wf
                + " group by 1 order by 1");
    long dupSteps =
        scalar(
            db,
            "select count(*) from (select 1 from "
                + schema
                + ".node_runs n join "
                + schema
                + ".workflow_runs r on r.id = n.run_id where r.workflow_id = "
                + wf
                + " group by n.run_id, n.node_id, n.visit having count(*) > 1) d",
            0L);
    long steps =
        scalar(
            db,
            "select count(*) from "
                + schema
                + ".node_runs n join "
                + schema
                + ".workflow_runs r on r.id = n.run_id where r.workflow_id = "
                + wf
                + " and n.status = 'succeeded'",
            0L);
    Map<String, Long> messages =
        groups(
            db,
            "select status, count(*) from "
                + schema
                + ".messages where mailbox_id = "
                + mailbox
                + " group by 1 order by 1");
    List<String> sentKeys = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select idempotency_key from "
                    + schema
                    + ".messages where mailbox_id = "
                    + mailbox
                    + " and status = 'SENT'")) {
      while (rs.next()) {
        sentKeys.add(rs.getString(1));
      }
    }
    Map<String, Integer> perKey = sink.perKey();
    long missing = sentKeys.stream().filter(k -> !perKey.containsKey(k)).count();
    long unknown = perKey.keySet().stream().filter(k -> !sentKeys.contains(k)).count();
    int duplicates = perKey.values().stream().mapToInt(n -> n - 1).sum();
    long recovered =
        scalar(
            db,
            "select count(*) from "
                + schema
                + ".message_events e join "
                + schema
                + ".messages m on m.id = e.message_id where m.mailbox_id = "
                + mailbox
                + " and e.type = 'RECOVERED'",
            0L);
    long repliesRead =
        scalar(db, "select count(*) from " + schema + ".replies where mailbox_id = " + mailbox, 0L);

    System.out.printf("scale-out: runs %s in %.1f s after enrolment%n", runs, seconds);
    System.out.printf(
        "scale-out: %d steps succeeded, %d (run, node, visit) executed more than once%n",
        steps, dupSteps);
    System.out.printf(
        "scale-out: messages %s; sink: %d received, %d distinct, %d duplicates,"
            + " %d SENT never received, %d received but not SENT, %d recovered after the lease%n",
        messages, sink.messages(), perKey.size(), duplicates, missing, unknown, recovered);
    System.out.printf("scale-out: replies delivered %d, stored %d%n", delivered, repliesRead);

    // split per server: the batch job repository records the server of each execution
    System.out.println("scale-out: split per server");
    Map<String, Long> sentBy = new TreeMap<>();
    sink.perAddress().forEach((addr, n) -> sentBy.put(addr, n.longValue()));
    for (int i = 0; i < urls.size(); i++) {
      String addr = "127.0.0." + (i + 1);
      System.out.printf(
          "  server %d %s%s: emails sent %d%n",
          i + 1, urls.get(i), i == killIndex ? " (killed)" : "", sentBy.getOrDefault(addr, 0L));
    }
    printRows(
        db,
        "select e.serverid, i.jobname, count(distinct e.jobexecid) as executions,"
            + " coalesce(sum(s.m_read), 0) as items_read,"
            + " coalesce(sum(s.m_write), 0) as items_written,"
            + " count(distinct e.jobexecid) filter (where e.batchstatus in (0, 1, 2))"
            + " as left_running"
            + " from batch.jobexecution e join batch.jobinstance i on i.jobinstanceid ="
            + " e.fk_jobinstanceid left join batch.stepthreadexecution s on s.fk_jobexecid ="
            + " e.jobexecid where e.createtime >= now() - interval '1 hour'"
            + " group by 1, 2 order by 2, 1");

    System.out.println("scale-out: reply polls started after the kill, per server");
    printRows(
        db,
        "select e.serverid, count(*) as polls from batch.jobexecution e join batch.jobinstance i"
            + " on i.jobinstanceid = e.fk_jobinstanceid where i.jobname = 'reply-poll'"
            + " and e.createtime > '"
            + java.sql.Timestamp.from(killedAt)
            + "' group by 1 order by 1");

    int kills = 1;
    if (runs.keySet().stream().anyMatch(s -> !Set.of("succeeded", "cancelled").contains(s))) {
      System.out.println("scale-out: FAIL runs not all succeeded (or stopped by a reply): " + runs);
      ok = false;
    }
    if (runs.values().stream().mapToLong(Long::longValue).sum() != leads) {
      System.out.println("scale-out: FAIL expected " + leads + " runs");
      ok = false;
    }
    if (dupSteps != 0) {
      System.out.println("scale-out: FAIL steps executed twice");
      ok = false;
    }
    if (missing != 0 || unknown != 0) {
      System.out.println("scale-out: FAIL SENT and received differ");
      ok = false;
    }
    if (messages.keySet().stream().anyMatch(s -> !s.equals("SENT"))) {
      System.out.println("scale-out: FAIL messages not all SENT: " + messages);
      ok = false;
    }
    if (duplicates > kills * window) {
      System.out.println("scale-out: FAIL duplicates beyond the documented window");
      ok = false;
    }
    if (repliesRead != delivered) {
      System.out.println("scale-out: FAIL replies stored " + repliesRead + " != " + delivered);
      ok = false;
    }
    if (sentBy.size() < urls.size()) {
      System.out.println("scale-out: NOTE not every server sent emails: " + sentBy);
    }
    System.out.printf(
        "scale-out: %s in %.0f s total%n",
        ok ? "OK every check held" : "FAILED", (System.nanoTime() - t0) / 1e9);
    return ok ? 0 : 1;
  }

  /** Replies (out-of-office free "thanks, interested" mails) to the first REPLIES intros. */
  int deliverReplies(ScaleSink sink, GreenMail imap) throws Exception {
    int n = 0;
    for (Map.Entry<String, String> intro : sink.intros(replies).entrySet()) {
      MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
      reply.setFrom(new InternetAddress(intro.getKey()));
      reply.setRecipients(Message.RecipientType.TO, "sales@acme.example");
      reply.setSubject("Re: Scale test");
      reply.setHeader("In-Reply-To", intro.getValue());
      reply.setHeader("References", intro.getValue());
      reply.setText("Sounds interesting, let's talk next week.", "UTF-8");
      reply.saveChanges();
      imap.getUserManager().getUser("relay").deliver(reply);
      n++;
    }
    return n;
  }

  static Map<String, Object> send(String id, long mailbox, String subject) {
    return Map.of(
        "id",
        id,
        "type",
        "send_email",
        "config",
        Map.of("mailboxId", mailbox, "subject", subject, "body", "Hello {{lead.firstName}}"));
  }

  // ---- HTTP ----

  static void awaitReady(String url) throws Exception {
    await(
        url + " ready",
        Duration.ofMinutes(6),
        () -> {
          try {
            return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
          } catch (java.io.IOException e) {
            return false;
          }
        });
  }

  static String token(String url) throws Exception {
    JsonNode r =
        call(
            url,
            "POST",
            "/api/v1/auth/token",
            null,
            Map.of("email", "admin@acme.demo", "password", "omnireach-demo"),
            200);
    return r.get("access_token").asText();
  }

  static JsonNode get(String url, String path, String token) throws Exception {
    return call(url, "GET", path, token, null, 200);
  }

  static JsonNode call(
      String url, String method, String path, String token, Object body, int expected)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (expected > 0 && r.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  static JsonNode upload(String url, String token, String csv) throws Exception {
    String boundary = "----scale" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scale.csv\""
            + "\r\nContent-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/leads/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  // ---- polling (a driver, not a test: plain loops) ----

  interface Check {
    boolean ok() throws Exception;
  }

  interface Fetch {
    JsonNode get() throws Exception;
  }

  static void await(String what, Duration max, Check check) throws Exception {
    long end = System.nanoTime() + max.toNanos();
    while (!check.ok()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for: " + what);
      }
      Thread.sleep(200);
    }
  }

  static JsonNode poll(
      String what, Duration max, Fetch fetch, java.util.function.Predicate<JsonNode> done)
      throws Exception {
    JsonNode[] last = new JsonNode[1];
    await(
        what,
        max,
        () -> {
          last[0] = fetch.get();
          return done.test(last[0]);
        });
    return last[0];
  }

  // ---- SQL ----

  /** Reply-poll executions the repository shows running on the named server. */
  static long runningPolls(Connection db, String server) throws SQLException {
    try (var ps =
        db.prepareStatement(
            "select count(*) from batch.jobexecution e join batch.jobinstance i on"
                + " i.jobinstanceid = e.fk_jobinstanceid where i.jobname = 'reply-poll'"
                + " and e.batchstatus in (0, 1, 2) and e.serverid like ?")) {
      ps.setString(1, "%/" + server);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static String scalar(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static long scalar(Connection db, String sql, long dflt) throws SQLException {
    String v = scalar(db, sql);
    return v == null ? dflt : Long.parseLong(v);
  }

  static Map<String, Long> groups(Connection db, String sql) throws SQLException {
    Map<String, Long> m = new TreeMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getLong(2));
      }
    }
    return m;
  }

  static void printRows(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int cols = rs.getMetaData().getColumnCount();
      StringBuilder h = new StringBuilder("  ");
      for (int c = 1; c <= cols; c++) {
        h.append(rs.getMetaData().getColumnLabel(c)).append(c < cols ? " | " : "");
      }
      System.out.println(h);
      while (rs.next()) {
        StringBuilder row = new StringBuilder("  ");
        for (int c = 1; c <= cols; c++) {
          row.append(rs.getString(c)).append(c < cols ? " | " : "");
        }
        System.out.println(row);
      }
    }
  }
}
