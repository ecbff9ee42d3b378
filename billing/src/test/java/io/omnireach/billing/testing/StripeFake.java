package io.omnireach.billing.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local fake of the part of Stripe's API that OmniReach calls, on loopback (WireMock), driven by
 * the real stripe-java client. It keeps state and behaves like Stripe where it matters to us:
 *
 * <ul>
 *   <li>a POST with an {@code Idempotency-Key} seen before gets the first answer again (so a
 *       retried customer creation returns the same customer);
 *   <li>billing meter events are kept once per {@code identifier}: a repeated identifier is
 *       answered but not counted again; timestamps older than 35 days or more than 5 minutes ahead
 *       are refused (400) as Stripe documents;
 *   <li>customers, Checkout sessions (setup mode) and Customer Portal sessions return URLs; a test
 *       completes a setup session ({@link #completeSetup}) as the customer would, and a customer's
 *       default payment method for invoices can be set; invoices put in by a test are listed and
 *       retrieved;
 *   <li>invoices made through the API (create a draft, add invoice items to it, finalize it: a
 *       number, status open, amount due) are kept and listed ({@link #invoicesOf});
 *   <li>every call needs a bearer API key (401 otherwise).
 * </ul>
 *
 * Tests read what arrived: {@link #meterTotal} sums {@code payload.value} per customer and event
 * name, {@link #meterRequests} counts requests (duplicates included). {@link #delayMeterEvents} and
 * {@link #failMeterEvents} let crash tests catch the client mid-call.
 */
public final class StripeFake implements AutoCloseable {

  /** One counted meter event. */
  public record MeterEvent(
      String eventName, String customerId, long value, String identifier, long timestamp) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer server;
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong(1000);
  // ids never repeat across fakes, as Stripe's never do (a test database may outlive a fake)
  private final String run = java.util.UUID.randomUUID().toString().substring(0, 6);
  private final Map<String, ObjectNode> customers = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> invoices = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> checkoutSessions = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> portalSessions = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> setupIntents = new ConcurrentHashMap<>();
  private final Map<String, MeterEvent> meterEvents = new ConcurrentHashMap<>();
  private final Map<String, Answer> idempotent = new ConcurrentHashMap<>();
  private final AtomicInteger meterRequests = new AtomicInteger();
  private final Map<String, Integer> requestsPerIdentifier = new ConcurrentHashMap<>();
  private final AtomicInteger failMeterEvents = new AtomicInteger();
  private final java.util.Set<String> refuseInvoices = ConcurrentHashMap.newKeySet();
  private volatile int meterDelayMillis;

  private record Answer(int status, String body) {}

  private StripeFake(int port, Clock clock) {
    this.clock = clock;
    server =
        new WireMockServer(options().bindAddress("127.0.0.1").port(port).extensions(new Handler()));
    server.start();
    server.stubFor(
        any(urlPathMatching("/v1/.*"))
            .willReturn(aResponse().withTransformers(Handler.NAME).withStatus(500)));
  }

  /** On a free port. */
  public static StripeFake start() {
    return new StripeFake(0, Clock.systemUTC());
  }

  /** On a fixed port: the end-to-end server is configured with it before tests start. */
  public static StripeFake start(int port) {
    return new StripeFake(port, Clock.systemUTC());
  }

  /** What OMNIREACH_STRIPE_API_BASE should be. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  // ------------------------------------------------------------------ what tests read and set

  /** The sum of {@code payload.value} of the counted meter events of a customer and event name. */
  public long meterTotal(String customerId, String eventName) {
    return meterEvents.values().stream()
        .filter(e -> e.customerId().equals(customerId) && e.eventName().equals(eventName))
        .mapToLong(MeterEvent::value)
        .sum();
  }

  /** Counted meter events (one per identifier), in no particular order. */
  public List<MeterEvent> meterEvents() {
    return List.copyOf(meterEvents.values());
  }

  /** Meter event requests received, duplicates and refused ones included. */
  public int meterRequests() {
    return meterRequests.get();
  }

  /** Meter event requests received with this identifier (a re-send counts again). */
  public int meterRequests(String identifier) {
    return requestsPerIdentifier.getOrDefault(identifier, 0);
  }

  /** Requests per identifier (a re-send counts again), for a test to print. */
  public Map<String, Integer> meterRequestsByIdentifier() {
    return Map.copyOf(requestsPerIdentifier);
  }

  /** Answers meter events only after this delay (the event is recorded when it arrives). */
  public void delayMeterEvents(Duration delay) {
    meterDelayMillis = (int) delay.toMillis();
  }

  /** The next {@code n} meter event requests get a 500 (nothing recorded). */
  public void failMeterEvents(int n) {
    failMeterEvents.set(n);
  }

  /** The customers created, as Stripe returned them. */
  public List<JsonNode> customers() {
    return List.copyOf(customers.values());
  }

  /** The customer whose metadata has this key and value. */
  public Optional<String> customerWithMetadata(String key, String value) {
    return customers.values().stream()
        .filter(c -> value.equals(c.path("metadata").path(key).asText(null)))
        .map(c -> c.get("id").asText())
        .findFirst();
  }

  /** The Checkout session with this id (its customer, mode, URLs). */
  public JsonNode checkoutSession(String id) {
    return checkoutSessions.get(id);
  }

  /**
   * The customer completes a setup-mode Checkout session: a card is saved in a SetupIntent. Returns
   * the session as a {@code checkout.session.completed} event carries it.
   */
  public ObjectNode completeSetup(String sessionId) {
    ObjectNode session = checkoutSessions.get(sessionId);
    ObjectNode intent = JSON.createObjectNode();
    intent.put("id", "seti_" + run + ids.incrementAndGet());
    intent.put("object", "setup_intent");
    intent.put("customer", session.get("customer").asText());
    intent.put("payment_method", "pm_" + run + ids.incrementAndGet());
    intent.put("status", "succeeded");
    setupIntents.put(intent.get("id").asText(), intent);
    session.put("status", "complete");
    session.put("setup_intent", intent.get("id").asText());
    return session.deepCopy();
  }

  /** The payment method the customer's invoices are charged to, if one was set. */
  public Optional<String> defaultPaymentMethod(String customerId) {
    return Optional.ofNullable(customers.get(customerId))
        .map(c -> c.path("invoice_settings").path("default_payment_method").asText(null));
  }

  /** The portal session with this id. */
  public JsonNode portalSession(String id) {
    return portalSessions.get(id);
  }

  /**
   * Puts (or replaces) an invoice, as Stripe would hold it, and returns it.
   *
   * @param lines description → [quantity, amount in cents]
   */
  public ObjectNode putInvoice(
      String id,
      String customerId,
      String number,
      String status,
      String currency,
      Instant periodStart,
      Instant periodEnd,
      Map<String, long[]> lines) {
    ObjectNode in = JSON.createObjectNode();
    in.put("id", id);
    in.put("object", "invoice");
    in.put("customer", customerId);
    in.put("number", number);
    in.put("status", status);
    in.put("currency", currency);
    in.put("created", clock.instant().getEpochSecond());
    in.put("period_start", periodStart.getEpochSecond());
    in.put("period_end", periodEnd.getEpochSecond());
    in.put("hosted_invoice_url", "https://invoice.stripe.test/i/" + id);
    in.put("invoice_pdf", "https://pay.stripe.test/invoice/" + id + "/pdf");
    in.put("livemode", false);
    ObjectNode list = in.putObject("lines");
    list.put("object", "list");
    list.put("has_more", false);
    list.put("url", "/v1/invoices/" + id + "/lines");
    ArrayNode data = list.putArray("data");
    long total = 0;
    for (Map.Entry<String, long[]> l : lines.entrySet()) {
      ObjectNode line = data.addObject();
      line.put("id", "il_" + run + ids.incrementAndGet());
      line.put("object", "line_item");
      line.put("description", l.getKey());
      line.put("quantity", l.getValue()[0]);
      line.put("amount", l.getValue()[1]);
      line.put("currency", currency);
      ObjectNode period = line.putObject("period");
      period.put("start", periodStart.getEpochSecond());
      period.put("end", periodEnd.getEpochSecond());
      total += l.getValue()[1];
    }
    in.put("subtotal", total);
    in.put("total", total);
    in.put("amount_due", "paid".equals(status) ? 0 : total);
    in.put("amount_paid", "paid".equals(status) ? total : 0);
    invoices.put(id, in);
    return in;
  }

  /**
   * Invoices for the customer whose {@code omnireach_slug} metadata is this are refused (400), as
   * Stripe refuses a customer it cannot invoice.
   */
  public void refuseInvoicesFor(String slug) {
    refuseInvoices.add(slug);
  }

  /** The customer's invoices, as Stripe holds them now. */
  public List<JsonNode> invoicesOf(String customerId) {
    return invoices.values().stream()
        .filter(i -> customerId.equals(i.path("customer").asText()))
        .map(i -> (JsonNode) i.deepCopy())
        .toList();
  }

  /** An invoice as Stripe holds it now, with its status changed (e.g. "paid" for an event). */
  public ObjectNode invoiceWithStatus(String id, String status) {
    ObjectNode in = invoices.get(id);
    in.put("status", status);
    if ("paid".equals(status)) {
      in.put("amount_paid", in.get("total").asLong());
      in.put("amount_due", 0);
    }
    return in.deepCopy();
  }

  // ------------------------------------------------------------------ the fake API

  private final class Handler implements ResponseDefinitionTransformerV2 {

    static final String NAME = "stripe-fake";

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request r = event.getRequest();
      String auth = r.getHeader("Authorization");
      if (auth == null || !auth.startsWith("Bearer sk_")) {
        return error(401, "authentication_error", "Invalid API Key provided.", null).build();
      }
      String path = r.getUrl().split("\\?", 2)[0];
      String method = r.getMethod().getName();
      if ("POST".equals(method)) {
        if (path.equals("/v1/billing/meter_events")) {
          meterRequests.incrementAndGet();
          String identifier = form(r.getBodyAsString()).get("identifier");
          if (identifier != null) {
            requestsPerIdentifier.merge(identifier, 1, Integer::sum);
          }
        }
        // one POST at a time: a request racing another with the same Idempotency-Key gets the
        // first one's answer, as Stripe makes it (it answers 409 and the client retries)
        synchronized (idempotent) {
          String key = r.getHeader("Idempotency-Key");
          Answer seen = key == null ? null : idempotent.get(path + key);
          if (seen != null) {
            return json(seen.status(), seen.body()).build();
          }
          ResponseDefinition def = post(path, form(r.getBodyAsString())).build();
          if (key != null && def.getStatus() < 500) {
            idempotent.put(path + key, new Answer(def.getStatus(), def.getBody()));
          }
          return def;
        }
      }
      return get(path, query(r.getUrl())).build();
    }
  }

  private ResponseDefinitionBuilder post(String path, Map<String, String> form) {
    if (path.equals("/v1/customers")) {
      ObjectNode c = JSON.createObjectNode();
      c.put("id", "cus_" + run + ids.incrementAndGet());
      c.put("object", "customer");
      c.put("name", form.get("name"));
      c.put("email", form.get("email"));
      c.put("created", clock.instant().getEpochSecond());
      c.put("livemode", false);
      ObjectNode metadata = c.putObject("metadata");
      nested(form, "metadata").forEach(metadata::put);
      customers.put(c.get("id").asText(), c);
      return json(200, c.toString());
    }
    if (path.equals("/v1/billing/meter_events")) {
      return meterEvent(form);
    }
    if (path.startsWith("/v1/customers/")) {
      ObjectNode c = customers.get(path.substring("/v1/customers/".length()));
      if (c == null) {
        return error(404, "invalid_request_error", "No such customer: " + path, "id");
      }
      String method = nested(form, "invoice_settings").get("default_payment_method");
      if (method != null) {
        c.putObject("invoice_settings").put("default_payment_method", method);
      }
      return json(200, c.toString());
    }
    if (path.equals("/v1/invoices")) {
      String customer = form.get("customer");
      if (customer == null || !customers.containsKey(customer)) {
        return error(400, "invalid_request_error", "No such customer: " + customer, "customer");
      }
      if (refuseInvoices.contains(
          customers.get(customer).path("metadata").path("omnireach_slug").asText())) {
        return error(
            400, "invalid_request_error", "This customer cannot be invoiced (fake).", "customer");
      }
      String id = "in_" + run + ids.incrementAndGet();
      ObjectNode in = JSON.createObjectNode();
      in.put("id", id);
      in.put("object", "invoice");
      in.put("customer", customer);
      in.put("status", "draft");
      in.put("currency", form.get("currency"));
      in.put("description", form.get("description"));
      in.put("collection_method", form.get("collection_method"));
      in.put("auto_advance", Boolean.parseBoolean(form.get("auto_advance")));
      in.put("created", clock.instant().getEpochSecond());
      in.put("period_start", clock.instant().getEpochSecond());
      in.put("period_end", clock.instant().getEpochSecond());
      in.put("livemode", false);
      ObjectNode metadata = in.putObject("metadata");
      nested(form, "metadata").forEach(metadata::put);
      ObjectNode list = in.putObject("lines");
      list.put("object", "list");
      list.put("has_more", false);
      list.put("url", "/v1/invoices/" + id + "/lines");
      list.putArray("data");
      in.put("subtotal", 0);
      in.put("total", 0);
      in.put("amount_due", 0);
      in.put("amount_paid", 0);
      invoices.put(id, in);
      return json(200, in.toString());
    }
    if (path.equals("/v1/invoiceitems")) {
      ObjectNode in = invoices.get(String.valueOf(form.get("invoice")));
      if (in == null || !"draft".equals(in.get("status").asText())) {
        return error(
            400, "invalid_request_error", "No draft invoice " + form.get("invoice"), "invoice");
      }
      if (form.get("amount") == null || !form.get("currency").equals(in.get("currency").asText())) {
        return error(400, "invalid_request_error", "Missing amount or other currency", "amount");
      }
      long amount = Long.parseLong(form.get("amount"));
      ObjectNode line = ((ArrayNode) in.get("lines").get("data")).addObject();
      line.put("id", "il_" + run + ids.incrementAndGet());
      line.put("object", "line_item");
      line.put("description", form.get("description"));
      line.put("quantity", 1);
      line.put("amount", amount);
      line.put("currency", form.get("currency"));
      long total = in.get("total").asLong() + amount;
      in.put("subtotal", total);
      in.put("total", total);
      ObjectNode item = JSON.createObjectNode();
      item.put("id", "ii_" + run + ids.incrementAndGet());
      item.put("object", "invoiceitem");
      item.put("customer", form.get("customer"));
      item.put("invoice", in.get("id").asText());
      item.put("amount", amount);
      item.put("currency", form.get("currency"));
      item.put("description", form.get("description"));
      return json(200, item.toString());
    }
    if (path.startsWith("/v1/invoices/") && path.endsWith("/finalize")) {
      ObjectNode in =
          invoices.get(
              path.substring("/v1/invoices/".length(), path.length() - "/finalize".length()));
      if (in == null || !"draft".equals(in.get("status").asText())) {
        return error(400, "invalid_request_error", "This invoice is already finalized.", "id");
      }
      String id = in.get("id").asText();
      long total = in.get("total").asLong();
      in.put("number", "FAKE-" + ids.incrementAndGet());
      in.put("status", total > 0 ? "open" : "paid"); // Stripe marks a zero invoice paid
      in.put("amount_due", Math.max(0, total));
      in.put("hosted_invoice_url", "https://invoice.stripe.test/i/" + id);
      in.put("invoice_pdf", "https://pay.stripe.test/invoice/" + id + "/pdf");
      return json(200, in.toString());
    }
    if (path.equals("/v1/checkout/sessions")) {
      String customer = form.get("customer");
      if (customer == null || !customers.containsKey(customer)) {
        return error(400, "invalid_request_error", "No such customer: " + customer, "customer");
      }
      if (form.get("success_url") == null || form.get("mode") == null) {
        return error(400, "invalid_request_error", "Missing mode or success_url", "mode");
      }
      String id = "cs_test_" + run + ids.incrementAndGet();
      ObjectNode s = JSON.createObjectNode();
      s.put("id", id);
      s.put("object", "checkout.session");
      s.put("mode", form.get("mode"));
      s.put("customer", customer);
      s.put("currency", form.get("currency"));
      s.put("status", "open");
      s.put("success_url", form.get("success_url"));
      s.put("cancel_url", form.get("cancel_url"));
      s.put("url", baseUrl() + "/checkout/" + id);
      checkoutSessions.put(id, s);
      return json(200, s.toString());
    }
    if (path.equals("/v1/billing_portal/sessions")) {
      String customer = form.get("customer");
      if (customer == null || !customers.containsKey(customer)) {
        return error(400, "invalid_request_error", "No such customer: " + customer, "customer");
      }
      String id = "bps_" + run + ids.incrementAndGet();
      ObjectNode s = JSON.createObjectNode();
      s.put("id", id);
      s.put("object", "billing_portal.session");
      s.put("customer", customer);
      s.put("return_url", form.get("return_url"));
      s.put("url", baseUrl() + "/portal/" + id);
      portalSessions.put(id, s);
      return json(200, s.toString());
    }
    return error(
        404, "invalid_request_error", "Unrecognized request URL (POST: " + path + ")", null);
  }

  private ResponseDefinitionBuilder meterEvent(Map<String, String> form) {
    if (failMeterEvents.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      return error(500, "api_error", "Something went wrong on Stripe's end (fake).", null);
    }
    String name = form.get("event_name");
    Map<String, String> payload = nested(form, "payload");
    String customer = payload.get("stripe_customer_id");
    String value = payload.get("value");
    if (name == null || customer == null || value == null) {
      return error(400, "invalid_request_error", "Missing event_name or payload", "payload");
    }
    long now = clock.instant().getEpochSecond();
    long timestamp = form.containsKey("timestamp") ? Long.parseLong(form.get("timestamp")) : now;
    if (timestamp < now - Duration.ofDays(35).toSeconds() || timestamp > now + 300) {
      return error(
          400,
          "invalid_request_error",
          "Timestamp must be within the past 35 days or up to 5 minutes in the future",
          "timestamp");
    }
    String identifier = form.getOrDefault("identifier", "gen_" + run + ids.incrementAndGet());
    meterEvents.putIfAbsent(
        identifier, new MeterEvent(name, customer, Long.parseLong(value), identifier, timestamp));
    ObjectNode e = JSON.createObjectNode();
    e.put("object", "billing.meter_event");
    e.put("created", now);
    e.put("event_name", name);
    e.put("identifier", identifier);
    e.put("livemode", false);
    e.put("timestamp", timestamp);
    ObjectNode p = e.putObject("payload");
    payload.forEach(p::put);
    ResponseDefinitionBuilder answer = json(200, e.toString());
    return meterDelayMillis > 0 ? answer.withFixedDelay(meterDelayMillis) : answer;
  }

  private ResponseDefinitionBuilder get(String path, Map<String, String> query) {
    if (path.startsWith("/v1/invoices/") && path.endsWith("/lines")) {
      ObjectNode in = invoices.get(path.substring("/v1/invoices/".length(), path.length() - 6));
      return in == null
          ? error(404, "invalid_request_error", "No such invoice: " + path, "id")
          : json(200, in.get("lines").toString());
    }
    if (path.startsWith("/v1/invoices/")) {
      ObjectNode in = invoices.get(path.substring("/v1/invoices/".length()));
      return in == null
          ? error(404, "invalid_request_error", "No such invoice: " + path, "id")
          : json(200, in.toString());
    }
    if (path.equals("/v1/invoices")) {
      String customer = query.get("customer");
      ObjectNode list = JSON.createObjectNode();
      list.put("object", "list");
      list.put("has_more", false);
      list.put("url", "/v1/invoices");
      ArrayNode data = list.putArray("data");
      invoices.values().stream()
          .filter(i -> customer == null || customer.equals(i.get("customer").asText()))
          .sorted((a, b) -> Long.compare(b.get("created").asLong(), a.get("created").asLong()))
          .forEach(data::add);
      return json(200, list.toString());
    }
    if (path.startsWith("/v1/setup_intents/")) {
      ObjectNode i = setupIntents.get(path.substring("/v1/setup_intents/".length()));
      return i == null
          ? error(404, "invalid_request_error", "No such setupintent: " + path, "intent")
          : json(200, i.toString());
    }
    if (path.startsWith("/v1/customers/")) {
      ObjectNode c = customers.get(path.substring("/v1/customers/".length()));
      return c == null
          ? error(404, "invalid_request_error", "No such customer: " + path, "id")
          : json(200, c.toString());
    }
    return error(
        404, "invalid_request_error", "Unrecognized request URL (GET: " + path + ")", null);
  }

  // ------------------------------------------------------------------ HTTP and form helpers

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_fake")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder error(
      int status, String type, String message, String param) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode e = body.putObject("error");
    e.put("type", type);
    e.put("message", message);
    if (param != null) {
      e.put("param", param);
    }
    return json(status, body.toString());
  }

  /** Stripe's form encoding: {@code a=b&payload[value]=3}. */
  static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return form;
  }

  private static Map<String, String> query(String url) {
    int q = url.indexOf('?');
    return q < 0 ? Map.of() : form(url.substring(q + 1));
  }

  /** The {@code name[key]=value} entries of a form as key → value. */
  private static Map<String, String> nested(Map<String, String> form, String name) {
    Map<String, String> out = new LinkedHashMap<>();
    String prefix = name + "[";
    for (Map.Entry<String, String> e : form.entrySet()) {
      if (e.getKey().startsWith(prefix) && e.getKey().endsWith("]")) {
        out.put(e.getKey().substring(prefix.length(), e.getKey().length() - 1), e.getValue());
      }
    }
    return out;
  }
}
