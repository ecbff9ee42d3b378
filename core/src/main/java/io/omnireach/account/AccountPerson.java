package io.omnireach.account;

/** One lead of an account, as the account page lists it. */
public record AccountPerson(
    long leadId, String name, String title, String email, String stage, int relationshipScore) {}
