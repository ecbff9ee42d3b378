package io.omnireach.billing.invoice;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.plan.MeterWords;
import io.omnireach.billing.plan.Money;
import io.omnireach.brand.Brand;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders an invoice as PDF (OpenPDF) in the issuer's brand: product name, primary and accent
 * colour, support email and URL. A draft says so on every page.
 */
public final class InvoicePdf {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final Color INK = new Color(0x1f, 0x29, 0x37);
  private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
  private static final Color RULE = new Color(0xe5, 0xe7, 0xeb);
  private static final Color ZEBRA = new Color(0xf9, 0xfa, 0xfb);

  private InvoicePdf() {}

  /**
   * @param brand the issuer's effective brand (the reseller's, or the platform's)
   */
  public static byte[] render(InvoiceView invoice, Brand brand) {
    Color primary = color(brand.primaryColor(), new Color(0x4f, 0x46, 0xe5));
    Color accent = color(brand.accentColor(), primary);
    String product = brand.productName() == null ? "OmniReach" : brand.productName();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 48, 48, 150, 60);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.addTitle("Invoice " + title(invoice));
      doc.addAuthor(product);
      doc.addCreator(product);
      writer.setPageEvent(new Header(invoice, product, primary));
      doc.open();

      PdfPTable parties = new PdfPTable(new float[] {1, 1});
      parties.setWidthPercentage(100);
      parties.addCell(block("From", product, contact(brand)));
      parties.addCell(
          block(
              "Bill to",
              invoice.billTo(),
              "Period "
                  + DAY.format(invoice.periodStart())
                  + " – "
                  + DAY.format(invoice.periodEnd())
                  + "\n"
                  + (invoice.finalizedAt() == null
                      ? "Not issued yet"
                      : "Issued "
                          + DAY.format(invoice.finalizedAt().atZone(ZoneOffset.UTC))
                          + " · due on receipt")));
      doc.add(parties);
      doc.add(spacer(18));

