package io.omnireach.policy;

/**
 * One broken rule: the policy, what it says, and the offending text — {@code excerpt} is the
 * original text between {@code start} and {@code end} of {@code field} (subject or body), for
 * highlighting; for a rule about something missing or about the context, field is null and the
 * offsets are -1.
 */
public record Violation(
    long policyId,
    String policyName,
    PolicyKind kind,
    Severity severity,
    String explanation,
    String excerpt,
    String field,
    int start,
    int end) {}
