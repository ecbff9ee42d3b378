package io.omnireach.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small real PDF and DOCX files for the tests of text extraction (knowledge base, personas). */
public final class SampleDocuments {

  private SampleDocuments() {}

  public static byte[] pdf(String line) throws Exception {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText(line);
        cs.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  public static byte[] docx(String... paragraphs) throws Exception {
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      body.append("<w:p><w:r><w:t>").append(p).append("</w:t></w:r></w:p>");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          utf8x("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(
          utf8x(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
                  + "openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                  + body
                  + "</w:body></w:document>"));
    }
    return out.toByteArray();
  }

  private static byte[] utf8x(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
