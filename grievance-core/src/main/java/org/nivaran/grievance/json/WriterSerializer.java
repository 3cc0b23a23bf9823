package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a value with one of the hand-written {@link Writers}. Immutable and thread-safe.
 *
 * @param <T> the type written
 */
final class WriterSerializer<T> extends StdSerializer<T> {
  private static final long serialVersionUID = 1L;

  /** A writer of one value. */
  @FunctionalInterface
  interface ValueWriter<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  private final transient ValueWriter<? super T> writer;

  WriterSerializer(Class<T> type, ValueWriter<? super T> writer) {
    super(type);
    this.writer = writer;
  }

  /**
   * Writes one value.
   *
   * @param value the value, not null
   * @param g the generator
   * @param provider the provider (unused: the format does not depend on it)
   * @throws IOException if the generator fails
   */
  @Override
  public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
    writer.write(g, value);
  }
}
