package io.omnireach.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Puts leads into their accounts inside the caller's transaction: one statement for any number of
 * leads (an import chunk, one created or edited lead, the backfill's batches). Accounts are created
 * on first sight ({@code on conflict … do update} returns the row even when a concurrent import
 * created it); a lead without a work domain joins the oldest account of the same company name, or
 * one of its own.
 */
public final class AccountLinks {

  /** A lead as stored: its id, its email (null for phone- or LinkedIn-only leads) and company. */
  public record LeadCompany(long leadId, String email, String company) {}

  private static final String LINK =
      "with t as (select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::bool[])"
          + " as t(lead_id, domain, name, name_key, named)),"
          // accounts by work domain, created when new (named after a company name if any lead
          // gives one, else after the domain)
          + " d as (insert into accounts (domain, name, name_key)"
          + " select distinct on (domain) domain, name, name_key from t where domain is not null"
          + " order by domain, named desc, name"
          + " on conflict (domain) where domain is not null"
          + " do update set domain = excluded.domain returning id, domain, name_key),"
          // leads without a work domain: an existing account of that name (a domain's first),
          // else one created in this statement by a domain lead, else a name-only account
          + " existing as (select distinct on (a.name_key) a.name_key, a.id from accounts a"
          + " where a.name_key in (select name_key from t where domain is null)"
          + " order by a.name_key, a.domain is null, a.id),"
          + " n as (insert into accounts (name, name_key)"
          + " select distinct on (name_key) name, name_key from t"
          + " where domain is null and name_key is not null"
          + " and name_key not in (select name_key from existing)"
          + " and name_key not in (select name_key from d)"
          + " order by name_key, name"
          + " on conflict (name_key) where domain is null"
          + " do update set name_key = excluded.name_key returning id, name_key),"
          + " r as (select t.lead_id, coalesce(d.id, e.id,"
          + " (select min(d2.id) from d d2 where t.domain is null and d2.name_key = t.name_key),"
          + " n.id) as account_id from t"
          + " left join d on d.domain = t.domain"
          + " left join existing e on t.domain is null and e.name_key = t.name_key"
          + " left join n on t.domain is null and n.name_key = t.name_key)"
          + " update leads l set account_id = r.account_id from r"
          + " where l.id = r.lead_id and l.account_id is distinct from r.account_id";

  private AccountLinks() {}

  /** Sets each lead's account (null when nothing says where it works); returns leads changed. */
  public static int link(Connection c, Collection<LeadCompany> leads) throws SQLException {
    if (leads.isEmpty()) {
      return 0;
    }
    int size = leads.size();
    Long[] ids = new Long[size];
    String[] domains = new String[size];
    String[] names = new String[size];
    String[] keys = new String[size];
    Boolean[] named = new Boolean[size];
    int i = 0;
    for (LeadCompany lead : leads) {
      Companies.Key key = Companies.of(lead.email(), lead.company());
      ids[i] = lead.leadId();
      if (key != null) {
        domains[i] = key.domain();
        names[i] = key.name();
        keys[i] = key.nameKey();
        named[i] = key.named();
      }
      i++;
    }
    try (PreparedStatement ps = c.prepareStatement(LINK)) {
      ps.setArray(1, c.createArrayOf("int8", ids));
      ps.setArray(2, c.createArrayOf("text", domains));
      ps.setArray(3, c.createArrayOf("text", names));
      ps.setArray(4, c.createArrayOf("text", keys));
      ps.setArray(5, c.createArrayOf("bool", named));
      return ps.executeUpdate();
    }
  }
}
