package org.nivaran.grievance.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Calls every public constructor, public static method and (on a sample instance) public instance
 * method of a module's public types with {@code null} in one reference parameter at a time, sample
 * values in the others, and reports each call whose refusal does not name the parameter. A call
 * names it when it throws a {@code NullPointerException} whose message is the parameter's name or
 * starts with it (as {@code Objects.requireNonNull(x, "x")} does), or any other exception (a typed
 * refusal such as {@code InvalidInputException}, or a refusal of a sample value first); it does not
 * when it throws a bare or JDK-worded {@code NullPointerException}, or does not return within 10
 * seconds. A call that accepts {@code null} is not reported: the parameter may be optional.
 *
 * <pre>{@code
 * NullArguments.Report report = NullArguments.of(JdbcComplaintStore.class)
 *     .sample(DataSource.class, dataSource)
 *     .sample(JdbcComplaintStore.class, store)
 *     .check();
 * assertThat(report.unnamed()).isEmpty();
 * }</pre>
 *
 * <p>Parameter names come from the class files, so the module must be compiled with
 * {@code -parameters}. Not thread-safe; each call runs on a daemon thread of its own.
 */
public final class NullArguments {
  private final Path classes;
  private final String packagePrefix;
  private final Map<Class<?>, Object> samples = new LinkedHashMap<>();
  private final Set<String> skippedPackages = new TreeSet<>();

  private NullArguments(Class<?> anchor) {
    try {
      this.classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the classes of " + anchor.getName() + " are not at a file location", e);
    }
    this.packagePrefix = anchor.getPackageName();
    sample(String.class, "X");
    sample(CharSequence.class, "X");
    sample(Object.class, "X");
    sample(Optional.class, Optional.empty());
    sample(List.class, List.of());
    sample(java.util.Collection.class, List.of());
    sample(Iterable.class, List.of());
    sample(Set.class, Set.of());
    sample(Map.class, Map.of());
  }

  /**
   * A check of the public types of the jar or class folder that holds {@code anchor}, in
   * {@code anchor}'s package and those below it.
   *
   * @param anchor a class of the module
   * @return the check, with samples of strings and empty collections
   * @throws NullPointerException naming {@code anchor} if it is null
   */
  public static NullArguments of(Class<?> anchor) {
    return new NullArguments(Objects.requireNonNull(anchor, "anchor"));
  }

