package io.foothold.nudges;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Records a sent nudge in the case's history as a comment on the case, which HR's timeline lists ("comment") with its
 * time. Written as an entity rather than through TaskService, because a cancellation goes out after the case has
 * ended, when the service no longer accepts comments on it. It carries the case's removal time, so retention and
 * erasure take it with the rest of the case's history.
 */
final class CaseHistoryNote {

  private CaseHistoryNote() {
  }

  static void record(CommandContext context, String caseId, String message) {
    HistoricProcessInstance instance = context.getHistoricProcessInstanceManager().findHistoricProcessInstance(caseId);
    if (instance == null) {
      return; // the case's history has been erased meanwhile: nothing to add it to
    }
    CommentEntity comment = new CommentEntity();
    comment.setType(CommentEntity.TYPE_COMMENT);
    comment.setTime(ClockUtil.getCurrentTime());
    comment.setProcessInstanceId(caseId);
    comment.setRootProcessInstanceId(instance.getRootProcessInstanceId());
    comment.setRemovalTime(instance.getRemovalTime());
    comment.setTenantId(instance.getTenantId());
    comment.setAction("AddComment");
    comment.setMessage(message);
    comment.setFullMessage(message);
    context.getCommentManager().insert(comment);
  }
}
