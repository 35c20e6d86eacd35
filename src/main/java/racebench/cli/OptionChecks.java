package racebench.cli;

import racebench.stats.Comparison;

import java.time.Duration;

/** The option checks several commands share: each a one-line usage error naming the option. */
final class OptionChecks {
    /** A day: beyond it a budget is a typo, and its nanoseconds would overflow. */
    static final int MAX_BUDGET_MINUTES = 24 * 60;

    private OptionChecks() {
    }

    /** --budget in minutes: positive and at most a day. */
    static Duration budget(int minutes) {
        if (minutes <= 0) {
            throw new BadInput("--budget must be a positive number of minutes, got " + minutes);
        }
        if (minutes > MAX_BUDGET_MINUTES) {
            throw new BadInput("--budget is at most a day (" + MAX_BUDGET_MINUTES + " minutes), got " + minutes);
        }
        return Duration.ofMinutes(minutes);
    }

    /** --correction: bh or holm. */
    static racebench.stats.Correction correction(String name) {
        try {
            return racebench.stats.Correction.parse(name);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--correction must be bh or holm, got '" + name + "'");
        }
    }

    /** --noise in percent: the default criteria with that threshold. */
    static Comparison.Criteria noise(double percent) {
        if (!(percent >= 0 && percent < 100)) {
            throw new BadInput("--noise must be a percentage from 0 to 100, got " + percent);
        }
        return Comparison.Criteria.DEFAULT.withNoise(percent / 100);
    }
}
