package io.omnireach.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMX;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Load on the real Vaadin UI without browsers: each simulated user is an HTTP client that speaks
 * Vaadin Flow's own client protocol, as Chromium sends it ({@link UiJourneyRecorder} prints a real
 * browser's requests for the same journey): the page request with its initial UIDL, then UIDL POSTs
 * ({@code ?v-r=uidl&v-uiId=…}) carrying the CSRF token, the server's sync id and the client's
 * message id, with the RPCs a browser sends — the login form's {@code login} event, router
 * navigation, the grid's viewport range, the search field's value.
 *
 * <p>Journey per user, after signing in: dashboard → leads → scroll the grid → filter (search text)
 * → a lead's page → runs, repeated with a think time between clicks. Each action's time is the wall
 * time of the round trips a browser makes for it (navigation, then the grid's data request). Prints
 * p50/p95 per action and, attached to the server's JVM over JMX, the heap after a full collection
 * with and without the sessions (heap per session).
 *
 * <p>{@code -Duibench.sign-in-first} (default true): every user signs in before any user starts the
 * journey, so sign-ins (Argon2id) do not run during the timed clicks; false: each user starts right
 * after its own sign-in.
 *
 * <p>{@code UiBench baseUrl serverPid email password users...}
 */
public final class UiBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final boolean DEBUG = Boolean.getBoolean("uibench.debug");

  /** A lead's id in the grid's row data (the name column's renderer property "id"). */
  private static final Pattern LEAD_ID = Pattern.compile("\"lr_[0-9a-f]+_id\":(\\d+)");

  /** The grid connector's acknowledgement request: {@code $connector.confirm(updateId)}. */
  private static final Pattern CONFIRM =
      Pattern.compile(
          "\\[\\[0,(\\d+)\\],(\\d+)(?:\\.0)?,\"return \\$0\\.\\$connector\\.confirm\\(\\$1\\)\"\\]");

  /**
   * Property-change events a browser sends right after new components render (their web components
   * set these properties on start-up), as recorded by {@link UiJourneyRecorder}.
   */
  private static final java.util.Set<String> STARTUP_EVENTS =
      java.util.Set.of(
          "primary-section-changed",
          "drawer-opened-changed",
          "overlay-changed",
          "collapsed-changed",
          "expanded-changed",
          "opened-changed",
          "value-changed",
          "filter-changed",
          "error-changed");

  private static final List<String> ACTIONS =
      List.of("sign-in", "dashboard", "leads", "scroll", "filter", "lead page", "runs");
  private static final String[] FILTERS = {"an", "son", "er", "li", "ma", "te"};

  private final String base;
  private final String email;
  private final String password;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final int rounds = Integer.getInteger("uibench.rounds", 3);
  private final long thinkMillis = Long.getLong("uibench.think-ms", 1000);
  private final long rampMillis = Long.getLong("uibench.ramp-ms", 100);

  /**
   * Every user signs in before any user clicks (true, the default), so the clicks are not timed
   * while the server also hashes passwords (Argon2id) for users still arriving; false: each user
   * starts clicking right after its own sign-in, as before.
   */
  private final boolean signInFirst =
      Boolean.parseBoolean(System.getProperty("uibench.sign-in-first", "true"));

  private UiBench(String base, String email, String password) {
    this.base = base;
    this.email = email;
    this.password = password;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    long pid = Long.parseLong(args[1]);
    UiBench bench = new UiBench(base, args[2], args[3]);
    int[] userCounts = Arrays.stream(args, 4, args.length).mapToInt(Integer::parseInt).toArray();
    try (ServerHeap heap = ServerHeap.attach(pid)) {
      // one user first: loads every class and view once, so the baseline is not start-up cost
      bench.run(1, false);
      long before = heap.afterGc();
      System.out.printf(
          "UI bench: %s, think time %d ms between clicks, %d rounds of the journey per user,"
              + " %s%n",
          base,
          bench.thinkMillis,
          bench.rounds,
          bench.signInFirst
              ? "all users signed in before the first click"
              : "each user clicks right after its own sign-in");
      System.out.printf("  server heap after GC, warm, no bench sessions: %.1f MB%n", mb(before));
      for (int users : userCounts) {
        Map<String, List<Long>> times = bench.run(users, true);
        long after = heap.afterGc();
        long perSession = (after - before) / users;
        System.out.printf("%n%d concurrent signed-in users%n", users);
        System.out.printf(
            "  %-10s %7s %9s %9s %9s%n", "action", "count", "p50 ms", "p95 ms", "max ms");
        double worstP95 = 0;
        for (String action : ACTIONS) {
          long[] t =
              times.getOrDefault(action, List.of()).stream()
                  .mapToLong(Long::longValue)
                  .sorted()
                  .toArray();
          if (t.length == 0) {
            continue;
          }
          double p95 = percentile(t, 95);
          if (!"sign-in".equals(action)) {
            worstP95 = Math.max(worstP95, p95);
          }
          System.out.printf(
              "  %-10s %7d %9.1f %9.1f %9.1f%n",
              action, t.length, percentile(t, 50), p95, t[t.length - 1] / 1e6);
        }
        System.out.printf(
            "  heap after GC: %.1f MB with these %d sessions open (+%.1f MB) -> %.0f kB per session%n",
            mb(after), users, mb(after - before), perSession / 1024.0);
        System.out.printf(
            "  worst p95 of a click: %.1f ms (target < 300 ms at 50 users); heap per session %.0f kB"
                + " (target <= 300 kB)%n",
            worstP95, perSession / 1024.0);
        before = after; // the next round's sessions come on top of these
      }
    }
  }

  /**
   * {@code users} concurrent users, each signing in and running the journey {@link #rounds} times;
   * with {@link #signInFirst}, the journeys start once every user has signed in (or failed to).
   */
  private Map<String, List<Long>> run(int users, boolean think) throws Exception {
    Map<String, List<Long>> times = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(users);
    // users that signed in or failed to: with signInFirst, clicks start when it reaches zero
    CountDownLatch arrived = new CountDownLatch(users);
    AtomicInteger signedIn = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      for (int u = 0; u < users; u++) {
        int index = u;
        pool.submit(
            () -> {
              boolean counted = false;
              try {
                if (think) {
                  // users arrive over a ramp-up (RAMP_MS per user), not all in the same millisecond
                  Thread.sleep(ThreadLocalRandom.current().nextLong(rampMillis * users + 1));
                }
                User user = new User();
                try {
                  time(times, "sign-in", user::signIn);
                  signedIn.incrementAndGet();
                } finally {
                  arrived.countDown();
                  counted = true;
                }
                if (signInFirst) {
                  arrived.await();
                  if (think) {
                    // the same ramp again, so that the clicks do not all start at once
                    Thread.sleep(ThreadLocalRandom.current().nextLong(rampMillis * users + 1));
                  }
                }
                for (int round = 0; round < rounds; round++) {
                  int r = round;
                  pause(think);
                  time(times, "dashboard", () -> user.navigate("", "stat-leads"));
                  pause(think);
                  time(times, "leads", user::openLeads);
                  pause(think);
                  time(times, "scroll", () -> user.scroll(50 * (1 + r % 3)));
                  pause(think);
                  time(times, "filter", () -> user.filter(FILTERS[(index + r) % FILTERS.length]));
                  pause(think);
                  time(times, "lead page", user::openLead);
                  pause(think);
                  time(times, "runs", () -> user.navigate("runs", null));
                }
              } catch (Throwable e) {
                failures.add(e);
              } finally {
                if (!counted) {
                  arrived.countDown();
                }
                done.countDown();
              }
              return null;
            });
      }
      done.await();
    } finally {
      pool.shutdown();
    }
    if (failures.size() == users) {
      Throwable first = failures.peek();
      throw new IllegalStateException("all " + users + " users failed; first: " + first, first);
    }
    if (!failures.isEmpty()) {
      // reported, not hidden: a user whose request failed (e.g. timed out) stops its journey
      System.out.printf(
          "  %d of %d users stopped on an error; first: %s%n",
          failures.size(), users, failures.peek());
    }
    return times;
  }

  private void pause(boolean think) throws InterruptedException {
    if (think) {
      // think time of a person: thinkMillis on average, never all users in lock-step
      Thread.sleep(thinkMillis / 2 + ThreadLocalRandom.current().nextLong(thinkMillis + 1));
    }
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void time(Map<String, List<Long>> times, String action, Action a)
      throws Exception {
    long start = System.nanoTime();
    a.run();
    long took = System.nanoTime() - start;
    times
        .computeIfAbsent(action, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
        .add(took);
  }

  /** One browser tab: its session cookie, UI id, CSRF token, sync and client ids, and node ids. */
  private final class User {
    private String cookie = "";
    private int uiId;
    private String csrf;
    private int syncId;
    private int clientId;
    private int history;
    private int promise;

    /** Element id attribute → state node id, from the UIDL changes seen so far. */
    private final Map<String, Integer> nodesById = new HashMap<>();

    private final Map<Integer, String> tags = new HashMap<>();
    private final List<String> leadIds = new ArrayList<>();

    void signIn() throws Exception {
      // the page (session cookie), then Flow's init request: UI id, CSRF token, first UIDL
      expect(get("/login"), "/login");
      HttpResponse<String> init = get("/?v-r=init&location=login&query=");
      expect(init, "init");
      JsonNode config = JSON.readTree(init.body()).path("appConfig");
      uiId = config.path("v-uiId").asInt();
      apply(config.path("uidl"));
      route("/login", "");
      Integer form = nodesById.get("login-form");
      if (form == null) {
        throw new IllegalStateException("no login form after navigating to /login");
      }
      ObjectNode disable = rpc("mSync", form);
      disable.put("feature", 1);
      disable.put("property", "disabled");
      disable.put("value", true);
      ObjectNode login = rpc("event", form);
      login.put("event", "login");
      ObjectNode data = login.putObject("data");
      data.put("event.detail.username", email);
      data.put("event.detail.password", password);
      String response = uidl(List.of(disable, login));
      if (!nodesById.containsKey("stat-leads")) {
        throw new IllegalStateException("sign-in did not show the dashboard: " + head(response));
      }
    }

    void navigate(String location, String expectId) throws Exception {
      route(location, "client");
      if (expectId != null && !nodesById.containsKey(expectId)) {
        throw new IllegalStateException(
            "navigation to '" + location + "' did not show #" + expectId);
      }
    }

    /** What the router sends on a click: a {@code ui-navigate} event on the UI's root node (1). */
    private void route(String route, String trigger) throws Exception {
      ObjectNode nav = rpc("event", 1);
      nav.put("event", "ui-navigate");
      ObjectNode data = nav.putObject("data");
      data.put("route", route);
      data.put("query", "");
      data.put("appShellTitle", "OmniReach");
      data.putObject("historyState").put("idx", history++);
      data.put("trigger", trigger);
      uidl(List.of(nav));
    }

    void openLeads() throws Exception {
      // the first page comes with the navigation's answer (no range request, as in a browser)
      navigate("leads", "leads-grid");
    }

    void scroll(int first) throws Exception {
      requestRange(first, 50);
    }

    void filter(String text) throws Exception {
      Integer field = nodesById.get("lead-search");
      ObjectNode sync = rpc("mSync", field);
      sync.put("feature", 1);
      sync.put("property", "value");
      sync.put("value", text);
      ObjectNode event = rpc("event", field);
      event.put("event", "input");
      event.putObject("data").put("1", 1).put("for", "trailing");
      uidl(List.of(sync, event));
    }

    void openLead() throws Exception {
      if (leadIds.isEmpty()) {
        throw new IllegalStateException("no lead id seen in the grid's data");
      }
      String id = leadIds.get(ThreadLocalRandom.current().nextInt(leadIds.size()));
      route("leads/" + id, "link");
    }

    private String requestRange(int first, int count) throws Exception {
      Integer grid = nodesById.get("leads-grid");
      ObjectNode range = rpc("publishedEventHandler", grid);
      range.put("templateEventMethodName", "setViewportRange");
      range.putArray("templateEventMethodArgs").add(first).add(count);
      range.put("promise", promise++);
      return uidl(List.of(range));
    }

    private void collectLeadIds(String response) {
      Matcher m = LEAD_ID.matcher(response);
      while (m.find() && leadIds.size() < 200) {
        leadIds.add(m.group(1));
      }
    }

    private ObjectNode navigation(String location) {
      ObjectNode nav = JSON.createObjectNode();
      nav.put("type", "navigation");
      nav.put("location", location);
      nav.put("link", 1);
      return nav;
    }

    private ObjectNode rpc(String type, Integer node) {
      if (node == null) {
        throw new IllegalStateException("no state node for a " + type + " RPC");
      }
      ObjectNode rpc = JSON.createObjectNode();
      rpc.put("type", type);
      rpc.put("node", node);
      return rpc;
    }

    private String uidl(List<ObjectNode> rpcs) throws Exception {
      ObjectNode body = JSON.createObjectNode();
      body.put("csrfToken", csrf);
      ArrayNode list = body.putArray("rpc");
      rpcs.forEach(list::add);
      body.put("syncId", syncId);
      body.put("clientId", clientId);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                  .header("Content-Type", "application/json; charset=UTF-8")
                  .header("Cookie", cookie)
                  .timeout(Duration.ofSeconds(120))
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      keepCookie(response);
      expect(response, "uidl");
      String text = response.body();
      if (text.startsWith("for(;;);")) {
        text = text.substring("for(;;);".length());
      }
      if (DEBUG) {
        System.out.println(">> " + JSON.writeValueAsString(body) + "\n<< " + text);
      }
      JsonNode json = JSON.readTree(text);
      if (json.isArray()) {
        json = json.get(0);
      }
      if (json.path("meta").has("appError") || json.path("meta").has("sessionExpired")) {
        throw new IllegalStateException("UIDL error: " + head(text));
      }
      clientId++;
      apply(json);
      collectLeadIds(text);
      List<ObjectNode> followUps = new ArrayList<>();
      // what the browser answers at once: start-up property events of new components, and the
      // grid's confirmation of each data update
      for (JsonNode change : json.path("changes")) {
        if (change.path("feat").asInt() == 4
            && "put".equals(change.path("type").asText())
            && STARTUP_EVENTS.contains(change.path("key").asText())) {
          ObjectNode event = rpc("event", change.path("node").asInt());
          event.put("event", change.path("key").asText());
          event.putObject("data");
          followUps.add(event);
        }
      }
      Integer grid = nodesById.get("leads-grid");
      Matcher confirm = CONFIRM.matcher(text);
      while (confirm.find()) {
        if (grid != null && grid == Integer.parseInt(confirm.group(1))) {
          ObjectNode ack = rpc("publishedEventHandler", grid);
          ack.put("templateEventMethodName", "confirmUpdate");
          ack.putArray("templateEventMethodArgs").add(Integer.parseInt(confirm.group(2)));
          ack.put("promise", promise++);
          followUps.add(ack);
        }
      }
      if (!followUps.isEmpty()) {
        uidl(followUps);
      }
      return text;
    }

    private void apply(JsonNode uidl) {
      if (uidl.has("syncId")) {
        syncId = uidl.get("syncId").asInt();
      }
      if (uidl.has("Vaadin-Security-Key")) {
        csrf = uidl.get("Vaadin-Security-Key").asText();
      }
      for (JsonNode change : uidl.path("changes")) {
        if (!"put".equals(change.path("type").asText())) {
          continue;
        }
        int node = change.path("node").asInt();
        String key = change.path("key").asText();
        if ("tag".equals(key)) {
          tags.put(node, change.path("value").asText());
        } else if ("id".equals(key) && change.path("value").isTextual()) {
          nodesById.put(change.path("value").asText(), node);
        }
      }
    }

    private HttpResponse<String> get(String path) throws Exception {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Cookie", cookie)
                  .timeout(Duration.ofSeconds(120))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      keepCookie(response);
      return response;
    }

    private void keepCookie(HttpResponse<?> response) {
      for (String set : response.headers().allValues("Set-Cookie")) {
        if (set.startsWith("JSESSIONID=")) {
          cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
        }
      }
    }
  }

  private static void expect(HttpResponse<String> response, String what) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          what + ": HTTP " + response.statusCode() + " " + head(response.body()));
    }
  }

  private static String head(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  /** The server's JVM over JMX (local attach): a full collection, then the heap still used. */
  private static final class ServerHeap implements AutoCloseable {
    private final JMXConnector connector;
    private final MemoryMXBean memory;

    private ServerHeap(JMXConnector connector, MemoryMXBean memory) {
      this.connector = connector;
      this.memory = memory;
    }

    static ServerHeap attach(long pid) throws Exception {
      var vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid));
      String address = vm.startLocalManagementAgent();
      vm.detach();
      JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
      MemoryMXBean memory =
          JMX.newMXBeanProxy(
              connector.getMBeanServerConnection(),
              new javax.management.ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME),
              MemoryMXBean.class);
      return new ServerHeap(connector, memory);
    }

    long afterGc() {
      // twice: the first collection may leave work for the finalizer/reference handlers
      memory.gc();
      memory.gc();
      return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws Exception {
      connector.close();
    }
  }
}
