package org.nivaran.grievance.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.examples.open311.Open311Export;
import org.nivaran.grievance.examples.open311.Open311Import;
import org.nivaran.grievance.spring.NivaranProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The service's own beans beside the starter's, which reads the directory, calendars and escalation
 * policies from the class-path files {@code application.yml} names: the Open311 mapping, the
 * bearer-token filter and the resolver that gives handlers their {@link Caller}.
 *
 * <p>Bean methods are called by Spring on one thread at start-up; the beans are thread-safe.
 */
@Configuration(proxyBeanMethods = false)
public class ReferenceConfiguration implements WebMvcConfigurer {

  /** Created by Spring. */
  public ReferenceConfiguration() {}

  /**
   * Open311 requests as registrations: every category of the directory is a service, under its own
   * code; requests come from the configured source and jurisdiction.
   *
   * @param directory the directory
   * @param properties the Open311 settings
   * @return the import
   * @throws IllegalStateException naming {@code reference.open311.jurisdiction} if the directory does
   *     not have that jurisdiction
   */
  @Bean
  public Open311Import open311Import(Directory directory, ReferenceProperties properties) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (Category c : directory.categories().all()) {
      codes.put(c.code(), c.code());
    }
    String jurisdiction = properties.getOpen311().getJurisdiction();
    if (jurisdiction == null || directory.jurisdictions().find(jurisdiction).isEmpty()) {
      throw new IllegalStateException("reference.open311.jurisdiction names the jurisdiction '" + jurisdiction
          + "', which the directory does not have (known: " + directory.jurisdictions().all().stream()
              .map(j -> j.code()).toList() + ")");
    }
    return Open311Import.builder()
        .source(properties.getOpen311().getSource())
        .serviceCodes(codes)
        .jurisdiction(jurisdiction)
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
   * Adds the {@link CallerArgumentResolver}, so a handler's {@link Caller} parameter is the caller
   * the filter found, or the request is answered 401.
   *
   * @param resolvers Spring MVC's list
   */
  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgumentResolver());
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
}
