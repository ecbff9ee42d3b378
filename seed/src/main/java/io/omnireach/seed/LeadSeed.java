package io.omnireach.seed;

import io.omnireach.db.Transactions;
import io.omnireach.lead.DuplicatePolicy;
import io.omnireach.lead.ImportRow;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadImportWriter;
import io.omnireach.lead.LeadRules;
import io.omnireach.tenant.TenantRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * 500 realistic demo leads across industries, countries and time zones. Generated from a fixed
 * seed, so the same leads come out every time and re-seeding adds none twice.
 */
final class LeadSeed {

  static final int COUNT = 500;

  private record Place(String country, String zone, String phonePrefix) {}

  private static final List<Place> PLACES =
      List.of(
          new Place("US", "America/New_York", "+1212555"),
          new Place("US", "America/Chicago", "+1312555"),
          new Place("US", "America/Los_Angeles", "+1415555"),
          new Place("CA", "America/Toronto", "+1416555"),
          new Place("GB", "Europe/London", "+44207946"),
          new Place("DE", "Europe/Berlin", "+49301234"),
          new Place("FR", "Europe/Paris", "+33142345"),
          new Place("ES", "Europe/Madrid", "+34912345"),
          new Place("IN", "Asia/Kolkata", "+91224567"),
          new Place("AU", "Australia/Sydney", "+61291234"),
          new Place("BR", "America/Sao_Paulo", "+55113456"),
          new Place("JP", "Asia/Tokyo", "+81312345"));
  private static final List<String> INDUSTRIES =
      List.of(
          "SaaS",
          "Logistics",
          "Healthcare",
          "Fintech",
          "Manufacturing",
          "Retail",
          "Education",
          "Real Estate");
  private static final List<String> SIZES = List.of("1-10", "11-50", "51-200", "201-1000", "1000+");
  private static final List<String> TITLES =
      List.of(
          "VP Sales",
          "Head of Growth",
          "CTO",
          "Operations Manager",
          "Chief Revenue Officer",
          "Marketing Director",
          "Procurement Lead",
          "Founder & CEO",
          "Sales Operations Analyst",
          "COO");
  private static final List<String> TAGS =
      List.of("webinar", "trade-show", "inbound", "referral", "priority", "q4");
  private static final String[] STAGES = {
    "new",
    "new",
    "new",
    "new",
    "contacted",
    "contacted",
    "contacted",
    "replied",
    "meeting",
    "negotiation",
    "won",
    "lost"
  };

  private final Transactions tx;
  private final Clock clock;

  LeadSeed(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** Returns how many leads were added (0 when they are all there already). */
  int load(TenantRef tenant) {
    Random random = new Random(20261125);
    Faker faker = new Faker(Locale.ENGLISH, random);
    List<ImportRow> rows = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      String first = faker.name().firstName();
      String last = faker.name().lastName();
      String company = faker.company().name();
      String domain =
          company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
              + ".example";
      String local = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
      Place place = PLACES.get(random.nextInt(PLACES.size()));
      LeadDraft draft =
          new LeadDraft()
              .set(LeadField.FIRST_NAME, first)
              .set(LeadField.LAST_NAME, last)
              .set(LeadField.EMAIL, local + i + "@" + domain)
              .set(
                  LeadField.PHONE,
                  place.phonePrefix() + String.format("%04d", random.nextInt(10000)))
              .set(LeadField.COMPANY, company)
              .set(LeadField.TITLE, TITLES.get(random.nextInt(TITLES.size())))
              .set(LeadField.INDUSTRY, INDUSTRIES.get(random.nextInt(INDUSTRIES.size())))
              .set(LeadField.COMPANY_SIZE, SIZES.get(random.nextInt(SIZES.size())))
              .set(LeadField.COUNTRY, place.country())
              .set(LeadField.TIMEZONE, place.zone())
              .set(LeadField.WEBSITE, "https://" + domain)
              .set(
                  LeadField.LINKEDIN_URL,
                  "https://www.linkedin.com/in/" + local.replace('.', '-') + "-" + i)
              .set(LeadField.STAGE, STAGES[random.nextInt(STAGES.length)])
              .set(LeadField.SCORE, Integer.toString(random.nextInt(101)))
              .tags(
                  List.of(
                      TAGS.get(random.nextInt(TAGS.size())),
                      TAGS.get(random.nextInt(TAGS.size()))));
      LeadRules.Result result = LeadRules.check(draft, true);
      rows.add(new ImportRow(i + 2L, result.valid(), result.errors()));
    }
    return tx.tenant(
        tenant,
        c ->
            LeadImportWriter.write(
                    c, tenant.id(), rows, DuplicatePolicy.SKIP, "seed", clock.instant())
                .counts()
                .imported());
  }
}
