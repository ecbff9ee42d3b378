package io.omnireach.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvgSanitizerTest {

  private static final String NS = "xmlns=\"http://www.w3.org/2000/svg\"";

  private static String sanitize(String svg) {
    return new String(
        SvgSanitizer.sanitize("logoUrl", svg.getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8);
  }

  private static DomainException refusal(String svg) {
    try {
      sanitize(svg);
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("accepted: " + svg);
  }

  @Test
  void a_plain_logo_with_gradient_and_internal_references_is_kept_drawing_for_drawing() {
    String svg =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "
            + NS
            + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 100 40\">"
            + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#4f46e5\"/>"
            + "</linearGradient><path id=\"p\" d=\"M0 0h10v10z\"/></defs>"
            + "<rect width=\"100\" height=\"40\" rx=\"6\" fill=\"url(#g)\"/>"
            + "<use xlink:href=\"#p\"/><text x=\"5\" y=\"30\" style=\"font-weight:700\">Acme</text>"
            + "</svg>";
    String out = sanitize(svg);
    assertThat(out)
        .contains(
            "<linearGradient id=\"g\">", "fill=\"url(#g)\"", "xlink:href=\"#p\"", ">Acme</text>")
        .contains("viewBox=\"0 0 100 40\"");
  }

  @Test
  void editor_metadata_comments_and_foreign_namespaces_are_dropped_silently() {
    String svg =
        "<svg "
            + NS
            + " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""
            + " inkscape:version=\"1.3\"><!-- made by hand --><metadata><x/></metadata>"
            + "<inkscape:grid/><circle cx=\"5\" cy=\"5\" r=\"4\" data-x=\"1\"/></svg>";
    String out = sanitize(svg);
    assertThat(out).doesNotContain("inkscape", "metadata", "made by hand", "data-x");
    assertThat(out).contains("<circle cx=\"5\" cy=\"5\" r=\"4\"/>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "script element|<script>alert(1)</script>|<script>",
        "script in another case|<SCRIPT>alert(1)</SCRIPT>|<SCRIPT>",
        "event handler|<rect onload=\"alert(1)\" width=\"1\"/>|event handler",
        "event handler in mixed case|<rect OnClick=\"alert(1)\"/>|event handler",
        "foreignObject|<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>|<foreignObject>",
        "animation that rewrites a link|<a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a>|<set>",
        "external image|<image href=\"https://evil.test/x.png\"/>|outside the file",
        "external use|<use href=\"https://evil.test/sprite.svg#a\"/>|outside the file",
        "javascript link|<use href=\"javascript:alert(1)\"/>|outside the file",
        "external url() in fill|<rect fill=\"url(https://evil.test/p.svg#g)\"/>|outside the file",
        "CSS import|<style>@import url(https://evil.test/a.css);</style>|imports",
        "external url() in style attribute|<rect style=\"fill:url('//evil.test/x')\"/>|outside the file",
        "CSS image-set without url()|<style>rect { fill: image-set('https://evil.test/a.png' 1x) }</style>|outside the file",
        "absolute URL in an attribute|<rect class=\"x\" mask=\"https://evil.test/m.svg\"/>|outside the file",
        "CSS escape|<style>rect { fill: u\\72l(x) }</style>|escapes",
        "processing instruction|<?xml-stylesheet href=\"https://evil.test/a.css\"?><rect/>|processing instruction",
      })
  void dangerous_content_refuses_the_whole_file_with_the_reason(
      String name, String inner, String reason) {
    DomainException e = refusal("<svg " + NS + ">" + inner + "</svg>");
    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
    assertThat(e.field()).isEqualTo("logoUrl");
    assertThat(e.getMessage()).startsWith("This SVG is refused because").contains(reason);
  }

  @Test
  void a_doctype_is_refused_so_entities_and_xxe_never_expand() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<svg "
            + NS
            + "><text>&x;</text></svg>";
    assertThat(refusal(xxe).getMessage()).contains("DOCTYPE");
    String laughs =
        "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
            + "<svg "
            + NS
            + "><text>&b;</text></svg>";
    assertThat(refusal(laughs).getMessage()).contains("DOCTYPE");
  }

  @Test
  void a_root_that_is_not_svg_or_broken_xml_is_refused_as_invalid() {
    assertThat(refusal("<html><svg " + NS + "/></html>").getMessage()).contains("root element");
    assertThat(refusal("<svg><rect/></svg>").getMessage()).contains("root element");
    assertThatThrownBy(() -> sanitize("<svg " + NS + "><rect></svg>"))
        .hasMessageContaining("not well-formed");
  }

  @Test
  void an_embedded_raster_image_as_data_url_is_allowed_but_not_other_data_urls() {
    String png = "<svg " + NS + "><image href=\"data:image/png;base64,iVBORw0KGgo=\"/></svg>";
    assertThat(sanitize(png)).contains("data:image/png;base64,iVBORw0KGgo=");
    String html = "<svg " + NS + "><image href=\"data:text/html;base64,PHNjcmlwdD4=\"/></svg>";
    assertThat(refusal(html).getMessage()).contains("outside the file");
  }
}
