package org.nivaran.grievance.reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The reference service's entry point: Nivaran through the starter, on H2 unless the
 * {@code postgres} profile or {@code spring.datasource.url} says otherwise.
 *
 * <p>Stateless; Spring runs it on one thread at start-up.
 */
@SpringBootApplication
@EnableConfigurationProperties(ReferenceProperties.class)
public class ReferenceServiceApplication {

  /** Created by Spring. */
  public ReferenceServiceApplication() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot's command-line arguments, e.g. {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication.run(ReferenceServiceApplication.class, args);
  }
}
