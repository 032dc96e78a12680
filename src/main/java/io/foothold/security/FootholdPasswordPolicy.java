package io.foothold.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * Camunda's default password policy (upper and lower case, a digit, a special character, nothing taken from the
 * user's id, names or e-mail) with Foothold's minimum length of 12, so every account — the configured admin
 * included — meets one rule set. Switched on by the generic property enable-password-policy and installed by
 * {@link PasswordPolicyEnginePlugin}; Camunda Admin shows these rules when a password is set.
 */
final class FootholdPasswordPolicy implements PasswordPolicy {

  static final int MIN_LENGTH = 12;

  private static final List<PasswordPolicyRule> RULES = List.of(
      new PasswordPolicyUserDataRuleImpl(),
      new PasswordPolicyLengthRuleImpl(MIN_LENGTH),
      new PasswordPolicyLowerCaseRuleImpl(1),
      new PasswordPolicyUpperCaseRuleImpl(1),
      new PasswordPolicyDigitRuleImpl(1),
      new PasswordPolicySpecialCharacterRuleImpl(1));

  @Override
  public List<PasswordPolicyRule> getRules() {
    return RULES;
  }

  /** The rules in words, for error messages: "at least 12 characters, at least 1 digit, …". */
  static String describe(List<PasswordPolicyRule> rules) {
    return rules.stream().map(FootholdPasswordPolicy::describe).collect(Collectors.joining(", "));
  }

  private static String describe(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
    String count = parameters.values().stream().findFirst().orElse("");
    return switch (rule.getPlaceholder()) {
      case PasswordPolicyUserDataRuleImpl.PLACEHOLDER -> "nothing from the user's id, names or e-mail";
      case PasswordPolicyLengthRuleImpl.PLACEHOLDER -> "at least " + count + " characters";
      case PasswordPolicyLowerCaseRuleImpl.PLACEHOLDER -> "at least " + count + " lower-case letter(s)";
      case PasswordPolicyUpperCaseRuleImpl.PLACEHOLDER -> "at least " + count + " upper-case letter(s)";
      case PasswordPolicyDigitRuleImpl.PLACEHOLDER -> "at least " + count + " digit(s)";
      case PasswordPolicySpecialCharacterRuleImpl.PLACEHOLDER -> "at least " + count + " special character(s)";
      default -> rule.getPlaceholder() + (parameters.isEmpty() ? "" : " " + parameters);
    };
  }
}
