package io.omnireach.workflow.node;

/**
 * One node type of the workflow canvas (Keycloak-style provider factory): its id in the stored
 * JSON, its palette entry, how its config is read and checked, and the executor that runs it.
 * Registered in {@code META-INF/services/io.omnireach.workflow.node.NodeTypeFactory} and found by
 * {@link NodeTypes}.
 *
 * @param <C> the node's typed config (a record)
 */
public interface NodeTypeFactory<C> {

  /** The {@code type} of the node in the workflow JSON, e.g. {@code send_email}. */
  String id();

  /** Label, icon, colour, ports and default config, as the canvas and the settings panel show. */
  NodePalette palette();

  /**
   * The typed config, read from the node's free-form {@code config} object. Never throws: problems
   * go to {@link ConfigReader#error} and a usable, possibly partial config comes back, so the
   * validator reports every error at once.
   */
  C read(ConfigReader config);

  /** Checks of the config against the tenant and the graph (before publishing). */
  default void validate(C config, NodeCheck check) {}

  /** Whether the step writes (it then runs under a savepoint, so its failed SQL is undone). */
  default boolean writes() {
    return true;
  }

  /** Whether the step pauses the run (a loop through it is not a busy loop). */
  default boolean pauses() {
    return false;
  }

  /** The executor of this type; called once per engine. */
  StepExecutor<C> executor(NodeServices services);
}
