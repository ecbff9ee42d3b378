package io.omnireach.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.ChatModel;
import io.omnireach.ai.AiException.Reason;
import io.omnireach.lead.Lead;
import io.omnireach.persona.Persona;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a draft with a langchain4j {@link ChatModel} through a {@link ChatCaller} (retries 429,
 * 5xx and timeouts by the {@link RetryPolicy}, nothing else), then parses the reply strictly as
 * {@code {subject, body, rationale}}. A reply that is not that object, too long, or carries links
 * that are not in the prompt is refused with {@link Reason#MALFORMED_REPLY}, keeping the tokens it
 * cost.
 */
public final class LlmGenerator implements MessageGenerator {

  static final int MAX_SUBJECT = 150;
  static final int MAX_BODY_WORDS = PromptBuilder.MAX_WORDS + 60;

  private static final Pattern LINK =
      Pattern.compile("(?i)\\bhttps?://[^\\s)>\\]]+|\\bwww\\.[^\\s)>\\]]+");

  private final ChatCaller caller;
  private final String generator;
  private final PromptBuilder prompts;

  public LlmGenerator(ChatModel model, Provider provider, String modelName, RetryPolicy retry) {
    this.generator = provider.id() + "/" + modelName;
    this.caller = new ChatCaller(model, generator, retry);
    this.prompts = new PromptBuilder();
  }

  /** The draft and how many attempts it took. */
  public record Result(Draft draft, int attempts) {}

  @Override
  public Draft generate(TenantRef tenant, Lead lead, Persona persona) {
    return complete(prompts.build(lead, persona, List.of())).draft();
  }

  public Result complete(Prompt prompt) {
    ChatCaller.Reply reply = caller.call(prompt);
    return new Result(parse(reply, prompt), reply.attempts());
  }

  private Draft parse(ChatCaller.Reply reply, Prompt prompt) {
    JsonNode node = ChatCaller.object(reply);
    String subject = ChatCaller.text(node, "subject");
    String body = ChatCaller.text(node, "body");
    if (subject == null || subject.isBlank() || body == null || body.isBlank()) {
      throw ChatCaller.malformed("The model's reply lacks a text subject or body.", reply, null);
    }
    String rationale = ChatCaller.text(node, "rationale");
    subject = clean(subject).replace('\n', ' ');
    body = clean(body);
    if (body.split("\\s+").length > MAX_BODY_WORDS) {
      throw ChatCaller.malformed(
          "The model's draft is longer than " + MAX_BODY_WORDS + " words.", reply, null);
    }
    Matcher link = LINK.matcher(body);
    while (link.find()) {
      if (!prompt.user().contains(link.group())) {
        throw ChatCaller.malformed(
            "The model's draft contains a link that is not in the persona or lead.", reply, null);
      }
    }
    if (subject.length() > MAX_SUBJECT) {
      subject = subject.substring(0, MAX_SUBJECT).strip() + "…";
    }
    return new Draft(
        subject,
        body,
        rationale == null ? null : clean(rationale),
        generator,
        false,
        reply.promptTokens(),
        reply.completionTokens());
  }

  /** Output gets the same invisible-character cleaning as input; instructions are not policed. */
  static String clean(String s) {
    return s.replaceAll("[\\p{Cf}\\u200B-\\u200F\\u2060-\\u206F\\uFEFF]", "")
        .replaceAll("[\\p{Cc}&&[^\\n]]", "")
        .strip();
  }
}
