package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A ready-made {@link ObjectMapper} for Nivaran's JSON format, for hosts that do not already have
 * one to register {@link NivaranJacksonModule} with.
 *
 * <pre>{@code
 * ObjectMapper mapper = NivaranJson.objectMapper();
 * byte[] utf8 = mapper.writeValueAsBytes(event);
 * ComplaintEvent again = mapper.readValue(utf8, ComplaintEvent.class);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class NivaranJson {
  private NivaranJson() {}

  /**
   * A new mapper with {@link NivaranJacksonModule} registered, unknown properties ignored for the
   * host's own types too ({@code FAIL_ON_UNKNOWN_PROPERTIES} disabled; Nivaran's readers ignore
   * them in any case), and characters outside the Basic Multilingual Plane (emoji) written as
   * UTF-8 rather than as {@code \\uD83D\\uDE00} escape pairs, and a field given twice in one
   * object refused rather than the last one silently winning. Output is UTF-8 JSON with non-ASCII
   * text unescaped.
   *
   * <p>Each call returns a new mapper, so the caller may configure it further. Once configured, the
   * mapper is thread-safe, and should be shared rather than created per call.
   *
   * @return a new, configured mapper
   */
  public static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new NivaranJacksonModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }
}
