package io.foothold.analytics;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/audit/analytics: HR's view of how cases go, with every group under five cases hidden, as of the moment
 * its figures were computed ({@link AnalyticsSnapshots}). The /api/audit/* guard lets only the hr group reach it.
 */
@RestController
class AnalyticsController {

  private final AnalyticsSnapshots snapshots;

  AnalyticsController(AnalyticsSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @GetMapping("/api/audit/analytics")
  AuditAnalytics analytics() {
    return snapshots.analytics();
  }

  /** Each process's diagram with how many cases passed each step and the median time in it (5-case rule). */
  @GetMapping("/api/audit/analytics/steps")
  List<StepFlow> steps() {
    return snapshots.steps();
  }
}
