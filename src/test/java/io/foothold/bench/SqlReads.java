package io.foothold.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plain SQL baselines: the rows an endpoint is made of, read over JDBC from the same database, every column of every
 * row fetched. Concurrent readers, each on a connection of its own, as {@link HttpLoad}'s clients are.
 */
final class SqlReads {

  /** One read; answers the rows it fetched. */
  interface Read {
    long run(Connection sql, int request) throws SQLException;
  }

  private SqlReads() {
  }

  /** {@code warmup} reads unmeasured, then {@code measured} measured ones, shared by {@code clients} readers, within {@link HttpLoad}'s budgets. */
  static Latencies run(CaseData data, int clients, int warmup, int measured, Read read) throws Exception {
    round(data, clients, warmup, read, HttpLoad.WARMUP_BUDGET);
    return round(data, clients, measured, read, HttpLoad.MEASURED_BUDGET);
  }

  private static Latencies round(CaseData data, int clients, int requests, Read read, java.time.Duration budget) throws Exception {
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + budget.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Latencies>> readers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        readers.add(pool.submit(() -> {
          Latencies latencies = new Latencies();
          try (Connection sql = data.connect()) {
            for (int i = next.getAndIncrement(); i < requests && (i < clients || System.nanoTime() < deadline); i = next.getAndIncrement()) {
              long start = System.nanoTime();
              if (read.run(sql, i) == 0) {
                throw new IllegalStateException("a plain SQL baseline read no rows");
              }
              latencies.record(System.nanoTime() - start);
            }
          }
          return latencies;
        }));
      }
      Latencies all = new Latencies();
      for (Future<Latencies> reader : readers) {
        all.addAll(reader.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads every column of every row the query answers for the parameters; answers the rows. */
  static long rows(Connection sql, String query, Object... parameters) throws SQLException {
    long rows = 0;
    try (PreparedStatement statement = sql.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            rs.getObject(i);
          }
          rows++;
        }
      }
    }
    return rows;
  }
}
