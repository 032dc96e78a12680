package io.foothold.audit;

import java.util.List;

/** One page of the read log, newest first. */
record ReadLogPage(int page, int size, long total, List<ReadLogEntry> entries) {
}
