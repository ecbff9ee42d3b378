package io.omnireach.customdomain;

import java.net.InetAddress;
import java.util.List;

/** DNS look-ups of the domain verifier; {@link JndiDnsResolver} in production. */
public interface DnsResolver {

  /** The TXT values at {@code name} (each record's strings joined); empty when there are none. */
  List<String> txt(String name) throws VerificationFailure;

  /** The addresses {@code name} resolves to, following CNAMEs; empty when there are none. */
  List<InetAddress> addresses(String name) throws VerificationFailure;
}
