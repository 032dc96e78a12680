package io.foothold.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A case and everything that happened in it (and in the playbooks it called), oldest first. */
record CaseTimeline(@JsonProperty("case") CaseDetail caseDetail, List<TimelineEvent> timeline) {
}
