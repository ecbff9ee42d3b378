package io.omnireach.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Collections;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * TLS to PostgreSQL as OMNIREACH_DB_URL carries it ({@code ?sslmode=verify-full&sslrootcert=…}),
 * through the two ways the code connects: {@link DatabaseBootstrap} (start-up and the {@code
 * ./omnireach} commands) and a data source built from the URL (the commands; Liberty's data source
 * parses the same URL). Needs TLS on in the local server: {@code scripts/pg-tls.sh} (run by
 * .ci/run).
 */
class DatabaseTlsTest {

  static final String HOST_PORT = "jdbc:postgresql://localhost:5432/";
  static final String DB = "omnireach_it_tls_" + UUID.randomUUID().toString().substring(0, 8);
  @TempDir static Path dir;
  static Path serverCa;

  @BeforeAll
  static void theServersCaFromTheServerItself() throws SQLException, IOException {
    Properties props = new Properties();
    props.setProperty("user", TestDatabase.USER);
    props.setProperty("sslmode", "disable");
    try (Connection c = new org.postgresql.Driver().connect(HOST_PORT + "postgres", props);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select current_setting('ssl'), current_setting('ssl_cert_file'),"
                    + " pg_read_file(regexp_replace(current_setting('ssl_cert_file'),"
                    + " '[^/]+$', 'ca.crt'))")) {
      rs.next();
      assertThat(rs.getString(1))
          .as("TLS is off in the local PostgreSQL: run scripts/pg-tls.sh (as root)")
          .isEqualTo("on");
      serverCa = Files.writeString(dir.resolve("ca.crt"), rs.getString(3));
    }
  }

  @AfterAll
  static void drop() {
    TestDatabase.drop(DB);
  }

  @Test
  void verify_full_with_the_servers_ca_gives_an_encrypted_connection_to_bootstrap_and_commands()
      throws SQLException {
    String url = HOST_PORT + DB + "?sslmode=verify-full&sslrootcert=" + serverCa;

    assertThat(DatabaseBootstrap.ensureDatabase(url, TestDatabase.USER, "")).isTrue();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(TestDatabase.USER);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select ssl, version, current_database() from pg_stat_ssl"
                    + " where pid = pg_backend_pid()")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.getString(2)).startsWith("TLSv1.");
      assertThat(rs.getString(3)).isEqualTo(DB);
    }
  }

  @Test
  void verify_full_against_another_ca_is_refused_with_a_clear_error() throws Exception {
    Path otherCa = Files.writeString(dir.resolve("other-ca.crt"), pem(someJdkRootCertificate()));
    String url = HOST_PORT + "postgres?sslmode=verify-full&sslrootcert=" + otherCa;

    assertThatThrownBy(() -> DatabaseBootstrap.ensureDatabase(url, TestDatabase.USER, ""))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("SSL error")
        .hasMessageContaining("certification path");
  }

  @Test
  void clients_without_tls_still_connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", TestDatabase.USER);
    props.setProperty("sslmode", "disable");
    try (Connection c = new org.postgresql.Driver().connect(HOST_PORT + "postgres", props);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isFalse();
    }
  }

  /** A trusted root that did not sign the server's certificate. */
  private static Certificate someJdkRootCertificate() throws Exception {
    KeyStore cacerts = KeyStore.getInstance(KeyStore.getDefaultType());
    Path file = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    try (InputStream in = Files.newInputStream(file)) {
      cacerts.load(in, null);
    }
    String alias = Collections.list(cacerts.aliases()).get(0);
    return cacerts.getCertificate(alias);
  }

  private static String pem(Certificate cert) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
