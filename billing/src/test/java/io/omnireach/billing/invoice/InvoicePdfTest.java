package io.omnireach.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandField;
import io.omnireach.usage.Meter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

  @Test
  void the_pdf_carries_the_issuers_brand_the_number_the_lines_and_the_total() throws Exception {
    InvoiceView invoice =
        new InvoiceView(
            42,
            "DEMO-2026-000042",
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 31),
            13_971,
            "USD",
            InvoiceStatus.OPEN,
            Invoice.Source.SELF,
            "TEAM",
            "Acme Demo",
            "reseller:1",
            1L,
            Instant.parse("2026-04-01T00:05:00Z"),
            null,
            null,
            null,
            List.of(
                new Line(
                    LineKind.BASE_FEE, "Team plan, March 2026", null, 1, 0, 1, 9900L, null, 9900),
                new Line(
                    LineKind.SEATS,
                    "Seats (5 included)",
                    Meter.ACTIVE_SEATS,
                    7,
                    5,
                    2,
                    1900L,
                    null,
                    3800),
                new Line(
                    LineKind.USAGE,
                    "Emails sent",
                    Meter.EMAILS_SENT,
                    12_500,
                    10_000,
                    2_500,
                    null,
                    1_000_000L,
                    250),
                new Line(
                    LineKind.USAGE,
                    "AI input tokens",
                    Meter.AI_INPUT_TOKENS,
                    2_345_678,
                    2_000_000,
                    345_678,
                    null,
                    600L,
                    21)));
    Brand brand =
        Brand.EMPTY
            .with(BrandField.PRODUCT_NAME, "Demo Reach")
            .with(BrandField.PRIMARY_COLOR, "#0f766e")
            .with(BrandField.SUPPORT_EMAIL, "billing@demo-reach.test");
    byte[] pdf = InvoicePdf.render(invoice, brand);
    Path out = Path.of("target", "invoice-sample.pdf");
    Files.write(out, pdf); // to look at

    PdfReader reader = new PdfReader(pdf);
    try {
      assertThat(reader.getNumberOfPages()).isEqualTo(1);
      String text = new PdfTextExtractor(reader).getTextFromPage(1);
      assertThat(text)
          .contains("Demo Reach", "DEMO-2026-000042", "OPEN", "Acme Demo")
          .contains("Team plan, March 2026", "Emails sent", "12,500", "2,500", "$1.00 per 1,000")
          .contains("$0.60 per 1M", "$139.71", "billing@demo-reach.test");
      assertThat(reader.getInfo().get("Title")).isEqualTo("Invoice DEMO-2026-000042");
    } finally {
      reader.close();
    }
  }
}
