package io.omnireach.brand;

import io.omnireach.common.DomainException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * Makes an uploaded SVG safe to serve from our origin, by an allow-list: SVG drawing elements and
 * presentation attributes only. Anything that could run code or fetch something refuses the whole
 * file with a reason (scripts, event handlers, foreignObject, animation, DOCTYPE/entities, links or
 * CSS pointing outside the file); harmless unknown things (editor metadata, comments) are dropped.
 * The result is re-serialised, so what we store is exactly what was checked.
 */
public final class SvgSanitizer {

  static final String SVG_NS = "http://www.w3.org/2000/svg";
  static final String XLINK_NS = "http://www.w3.org/1999/xlink";

  private static final Set<String> ELEMENTS =
      Set.of(
          "svg",
          "g",
          "defs",
          "symbol",
          "use",
          "title",
          "desc",
          "style",
          "path",
          "rect",
          "circle",
          "ellipse",
          "line",
          "polyline",
          "polygon",
          "text",
          "tspan",
          "linearGradient",
          "radialGradient",
          "stop",
          "clipPath",
          "mask",
          "pattern",
          "image",
          "filter",
          "feGaussianBlur",
          "feOffset",
          "feBlend",
          "feColorMatrix",
          "feComposite",
          "feFlood",
          "feMerge",
          "feMergeNode",
          "feDropShadow");

  /** Refused outright: each can run script, embed a document or rewrite attributes over time. */
  private static final Set<String> DANGEROUS_ELEMENTS =
      Set.of(
          "script",
          "foreignobject",
          "iframe",
          "embed",
          "object",
          "handler",
          "listener",
          "animate",
          "set",
          "animatetransform",
          "animatemotion",
          "animatecolor",
          "discard",
          "feimage");

  private static final Set<String> ATTRIBUTES =
      Set.of(
          "id",
          "class",
          "style",
          "d",
          "x",
          "y",
          "x1",
          "y1",
          "x2",
          "y2",
          "cx",
          "cy",
          "r",
          "rx",
          "ry",
          "fx",
          "fy",
          "fr",
          "dx",
          "dy",
          "width",
          "height",
          "viewBox",
          "preserveAspectRatio",
          "transform",
          "points",
          "pathLength",
          "fill",
          "fill-opacity",
          "fill-rule",
          "stroke",
          "stroke-width",
          "stroke-linecap",
          "stroke-linejoin",
          "stroke-miterlimit",
          "stroke-dasharray",
          "stroke-dashoffset",
          "stroke-opacity",
          "opacity",
          "clip-path",
          "clip-rule",
          "mask",
          "filter",
          "color",
          "display",
          "visibility",
          "overflow",
          "font-family",
          "font-size",
          "font-weight",
          "font-style",
          "text-anchor",
          "dominant-baseline",
          "letter-spacing",
          "word-spacing",
          "rotate",
          "textLength",
          "lengthAdjust",
          "offset",
          "stop-color",
          "stop-opacity",
          "gradientUnits",
          "gradientTransform",
          "spreadMethod",
          "patternUnits",
          "patternContentUnits",
          "patternTransform",
          "clipPathUnits",
          "maskUnits",
          "maskContentUnits",
          "filterUnits",
          "primitiveUnits",
          "stdDeviation",
          "in",
          "in2",
          "result",
          "mode",
          "values",
          "type",
          "operator",
          "k1",
          "k2",
          "k3",
          "k4",
          "flood-color",
          "flood-opacity",
          "vector-effect",
          "shape-rendering",
          "paint-order",
          "version",
          "baseProfile",
          "role",
          "aria-label",
          "aria-hidden",
          "focusable",
          "href");

  /** {@code url(...)} in attributes and CSS: only same-document references (#id) pass. */
  private static final Pattern URL_REF = Pattern.compile("url\\s*\\(\\s*['\"]?([^)'\"]*)");

  /** CSS functions that load a resource without url(...). */
  private static final Pattern EXTERNAL_CSS_FUNCTION =
      Pattern.compile("(image-set|image|cross-fade|element|src)\\s*\\(");

  private static final Pattern DATA_IMAGE =
      Pattern.compile("^data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=\\s]+$");

  private SvgSanitizer() {}

  /**
   * The sanitised SVG (UTF-8); a {@link DomainException} on {@code field} says why it's refused.
   */
  public static byte[] sanitize(String field, byte[] svg) {
    Document doc = parse(field, svg);
    Element root = doc.getDocumentElement();
    if (!SVG_NS.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
      throw refuse(field, "its root element must be <svg xmlns=\"" + SVG_NS + "\">");
    }
    refuseDangerous(field, root);
    cleanAttributes(field, root, "svg");
    clean(field, root);
    removeNonElements(doc);
    return serialise(doc);
  }

