package io.omnireach.customdomain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * The JDK's DNS client (JNDI {@code dns:}): asks the system's name servers, or one given server
 * ({@code host:port}, e.g. a public resolver so split-horizon DNS does not answer for the world).
 */
public final class JndiDnsResolver implements DnsResolver {

  private static final int MAX_CNAME_HOPS = 8;

  private final String providerUrl;

  /** {@code server} is {@code host:port} or {@code host}, or null for the system's servers. */
  public JndiDnsResolver(String server) {
    this.providerUrl = server == null || server.isBlank() ? "dns:" : "dns://" + server.strip();
  }

  @Override
  public List<String> txt(String name) throws VerificationFailure {
    List<String> values = new ArrayList<>();
    Attribute txt = lookup(name, "TXT").get("TXT");
    if (txt != null) {
      try {
        NamingEnumeration<?> all = txt.getAll();
        while (all.hasMore()) {
          values.add(unquote(String.valueOf(all.next())));
        }
      } catch (NamingException e) {
        throw failure(name, e);
      }
    }
    return values;
  }

  @Override
  public List<InetAddress> addresses(String name) throws VerificationFailure {
    String current = name;
    for (int hop = 0; hop < MAX_CNAME_HOPS; hop++) {
      Attributes found = lookup(current, "A", "AAAA", "CNAME");
      List<InetAddress> result = new ArrayList<>();
      for (String type : new String[] {"A", "AAAA"}) {
        Attribute attribute = found.get(type);
        if (attribute == null) {
          continue;
        }
        try {
          NamingEnumeration<?> all = attribute.getAll();
          while (all.hasMore()) {
            // an address literal: InetAddress parses it without another look-up
            result.add(InetAddress.getByName(String.valueOf(all.next())));
          }
        } catch (NamingException | UnknownHostException e) {
          throw failure(current, e);
        }
      }
      Attribute cname = found.get("CNAME");
      if (!result.isEmpty() || cname == null) {
        return result;
      }
      try {
        current = String.valueOf(cname.get());
      } catch (NamingException e) {
        throw failure(current, e);
      }
    }
    throw new VerificationFailure("DNS: too many CNAME hops from " + name + ".");
  }

  private Attributes lookup(String name, String... types) throws VerificationFailure {
    Hashtable<String, String> env = new Hashtable<>();
    env.put(DirContext.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    env.put(DirContext.PROVIDER_URL, providerUrl);
    env.put("com.sun.jndi.dns.timeout.initial", "2000");
    env.put("com.sun.jndi.dns.timeout.retries", "2");
    DirContext context = null;
    try {
      context = new InitialDirContext(env);
      return context.getAttributes(name, types);
    } catch (NameNotFoundException e) {
      return new javax.naming.directory.BasicAttributes(true);
    } catch (NamingException e) {
      throw failure(name, e);
    } finally {
      if (context != null) {
        try {
          context.close();
        } catch (NamingException ignored) {
          // nothing held open
        }
      }
    }
  }

  private static VerificationFailure failure(String name, Exception e) {
    return new VerificationFailure(
        "DNS look-up of " + name + " failed: " + e.getClass().getSimpleName(), e);
  }

  /** JNDI quotes a TXT string that holds spaces; several strings come space-separated. */
  static String unquote(String value) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (char c : value.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c != ' ' || quoted) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
