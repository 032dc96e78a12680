package io.foothold.people;

import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.modelguard.CallableFromModels;
import io.foothold.security.Roles;

/**
 * Directory questions a playbook's models ask in expressions, as {@code ${people.…}}. Every playbook may call it:
 * the SPI publishes its name ({@code io.foothold.playbook.spi.ExpressionBeans#PEOPLE}).
 */
@Component("people")
@CallableFromModels
public class PeopleExpressions {

  private final SystemAccess system;

  PeopleExpressions(SystemAccess system) {
    this.system = system;
  }

  /**
   * Who does an employee's own steps: the employee when they can sign in to Tasklist (member of the
   * employees group), otherwise their manager on their behalf.
   */
  public String employeeOrManager(String employeeId, String managerId) {
    if (employeeId == null) {
      return managerId;
    }
    boolean hasAccount = system.call(() -> system.engine().getIdentityService().createUserQuery()
        .userId(employeeId).memberOfGroup(Roles.EMPLOYEES).count() > 0);
    return hasAccount ? employeeId : managerId;
  }
}
