package org.nivaran.grievance.complaint;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.nivaran.grievance.internal.Texts;

/** The stock {@link ComplaintIdScheme#yearly} scheme. Thread-safe. */
final class YearlySequence implements ComplaintIdScheme {
  private final Function<RegisterComplaint, String> prefixOf;
  private final ZoneId zone;
  private final ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

  YearlySequence(Function<RegisterComplaint, String> prefixOf, ZoneId zone) {
    this.prefixOf = prefixOf;
    this.zone = zone;
  }

  @Override
  public ComplaintId next(RegisterComplaint request, Instant registeredAt) {
    String prefix = Texts.code(prefixOf.apply(request), "prefix");
    int year = registeredAt.atZone(zone).getYear();
    String key = prefix + "-" + year;
    long n = counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    // Locale.ROOT: under a default locale such as mr-IN or bn-IN, %d would print native digits,
    // which a ComplaintId refuses
    return new ComplaintId(String.format(Locale.ROOT, "%s-%06d", key, n));
  }

  @Override
  public String toString() {
    return "ComplaintIdScheme.yearly(zone=" + zone + ")";
  }
}
