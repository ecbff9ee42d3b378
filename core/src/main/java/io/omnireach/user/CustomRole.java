package io.omnireach.user;

import java.util.Set;

/** A tenant's own role: a named set of permissions that its admins assign to members. */
public record CustomRole(
    long id, String name, String description, Set<Permission> permissions, int members) {}
