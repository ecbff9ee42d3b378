package io.omnireach.lead;

import io.omnireach.common.DomainException;

/** Filters and sort order for listing and exporting leads. Every part is optional. */
public record LeadQuery(
    String text,
    Stage stage,
    Long ownerId,
    String tag,
    String industry,
    Sort sort,
    boolean ascending) {

  /** Sortable columns; each sorts by (value, id) so pages never skip or repeat a row. */
  public enum Sort {
    CREATED("createdAt", "created_at"),
    UPDATED("updatedAt", "updated_at"),
    LAST_NAME("lastName", "coalesce(last_name, '')"),
    COMPANY("company", "coalesce(company, '')"),
    EMAIL("email", "coalesce(lower(email), '')"),
    SCORE("score", "score"),
    RELATIONSHIP("relationshipScore", "relationship_score");

    final String json;
    final String expression;

    Sort(String json, String expression) {
      this.json = json;
      this.expression = expression;
    }

    public String json() {
      return json;
    }

    public boolean isText() {
      return this == LAST_NAME || this == COMPANY || this == EMAIL;
    }

    public static Sort parse(String value) {
      if (value == null || value.isBlank()) {
        return CREATED;
      }
      for (Sort s : values()) {
        if (s.json.equalsIgnoreCase(value.trim())) {
          return s;
        }
      }
      throw DomainException.invalid(
          "sort",
          "Sort must be one of createdAt, updatedAt, lastName, company, email, score, relationshipScore.");
    }
  }

  public static LeadQuery all() {
    return new LeadQuery(null, null, null, null, null, Sort.CREATED, false);
  }

  /** Parses "field" or "-field" (descending), as the API takes it. */
  public static LeadQuery of(
      String text, String stage, Long ownerId, String tag, String industry, String sort) {
    String spec = sort == null ? "" : sort.trim();
    boolean ascending = !spec.isEmpty() && !spec.startsWith("-");
    Sort s = Sort.parse(spec.replaceFirst("^[-+]", ""));
    return new LeadQuery(
        blankToNull(text),
        stage == null || stage.isBlank() ? null : Stage.parse("stage", stage),
        ownerId,
        blankToNull(tag),
        blankToNull(industry),
        s,
        ascending);
  }

  public LeadQuery withText(String newText) {
    return new LeadQuery(blankToNull(newText), stage, ownerId, tag, industry, sort, ascending);
  }

  public LeadQuery withStage(Stage newStage) {
    return new LeadQuery(text, newStage, ownerId, tag, industry, sort, ascending);
  }

  public LeadQuery withTag(String newTag) {
    return new LeadQuery(text, stage, ownerId, blankToNull(newTag), industry, sort, ascending);
  }

  public LeadQuery withIndustry(String newIndustry) {
    return new LeadQuery(text, stage, ownerId, tag, blankToNull(newIndustry), sort, ascending);
  }

  public LeadQuery withOwner(Long newOwner) {
    return new LeadQuery(text, stage, newOwner, tag, industry, sort, ascending);
  }

  public LeadQuery sortedBy(Sort newSort, boolean asc) {
    return new LeadQuery(text, stage, ownerId, tag, industry, newSort, asc);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
