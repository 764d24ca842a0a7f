package dev.byline.auth;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How sign-in is kept safe on this site: how long a throttled try waits ({@code
 * auth.signin.slow.ms}) and which roles must use two-factor sign-in ({@code auth.2fa.required}).
 */
public record SignInRules(Duration slowDelay, Set<Role> twoFactorRequired) {
  /** Two seconds' wait; two-factor sign-in offered to all, required of none. */
  public static final SignInRules DEFAULT = new SignInRules(SlowLane.DELAY, Set.of());

  public SignInRules {
    if (slowDelay == null || slowDelay.isNegative())
      throw new IllegalArgumentException("the slow sign-in delay must be zero or more");
    twoFactorRequired = Set.copyOf(twoFactorRequired);
  }

  /** Whether a user of this role must have two-factor sign-in on before using the admin. */
  public boolean requiresTwoFactor(Role role) {
    return twoFactorRequired.contains(role);
  }

  /**
   * Reads a list such as {@code "editor, admin"}; blank or {@code none} for no role.
   *
   * @throws IllegalArgumentException naming the word that is not a role
   */
  public static Set<Role> roles(String list) {
    var roles = EnumSet.noneOf(Role.class);
    if (list == null || list.isBlank() || list.strip().equalsIgnoreCase("none")) return roles;
    for (var word : list.split(",")) {
      if (!word.isBlank()) roles.add(Role.parse(word));
    }
    return roles;
  }
}
