package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Offer documents end to end: the clause library's versions, the price book's allowed clauses,
 * templates with strict merge fields, versioned PDFs stored with the deal (SHA-256 of the bytes),
 * the accepted version frozen (409 problems), the offer email through the outbox with the PDF
 * attached (read back from GreenMail with PDFBox), and tenant isolation of every resource.
 */
class DealDocumentApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  /** A tenant with a lead at a company, a seat product and a 10-seat deal; a clause it allows. */
  private record Desk(
      String admin, String tag, long leadId, long productId, long dealId, String clause) {}

  private static Desk desk(String prefix) throws Exception {
    String admin = StripeE2e.newTenant(prefix).token();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long lead =
        ok(
                E2e.send(
                    "POST",
                    "/api/v1/leads",
                    admin,
                    "{\"email\":\"ada-"
                        + tag
                        + "@buyer.example\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
                        + "\"company\":\"Acme "
                        + tag
                        + "\"}"),
                201)
            .get("id")
            .asLong();
    long product =
        ok(
                E2e.send(
                    "POST",
                    "/api/v1/products",
                    admin,
                    "{\"name\":\"Seat "
                        + tag
                        + "\",\"currency\":\"USD\",\"listPrice\":\"100.00\",\"floorPrice\":80,"
                        + "\"maxDiscountPercent\":15,\"paymentTerms\":[\"net30\"],"
                        + "\"contractMonths\":[12,24,36]}"),
                201)
            .get("id")
            .asLong();
    long deal =
        ok(
                E2e.send(
                    "POST",
                    "/api/v1/deals",
                    admin,
                    "{\"leadId\":"
                        + lead
                        + ",\"title\":\"Deal "
                        + tag
                        + "\",\"currency\":\"USD\",\"stage\":\"proposal\",\"termMonths\":24,"
                        + "\"paymentTerms\":\"net30\",\"lines\":[{\"productId\":"
                        + product
                        + ",\"quantity\":10,\"discountPercent\":10}]}"),
                201)
            .get("id")
            .asLong();
    String clause = "liability-" + tag;
    ok(
        E2e.send(
            "POST",
            "/api/v1/clauses",
            admin,
            JSON.createObjectNode()
                .put("key", clause)
                .put("title", "Limitation of liability")
                .put("body", "Liability is capped at the fees of twelve months.")
                .put("category", "Legal")
                .toString()),
        201);
    ok(
        E2e.send(
            "PUT",
            "/api/v1/products/" + product + "/clauses",
            admin,
            "{\"clauseKeys\":[\"" + clause + "\"]}"),
        200);
    return new Desk(admin, tag, lead, product, deal, clause);
  }

  private static long template(Desk d, String kind) throws Exception {
    for (JsonNode t : ok(E2e.get("/api/v1/deal-templates", d.admin()), 200).get("items")) {
      if (t.get("kind").asText().equals(kind)) {
        return t.get("id").asLong();
      }
    }
    throw new AssertionError("No built-in " + kind + " template");
  }

  private static JsonNode generate(Desk d, String body) throws Exception {
    return ok(E2e.send("POST", "/api/v1/deals/" + d.dealId() + "/documents", d.admin(), body), 201);
  }

  @Test
  void documents_are_versioned_and_keep_the_clause_versions_they_printed() throws Exception {
    Desk d = desk("docs");
    long orderForm = template(d, "ORDER_FORM");
    JsonNode v1 =
        generate(d, "{\"templateId\":" + orderForm + ",\"clauseKeys\":[\"" + d.clause() + "\"]}");
    assertThat(v1.get("version").asInt()).isEqualTo(1);
    assertThat(v1.get("status").asText()).isEqualTo("GENERATED");
    assertThat(v1.get("clauses").get(0).get("version").asInt()).isEqualTo(1);
    assertThat(v1.get("terms").get("total").decimalValue()).isEqualByComparingTo("900.00");
    byte[] pdf1 = pdf(d, v1.get("id").asLong());
    assertThat(sha256(pdf1)).isEqualTo(v1.get("sha256").asText());
    String text1 = text(pdf1);
    assertThat(text1)
        .contains(
            "Order form: Deal " + d.tag(),
            "Acme " + d.tag(),
            "Seat " + d.tag(),
            "900.00 USD",
            "Contract length: 24 months",
            "Liability is capped at the fees of twelve months.",
            "Signature");

    // editing the clause makes version 2; v1 keeps the text it printed
    JsonNode edited =
        ok(
            E2e.send(
                "PUT",
                "/api/v1/clauses/" + d.clause(),
                d.admin(),
                "{\"body\":\"Liability is capped at the fees of six months.\"}"),
            200);
    assertThat(edited.get("version").asInt()).isEqualTo(2);
    assertThat(
            ok(E2e.get("/api/v1/clauses/" + d.clause() + "/versions", d.admin()), 200)
                .get("items")
                .size())
        .isEqualTo(2);
    JsonNode v2 =
        generate(d, "{\"templateId\":" + orderForm + ",\"clauseKeys\":[\"" + d.clause() + "\"]}");
    assertThat(v2.get("version").asInt()).isEqualTo(2);
    assertThat(v2.get("clauses").get(0).get("version").asInt()).isEqualTo(2);
    assertThat(text(pdf(d, v2.get("id").asLong())))
        .contains("Liability is capped at the fees of six months.");
    assertThat(text(pdf(d, v1.get("id").asLong())))
        .contains("Liability is capped at the fees of twelve months.");
    JsonNode list = ok(E2e.get("/api/v1/deals/" + d.dealId() + "/documents", d.admin()), 200);
    assertThat(list.get("items")).hasSize(2);
    assertThat(list.get("items").get(0).get("version").asInt()).isEqualTo(2);

    // editing a template raises its version; the next document records it
    JsonNode t =
        ok(
            E2e.send(
                "PUT",
                "/api/v1/deal-templates/" + orderForm,
                d.admin(),
                "{\"body\":\"Ordered by {{account.name}} for {{terms.months}} months.\"}"),
            200);
    assertThat(t.get("version").asInt()).isEqualTo(2);
    JsonNode preview =
        ok(
            E2e.send(
                "POST",
                "/api/v1/deal-templates/" + orderForm + "/preview",
                d.admin(),
                "{\"dealId\":" + d.dealId() + "}"),
            200);
    assertThat(preview.get("body").asText())
        .isEqualTo("Ordered by Acme " + d.tag() + " for 24 months.");
    JsonNode v3 = generate(d, "{\"templateId\":" + orderForm + "}");
    assertThat(v3.get("templateVersion").asInt()).isEqualTo(2);
    assertThat(text(pdf(d, v3.get("id").asLong()))).contains("Ordered by Acme " + d.tag());
  }

  @Test
  void clauses_a_product_does_not_allow_and_unknown_merge_fields_are_refused() throws Exception {
    Desk d = desk("docs-bad");
    ok(
        E2e.send(
            "POST",
            "/api/v1/clauses",
            d.admin(),
            "{\"key\":\"sla-"
                + d.tag()
                + "\",\"title\":\"Service levels\",\"body\":\"99.9 % uptime.\","
                + "\"category\":\"Service\"}"),
        201);
    long contract = template(d, "CONTRACT");
    problem(
        E2e.send(
            "POST",
            "/api/v1/deals/" + d.dealId() + "/documents",
            d.admin(),
            "{\"templateId\":" + contract + ",\"clauseKeys\":[\"sla-" + d.tag() + "\"]}"),
        422,
        "is not allowed for the products of this deal");
    problem(
        E2e.send(
            "POST",
            "/api/v1/deals/" + d.dealId() + "/documents",
            d.admin(),
            "{\"templateId\":" + contract + ",\"clauseKeys\":[\"nope-" + d.tag() + "\"]}"),
        422,
        "No clause 'nope-");
    problem(
        E2e.send(
            "POST",
            "/api/v1/deal-templates",
            d.admin(),
            "{\"kind\":\"CONTRACT\",\"name\":\"Mine\",\"title\":\"T\",\"body\":\"Price:"
                + " {{deal.price}}\"}"),
        422,
        "Unknown merge field {{deal.price}}");
    problem(
        E2e.send(
            "PUT",
            "/api/v1/products/" + d.productId() + "/clauses",
            d.admin(),
            "{\"clauseKeys\":[\"ghost\"]}"),
        422,
        "No clause 'ghost'");
    // nothing was stored by the refused calls
    assertThat(
            ok(E2e.get("/api/v1/deals/" + d.dealId() + "/documents", d.admin()), 200).get("items"))
        .isEmpty();
    // a clause in a template's slot cannot be removed from the library
    long mine =
        ok(
                E2e.send(
                    "POST",
                    "/api/v1/deal-templates",
                    d.admin(),
                    "{\"kind\":\"CONTRACT\",\"name\":\"Mine "
                        + d.tag()
                        + "\",\"title\":\"Agreement {{deal.title}}\",\"body\":\"Between"
                        + " {{tenant.name}} and {{account.name}}.\",\"clauseKeys\":[\""
                        + d.clause()
                        + "\"]}"),
                201)
            .get("id")
            .asLong();
    problem(
        E2e.send("DELETE", "/api/v1/clauses/" + d.clause(), d.admin(), null),
        409,
        "is in the template");
    // sales read the library but do not write it
    String sales = E2e.token("sales@acme.demo");
    assertThat(
            E2e.send("POST", "/api/v1/deal-templates", sales, "{\"kind\":\"CONTRACT\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(E2e.send("DELETE", "/api/v1/deal-templates/" + mine, d.admin(), null).statusCode())
        .isEqualTo(204);
  }

  @Test
  void the_accepted_version_is_frozen_and_winning_the_deal_freezes_the_latest() throws Exception {
    Desk d = desk("docs-freeze");
    long offer = template(d, "OFFER_LETTER");
    JsonNode v1 = generate(d, "{\"templateId\":" + offer + "}");
    JsonNode v2 = generate(d, "{\"templateId\":" + offer + "}");
    String base = "/api/v1/deals/" + d.dealId() + "/documents/";
    assertThat(E2e.send("DELETE", base + v1.get("id").asLong(), d.admin(), null).statusCode())
        .isEqualTo(204);
    JsonNode accepted = ok(E2e.send("POST", base + v2.get("id") + "/accept", d.admin(), null), 200);
    assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.get("frozen").asBoolean()).isTrue();
    problem(
        E2e.send(
            "POST",
            "/api/v1/deals/" + d.dealId() + "/documents",
            d.admin(),
            "{\"templateId\":" + offer + "}"),
        409,
        "frozen");
    problem(E2e.send("DELETE", base + v2.get("id"), d.admin(), null), 409, "frozen");
    assertThat(pdf(d, v2.get("id").asLong())).isNotEmpty();

    Desk won = desk("docs-won");
    long form = template(won, "ORDER_FORM");
    generate(won, "{\"templateId\":" + form + "}");
    JsonNode last = generate(won, "{\"templateId\":" + form + "}");
    ok(E2e.send("PATCH", "/api/v1/deals/" + won.dealId(), won.admin(), "{\"stage\":\"won\"}"), 200);
    JsonNode frozen =
        ok(
            E2e.get("/api/v1/deals/" + won.dealId() + "/documents/" + last.get("id"), won.admin()),
            200);
    assertThat(frozen.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(frozen.get("frozenBy").asText()).isNotBlank();
    problem(
        E2e.send(
            "POST",
            "/api/v1/deals/" + won.dealId() + "/documents",
            won.admin(),
            "{\"templateId\":" + form + "}"),
        409,
        "frozen");
  }

  @Test
  void the_offer_email_carries_the_pdf_with_the_offered_terms() throws Exception {
    Desk d = desk("docs-mail");
    long mailbox = mailbox(d.admin());
    JsonNode decision =
        ok(
            E2e.send(
                "POST",
                "/api/v1/deals/" + d.dealId() + "/negotiate",
                d.admin(),
                "{\"message\":\"Could you do 12% off on a 36-month contract?\"}"),
            200);
    assertThat(decision.get("action").asText()).isIn("accept", "counter");
    JsonNode terms = decision.get("terms");
    JsonNode doc =
        generate(
            d,
            "{\"templateId\":"
                + template(d, "OFFER_LETTER")
                + ",\"decisionId\":"
                + decision.get("decisionId").asLong()
                + "}");
    assertThat(doc.get("terms").get("total").decimalValue())
        .isEqualByComparingTo(terms.get("total").decimalValue());
    JsonNode sent =
        ok(
            E2e.send(
                "POST",
                "/api/v1/deals/" + d.dealId() + "/documents/" + doc.get("id") + "/send",
                d.admin(),
                "{\"mailboxId\":" + mailbox + "}"),
            202);
    assertThat(sent.get("document").get("status").asText()).isEqualTo("SENT");

    MimeMessage mail = SystemMails.await(smtp, "ada-" + d.tag() + "@buyer.example", 1);
    assertThat(mail.getSubject()).isEqualTo("Re: Deal " + d.tag());
    MimeMultipart mixed = (MimeMultipart) mail.getContent();
    assertThat(mixed.getContentType()).startsWith("multipart/mixed");
    BodyPart file = mixed.getBodyPart(1);
    assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(file.getFileName()).isEqualTo(doc.get("filename").asText());
    assertThat(file.getContentType()).startsWith("application/pdf");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    file.getInputStream().transferTo(bytes);
    assertThat(sha256(bytes.toByteArray())).isEqualTo(doc.get("sha256").asText());
    String pdfText = text(bytes.toByteArray());
    assertThat(pdfText)
        .contains(
            String.format(java.util.Locale.ENGLISH, "%,.2f USD", terms.get("total").decimalValue()),
            "Contract length: " + terms.get("termMonths").asInt() + " months",
            "Seat " + d.tag());
    // the draft of the decision is the email's text
    String body =
        (String) ((MimeMultipart) mixed.getBodyPart(0).getContent()).getBodyPart(0).getContent();
    assertThat(body).contains("Hi Ada", terms.get("total").decimalValue().toPlainString());
    JsonNode timeline = ok(E2e.get("/api/v1/deals/" + d.dealId() + "/timeline", d.admin()), 200);
    assertThat(timeline.toString()).contains("sent to the lead");
  }

  @Test
  void each_workspace_sees_only_its_own_clauses_templates_and_documents() throws Exception {
    Desk a = desk("docs-a");
    JsonNode doc = generate(a, "{\"templateId\":" + template(a, "CONTRACT") + "}");
    ok(
        E2e.send(
            "POST",
            "/api/v1/deal-templates",
            a.admin(),
            "{\"kind\":\"OFFER_LETTER\",\"name\":\"Secret "
                + a.tag()
                + "\",\"title\":\"T\",\"body\":\"B\"}"),
        201);
    String b = StripeE2e.newTenant("docs-b").token();
    assertThat(ok(E2e.get("/api/v1/clauses", b), 200).toString()).doesNotContain(a.clause());
    assertThat(E2e.get("/api/v1/clauses/" + a.clause(), b).statusCode()).isEqualTo(404);
    assertThat(ok(E2e.get("/api/v1/deal-templates", b), 200).toString())
        .doesNotContain("Secret " + a.tag());
    // B has no deals: A's deal and document ids lead nowhere
    String path = "/api/v1/deals/" + a.dealId() + "/documents";
    assertThat(E2e.get(path, b).statusCode()).isEqualTo(404);
    assertThat(E2e.get(path + "/" + doc.get("id") + "/pdf", b).statusCode()).isEqualTo(404);
    assertThat(E2e.send("POST", path + "/" + doc.get("id") + "/accept", b, null).statusCode())
        .isEqualTo(404);
    assertThat(
            E2e.send(
                    "PUT",
                    "/api/v1/products/" + a.productId() + "/clauses",
                    b,
                    "{\"clauseKeys\":[]}")
                .statusCode())
        .isEqualTo(404);
    // A's document is untouched
    assertThat(ok(E2e.get(path, a.admin()), 200).get("items")).hasSize(1);
    assertThat(
            ok(E2e.get("/api/v1/products/" + a.productId() + "/clauses", a.admin()), 200)
                .get("clauseKeys")
                .get(0)
                .asText())
        .isEqualTo(a.clause());
  }

  private static long mailbox(String admin) throws Exception {
    String json =
        "{\"name\":\"Offers "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"username\":\"relay\",\"password\":\""
            + SMTP_PASSWORD
            + "\",\"tls\":false,\"fromAddress\":\"rep@seller.example\","
            + "\"fromName\":\"Rep\",\"dailyCap\":50}";
    return ok(E2e.sendOnceMigrated("POST", "/api/v1/mailboxes", admin, json), 201)
        .get("id")
        .asLong();
  }

  private static byte[] pdf(Desk d, long docId) throws Exception {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        E2e.BASE_URL
                            + "/api/v1/deals/"
                            + d.dealId()
                            + "/documents/"
                            + docId
                            + "/pdf"))
                .header("Authorization", "Bearer " + d.admin())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    return r.body();
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  private static void problem(HttpResponse<String> r, int status, String detail) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(r.body()).get("detail").asText()).contains(detail);
  }
}
