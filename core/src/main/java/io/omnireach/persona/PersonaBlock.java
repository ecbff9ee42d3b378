package io.omnireach.persona;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.common.DomainException;
import io.omnireach.persona.PersonaDraft.ToneDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * A persona as a self-describing JSON block, the exchange format of export/import (and of the
 * marketplace later): {@code {"kind":"persona","schemaVersion":1,"name",…,"samples":[…],
 * "voice":{"formality","detail","warmth"}}}. Ids and timestamps stay behind: a block describes a
 * voice, not a row of one tenant.
 */
public final class PersonaBlock {

  public static final String KIND = "persona";
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private PersonaBlock() {}

  /** The block of a stored persona, as pretty JSON text. */
  public static String export(Persona p) {
    ObjectNode block = JSON.createObjectNode();
    block.put("kind", KIND);
    block.put("schemaVersion", SCHEMA_VERSION);
    block.put("name", p.name());
    block.put("role", p.role());
    strings(block.putArray("industryFocus"), p.industryFocus());
    strings(block.putArray("valuePropositions"), p.valuePropositions());
    block.put("signature", p.signature());
    block.put("defaultChannel", p.defaultChannel().name());
    block.put("language", p.language());
    strings(block.putArray("samples"), p.writingSamples());
    ObjectNode voice = block.putObject("voice");
    voice.put("formality", p.tone().formality());
    voice.put("detail", p.tone().detail());
    voice.put("warmth", p.tone().warmth());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(block);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a block into a draft for {@link PersonaRepository#create}; INVALID names the block's
   * field at fault (bad JSON has no field).
   */
  public static PersonaDraft read(String json) {
    JsonNode root;
    try {
      root = json == null || json.isBlank() ? null : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw DomainException.invalid(
          null, "The persona block is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw DomainException.invalid(null, "Send the persona block as a JSON object.");
    }
    JsonNode kind = root.get("kind");
    if (kind == null || !kind.isTextual() || !KIND.equals(kind.asText())) {
      throw DomainException.invalid(
          "kind", "kind must be \"" + KIND + "\" (was " + shown(kind) + ").");
    }
    JsonNode version = root.get("schemaVersion");
    if (version == null || !version.isInt() || version.asInt() != SCHEMA_VERSION) {
      throw DomainException.invalid(
          "schemaVersion",
          "schemaVersion "
              + shown(version)
              + " is not supported; this server reads version "
              + SCHEMA_VERSION
              + ".");
    }
    JsonNode voice = root.get("voice");
    ToneDraft tone = null;
    if (voice != null && !voice.isNull()) {
      if (!voice.isObject()) {
        throw DomainException.invalid("voice", "voice must be an object.");
      }
      tone =
          new ToneDraft(
              integer(voice, "formality"), integer(voice, "detail"), integer(voice, "warmth"));
    }
    JsonNode channel = root.get("defaultChannel");
    return new PersonaDraft(
        text(root, "name"),
        text(root, "role"),
        tone,
        list(root, "industryFocus"),
        list(root, "valuePropositions"),
        list(root, "samples"),
        text(root, "signature"),
        channel == null || channel.isNull()
            ? null
            : Channel.parse("defaultChannel", text(root, "defaultChannel")),
        text(root, "language"));
  }

  /** Renames a validation failure of the repository to the block's field names. */
  public static DomainException inBlockTerms(DomainException e) {
    String field = e.field();
    if (field == null) {
      return e;
    }
    String renamed =
        field.equals("writingSamples")
            ? "samples"
            : field.startsWith("tone.") ? "voice." + field.substring(5) : field;
    return renamed.equals(field) ? e : new DomainException(e.kind(), renamed, e.getMessage());
  }

  /** "Name (2)", "Name (3)"…: the n-th free name on a clash, kept within the name limit. */
  static String numbered(String name, int n) {
    String suffix = " (" + n + ")";
    String base = name.strip();
    if (base.length() + suffix.length() > PersonaRules.NAME_MAX) {
      base = base.substring(0, PersonaRules.NAME_MAX - suffix.length()).strip();
    }
    return base + suffix;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static String shown(JsonNode node) {
    return node == null ? "missing" : node.toString();
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw DomainException.invalid(field, field + " must be a string.");
    }
    return node.asText();
  }

  private static Integer integer(JsonNode voice, String field) {
    JsonNode node = voice.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isInt()) {
      throw DomainException.invalid(
          "voice." + field, "voice." + field + " must be a whole number from 0 to 100.");
    }
    return node.asInt();
  }

  private static List<String> list(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw DomainException.invalid(field, field + " must be an array of strings.");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw DomainException.invalid(field, field + " must be an array of strings.");
      }
      values.add(item.asText());
    }
    return values;
  }
}
