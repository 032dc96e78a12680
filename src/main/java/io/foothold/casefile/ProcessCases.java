package io.foothold.casefile;

/** How many cases run one process. */
public record ProcessCases(String processKey, int cases) {
}
