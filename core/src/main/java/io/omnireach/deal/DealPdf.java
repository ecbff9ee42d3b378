package io.omnireach.deal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Lays a deal document out as PDF with OpenPDF (the library billing's invoices use): a band in the
 * tenant's colour with its name (and logo, when one is uploaded), the parties, the template's text,
 * the line items with discount and total, the terms, the numbered clauses with their exact text and
 * a signature block for both sides.
 */
public final class DealPdf {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final Color INK = new Color(0x1f, 0x29, 0x37);
  private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
  private static final Color RULE = new Color(0xe5, 0xe7, 0xeb);
  private static final Color ZEBRA = new Color(0xf9, 0xfa, 0xfb);

  /** The tenant's name, colour ({@code #rrggbb}) and logo (PNG or JPEG bytes, or null). */
  public record Branding(String name, String color, byte[] logo) {}

  /** Everything the page shows. */
  public record Content(
      Branding brand,
      DocumentKind kind,
      String title,
      String body,
      int version,
      long dealId,
      LocalDate date,
      String ownerEmail,
      String buyerName,
      String buyerCompany,
      String buyerEmail,
      Terms terms,
      List<DealDocument.UsedClause> clauses) {}

  private DealPdf() {}

  public static byte[] render(Content c) {
    Color primary = color(c.brand().color(), new Color(0x6d, 0x28, 0xd9));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 56, 56, 140, 64);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.addTitle(c.title());
      doc.addAuthor(c.brand().name());
      doc.addCreator(c.brand().name());
      writer.setPageEvent(new Band(c, primary, logo(c.brand().logo())));
      doc.open();

      Paragraph title = new Paragraph(c.title(), font(18, Font.BOLD, INK));
      title.setSpacingAfter(14);
      doc.add(title);

      PdfPTable parties = new PdfPTable(new float[] {1, 1});
      parties.setWidthPercentage(100);
      parties.addCell(block("From", c.brand().name(), nz(c.ownerEmail())));
      String buyer = c.buyerCompany() == null ? c.buyerName() : c.buyerCompany();
      parties.addCell(
          block(
              "To",
              nz(buyer),
              (c.buyerCompany() == null ? "" : nz(c.buyerName()) + "\n") + nz(c.buyerEmail())));
      doc.add(parties);
      doc.add(spacer(10));

      for (String para : c.body().split("\\R\\s*\\R")) {
        Paragraph p = new Paragraph(para.strip(), font(10.5f, Font.NORMAL, INK));
        p.setLeading(15);
        p.setSpacingAfter(8);
        doc.add(p);
      }
      doc.add(spacer(6));
      doc.add(lines(c.terms(), primary));
      doc.add(terms(c.terms()));

      if (!c.clauses().isEmpty()) {
        doc.add(heading("Terms and conditions", primary));
        int n = 1;
        for (DealDocument.UsedClause cl : c.clauses()) {
          Paragraph h = new Paragraph(n++ + ". " + cl.title(), font(10.5f, Font.BOLD, INK));
          h.setSpacingBefore(6);
          doc.add(h);
          Paragraph body = new Paragraph(cl.body(), font(9.5f, Font.NORMAL, INK));
          body.setLeading(13.5f);
          doc.add(body);
          doc.add(
              new Paragraph(
                  "Clause " + cl.key() + ", version " + cl.version(),
                  font(7.5f, Font.NORMAL, MUTED)));
        }
      }

      doc.add(heading("Signatures", primary));
      PdfPTable sign = new PdfPTable(new float[] {1, 1});
      sign.setWidthPercentage(100);
      sign.setKeepTogether(true);
      sign.addCell(signature("For " + c.brand().name()));
      sign.addCell(signature("For " + nz(buyer)));
      doc.add(sign);
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Could not render the document of deal " + c.dealId(), e);
    }
    return out.toByteArray();
  }

  private static PdfPTable lines(Terms t, Color primary) {
    PdfPTable table = new PdfPTable(new float[] {4.4f, 1.1f, 1.7f, 1.2f, 1.8f});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String h : new String[] {"Product", "Qty", "Unit price", "Discount", "Amount"}) {
      PdfPCell cell =
          cell(
              h,
              font(8, Font.BOLD, MUTED),
              h.equals("Product") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
      cell.setBorder(Rectangle.BOTTOM);
      cell.setBorderColor(primary);
      cell.setBorderWidth(1.2f);
      table.addCell(cell);
    }
    int row = 0;
    for (Terms.Line l : t.lines()) {
      Color bg = row++ % 2 == 1 ? ZEBRA : Color.WHITE;
      table.addCell(shaded(cell(l.product(), font(10, Font.NORMAL, INK), Element.ALIGN_LEFT), bg));
      table.addCell(shaded(number("" + l.quantity()), bg));
      table.addCell(shaded(number(money(l.unitPrice(), t.currency())), bg));
      table.addCell(shaded(number(Money.percent(l.discountPercent())), bg));
      table.addCell(shaded(number(money(l.net(), t.currency())), bg));
    }
    PdfPCell label = cell("Total", font(11, Font.BOLD, INK), Element.ALIGN_RIGHT);
    label.setColspan(4);
    label.setBorder(Rectangle.NO_BORDER);
    label.setPaddingTop(10);
    table.addCell(label);
    PdfPCell total =
        cell(money(t.total(), t.currency()), font(13, Font.BOLD, primary), Element.ALIGN_RIGHT);
    total.setBorder(Rectangle.NO_BORDER);
    total.setPaddingTop(9);
    table.addCell(total);
    return table;
  }

  private static Paragraph terms(Terms t) {
    StringBuilder s = new StringBuilder();
    if (t.termMonths() != null) {
      s.append("Contract length: ").append(t.termMonths()).append(" months");
    }
    if (t.paymentTerms() != null) {
      s.append(s.length() > 0 ? "   ·   " : "").append("Payment: ").append(t.paymentTerms());
    }
    if (t.discountPercent() != null && t.discountPercent().signum() > 0) {
      s.append(s.length() > 0 ? "   ·   " : "")
          .append("Discount: ")
          .append(Money.percent(t.discountPercent()));
    }
    Paragraph p = new Paragraph(s.toString(), font(9.5f, Font.NORMAL, MUTED));
    p.setSpacingBefore(6);
    return p;
  }

  static String money(java.math.BigDecimal amount, String currency) {
    return String.format(Locale.ENGLISH, "%,.2f", amount) + " " + currency;
  }

  /** The band on every page: logo or name, kind and version, date, page number at the foot. */
  private static final class Band extends PdfPageEventHelper {
    private final Content c;
    private final Color primary;
    private final Image logo;

    Band(Content c, Color primary, Image logo) {
      this.c = c;
      this.primary = primary;
      this.logo = logo;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte under = writer.getDirectContentUnder();
      Rectangle page = document.getPageSize();
      under.saveState();
      under.setColorFill(primary);
      under.rectangle(0, page.getHeight() - 96, page.getWidth(), 96);
      under.fill();
      under.restoreState();
      PdfContentByte over = writer.getDirectContent();
      float x = 56;
      if (logo != null) {
        try {
          Image l = Image.getInstance(logo);
          l.scaleToFit(120, 40);
          l.setAbsolutePosition(56, page.getHeight() - 68);
          over.addImage(l);
          x += l.getScaledWidth() + 12;
        } catch (DocumentException e) {
          // no logo then: the name stands alone
        }
      }
      ColumnText.showTextAligned(
          over,
          Element.ALIGN_LEFT,
          new Phrase(c.brand().name(), font(20, Font.BOLD, Color.WHITE)),
          x,
          page.getHeight() - 54,
          0);
      ColumnText.showTextAligned(
          over,
          Element.ALIGN_LEFT,
          new Phrase(c.kind().label(), font(10, Font.NORMAL, Color.WHITE)),
          x,
          page.getHeight() - 72,
          0);
      ColumnText.showTextAligned(
          over,
          Element.ALIGN_RIGHT,
          new Phrase(
              "Deal " + c.dealId() + " · version " + c.version(), font(11, Font.BOLD, Color.WHITE)),
          page.getWidth() - 56,
          page.getHeight() - 54,
          0);
      ColumnText.showTextAligned(
          over,
          Element.ALIGN_RIGHT,
          new Phrase(DAY.format(c.date()), font(10, Font.NORMAL, Color.WHITE)),
          page.getWidth() - 56,
          page.getHeight() - 72,
          0);
      ColumnText.showTextAligned(
          over,
          Element.ALIGN_CENTER,
          new Phrase(
              c.brand().name() + " · " + c.kind().label() + " · page " + writer.getPageNumber(),
              font(8, Font.NORMAL, MUTED)),
          page.getWidth() / 2,
          32,
          0);
    }
  }

  private static Image logo(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      return Image.getInstance(bytes);
    } catch (IOException | RuntimeException e) {
      return null; // e.g. an SVG logo: OpenPDF draws PNG and JPEG only
    }
  }

  private static Paragraph heading(String text, Color primary) {
    Paragraph p = new Paragraph(text.toUpperCase(Locale.ROOT), font(9, Font.BOLD, primary));
    p.setSpacingBefore(20);
    p.setSpacingAfter(4);
    return p;
  }

  private static PdfPCell signature(String party) {
    PdfPCell c = new PdfPCell();
    c.setBorder(Rectangle.NO_BORDER);
    c.setPaddingRight(24);
    c.addElement(new Paragraph(party, font(9.5f, Font.BOLD, INK)));
    c.addElement(spacer(26));
    for (String line : new String[] {"Signature", "Name and title", "Date"}) {
      Paragraph rule =
          new Paragraph(
              new Chunk(
                  new com.lowagie.text.pdf.draw.LineSeparator(
                      0.6f, 100, RULE, Element.ALIGN_LEFT, -2)));
      c.addElement(rule);
      c.addElement(new Paragraph(line, font(7.5f, Font.NORMAL, MUTED)));
      c.addElement(spacer(14));
    }
    return c;
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
    return cell(text, font(10, Font.NORMAL, INK), Element.ALIGN_RIGHT);
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

  private static String nz(String s) {
    return s == null || s.isBlank() ? "—" : s;
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
