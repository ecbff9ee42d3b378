package io.omnireach.dashboard;

import java.time.Instant;

/** Something that happened in a tenant, shown on its dashboard. */
public record Activity(long id, Instant at, String actorEmail, String kind, String summary) {}
