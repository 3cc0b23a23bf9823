package org.nivaran.grievance.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.examples.open311.Open311Export;
import org.nivaran.grievance.examples.open311.Open311Import;
import org.nivaran.grievance.spring.NivaranProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The service's own beans beside the starter's: the directory and calendars read from class-path
 * resources (the starter reads {@code nivaran.directory-file} and {@code nivaran.calendars-file}
 * from disk only, so a service run from any folder gives them as beans, which the starter's
 * {@code @ConditionalOnMissingBean} lets win), the escalation ladder, the Open311 mapping and the
 * bearer-token filter.
 *
 * <p>Bean methods are called by Spring on one thread at start-up; the beans are thread-safe.
 */
@Configuration(proxyBeanMethods = false)
public class ReferenceConfiguration {

  /** Created by Spring. */
  public ReferenceConfiguration() {}

  /**
   * The sample district's directory.
   *
   * @param properties where it is ({@code reference.directory})
   * @return the directory
   * @throws IllegalStateException naming the resource if it is missing or bad
   */
  @Bean
  public Directory directory(ReferenceProperties properties) {
    Resource r = required(properties.getDirectory(), "reference.directory");
    try (InputStream in = r.getInputStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return org.nivaran.grievance.json.DirectoryJson.read(reader);
    } catch (IOException | java.io.UncheckedIOException | GrievanceException | IllegalArgumentException e) {
      throw new IllegalStateException("reference.directory " + r.getDescription() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The business calendars.
   *
   * @param properties where they are ({@code reference.calendars})
   * @return the registry
   * @throws IllegalStateException naming the resource if it is missing or bad
   */
  @Bean
  public CalendarRegistry calendars(ReferenceProperties properties) {
    Resource r = required(properties.getCalendars(), "reference.calendars");
    try (InputStream in = r.getInputStream()) {
      return org.nivaran.grievance.json.CalendarJson.readRegistry(in);
    } catch (IOException | java.io.UncheckedIOException | GrievanceException | IllegalArgumentException e) {
      throw new IllegalStateException("reference.calendars " + r.getDescription() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Madhya Pradesh's ladder (seven working days a level) under the id the categories name.
   *
   * @param properties the ladder's id and calendar
   * @return the policies
   */
  @Bean
  public EscalationPolicies escalationPolicies(ReferenceProperties properties) {
    return EscalationPolicies.of(LadderPolicy.madhyaPradesh(properties.getEscalationPolicy(), properties.getCalendar()));
  }

  /**
   * Open311 requests as registrations: every category of the directory is a service, under its own
   * code; requests come from the configured source and jurisdiction.
   *
   * @param directory the directory
   * @param properties the Open311 settings
   * @return the import
   */
  @Bean
  public Open311Import open311Import(Directory directory, ReferenceProperties properties) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (Category c : directory.categories().all()) {
      codes.put(c.code(), c.code());
    }
    return Open311Import.builder()
        .source(properties.getOpen311().getSource())
        .serviceCodes(codes)
        .jurisdiction(properties.getOpen311().getJurisdiction())
        .build();
  }

  /**
   * Complaints as Open311 service requests, with the directory's names and the office's zone.
   *
   * @param directory the directory
   * @param nivaran the starter's properties (the zone)
   * @return the export
   */
  @Bean
  public Open311Export open311Export(Directory directory, NivaranProperties nivaran) {
    ZoneId zone = nivaran.getZone();
    return Open311Export.builder()
        .zone(zone)
        .serviceNames(code -> directory.categories().find(code).map(Category::nameEn).orElse(code))
        .agencyNames(code -> directory.departments().find(code).map(d -> d.nameEn()).orElse(code))
        .addresses(code -> directory.jurisdictions().find(code).map(j -> j.nameEn()).orElse(code))
        .build();
  }

  /**
   * The bearer-token filter over {@code reference.callers}.
   *
   * @param properties the callers
   * @param json Spring's mapper
   * @return the registration of the filter
   */
  @Bean
  public FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(ReferenceProperties properties, ObjectMapper json) {
    FilterRegistrationBean<BearerTokenFilter> registration =
        new FilterRegistrationBean<>(new BearerTokenFilter(BearerTokenFilter.table(properties.getCallers()), json));
    registration.addUrlPatterns("/*");
    return registration;
  }

  private static Resource required(Resource r, String property) {
    if (r == null || !r.exists()) {
      throw new IllegalStateException(property + " names no readable resource (" + (r == null ? "unset" : r.getDescription())
          + ")");
    }
    return r;
  }
}
