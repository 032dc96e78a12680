/**
 * HR's aggregates over closed cases (outcomes, time to outcome, supports, cases per step and the median time in
 * it), every figure suppressed below five cases so no one can be picked out. Read from history only.
 */
package io.foothold.analytics;
