package io.foothold.security;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda's login throttling, without its lock for good. Camunda delays each wrong password (3 s, doubling up to
 * 60 s) and, at the 10th counted failure, locks the account until an administrator unlocks it: anyone who knows a
 * user id could lock that person out of Tasklist at will. Here the 10th and every later counted failure locks the
 * account for {@code foothold.security.login-lockout} (default 5 minutes) instead; the lock clears by itself, the
 * right password after it resets the count, and each such lock is logged at WARN so an administrator sees who is
 * being guessed at (the lock also shows, and can be lifted early, in Camunda Admin).
 *
 * <p>An attacker gets about ten guesses in the first four and a half minutes, then one per lockout period.
 */
@Component
class LoginLockout extends AbstractProcessEnginePlugin {

  static final String PROPERTY = "foothold.security.login-lockout";
  private static final Logger LOCKS = LoggerFactory.getLogger(LoginLockout.class);

  private final Duration lockout;

  LoginLockout(@Value("${" + PROPERTY + ":PT5M}") Duration lockout) {
    if (lockout.isNegative() || lockout.isZero() || lockout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(PROPERTY + " must be more than 0 and at most an hour, not " + lockout);
    }
    this.lockout = lockout;
  }

  Duration lockout() {
    return lockout;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return LockingForAWhile.class;
      }

      @Override
      public Session openSession() {
        return new LockingForAWhile(lockout);
      }
    });
  }

  /** The engine's database identity provider, whose lock after the last allowed attempt expires. */
  static class LockingForAWhile extends DbIdentityServiceProvider {

    private final Duration lockout;

    LockingForAWhile(Duration lockout) {
      this.lockout = lockout;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
      Date until = user.getLockExpirationTime();
      return until != null && until.after(ClockUtil.getCurrentTime());
    }

    @Override
    protected void lockUser(UserEntity user) {
      int attempts = user.getAttempts() + 1;
      int maxAttempts = Context.getProcessEngineConfiguration().getLoginMaxAttempts();
      if (attempts < maxAttempts) {
        super.lockUser(user);
        return;
      }
      Date until = new Date(ClockUtil.getCurrentTime().getTime() + lockout.toMillis());
      LOCKS.warn("Sign-in for user '{}' is locked until {} after {} wrong passwords in a row; it unlocks by itself then"
          + " (an administrator can unlock it earlier in Camunda Admin)", user.getId(), until.toInstant(), attempts);
      getIdentityInfoManager().updateUserLock(user, attempts, until);
    }
  }
}
