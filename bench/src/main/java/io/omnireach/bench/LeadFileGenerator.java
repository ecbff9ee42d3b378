package io.omnireach.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a CSV of realistic, valid, distinct leads in the seed file's layout, one row at a time
 * (the file never sits in memory). Same seed, same file.
 */
final class LeadFileGenerator {

  static final String HEADER =
      "first_name,last_name,email,phone,company,title,industry,company_size,country,timezone,"
          + "linkedin_url,website,tags,stage";

  /** A country: ISO code, dialling code, digits after it (first one non-zero), IANA zones. */
  private record Country(
      String code,
      String dial,
      int digits,
      String[] zones,
      String[] firstNames,
      String[] lastNames,
      String[] companySuffixes,
      String tld) {}

  private static final Country[] COUNTRIES = {
    new Country(
        "US",
        "1",
        10,
        new String[] {
          "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"
        },
        new String[] {
          "James",
          "Mary",
          "Robert",
          "Patricia",
          "Michael",
          "Jennifer",
          "David",
          "Linda",
          "Olivia",
          "Ethan",
          "Sophia",
          "Mason",
          "Ava",
          "Logan",
          "Chloe",
          "Tyler"
        },
        new String[] {
          "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
          "Rodriguez", "Martinez", "Baker", "Rivera", "O'Connor", "Nguyen", "Patel", "Kim"
        },
        new String[] {"Inc.", "LLC", "Corp.", "Group", ""},
        "com"),
    new Country(
        "CA",
        "1",
        10,
        new String[] {"America/Toronto", "America/Vancouver", "America/Edmonton"},
        new String[] {"Liam", "Emma", "Noah", "Charlotte", "Benjamin", "Amélie", "Félix", "Zoé"},
        new String[] {"Tremblay", "Roy", "Gagnon", "Côté", "Campbell", "MacDonald", "Wong"},
        new String[] {"Inc.", "Ltd.", "Ltée", ""},
        "ca"),
    new Country(
        "GB",
        "44",
        10,
        new String[] {"Europe/London"},
        new String[] {"Oliver", "Amelia", "Harry", "Isla", "George", "Freya", "Alfie", "Poppy"},
        new String[] {"Taylor", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes"},
        new String[] {"Ltd", "plc", "LLP", ""},
        "co.uk"),
    new Country(
        "DE",
        "49",
        10,
        new String[] {"Europe/Berlin"},
        new String[] {"Lukas", "Mia", "Jonas", "Hannah", "Felix", "Lea", "Jürgen", "Björn"},
        new String[] {"Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Becker", "Schäfer"},
        new String[] {"GmbH", "AG", "GmbH & Co. KG", "SE"},
        "de"),
    new Country(
        "FR",
        "33",
        9,
        new String[] {"Europe/Paris"},
        new String[] {"Léa", "Hugo", "Chloé", "Louis", "Inès", "Gabriel", "Élodie", "Théo"},
        new String[] {"Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Faure"},
        new String[] {"SAS", "SA", "SARL", ""},
        "fr"),
    new Country(
        "ES",
        "34",
        9,
        new String[] {"Europe/Madrid", "Atlantic/Canary"},
        new String[] {"Lucía", "Hugo", "Martina", "Alejandro", "Sofía", "Álvaro", "Nuria"},
        new String[] {"García", "Fernández", "González", "López", "Martínez", "Sánchez", "Pérez"},
        new String[] {"S.L.", "S.A.", ""},
        "es"),
    new Country(
        "NL",
        "31",
        9,
        new String[] {"Europe/Amsterdam"},
        new String[] {"Daan", "Emma", "Sem", "Julia", "Lieke", "Bram", "Fenna"},
        new String[] {"de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser"},
        new String[] {"B.V.", "N.V.", ""},
        "nl"),
    new Country(
        "SE",
        "46",
        9,
        new String[] {"Europe/Stockholm"},
        new String[] {"Åsa", "Erik", "Maja", "Lars", "Elsa", "Oskar", "Ingrid"},
        new String[] {"Andersson", "Johansson", "Karlsson", "Nilsson", "Öberg", "Lindström"},
        new String[] {"AB", ""},
        "se"),
    new Country(
        "BR",
        "55",
        11,
        new String[] {"America/Sao_Paulo", "America/Manaus", "America/Recife"},
        new String[] {"João", "Maria", "Pedro", "Ana", "Lucas", "Júlia", "Gabriel", "Letícia"},
        new String[] {"Silva", "Santos", "Oliveira", "Souza", "Conceição", "Araújo", "Lima"},
        new String[] {"Ltda.", "S.A.", ""},
        "com.br"),
    new Country(
        "JP",
        "81",
        10,
        new String[] {"Asia/Tokyo"},
        new String[] {"Ren", "Yui", "Haruto", "Hina", "Sota", "Aoi", "Yuto"},
        new String[] {"Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Sato"},
        new String[] {"K.K.", "Co., Ltd.", ""},
        "jp"),
    new Country(
        "IN",
        "91",
        10,
        new String[] {"Asia/Kolkata"},
        new String[] {"Aarav", "Diya", "Vivaan", "Ananya", "Arjun", "Priya", "Rohan", "Saanvi"},
        new String[] {"Sharma", "Gupta", "Iyer", "Reddy", "Nair", "Mehta", "Banerjee"},
        new String[] {"Pvt. Ltd.", "Ltd.", ""},
        "in"),
    new Country(
        "AU",
        "61",
        9,
        new String[] {"Australia/Sydney", "Australia/Melbourne", "Australia/Perth"},
        new String[] {"Cooper", "Charlotte", "Jack", "Matilda", "Lachlan", "Isla", "Harper"},
        new String[] {"Stewart", "Wilson", "Thompson", "Ryan", "Kelly", "Mitchell", "Walsh"},
        new String[] {"Pty Ltd", "Group", ""},
        "com.au"),
  };

  private static final String[] COMPANY_WORDS = {
    "Cobalt",
    "Northwind",
    "Alpen",
    "Harbor",
    "Lumière",
    "Sakura",
    "Spree",
    "Granite",
    "Wattle",
    "Meridian",
    "Atlas",
    "Blue Fjord",
    "Redwood",
    "Solaris",
    "Kestrel",
    "Vantage",
    "Pioneer",
    "Iron Bay",
    "Silverline",
    "Orchid",
    "Summit",
    "Crescent",
    "Evergreen",
    "Polar"
  };
  private static final String[] COMPANY_KINDS = {
    "Logistics", "Health", "Analytics", "Foods", "Robotics", "Energy", "Realty", "Systems",
    "Maschinenbau", "Software", "Capital", "Retail", "Labs", "Freight", "Media", "Pharma"
  };
  private static final String[] TITLES = {
    "CEO",
    "CTO",
    "VP of Sales",
    "Head of Marketing",
    "Operations Manager",
    "IT Director",
    "Director of Logistics",
    "Procurement Lead",
    "Account Executive",
    "Software Engineer",
    "Head of Growth",
    "Chief Revenue Officer",
    "Product Manager",
    "Office Manager",
    "Director of IT Infrastructure",
    "Sales Development Representative"
  };
  private static final String[] INDUSTRIES = {
    "Software",
    "Healthcare",
    "Logistics",
    "Manufacturing",
    "Retail",
    "Finance",
    "Real Estate",
    "Energy",
    "Education",
    "Media",
    "Hospitality",
    "Telecommunications"
  };
  private static final String[] SIZES = {"1-10", "11-50", "51-200", "201-1000", "1000+"};
  private static final String[] TAGS = {
    "partner",
    "webinar",
    "pricing-page",
    "trade-show",
    "newsletter",
    "outbound",
    "inbound",
    "referral",
    "priority",
    "smb",
    "enterprise",
    "demo-request"
  };
  private static final String[] STAGES = {
    "new",
    "new",
    "new",
    "new",
    "contacted",
    "contacted",
    "replied",
    "meeting",
    "negotiation",
    "won",
    "lost",
    ""
  };

  private LeadFileGenerator() {}

  /** Writes {@code rows} leads after the header row to {@code file}. */
  static void write(Path file, long rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (Writer out =
        new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      out.write(HEADER);
      out.write('\n');
      StringBuilder line = new StringBuilder(400);
      for (long i = 0; i < rows; i++) {
        line.setLength(0);
        row(random, i, line);
        line.append('\n');
        out.append(line);
      }
    }
  }

  private static void row(SplittableRandom r, long i, StringBuilder line) {
    Country c = pick(r, COUNTRIES);
    String first = pick(r, c.firstNames);
    String last = pick(r, c.lastNames);
    String word = pick(r, COMPANY_WORDS);
    String kind = pick(r, COMPANY_KINDS);
    String suffix = pick(r, c.companySuffixes);
    String company = word + " " + kind + (suffix.isEmpty() ? "" : " " + suffix);
    String domain = slug(word + kind, "") + "." + c.tld;
    // the row number in base 36 keeps every address distinct, ignoring case as the import does
    String local = slug(first, "") + "." + slug(last, "") + "." + Long.toString(i, 36);
    String email = (r.nextInt(20) == 0 ? capitalise(local) : local) + "@" + domain;

    cell(line, first).append(',');
    cell(line, last).append(',');
    cell(line, email).append(',');
    if (r.nextInt(10) != 0) {
      line.append(phone(r, c));
    }
    line.append(',');
    cell(line, company).append(',');
    cell(line, pick(r, TITLES)).append(',');
    cell(line, pick(r, INDUSTRIES)).append(',');
    line.append(pick(r, SIZES)).append(',');
    line.append(c.code).append(',');
    line.append(pick(r, c.zones)).append(',');
    if (r.nextInt(5) != 0) {
      line.append("https://www.linkedin.com/in/")
          .append(slug(first, "-"))
          .append('-')
          .append(slug(last, "-"))
          .append('-')
          .append(Integer.toHexString(0x100000 + r.nextInt(0xF00000)));
    }
    line.append(',');
    line.append(r.nextInt(4) == 0 ? "www." : "https://www.").append(domain).append(',');
    int tags = r.nextInt(5) - 1;
    for (int t = 0; t < tags; t++) {
      if (t > 0) {
        line.append(';');
      }
      line.append(pick(r, TAGS));
    }
    line.append(',');
    line.append(pick(r, STAGES));
  }

  /** An E.164 number, sometimes written with spaces the way people type them. */
  private static String phone(SplittableRandom r, Country c) {
    StringBuilder national = new StringBuilder(c.digits);
    national.append((char) ('1' + r.nextInt(9)));
    for (int d = 1; d < c.digits; d++) {
      national.append((char) ('0' + r.nextInt(10)));
    }
    if (r.nextInt(4) == 0) {
      return "+" + c.dial + " " + national.substring(0, 3) + " " + national.substring(3);
    }
    return "+" + c.dial + national;
  }

  private static StringBuilder cell(StringBuilder line, String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
      return line.append(value);
    }
    return line.append('"').append(value.replace("\"", "\"\"")).append('"');
  }

  /** ASCII lower case, accents dropped, other characters replaced by {@code gap}. */
  private static String slug(String text, String gap) {
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("ß", "ss")
            .toLowerCase(Locale.ROOT);
    return plain.replaceAll("[^a-z0-9]+", gap);
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
