package io.omnireach.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryIndexYamlTest {

  private static final RegistryIndex INDEX =
      new RegistryIndex(
          RegistryIndex.FORMAT,
          "Community",
          "2026-12-06T10:00:00Z",
          List.of(
              new RegistryIndex.Entry(
                  "community.no-freebies",
                  "policy_set",
                  "No freebies",
                  "1.0.0",
                  "Blocks discounts: above 10 %",
                  List.of("compliance"),
                  "Community",
                  "77c1d0a9e3b2f415",
                  "sha256:abc",
                  "blocks/community.no-freebies/1.0.0.json")));

  @Test
  void an_index_written_as_yaml_reads_back_the_same() {
    String yaml = Registries.yaml(INDEX);
    assertThat(yaml).contains("omnireach-registry/1").doesNotStartWith("{");
    assertThat(Registries.parse(yaml, "url")).isEqualTo(INDEX);
  }

  @Test
  void a_hand_written_index_yaml_is_read() {
    String yaml =
        "format: omnireach-registry/1\n"
            + "name: Hand made\n"
            + "blocks:\n"
            + "  - id: a.b\n"
            + "    kind: persona\n"
            + "    name: A\n"
            + "    version: 1.2.0\n"
            + "    tags: [x, y]\n"
            + "    url: https://example.org/a.json\n"
            + "    unknownField: ignored\n";
    RegistryIndex index = Registries.parse(yaml, "url");
    assertThat(index.blocks()).hasSize(1);
    assertThat(index.blocks().get(0).version()).isEqualTo("1.2.0");
    assertThat(index.blocks().get(0).tags()).containsExactly("x", "y");
  }

  @Test
  void json_is_still_json_and_broken_yaml_or_another_format_is_refused() {
    assertThat(Registries.parse("  {\"format\":\"omnireach-registry/1\"}", "url").blocks())
        .isEmpty();
    assertThatThrownBy(() -> Registries.parse("format: [unclosed", "url"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> Registries.parse("format: helm/v1\n", "url"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("omnireach-registry/1");
  }
}
