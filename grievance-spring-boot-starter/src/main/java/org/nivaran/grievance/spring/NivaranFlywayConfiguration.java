package org.nivaran.grievance.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * When the application runs Flyway, the store's schema is one more Flyway location: this adds
 * {@code classpath:db/nivaran/postgresql} or {@code classpath:db/nivaran/h2} (by the database the
 * {@code DataSource} reaches) to {@code spring.flyway.locations}, and the starter's
 * {@code SchemaInstaller} stays off, so the host's own migrations and the store's share one history.
 * {@code nivaran.schema.install=false} turns this off too (list the folder yourself then).
 *
 * <p>Runs after the data source's auto-configuration and before Flyway's. Stateless and thread-safe.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
    beforeName = "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration")
@ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "spring.flyway", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NivaranFlywayConfiguration {

  /** Created by Spring. */
  public NivaranFlywayConfiguration() {}

  /**
   * Adds the store's folder for the application's database to Flyway's locations.
   *
   * @param dataSource the application's database
   * @return the customizer
   */
  @Bean
  @ConditionalOnMissingBean(name = "nivaranFlywayLocations")
  @ConditionalOnProperty(prefix = "nivaran.schema", name = "install", havingValue = "true", matchIfMissing = true)
  public FlywayConfigurationCustomizer nivaranFlywayLocations(DataSource dataSource) {
    return configuration -> {
      List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
      Location store = new Location("classpath:db/nivaran/" + folder(dataSource));
      if (!locations.contains(store)) {
        locations.add(store);
      }
      configuration.locations(locations.toArray(Location[]::new));
    };
  }

  /**
   * The store's schema folder for a database: {@code postgresql} or {@code h2}.
   *
   * @param dataSource the database
   * @return the folder name
   * @throws NivaranConfigurationException if the database is neither, or cannot be reached
   */
  static String folder(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return "postgresql";
      }
      if (product.contains("h2")) {
        return "h2";
      }
      throw new NivaranConfigurationException("spring.datasource.url",
          "the Nivaran store runs on PostgreSQL or H2, not " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to choose the Nivaran schema folder", e);
    }
  }
}
