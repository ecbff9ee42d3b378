package io.omnireach.ai;

/** The two chat messages sent to a model: the rules (system) and the data (user). */
public record Prompt(String system, String user) {}
