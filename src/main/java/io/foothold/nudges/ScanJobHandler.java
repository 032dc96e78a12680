package io.foothold.nudges;

import java.util.Date;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine job that runs the nudge scan every {@code scan-interval} and books its own next run in the same
 * transaction: one job for the whole cluster, locked by whichever node's job executor takes it.
 */
final class ScanJobHandler implements JobHandler<ScanJobHandler.NoConfiguration> {

  static final String TYPE = "foothold-nudge-scan";

  private final NudgeScan scan;
  private final NudgeSettings settings;

  ScanJobHandler(NudgeScan scan, NudgeSettings settings) {
    this.scan = scan;
    this.settings = settings;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(NoConfiguration configuration, ExecutionEntity execution, CommandContext context, String tenantId) {
    scan.run(context);
    book(context, Date.from(ClockUtil.getCurrentTime().toInstant().plus(settings.getScanInterval())));
  }

  static void book(CommandContext context, Date due) {
    MessageEntity next = new MessageEntity();
    next.setJobHandlerType(TYPE);
    next.setDuedate(due);
    context.getJobManager().send(next);
  }

  /** Booked once at start-up unless some node already has: the lock row makes two starting nodes take turns. */
  static void bookUnlessBooked(CommandContext context) {
    var jdbc = EngineJdbc.of(context);
    jdbc.queryForList("SELECT ID_ FROM " + NudgeTables.SCAN_LOCK + " WHERE ID_ = 1 FOR UPDATE", Integer.class);
    Integer booked = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ? AND RETRIES_ > 0", Integer.class, TYPE);
    if (booked == null || booked == 0) {
      book(context, ClockUtil.getCurrentTime());
    }
  }

  @Override
  public NoConfiguration newConfiguration(String canonicalString) {
    return new NoConfiguration();
  }

  @Override
  public void onDelete(NoConfiguration configuration, JobEntity jobEntity) {
  }

  record NoConfiguration() implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return "";
    }
  }
}
