package io.foothold.audit;

import java.util.List;

/** One page of HR's case list; {@code total} counts every case that matches the filter. */
record CasePage(int page, int size, long total, List<CaseSummary> cases) {
}
