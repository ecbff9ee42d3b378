package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A lead as {@code GET /api/v1/leads/{id}} returns it (the fields most clients use). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lead(
    long id,
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String title,
    String industry,
    String country,
    List<String> tags,
    String stage,
    int score,
    String createdAt,
    String updatedAt) {

  /** One page of leads; pass {@code nextCursor} back for the next (null on the last page). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Page(List<Lead> items, String nextCursor) {}
}
