package io.omnireach.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;

/**
 * Plain text of a document: PDF with PDFBox, HTML with jsoup, DOCX from its {@code
 * word/document.xml} read with StAX (paragraphs, tabs and breaks kept), Markdown and text as UTF-8
 * (Latin-1 when not valid UTF-8). Failures say what is wrong with the file, for the document's
 * error text.
 */
public final class TextExtractor {

  /** A DOCX's document part may not unpack beyond this (zip bombs). */
  static final long MAX_DOCX_XML_BYTES = 50L * 1024 * 1024;

  public static final class UnreadableDocument extends RuntimeException {
    UnreadableDocument(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public String extract(DocumentFormat format, byte[] content) {
    try {
      return switch (format) {
        case PDF -> pdf(content);
        case DOCX -> docx(content);
        case HTML -> Jsoup.parse(decode(content)).wholeText();
        case MARKDOWN, TEXT -> decode(content);
      };
    } catch (IOException | XMLStreamException e) {
      throw new UnreadableDocument(
          "Not a readable " + format.name() + " file: " + e.getMessage(), e);
    }
  }

  private static String pdf(byte[] content) throws IOException {
    try (PDDocument doc = Loader.loadPDF(content)) {
      if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
        throw new IOException("the PDF is encrypted");
      }
      return new PDFTextStripper().getText(doc);
    }
  }

  private static String docx(byte[] content) throws IOException, XMLStreamException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.getName().equals("word/document.xml")) {
          return documentXml(new LimitedStream(zip, MAX_DOCX_XML_BYTES));
        }
      }
    }
    throw new IOException("no word/document.xml inside");
  }

  private static String documentXml(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader r = f.createXMLStreamReader(in);
    StringBuilder out = new StringBuilder();
    boolean inText = false;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "t" -> inText = true;
          case "tab" -> out.append('\t');
          case "br", "cr" -> out.append('\n');
          default -> {
            // formatting elements carry no text
          }
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (r.getLocalName().equals("t")) {
          inText = false;
        } else if (r.getLocalName().equals("p")) {
          out.append("\n\n");
        }
      } else if (inText && ev == XMLStreamConstants.CHARACTERS) {
        out.append(r.getText());
      }
    }
    return out.toString();
  }

  private static String decode(byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(content))
          .toString()
          .replace("\uFEFF", "");
    } catch (CharacterCodingException e) {
      return new String(content, StandardCharsets.ISO_8859_1);
    }
  }

  /** Fails once more than {@code max} bytes were read. */
  private static final class LimitedStream extends java.io.FilterInputStream {
    private final long max;
    private long read;

    LimitedStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(n, 0));
      return n;
    }

    @Override
    public void close() {
      // the zip stream is closed by its owner
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > max) {
        throw new IOException("the document part unpacks to more than " + max + " bytes");
      }
    }
  }
}
