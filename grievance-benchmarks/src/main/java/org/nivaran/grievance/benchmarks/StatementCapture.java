package org.nivaran.grievance.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A data source that passes everything to another one and records the queries run through it:
 * each distinct {@code SELECT} text prepared, with the parameters bound the first time it ran, so
 * that {@link QueryPlans} can {@code EXPLAIN} exactly the statements the store runs (none is
 * copied into the harness).
 *
 * <p>Thread-safe: the record is synchronized; the harness captures one operation at a time.
 */
final class StatementCapture {
  /**
   * One captured query.
   *
   * @param sql the statement as the store prepared it, with {@code ?} markers
   * @param binds the setter calls that bound its parameters, in order
   */
  record Captured(String sql, List<Bind> binds) {}

  /**
   * One setter call on a prepared statement, e.g. {@code setString(1, "default")}.
   *
   * @param method the setter
   * @param args its arguments
   */
  record Bind(Method method, Object[] args) {
    void replay(PreparedStatement ps) throws SQLException {
      try {
        method.invoke(ps, args);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private final DataSource target;
  private final Map<String, Captured> captured = new LinkedHashMap<>();
  private final DataSource dataSource;

  StatementCapture(DataSource target) {
    this.target = target;
    this.dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          return result instanceof Connection c ? connection(c) : result;
        });
  }

  /** The recording data source. */
  DataSource dataSource() {
    return dataSource;
  }

  /** The queries captured since the last {@link #clear()}, in the order first run. */
  synchronized List<Captured> queries() {
    return List.copyOf(captured.values());
  }

  /** Forgets what was captured. */
  synchronized void clear() {
    captured.clear();
  }

  private synchronized void record(String sql, List<Bind> binds) {
    captured.putIfAbsent(sql, new Captured(sql, List.copyOf(binds)));
  }

  private Connection connection(Connection c) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(c, method, args);
          if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps
              && isQuery((String) args[0])) {
            return statement(ps, (String) args[0]);
          }
          return result;
        });
  }

  private static boolean isQuery(String sql) {
    String s = sql.stripLeading().toUpperCase(Locale.ROOT);
    return s.startsWith("SELECT") || s.startsWith("WITH");
  }

  private PreparedStatement statement(PreparedStatement ps, String sql) {
    List<Bind> binds = new ArrayList<>();
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
        binds.add(new Bind(method, args.clone()));
      } else if (name.equals("clearParameters")) {
        binds.clear();
      } else if (name.startsWith("execute")) {
        record(sql, binds);
      }
      return invoke(ps, method, args);
    };
    return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public String toString() {
    return "StatementCapture of " + target;
  }
}
