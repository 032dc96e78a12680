package io.foothold.casefile;

/**
 * How cases of one process passed one element of its diagram: how many reached it, how many of those spent a
 * finished visit there, and the median of their time in it (milliseconds, visits added up; null when none finished).
 */
public record StepPassage(String processKey, String activityId, String name, String type, int cases, int timedCases,
    Double medianMillis) {
}
