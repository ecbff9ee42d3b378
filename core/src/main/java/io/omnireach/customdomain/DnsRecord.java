package io.omnireach.customdomain;

/** A DNS record the tenant creates at its DNS provider. */
public record DnsRecord(String type, String name, String value, String purpose) {}
