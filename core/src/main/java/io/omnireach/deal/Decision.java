package io.omnireach.deal;

/** The engine's answer: the action, the terms it stands behind, and the trace of why. */
public record Decision(NegotiationAction action, Terms terms, Trace trace) {}
