package io.foothold.security;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Installs {@link FootholdPasswordPolicy} and makes a password that breaks it the caller's mistake: Camunda checks
 * the policy before it checks whether the caller may create or change the user at all, and reports a breach as
 * a ProcessEngineException (HTTP 500). Here the caller's permission is checked first (403 for a manager, whatever
 * the password), then the policy, whose breach is a {@link PasswordPolicyViolation} (HTTP 400 naming the rules).
 */
@Component
class PasswordPolicyEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordPolicy(new FootholdPasswordPolicy());
    configuration.setIdentityService(new PolicyCheckedIdentityService());
  }

  /** A new or changed password that breaks the password policy. */
  public static class PasswordPolicyViolation extends BadUserRequestException {

    private static final long serialVersionUID = 1L;

    PasswordPolicyViolation(String rules) {
      super("The password does not match the password policy: " + rules);
    }
  }

  static class PolicyCheckedIdentityService extends IdentityServiceImpl {

    @Override
    public void saveUser(User user, boolean skipPasswordPolicy) {
      commandExecutor.execute(new PolicyCheckedSaveUserCmd(user, skipPasswordPolicy));
    }
  }

  static class PolicyCheckedSaveUserCmd extends SaveUserCmd {

    private static final long serialVersionUID = 1L;

    PolicyCheckedSaveUserCmd(User user, boolean skipPasswordPolicy) {
      super(user, skipPasswordPolicy);
    }

    @Override
    protected Void executeCmd(CommandContext commandContext) {
      if (user instanceof UserEntity entity && shouldCheckPasswordPolicy(commandContext)) {
        // The same permission Camunda's identity provider checks when it stores the user, asked before the policy.
        if (entity.getRevision() == 0) {
          commandContext.getAuthorizationManager().checkAuthorization(CREATE, USER, null);
        } else {
          commandContext.getAuthorizationManager().checkAuthorization(UPDATE, USER, entity.getId());
        }
        if (!entity.checkPasswordAgainstPolicy()) {
          throw new PasswordPolicyViolation(FootholdPasswordPolicy.describe(
              commandContext.getProcessEngineConfiguration().getPasswordPolicy().getRules()));
        }
      }
      return super.executeCmd(commandContext);
    }
  }
}
