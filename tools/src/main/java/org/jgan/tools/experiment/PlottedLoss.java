package org.jgan.tools.experiment;

import java.util.List;
import java.util.Set;

/**
 * The sign convention of {@code jgan experiment correlate}, written once: for a run's objective and
 * the loss correlated, the quantity the WGAN paper plots instead (Arjovsky et al. 2017, Figures 3-4)
 * and whether it rises (+1) or falls (-1) as jgan's logged loss rises. Spearman's rho depends on
 * ranks only, so rho against the paper's quantity is {@code sign} times rho against the logged loss.
 *
 * <ul>
 *   <li>{@code wgan}, {@code wgan-gp}: {@code critic/wasserstein_estimate} = E[C(x)] - E[C(G(z))] is
 *       the paper's "WGAN estimate of the EM distance" itself (Figure 3): sign +1. (Its
 *       {@code critic/loss} is minus that, plus WGAN-GP's penalty.)
 *   <li>{@code gan}, {@code gan-ns}: {@code discriminator/loss} ({@code simultaneous/loss} with
 *       {@code --schedule simultaneous}) is -w L, with L = E[log D(x)] + E[log(1 - D(G(z)))] and w the
 *       {@code --d-loss-weight} (default 1); the paper plots 1/2 L + log 2 = log 2 - loss / (2 w), the
 *       lower bound of the JS distance (Figure 4): sign -1.
 *   <li>Any other objective or loss: the paper plots nothing for it; rho is against the logged loss
 *       as it is, with no quantity named.
 * </ul>
 *
 * @param loss the logged loss key
 * @param quantity what the paper plots, as a function of the logged loss; null where it plots nothing
 * @param sign +1 when the paper's quantity rises with the logged loss, -1 when it falls (+1 where
 *     {@code quantity} is null: rho is the logged loss's own)
 */
public record PlottedLoss(String loss, String quantity, int sign) {
  /** Objectives whose critic logs the paper's Wasserstein estimate. */
  private static final Set<String> WASSERSTEIN = Set.of("wgan", "wgan-gp");
  /** Objectives whose discriminator loss is minus the GAN value function L (times the loss weight). */
  private static final Set<String> GAN = Set.of("gan", "gan-ns");
  private static final List<String> GAN_LOSSES = List.of("discriminator/loss", "simultaneous/loss");

  /** What the paper plots for {@code loss} logged by a run of {@code objective} (null: unknown). */
  public static PlottedLoss of(String objective, String loss) {
    if (objective == null) {
      return new PlottedLoss(loss, null, 1);
    }
    if (WASSERSTEIN.contains(objective) && loss.equals("critic/wasserstein_estimate")) {
      return new PlottedLoss(loss, "EM estimate = loss (WGAN Fig. 3)", 1);
    }
    if (GAN.contains(objective) && GAN_LOSSES.contains(loss)) {
      return new PlottedLoss(loss, "1/2 L + log 2 = log 2 - loss/(2w) (WGAN Fig. 4)", -1);
    }
    return new PlottedLoss(loss, null, 1);
  }

  /** Rho against the paper's quantity, given rho against the logged loss (NaN stays NaN). */
  public double paperRho(double loggedRho) {
    return sign * loggedRho;
  }

  /** The table's text for the quantity: the formula, or "none (as logged)". */
  public String describe() {
    return quantity != null ? quantity : "none (as logged)";
  }

  /** The note under the correlation table that says how to read its two rho columns. */
  public static String tableNote() {
    return "rho (logged): Spearman's rho between each quality measurement and the mean logged loss since the previous"
        + " one; +1 or -1: the loss orders the checkpoints exactly as the quality does, 0: it does not track it."
        + " rho (paper): the same against the quantity the WGAN paper plots (sign x rho (logged)): for wgan and wgan-gp"
        + " the critic's EM estimate as logged (sign +1); for gan and gan-ns 1/2 L + log 2, L the GAN value function,"
        + " which falls as jgan's discriminator loss (-w L, w the --d-loss-weight) rises (sign -1); other runs: as"
        + " logged. FID and KID fall as samples improve and Parzen rises, so the paper's WGAN claim (the estimate falls"
        + " as samples improve) reads as rho (paper) near +1 against quality/fid or quality/kid and near -1 against"
        + " quality/parzen; its GAN claim (no relation) as rho near 0.";
  }
}
