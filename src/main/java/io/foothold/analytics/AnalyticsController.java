package io.foothold.analytics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/audit/analytics: HR's view of how cases go, with every group under five cases hidden.
 * The /api/audit/* guard lets only the hr group reach it.
 */
@RestController
class AnalyticsController {

  private final AnalyticsService analytics;

  AnalyticsController(AnalyticsService analytics) {
    this.analytics = analytics;
  }

  @GetMapping("/api/audit/analytics")
  AuditAnalytics analytics() {
    return analytics.analytics();
  }
}
