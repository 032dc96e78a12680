package io.foothold.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The case fields of the list, plus where an open case stands now. */
record CaseDetail(@JsonUnwrapped CaseSummary summary, List<CurrentStep> currentSteps) {
}
