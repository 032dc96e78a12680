package io.foothold.audit;

import java.util.List;

/**
 * A case file to print or keep: the timeline, the path on the diagram and everyone who read the case, including
 * the read that produced this record.
 */
record CaseRecord(CaseTimeline timeline, CasePath path, List<ReadLogEntry> reads) {
}
