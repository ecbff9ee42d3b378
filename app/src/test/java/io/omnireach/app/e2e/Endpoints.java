package io.omnireach.app.e2e;

import io.omnireach.app.rest.ApiApplication;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every REST endpoint of the app, read reflectively from the compiled JAX-RS resources, with what
 * guards it: a permission, operator roles, public, or nothing known (to be mapped).
 */
final class Endpoints {

  /** Who may call an endpoint, by its annotations. */
  enum Guard {
    PERMISSION,
    PUBLIC,
    OPERATOR,
    ANY_SIGNED_IN,
    UNMAPPED
  }

  record Endpoint(
      String method,
      String path,
      String consumes,
      Guard guard,
      Permission permission,
      String javaMethod) {

    /** A concrete URL: path parameters become ids that exist nowhere. */
    String url() {
      String p = path.replaceAll("\\{[^}:]+:\\s*([a-z]+)\\|[^}]*}", "$1");
      return "/api/v1" + p.replaceAll("\\{[^}]+}", "999999999");
    }

    @Override
    public String toString() {
      return method + " /api/v1" + path + " (" + javaMethod + ")";
    }
  }

  private static final Set<String> OPERATOR_ROLES = Set.of("Owner", "Reseller");

  private Endpoints() {}

  static List<Endpoint> all() throws IOException, URISyntaxException {
    java.nio.file.Path root =
        Paths.get(ApiApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String pkg = ApiApplication.class.getPackageName();
    java.nio.file.Path dir = root.resolve(pkg.replace('.', '/'));
    List<Endpoint> result = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
      for (java.nio.file.Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type;
        try {
          type = Class.forName(pkg + "." + name.replace(".class", ""), false, loader());
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
        Path base = type.getAnnotation(Path.class);
        if (base == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
          continue;
        }
        for (Method m : type.getMethods()) {
          String http = httpMethod(m);
          if (http == null) {
            continue;
          }
          Path sub = m.getAnnotation(Path.class);
          String path = join(base.value(), sub == null ? "" : sub.value());
          result.add(
              new Endpoint(
                  http,
                  path,
                  consumes(m, type),
                  guard(m, type),
                  permission(m, type),
                  type.getSimpleName() + "." + m.getName()));
        }
      }
    }
    result.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
    return result;
  }

  private static ClassLoader loader() {
    return Endpoints.class.getClassLoader();
  }

  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
      if (h != null) {
        return h.value();
      }
    }
    return null;
  }

  private static String join(String a, String b) {
    String p = ("/" + a + "/" + b).replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static String consumes(Method m, Class<?> type) {
    Consumes c = m.getAnnotation(Consumes.class);
    if (c == null) {
      c = type.getAnnotation(Consumes.class);
    }
    return c == null ? null : c.value()[0];
  }

  private static Permission permission(Method m, Class<?> type) {
    Requires r = m.getAnnotation(Requires.class);
    if (r == null) {
      r = type.getAnnotation(Requires.class);
    }
    return r == null ? null : r.value();
  }

  private static Guard guard(Method m, Class<?> type) {
    if (m.isAnnotationPresent(PermitAll.class)) {
      return Guard.PUBLIC;
    }
    if (m.isAnnotationPresent(Requires.class)) {
      return Guard.PERMISSION;
    }
    RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
    if (roles == null) {
      if (type.isAnnotationPresent(Requires.class)) {
        return Guard.PERMISSION;
      }
      roles = type.getAnnotation(RolesAllowed.class);
      if (roles == null) {
        return type.isAnnotationPresent(PermitAll.class) ? Guard.PUBLIC : Guard.UNMAPPED;
      }
    }
    List<String> names = Arrays.asList(roles.value());
    if (OPERATOR_ROLES.containsAll(names)) {
      return Guard.OPERATOR;
    }
    // e.g. GET /me: every signed-in user, operators included, whatever their permissions
    if (names.containsAll(List.of("Owner", "Reseller", "Admin", "Member"))) {
      return Guard.ANY_SIGNED_IN;
    }
    return Guard.UNMAPPED;
  }
}