  /**
   * Gives the value passed for a parameter of a type (or a supertype of it), and the instance
   * whose instance methods are called when the type is one of the checked types.
   *
   * @param <T> the type
   * @param type the type
   * @param value a valid value of it
   * @return this check
   * @throws NullPointerException naming {@code type} or {@code value} if one is null
   */
  public <T> NullArguments sample(Class<T> type, T value) {
    samples.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Leaves the types of a package (and those below it) out, such as a package that is not API.
   *
   * @param packageName the package
   * @return this check
   * @throws NullPointerException naming {@code packageName} if it is null
   */
  public NullArguments skipping(String packageName) {
    skippedPackages.add(Objects.requireNonNull(packageName, "packageName"));
    return this;
  }

  /**
   * What a check found: how many calls it made, and those that did not name their null parameter.
   *
   * @param calls the calls made with one null argument
   * @param unnamed each call that did not name it, as {@code Type.method(parameter): what it threw}
   */
  public record Report(int calls, Set<String> unnamed) {
    /**
     * Copies the findings.
     *
     * @param calls the calls made
     * @param unnamed the findings
     */
    public Report {
      unnamed = Set.copyOf(unnamed);
    }
  }

  /**
   * Makes the calls.
   *
   * @return what was found
   * @throws UncheckedIOException if the module's classes cannot be listed
   */
  public Report check() {
    Set<String> unnamed = new TreeSet<>();
    int calls = 0;
    for (Class<?> type : publicTypes()) {
      for (Executable e : entryPoints(type)) {
        Parameter[] params = e.getParameters();
        for (int i = 0; i < params.length; i++) {
          Optional<Object[]> args = argumentsWithNullAt(params, i);
          if (params[i].getType().isPrimitive() || args.isEmpty()) {
            continue;
          }
          calls++;
          Throwable thrown = invoke(type, e, args.get());
          String name = params[i].getName();
          if (!names(thrown, name) && !(generated(e) && jdkNames(thrown, name))) {
            unnamed.add(type.getName().substring(packagePrefix.length() + 1) + "." + e.getName() + "(" + name + "): "
                + (thrown instanceof TimeoutException ? "did not return" : thrown.getClass().getSimpleName() + " "
                + thrown.getMessage()));
          }
        }
      }
    }
    return new Report(calls, unnamed);
  }

  private List<Executable> entryPoints(Class<?> type) {
    List<Executable> out = new ArrayList<>();
    if (!Modifier.isAbstract(type.getModifiers())) {
      out.addAll(List.of(type.getConstructors()));
    }
    for (Method m : type.getMethods()) {
      Class<?> owner = m.getDeclaringClass();
      boolean inherited = owner == Object.class || owner == Enum.class || owner == Record.class;
      boolean contract = m.getName().equals("equals") || m.getName().equals("compareTo")
          || type.isEnum() && m.getName().equals("valueOf");
      if (inherited || contract || m.isSynthetic() || m.isBridge()) {
        continue;
      }
      if (Modifier.isStatic(m.getModifiers()) ? owner == type : sample(type).isPresent()) {
        out.add(m);
      }
    }
    return out;
  }

  private Optional<Object[]> argumentsWithNullAt(Parameter[] params, int at) {
    Object[] args = new Object[params.length];
    for (int j = 0; j < params.length; j++) {
      if (j != at) {
        Optional<Object> s = sample(params[j].getType());
        if (s.isEmpty()) {
          return Optional.empty();
        }
        args[j] = s.get();
      }
    }
    return Optional.of(args);
  }

  private Optional<Object> sample(Class<?> type) {
    if (type.isPrimitive()) {
      return Optional.of(type == boolean.class ? (Object) false : type == long.class ? (Object) 1L
          : type == double.class ? (Object) 1.0 : type == char.class ? (Object) 'x' : (Object) 1);
    }
    if (type.isEnum()) {
      return Optional.of(type.getEnumConstants()[0]);
    }
    if (type.isArray()) {
      return Optional.of(Array.newInstance(type.getComponentType(), 0));
    }
    Object exact = samples.get(type);
    if (exact != null) {
      return Optional.of(exact);
    }
    return samples.entrySet().stream().filter(e -> type.isAssignableFrom(e.getKey())).map(Map.Entry::getValue).findFirst();
  }

  private Throwable invoke(Class<?> type, Executable e, Object[] args) {
    CompletableFuture<Throwable> result = new CompletableFuture<>();
    Thread t = new Thread(() -> result.complete(call(type, e, args)), "null-arguments");
    t.setDaemon(true);
    t.start();
    try {
      return result.get(10, TimeUnit.SECONDS);
    } catch (TimeoutException x) {
      return x;
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      return x;
    } catch (ExecutionException x) {
      return x.getCause();
    }
  }

  private Throwable call(Class<?> type, Executable e, Object[] args) {
    try {
      if (e instanceof Constructor<?> k) {
        k.newInstance(args);
      } else {
        Method m = (Method) e;
        m.invoke(Modifier.isStatic(m.getModifiers()) ? null : sample(type).orElseThrow(), args);
      }
      return null;
    } catch (InvocationTargetException x) {
      return x.getCause();
    } catch (ReflectiveOperationException | RuntimeException x) {
      return x;
    }
  }

  /** A method the Immutables processor writes, final, that the module cannot wrap. */
  private static boolean generated(Executable e) {
    return e.getDeclaringClass().getSimpleName().startsWith("Immutable")
        || e.getDeclaringClass().getName().contains(".Immutable");
  }

  /** The JDK's own message for a null parameter that is dereferenced at once names it exactly. */
  private static boolean jdkNames(Throwable thrown, String name) {
    return thrown instanceof NullPointerException && thrown.getMessage() != null
        && thrown.getMessage().endsWith("because \"" + name + "\" is null");
  }

  private static boolean names(Throwable thrown, String name) {
    if (thrown == null) {
      return true;
    }
    if (thrown instanceof TimeoutException) {
      return false;
    }
    if (!(thrown instanceof NullPointerException)) {
      return true;
    }
    String message = thrown.getMessage();
    return message != null && (message.equals(name) || message.startsWith(name + " ") || message.startsWith(name + ":"));
  }

  private List<Class<?>> publicTypes() {
    List<Class<?>> out = new ArrayList<>();
    ClassLoader loader = getClass().getClassLoader();
    for (String name : classNames()) {
      if (!name.startsWith(packagePrefix + ".") || skippedPackages.stream().anyMatch(p -> name.startsWith(p + "."))) {
        continue;
      }
      try {
        Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader() : loader);
        Class<?> outer = type.getEnclosingClass();
        if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass()
            && (outer == null || Modifier.isPublic(outer.getModifiers()))) {
          out.add(type);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load " + name, e);
      }
    }
    return out;
  }

  private List<String> classNames() {
    try {
      if (Files.isDirectory(classes)) {
        return names(classes);
      }
      try (FileSystem jar = FileSystems.newFileSystem(classes)) {
        return names(jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the classes in " + classes, e);
    }
  }

  private static List<String> names(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.map(p -> root.relativize(p).toString())
          .filter(p -> p.endsWith(".class") && !p.endsWith("module-info.class") && !p.endsWith("package-info.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .sorted()
          .toList();
    }
  }
}
