package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a value by first reading its whole JSON tree and then handing the tree to a hand-written
 * reader; turns the reader's {@link ReadFailure} into the matching Jackson exception. Because the
 * readers look fields up by name, unknown fields are ignored whatever
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} says. Immutable and thread-safe.
 *
 * @param <T> the type read
 */
final class TreeDeserializer<T> extends StdDeserializer<T> {
  private static final long serialVersionUID = 1L;

  /** A reader of a whole tree; the tree is the document root of the value read. */
  @FunctionalInterface
  interface TreeReader<T> {
    T read(JsonNode root);
  }

  /**
   * Reads trees with every JSON number's digits kept (a location's {@code 81.62960} stays five
   * decimal places, where the host's own mapper may turn it into a {@code double}).
   */
  private static final ObjectMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private final String name;
  private final transient TreeReader<? extends T> reader;

  TreeDeserializer(Class<T> type, String name, TreeReader<? extends T> reader) {
    super(type);
    this.name = name;
    this.reader = reader;
  }

  /**
   * Reads one value.
   *
   * @param p the parser, at the value's first token
   * @param ctxt the context
   * @return the value
   * @throws IOException a {@link com.fasterxml.jackson.databind.JsonMappingException} naming the
   *     failing field, or a parse failure
   */
  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode root = EXACT.readTree(p);
    try {
      return reader.read(root);
    } catch (ReadFailure f) {
      throw f.toJackson(p, ctxt, handledType(), name);
    }
  }
}
