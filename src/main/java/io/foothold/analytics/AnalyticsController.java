package io.foothold.analytics;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/audit/analytics: HR's view of how cases go, with every group under five cases hidden.
 * The /api/audit/* guard lets only the hr group reach it.
 */
@RestController
class AnalyticsController {

  private final AnalyticsService analytics;
  private final StepFlows stepFlows;

  AnalyticsController(AnalyticsService analytics, StepFlows stepFlows) {
    this.analytics = analytics;
    this.stepFlows = stepFlows;
  }

  @GetMapping("/api/audit/analytics")
  AuditAnalytics analytics() {
    return analytics.analytics();
  }

  /** Each process's diagram with how many cases passed each step and the median time in it (5-case rule). */
  @GetMapping("/api/audit/analytics/steps")
  List<StepFlow> steps() {
    return stepFlows.all();
  }
}
