package io.omnireach.persona;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a persona writes: sentence length, formality from 0 casual to 1 formal, the greetings and
 * sign-offs it uses, its favourite words, and the words common in business mail it never uses.
 * {@link #offline} reads it from the writing samples by plain text statistics (deterministic); an
 * LLM may describe it instead ({@code source} {@value #LLM}, {@code model} naming it). {@code note}
 * says why an LLM profile was wanted but the offline one is shown (null otherwise).
 */
public record VoiceProfile(
    String source,
    double avgSentenceWords,
    double formality,
    String formalityLabel,
    List<String> greetings,
    List<String> signOffs,
    List<String> favouriteWords,
    List<String> avoidedWords,
    int samples,
    String model,
    String note) {

  public static final String OFFLINE = "offline";
  public static final String LLM = "llm";

  public VoiceProfile {
    greetings = List.copyOf(greetings);
    signOffs = List.copyOf(signOffs);
    favouriteWords = List.copyOf(favouriteWords);
    avoidedWords = List.copyOf(avoidedWords);
  }

  /** This (offline) profile, saying why the LLM's is not shown. */
  public VoiceProfile withNote(String why) {
    return new VoiceProfile(
        source,
        avgSentenceWords,
        formality,
        formalityLabel,
        greetings,
        signOffs,
        favouriteWords,
        avoidedWords,
        samples,
        model,
        why);
  }

  /** Openers, longest first so "Good morning" wins over a shorter match. */
  private static final List<String> GREETINGS =
      List.of("good morning", "good afternoon", "hello", "hiya", "hey", "dear", "hi", "greetings");

  private static final List<String> SIGN_OFFS =
      List.of(
          "kind regards",
          "best regards",
          "warm regards",
          "all the best",
          "many thanks",
          "thank you",
          "talk soon",
          "yours sincerely",
          "sincerely",
          "regards",
          "cheers",
          "thanks",
          "warmly",
          "best");

  /** Words and phrases common in sales mail; those a persona never writes are "avoided". */
  static final List<String> BUSINESS_WORDS =
      List.of(
          "reach out",
          "touch base",
          "circle back",
          "leverage",
          "synergy",
          "solution",
          "opportunity",
          "partnership",
          "value",
          "demo",
          "schedule",
          "meeting",
          "follow up",
          "quick",
          "just",
          "hope this finds you well");

  private static final Set<String> FORMAL =
      Set.of(
          "dear",
          "regards",
          "sincerely",
          "kindly",
          "please",
          "would",
          "appreciate",
          "furthermore",
          "therefore",
          "however",
          "ms",
          "mr",
          "mrs",
          "dr");
  private static final Set<String> CASUAL =
      Set.of(
          "hey", "hi", "cheers", "thanks", "awesome", "cool", "super", "great", "btw", "yeah",
          "lol", "gonna", "wanna", "quick");

  private static final Set<String> STOP_WORDS =
      Set.of(
          "about", "after", "again", "also", "been", "before", "being", "could", "does", "doing",
          "from", "have", "having", "here", "into", "just", "more", "most", "much", "only", "other",
          "over", "same", "some", "such", "than", "that", "their", "them", "then", "there", "these",
          "they", "this", "those", "very", "want", "were", "what", "when", "where", "which",
          "while", "will", "with", "would", "your", "yours", "you're", "i'm", "it's", "we're",
          "let's", "that's", "don't");

  private static final Set<String> SALUTATION_WORDS =
      Set.of(
          "hello",
          "hiya",
          "dear",
          "greetings",
          "morning",
          "afternoon",
          "regards",
          "cheers",
          "thanks",
          "sincerely",
          "warmly",
          "best",
          "kind",
          "warm",
          "many",
          "thank",
          "talk",
          "soon");

  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)|\\n\\s*\\n");
  private static final Pattern CONTRACTION =
      Pattern.compile("\\b\\p{L}+['’](m|re|s|ll|ve|d|t)\\b", Pattern.CASE_INSENSITIVE);

  /** The profile of these samples; with none, empty lists and a neutral 0.5. */
  public static VoiceProfile offline(List<String> samples) {
    List<String> texts = samples.stream().map(s -> PLACEHOLDER.matcher(s).replaceAll("")).toList();
    Map<String, Integer> greetings = new LinkedHashMap<>();
    Map<String, Integer> signOffs = new LinkedHashMap<>();
    Map<String, Integer> words = new TreeMap<>();
    int sentences = 0;
    int sentenceWords = 0;
    int formal = 0;
    int casual = 0;
    StringBuilder all = new StringBuilder();
    for (String text : texts) {
      List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      if (!lines.isEmpty()) {
        count(greetings, match(GREETINGS, lines.get(0)));
        for (int i = lines.size() - 1; i >= Math.max(1, lines.size() - 3); i--) {
          String signOff = match(SIGN_OFFS, lines.get(i));
          if (signOff != null && lines.get(i).length() <= signOff.length() + 2) {
            count(signOffs, signOff);
            break;
          }
        }
      }
      for (String sentence : SENTENCE_END.split(text)) {
        int n = wordCount(sentence);
        if (n > 0) {
          sentences++;
          sentenceWords += n;
        }
      }
      Matcher m = WORD.matcher(text);
      while (m.find()) {
        String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
        if (FORMAL.contains(w)) {
          formal++;
        }
        if (CASUAL.contains(w)) {
          casual++;
        }
        // greetings and sign-offs have their own lists; a favourite word is one of the body
        if (w.length() >= 4 && !STOP_WORDS.contains(w) && !SALUTATION_WORDS.contains(w)) {
          words.merge(w, 1, Integer::sum);
        }
      }
      Matcher c = CONTRACTION.matcher(text);
      while (c.find()) {
        casual++;
      }
      casual += (int) text.chars().filter(ch -> ch == '!').count();
      all.append(' ').append(text.toLowerCase(Locale.ROOT));
    }
    double formality = formal + casual == 0 ? 0.5 : round2((double) formal / (formal + casual));
    List<String> avoided = new ArrayList<>();
    if (!texts.isEmpty()) {
      for (String phrase : BUSINESS_WORDS) {
        if (!Pattern.compile("\\b" + Pattern.quote(phrase)).matcher(all).find()) {
          avoided.add(phrase);
        }
      }
    }
    return new VoiceProfile(
        OFFLINE,
        sentences == 0 ? 0 : Math.round(10.0 * sentenceWords / sentences) / 10.0,
        formality,
        label(formality),
        top(greetings, 5, 1),
        top(signOffs, 5, 1),
        top(words, 8, 2),
        avoided.subList(0, Math.min(8, avoided.size())),
        samples.size(),
        null,
        null);
  }

  /**
   * One line for the draft prompt, e.g. "about 7 words a sentence; casual (0.2); greets with Hey;
   * signs off with Cheers; likes: onboarding; never uses: reach out, synergy".
   */
  public String summary() {
    List<String> parts = new ArrayList<>();
    parts.add("about " + Math.round(avgSentenceWords) + " words a sentence");
    parts.add(formalityLabel + " (" + formality + " on 0 casual … 1 formal)");
    if (!greetings.isEmpty()) {
      parts.add("greets with " + String.join(", ", greetings));
    }
    if (!signOffs.isEmpty()) {
      parts.add("signs off with " + String.join(", ", signOffs));
    }
    if (!favouriteWords.isEmpty()) {
      parts.add("likes: " + String.join(", ", favouriteWords));
    }
    if (!avoidedWords.isEmpty()) {
      parts.add("never uses: " + String.join(", ", avoidedWords));
    }
    return String.join("; ", parts);
  }

  /** "casual" below 0.35, "formal" from 0.65, else "neutral". */
  public static String label(double formality) {
    return formality < 0.35 ? "casual" : formality >= 0.65 ? "formal" : "neutral";
  }

  private static String match(List<String> phrases, String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    for (String p : phrases) {
      if (lower.startsWith(p)
          && (lower.length() == p.length() || !Character.isLetter(lower.charAt(p.length())))) {
        return Character.toUpperCase(p.charAt(0)) + p.substring(1);
      }
    }
    return null;
  }

  private static void count(Map<String, Integer> counts, String key) {
    if (key != null) {
      counts.merge(key, 1, Integer::sum);
    }
  }

  /** The most frequent keys (at least {@code min} times), ties in the map's order. */
  private static List<String> top(Map<String, Integer> counts, int limit, int min) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= min)
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static int wordCount(String sentence) {
    int n = 0;
    Matcher m = WORD.matcher(sentence);
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
