package io.foothold.bench;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts the SQL statements an engine sends, by MyBatis mapped statement id: a plugin on the executors of the
 * engine's own SqlSessionFactory (each command opens a fresh session, so executors made after
 * {@link #install} carry it). Every insert, update, delete and select Camunda issues goes through one of the
 * intercepted methods once; batched writes count one per statement, as they reach the database.
 * Diagnostic only: where an engine's work goes, not how long it takes.
 */
@Intercepts({
    @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class, BoundSql.class})})
final class SqlStatementCounter implements Interceptor {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile boolean counting;

  static SqlStatementCounter install(ProcessEngine engine) {
    SqlStatementCounter counter = new SqlStatementCounter();
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
        .getConfiguration().addInterceptor(counter);
    return counter;
  }

  /** Counts from zero until {@link #stop()}. */
  void start() {
    counts.clear();
    counting = true;
  }

  void stop() {
    counting = false;
  }

  /** Statement id to count, sorted by id. */
  Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((id, count) -> out.put(id, count.sum()));
    return out;
  }

  long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    // The session calls the wrapped executor once per statement; the executor's own inner calls (the short
    // query calling the long one) go to itself, not through this plugin, so nothing counts twice.
    if (counting) {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      counts.computeIfAbsent(statement.getId(), id -> new LongAdder()).increment();
    }
    return invocation.proceed();
  }

  @Override
  public Object plugin(Object target) {
    return target instanceof Executor ? Plugin.wrap(target, this) : target;
  }

  @Override
  public void setProperties(Properties properties) {
  }
}
