package io.omnireach.testing.citus;

import io.omnireach.testing.TestDatabase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.DockerClientFactory;

/**
 * Registered only by the {@code citus} Maven profile: before the first test, starts a {@link
 * CitusCluster} and points {@link TestDatabase} at its coordinator, so the profile's tests (tenant
 * provisioning, isolation, the workflow engine) run unchanged against Citus with pgvector. Without
 * a Docker engine it says so once and sets {@code omnireach.test.skip}: every test that asks for a
 * database is then skipped (not failed, not run against the local PostgreSQL).
 */
public final class CitusSession implements LauncherSessionListener {

  private static CitusCluster cluster;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    // only under the profile (its surefire sets omnireach.citus): classes compiled by an earlier
    // -Pcitus build may still sit in target/test-classes of a build without it
    if (!Boolean.getBoolean("omnireach.citus")
        || System.getProperty("omnireach.test.pg") != null
        || cluster != null) {
      return;
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      String reason =
          "citus profile: no Docker engine on this machine, so no Citus cluster; the Citus tests"
              + " are skipped";
      System.out.println("[citus] " + reason);
      System.setProperty("omnireach.test.skip", reason);
      return;
    }
    cluster = new CitusCluster();
    cluster.start();
    System.out.println("[citus] coordinator + 2 workers at " + cluster.serverUrl());
    System.setProperty("omnireach.test.pg", cluster.serverUrl());
    TestDatabase.onCreate = cluster::prepare;
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