      PdfPTable lines = new PdfPTable(new float[] {4.2f, 1.3f, 1.3f, 1.3f, 1.9f, 1.6f});
      lines.setWidthPercentage(100);
      lines.setHeaderRows(1);
      for (String h :
          new String[] {
            "Description", "Quantity", "Included", "Billable", "Unit price", "Amount"
          }) {
        PdfPCell c =
            cell(
                h,
                font(8, Font.BOLD, MUTED),
                h.equals("Description") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(accent);
        c.setBorderWidth(1.2f);
        c.setPaddingBottom(6);
        lines.addCell(c);
      }
      int row = 0;
      for (Line l : invoice.lines()) {
        Color bg = row++ % 2 == 1 ? ZEBRA : Color.WHITE;
        boolean counted = l.kind() == LineKind.USAGE || l.kind() == LineKind.SEATS;
        lines.addCell(
            shaded(cell(l.description(), font(9.5f, Font.NORMAL, INK), Element.ALIGN_LEFT), bg));
        lines.addCell(shaded(number(MeterWords.count(l.quantity())), bg));
        lines.addCell(shaded(number(counted ? MeterWords.count(l.included()) : ""), bg));
        lines.addCell(shaded(number(counted ? MeterWords.count(l.billable()) : ""), bg));
        lines.addCell(shaded(number(unit(l, invoice.currency())), bg));
        lines.addCell(shaded(number(Money.format(l.amountMinor(), invoice.currency())), bg));
      }
      doc.add(lines);

      PdfPTable total = new PdfPTable(new float[] {8, 3});
      total.setWidthPercentage(100);
      PdfPCell label =
          cell("Total (" + invoice.currency() + ")", font(11, Font.BOLD, INK), Element.ALIGN_RIGHT);
      label.setBorder(Rectangle.TOP);
      label.setBorderColor(RULE);
      label.setPaddingTop(10);
      total.addCell(label);
      PdfPCell amount =
          cell(
              Money.format(invoice.totalMinor(), invoice.currency()),
              font(14, Font.BOLD, primary),
              Element.ALIGN_RIGHT);
      amount.setBorder(Rectangle.TOP);
      amount.setBorderColor(RULE);
      amount.setPaddingTop(8);
      total.addCell(amount);
      doc.add(total);

      doc.add(spacer(28));
      Paragraph thanks =
          new Paragraph(
              invoice.status() == InvoiceStatus.DRAFT
                  ? "This is a draft: it changes with your usage until the month ends."
                  : "Thank you for your business.",
              font(9.5f, Font.NORMAL, MUTED));
      doc.add(thanks);
      String help = contact(brand);
      if (!help.isBlank()) {
        doc.add(
            new Paragraph(
                "Questions about this invoice? " + help.replace("\n", " · "),
                font(9.5f, Font.NORMAL, MUTED)));
      }
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Could not render invoice " + invoice.id(), e);
    }
    return out.toByteArray();
  }

  /** The number, or "draft 2026-03". */
  public static String title(InvoiceView invoice) {
    return invoice.number() != null
        ? invoice.number()
        : "draft "
            + invoice.periodStart().getYear()
            + "-"
            + String.format("%02d", invoice.periodStart().getMonthValue());
  }

  private static String unit(Line l, String currency) {
    if (l.pricePer1000Micros() != null) {
      return Money.unitPrice(l.pricePer1000Micros(), currency);
    }
    return l.unitPriceMinor() == null ? "" : Money.format(l.unitPriceMinor(), currency);
  }

  private static String contact(Brand brand) {
    StringBuilder s = new StringBuilder();
    if (brand.supportEmail() != null) {
      s.append(brand.supportEmail());
    }
    if (brand.supportUrl() != null) {
      s.append(s.length() > 0 ? "\n" : "").append(brand.supportUrl());
    }
    return s.toString();
  }

  /** The coloured band with the product name, "Invoice", number and status on every page. */
  private static final class Header extends com.lowagie.text.pdf.PdfPageEventHelper {
    private final InvoiceView invoice;
    private final String product;
    private final Color primary;

    Header(InvoiceView invoice, String product, Color primary) {
      this.invoice = invoice;
      this.product = product;
      this.primary = primary;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte cb = writer.getDirectContentUnder();
      Rectangle page = document.getPageSize();
      cb.saveState();
      cb.setColorFill(primary);
      cb.rectangle(0, page.getHeight() - 110, page.getWidth(), 110);
      cb.fill();
      cb.restoreState();
      PdfContentByte over = writer.getDirectContent();
      com.lowagie.text.pdf.ColumnText.showTextAligned(
          over,
          Element.ALIGN_LEFT,
          new Phrase(product, font(22, Font.BOLD, Color.WHITE)),
          48,
          page.getHeight() - 58,
          0);
      com.lowagie.text.pdf.ColumnText.showTextAligned(
          over,
          Element.ALIGN_LEFT,
          new Phrase("Invoice", font(11, Font.NORMAL, Color.WHITE)),
          48,
          page.getHeight() - 80,
          0);
      com.lowagie.text.pdf.ColumnText.showTextAligned(
          over,
          Element.ALIGN_RIGHT,
          new Phrase(title(invoice), font(16, Font.BOLD, Color.WHITE)),
          page.getWidth() - 48,
          page.getHeight() - 58,
          0);
      com.lowagie.text.pdf.ColumnText.showTextAligned(
          over,
          Element.ALIGN_RIGHT,
          new Phrase(invoice.status().name(), font(10, Font.BOLD, Color.WHITE)),
          page.getWidth() - 48,
          page.getHeight() - 80,
          0);
      com.lowagie.text.pdf.ColumnText.showTextAligned(
          over,
          Element.ALIGN_CENTER,
          new Phrase(product + " · page " + writer.getPageNumber(), font(8, Font.NORMAL, MUTED)),
          page.getWidth() / 2,
          30,
          0);
    }
  }

  private static PdfPCell block(String label, String name, String detail) {
    PdfPCell c = new PdfPCell();
    c.setBorder(Rectangle.NO_BORDER);
    c.addElement(new Paragraph(label.toUpperCase(Locale.ROOT), font(8, Font.BOLD, MUTED)));
    c.addElement(new Paragraph(name, font(12, Font.BOLD, INK)));
    c.addElement(new Paragraph(detail, font(9.5f, Font.NORMAL, MUTED)));
    return c;
  }

  private static PdfPCell cell(String text, Font font, int align) {
    PdfPCell c = new PdfPCell(new Phrase(text, font));
    c.setHorizontalAlignment(align);
    c.setBorder(Rectangle.BOTTOM);
    c.setBorderColor(RULE);
    c.setPadding(6);
    return c;
  }

  private static PdfPCell number(String text) {
    return cell(text, font(9.5f, Font.NORMAL, INK), Element.ALIGN_RIGHT);
  }

  private static PdfPCell shaded(PdfPCell c, Color bg) {
    c.setBackgroundColor(bg);
    return c;
  }

  private static Paragraph spacer(float height) {
    Paragraph p = new Paragraph(new Chunk(" "));
    p.setSpacingAfter(height);
    return p;
  }

  private static Font font(float size, int style, Color color) {
    return new Font(Font.HELVETICA, size, style, color);
  }

  private static Color color(String hex, Color fallback) {
    if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
      return fallback;
    }
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }
}
