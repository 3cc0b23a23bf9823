package org.nivaran.grievance.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A data source that records the text of every statement prepared on its connections. */
final class RecordingDataSource {
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private final DataSource dataSource;

  RecordingDataSource(DataSource delegate) {
    this.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        forward(delegate, (method, args, result) -> method.getName().equals("getConnection")
            ? Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                forward(result, (m, a, r) -> {
                  if (m.getName().equals("prepareStatement")) {
                    statements.add((String) a[0]);
                  }
                  return r;
                }))
            : result));
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The statements prepared since the last call, forgotten by this call. */
  List<String> drain() {
    List<String> out = List.copyOf(statements);
    statements.clear();
    return out;
  }

  @FunctionalInterface
  private interface After {
    Object apply(java.lang.reflect.Method method, Object[] args, Object result);
  }

  private static InvocationHandler forward(Object target, After after) {
    return (proxy, method, args) -> {
      try {
        return after.apply(method, args, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }
}
