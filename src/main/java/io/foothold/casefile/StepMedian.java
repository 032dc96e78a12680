package io.foothold.casefile;

/** Over some closed cases, how many spent time in one step and the median of that time (milliseconds, visits added up). */
public record StepMedian(String activityId, String name, int cases, double medianMillis) {
}
