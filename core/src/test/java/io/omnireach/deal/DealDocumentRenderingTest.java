package io.omnireach.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The strict merge-field renderer and the PDF layout, read back with PDFBox. */
class DealDocumentRenderingTest {

  @Test
  void merge_fields_are_filled_and_unknown_ones_are_refused_by_name() {
    Map<String, String> values = new HashMap<>();
    values.put("deal.title", "Acme — 10 seats");
    values.put("lead.firstName", "Ada");
    assertThat(MergeFields.render("body", "Dear {{ lead.firstName }}, re {{deal.title}}.", values))
        .isEqualTo("Dear Ada, re Acme — 10 seats.");
    assertThatThrownBy(() -> MergeFields.check("body", "Price: {{deal.price}}"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("Unknown merge field {{deal.price}}")
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.UNPROCESSABLE);
    assertThatThrownBy(() -> MergeFields.check("title", "Offer {{deal.title"))
        .hasMessageContaining("Unbalanced braces in title");
    assertThatThrownBy(() -> MergeFields.check("title", "Offer }} here"))
        .hasMessageContaining("Unbalanced braces");
  }

  @Test
  void a_field_without_a_value_prints_a_dash_not_a_blank() {
    assertThat(MergeFields.render("body", "Until {{deal.closeDate}}.", Map.of()))
        .isEqualTo("Until —.");
  }

  @Test
  void the_pdf_shows_parties_lines_total_terms_clauses_and_signatures() throws Exception {
    Terms terms =
        new Terms(
            new BigDecimal("10"),
            24,
            "net30",
            "USD",
            List.of(
                new Terms.Line(
                    3,
                    "Growth seat",
                    10,
                    new BigDecimal("100.00"),
                    new BigDecimal("10"),
                    new BigDecimal("90.00"),
                    new BigDecimal("900.00"))),
            new BigDecimal("900.00"));
    byte[] pdf =
        DealPdf.render(
            new DealPdf.Content(
                new DealPdf.Branding("Northwind Sales", "#0f766e", null),
                DocumentKind.ORDER_FORM,
                "Order form: Acme — 10 seats",
                "This order form lists the products.\n\nSecond paragraph.",
                2,
                12,
                LocalDate.of(2026, 12, 7),
                "rep@northwind.example",
                "Ada Lovelace",
                "Acme Corp",
                "ada@acme.example",
                terms,
                List.of(
                    new DealDocument.UsedClause(
                        "liability-cap",
                        3,
                        "Limitation of liability",
                        "Legal",
                        "Liability is limited to the fees paid in twelve months."))));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "Northwind Sales",
              "Order form",
              "Deal 12 · version 2",
              "7 December 2026",
              "Acme Corp",
              "ada@acme.example",
              "Growth seat",
              "900.00 USD",
              "Contract length: 24 months",
              "Payment: net30",
              "1. Limitation of liability",
              "Liability is limited to the fees paid in twelve months.",
              "Clause liability-cap, version 3",
              "For Northwind Sales",
              "For Acme Corp",
              "Signature");
    }
  }
}