  private static Document parse(String field, byte[] svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // no DTD at all: no entities, no XXE, no billion laughs
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXParseException("external entity " + systemId, null);
          });
      return b.parse(new ByteArrayInputStream(svg));
    } catch (SAXParseException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("DOCTYPE")) {
        throw refuse(field, "it has a DOCTYPE (DTDs and entities are not allowed)");
      }
      throw DomainException.invalid(
          field, "This SVG is not well-formed XML (line " + e.getLineNumber() + ").");
    } catch (Exception e) {
      throw DomainException.invalid(field, "This SVG could not be read.");
    }
  }

  /** Looks everywhere first, also inside elements that cleaning would drop anyway. */
  private static void refuseDangerous(String field, Element element) {
    String name = element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
    if (DANGEROUS_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
      throw refuse(field, "it contains a <" + name + "> element");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
      if (local.toLowerCase(Locale.ROOT).startsWith("on")) {
        throw refuse(field, "it has an event handler (" + a.getName() + ")");
      }
    }
    for (Node child : children(element)) {
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        refuseDangerous(field, (Element) child);
      }
    }
  }

  private static void clean(String field, Element element) {
    for (Node child : children(element)) {
      switch (child.getNodeType()) {
        case Node.ELEMENT_NODE -> {
          Element e = (Element) child;
          String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
          if (DANGEROUS_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
            throw refuse(field, "it contains a <" + name + "> element");
          }
          if (!SVG_NS.equals(e.getNamespaceURI()) || !ELEMENTS.contains(name)) {
            element.removeChild(e); // editor metadata, unknown or foreign elements
            continue;
          }
          if ("style".equals(name)) {
            checkCss(field, e.getTextContent());
          }
          cleanAttributes(field, e, name);
          clean(field, e);
        }
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
          // text of <text>, <title>, <style> (checked above)
        }
        case Node.PROCESSING_INSTRUCTION_NODE -> {
          throw refuse(field, "it contains a processing instruction (e.g. xml-stylesheet)");
        }
        case Node.ENTITY_REFERENCE_NODE -> throw refuse(field, "it uses entities");
        default -> element.removeChild(child); // comments
      }
    }
  }

  private static void cleanAttributes(String field, Element e, String elementName) {
    NamedNodeMap attributes = e.getAttributes();
    List<Attr> drop = new ArrayList<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
      String ns = a.getNamespaceURI();
      String value = a.getValue();
      if (local.toLowerCase(Locale.ROOT).startsWith("on")) {
        throw refuse(field, "it has an event handler (" + a.getName() + ")");
      }
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
        if (!SVG_NS.equals(value) && !XLINK_NS.equals(value)) {
          drop.add(a); // e.g. the inkscape and sodipodi namespaces
        }
        continue;
      }
      boolean plain = ns == null || ns.isEmpty();
      if ("href".equals(local) && (plain || XLINK_NS.equals(ns))) {
        checkHref(field, elementName, value);
        continue;
      }
      if (XMLConstants.XML_NS_URI.equals(ns) && "space".equals(local)) {
        continue;
      }
      if (!plain || !ATTRIBUTES.contains(local)) {
        drop.add(a);
        continue;
      }
      checkValue(field, a.getName(), value);
      if ("style".equals(local)) {
        checkCss(field, value);
      }
    }
    drop.forEach(e::removeAttributeNode);
  }

  private static void checkHref(String field, String elementName, String value) {
    String v = value.trim();
    if (v.startsWith("#")) {
      return;
    }
    if ("image".equals(elementName) && DATA_IMAGE.matcher(v).matches()) {
      return; // an embedded PNG/JPEG/WebP drawing, common in exported logos
    }
    throw refuse(field, "it references something outside the file (" + abbreviate(v) + ")");
  }

  private static void checkValue(String field, String name, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.contains("javascript:") || lower.contains("data:") || lower.contains("expression(")) {
      throw refuse(field, "attribute " + name + " holds a script or data URL");
    }
    if (lower.contains("://") || EXTERNAL_CSS_FUNCTION.matcher(lower).find()) {
      throw refuse(field, "it references something outside the file (" + abbreviate(value) + ")");
    }
    Matcher m = URL_REF.matcher(value);
    while (m.find()) {
      if (!m.group(1).trim().startsWith("#")) {
        throw refuse(
            field, "it references something outside the file (" + abbreviate(m.group(1)) + ")");
      }
    }
  }

  private static void checkCss(String field, String css) {
    String lower = css.toLowerCase(Locale.ROOT);
    if (lower.contains("@import") || lower.contains("@font-face") || lower.contains("\\")) {
      throw refuse(field, "its CSS imports, loads fonts or uses escapes");
    }
    checkValue(field, "style", css);
  }

  private static void removeNonElements(Document doc) {
    for (Node child : children(doc)) {
      if (child.getNodeType() != Node.ELEMENT_NODE) {
        doc.removeChild(child);
      }
    }
  }

  private static byte[] serialise(Document doc) {
    try {
      TransformerFactory tf = TransformerFactory.newInstance();
      tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException("Could not write the sanitised SVG", e);
    }
  }

  private static List<Node> children(Node node) {
    List<Node> list = new ArrayList<>();
    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
      list.add(c);
    }
    return list;
  }

  private static DomainException refuse(String field, String why) {
    return DomainException.invalid(field, "This SVG is refused because " + why + ".");
  }

  private static String abbreviate(String s) {
    String t = s.trim();
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }
}
