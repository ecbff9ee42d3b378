package io.omnireach.testing.citus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * A Citus cluster in containers: one coordinator and two workers, each Citus with pgvector (the
 * Citus image plus the PGDG pgvector package), on one Docker network. Tenant schemas become
 * distributed schemas through {@code citus_schema_distribute}, which tenant provisioning calls when
 * the citus extension exists.
 */
public final class CitusCluster implements AutoCloseable {

  /** Citus 13 on PostgreSQL 17; pgvector from the PGDG repository the image already uses. */
  public static final String CITUS_IMAGE =
      System.getProperty("omnireach.citus.image", "citusdata/citus:13.0.3");

  static final List<String> WORKERS = List.of("worker1", "worker2");

  private final Network network = Network.newNetwork();
  private final ImageFromDockerfile image =
      new ImageFromDockerfile("omnireach-citus-pgvector", false)
          .withDockerfileFromBuilder(
              b ->
                  b.from(CITUS_IMAGE)
                      .run(
                          "apt-get update && apt-get install -y --no-install-recommends"
                              + " postgresql-17-pgvector && rm -rf /var/lib/apt/lists/*")
                      .build());
  private final GenericContainer<?> coordinator = node("coordinator");
  private final List<GenericContainer<?>> workers = WORKERS.stream().map(this::node).toList();

  private GenericContainer<?> node(String alias) {
    return new GenericContainer<>(image)
        .withNetwork(network)
        .withNetworkAliases(alias)
        .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
        .withCommand(
            "postgres",
            "-c",
            "shared_preload_libraries=citus",
            "-c",
            "citus.enable_create_database_propagation=on",
            "-c",
            "max_connections=300")
        .withExposedPorts(5432)
        .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
  }

  public void start() {
    workers.forEach(GenericContainer::start);
    coordinator.start();
  }

  /** The coordinator's JDBC URL without a database name (TestDatabase appends it). */
  public String serverUrl() {
    return "jdbc:postgresql://"
        + coordinator.getHost()
        + ":"
        + coordinator.getMappedPort(5432)
        + "/";
  }

  /**
   * Prepares a database that was just created on the coordinator (and, propagated, on the workers):
   * pgvector and Citus in it on every node and the workers registered. Schemas stay regular ones
   * until they are distributed, as provisioning does ({@code citus_schema_distribute}).
   */
  public void prepare(String database) {
    for (GenericContainer<?> w : workers) {
      run(
          w,
          database,
          "create extension if not exists citus",
          "create extension if not exists vector");
    }
    run(
        coordinator,
        database,
        "create extension if not exists citus",
        "select citus_set_coordinator_host('coordinator', 5432)",
        "select citus_add_node('worker1', 5432)",
        "select citus_add_node('worker2', 5432)");
  }

  private static void run(GenericContainer<?> node, String database, String... sql) {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    String url =
        "jdbc:postgresql://" + node.getHost() + ":" + node.getMappedPort(5432) + "/" + database;
    try (Connection c = new org.postgresql.Driver().connect(url, p);
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Citus node refused: " + String.join("; ", sql), e);
    }
  }

  /** For tests that look at the cluster: a connection to the coordinator. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(serverUrl() + database, "postgres", "");
  }

  @Override
  public void close() {
    coordinator.stop();
    workers.forEach(GenericContainer::stop);
    network.close();
  }
}
