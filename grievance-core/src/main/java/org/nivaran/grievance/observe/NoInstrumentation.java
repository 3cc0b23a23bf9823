package org.nivaran.grievance.observe;

/** The instrumentation that observes nothing: {@link Instrumentation#none()}. Stateless. */
final class NoInstrumentation implements Instrumentation {
  static final NoInstrumentation INSTANCE = new NoInstrumentation();

  private NoInstrumentation() {}

  @Override
  public String toString() {
    return "Instrumentation.none()";
  }
}
