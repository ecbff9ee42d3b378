package io.omnireach.user;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a REST endpoint or a Vaadin view needs, checked against the caller's {@link
 * EffectivePermissions} (the app's {@code PermissionFilter}, the UI's {@code AccessControl}). On a
 * method it overrides the one on its class. A resource class also carries {@code @RolesAllowed}
 * with every tenant role, so the container still demands a signed-in member.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
  Permission value();
}
